import { type CSSResult, css, unsafeCSS } from 'lit';
import { later } from './scheduler.js';

/**
 * First renders that wait for the viewport. An element that derives, checks or optimizes
 * (`gs-derivative`, `gs-answer`, `gs-optimizer`, …) does that work only once it comes within
 * `NEAR_VIEWPORT` of the viewport, one element per turn of the shared scheduler, so a page of
 * hundreds of them shows its first screen at once and stays responsive while the rest wait.
 * Until then the element holds a cheap placeholder of about its rendered height (so the page's
 * length and scroll position do not jump). Later renders (attribute changes, typing) are not
 * deferred. An element whose `updateComplete` a script reads, and every element where there is
 * no IntersectionObserver, renders in the scheduler's next turn, wherever it is.
 */

/**
 * How far outside the viewport an element starts its first render (and its formulas are
 * typeset): a screen, so that what a reader scrolls to a screen at a time is rendered and
 * typeset while it is still off screen, in small chunks, rather than in the frame it appears.
 */
export const NEAR_VIEWPORT = '100%';

/**
 * How far outside the viewport a rendered element that can be rendered again from its
 * properties alone (`releaseWhenFar`) keeps its shadow DOM: past three screens it is replaced by
 * a placeholder of its height, so a page of hundreds of derivations read to the end keeps a few
 * screens of DOM, not all of it (every frame's style, layout and hit testing cost grows with it).
 */
export const FAR_VIEWPORT = '300%';

interface Waiting {
  readonly start: () => void;
}

const waiting = new WeakMap<Element, Waiting>();
let observer: IntersectionObserver | undefined;

function onIntersect(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    const job = waiting.get(entry.target);
    observer?.unobserve(entry.target);
    if (!job) continue;
    waiting.delete(entry.target);
    later(job.start);
  }
}

/**
 * Calls `start` once `el` is near the viewport (or, with `now`, at once), in a turn of the
 * shared scheduler.
 */
export function whenNearViewport(el: Element, now: boolean, start: () => void): void {
  if (now || typeof IntersectionObserver === 'undefined') {
    later(start);
    return;
  }
  waiting.set(el, { start });
  unplaced.push(el);
  if (unplaced.length === 1) later(place);
}

/** Elements waiting whose place has not been read yet. */
let unplaced: Element[] = [];

/** Pixels of `NEAR_VIEWPORT` (a percentage of the viewport's height, as for the observer's margin). */
const nearPx = (height: number) => (Number.parseFloat(NEAR_VIEWPORT) / 100) * height;

/**
 * Reads the place of every element queued since the last turn, with one layout for all of
 * them: an element already near the viewport starts in the next turn, without waiting a
 * frame for the IntersectionObserver's first report; the others are observed.
 */
function place(): void {
  const els = unplaced;
  unplaced = [];
  const view = els[0]?.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  const width = view?.innerWidth ?? 0;
  const NEAR_PX = nearPx(height);
  for (const el of els) {
    const job = waiting.get(el);
    if (!job) continue;
    const r = el.isConnected ? el.getBoundingClientRect() : undefined;
    if (
      r !== undefined &&
      (r.width > 0 || r.height > 0) &&
      r.bottom >= -NEAR_PX &&
      r.top <= height + NEAR_PX &&
      r.right >= -NEAR_PX &&
      r.left <= width + NEAR_PX
    ) {
      waiting.delete(el);
      later(job.start);
      continue;
    }
    observer ??= new IntersectionObserver(onIntersect, { rootMargin: NEAR_VIEWPORT });
    observer.observe(el);
  }
}

/** Starts `el`'s first render in the next turn if it waits for the viewport. */
export function startSoon(el: Element): void {
  const job = waiting.get(el);
  if (!job) return;
  waiting.delete(el);
  observer?.unobserve(el);
  later(job.start);
}

interface Releasable {
  /** Called once the element is past `FAR_VIEWPORT`; returns false when it must keep its DOM now (focus inside). */
  readonly release: () => boolean;
  /** Called (in a turn of the scheduler) once a released element comes back within `FAR_VIEWPORT`. */
  readonly restore: () => void;
}

const releasable = new WeakMap<Element, Releasable & { released: boolean }>();
let farObserver: IntersectionObserver | undefined;

function onFar(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    const r = releasable.get(entry.target);
    if (!r) continue;
    if (!entry.isIntersecting && !r.released && entry.target.isConnected) r.released = r.release();
    else if (entry.isIntersecting && r.released) {
      r.released = false;
      later(r.restore);
    }
  }
}

/**
 * Watches a rendered element: past `FAR_VIEWPORT` it is asked to `release` its DOM, and once
 * back within it to `restore` it. Without an IntersectionObserver nothing is released.
 */
export function releaseWhenFar(el: Element, callbacks: Releasable): void {
  if (typeof IntersectionObserver === 'undefined' || releasable.has(el)) return;
  releasable.set(el, { ...callbacks, released: false });
  farObserver ??= new IntersectionObserver(onFar, { rootMargin: FAR_VIEWPORT });
  farObserver.observe(el);
}

/** Stops watching `el` (it was disconnected; it keeps or restores its DOM). */
export function keepWhenFar(el: Element): boolean {
  const r = releasable.get(el);
  farObserver?.unobserve(el);
  releasable.delete(el);
  return r?.released ?? false;
}

/**
 * Host styles of an element whose first render waits: the placeholder reserves `height`
 * (about the element's rendered height), and once rendered the element is neither laid
 * out nor painted while far off screen (`content-visibility: auto`), keeping that height.
 */
export function deferredHostStyles(height: string, skipOffscreen = true): CSSResult {
  const host = skipOffscreen
    ? css`
        :host {
          content-visibility: auto;
          contain-intrinsic-block-size: auto ${unsafeCSS(height)};
        }
      `
    : css``;
  return css`
    ${host}
    .gs-placeholder {
      min-height: ${unsafeCSS(height)};
    }
  `;
}
