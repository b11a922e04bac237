import { type Lang, messagesFor } from '../../src/i18n/index.js';
import { shorten } from '../../src/util/visible.js';
import { firstFacesIn, whenFirstFacesIn } from '../katex/fonts.js';
import { renderTex, type TexRenderResult } from '../katex/render.js';
import { NEAR_VIEWPORT } from './render-later.js';
import { busy, CHUNK_MS, drained, later } from './scheduler.js';

/**
 * The typesetting budget. KaTeX costs roughly 40 µs per character of TeX on a laptop
 * (more for deep nesting), so a derivation of a small but adversarial expression
 * (`1/(1/(…x))` 40 deep: 167 kB of step TeX) blocked the page for seconds. Three bounds:
 *
 * - one formula of more than `formula` characters is shown as plain text, with a note;
 * - one element typesets at most `element` characters of TeX in all; past that, further
 *   formulas are shown as plain text, with a note;
 * - lazily typeset formulas are typeset only when on screen (a closed `<details>` is
 *   not), in chunks of about `chunkMs` that yield to the browser between them.
 */
export const TYPESET_BUDGET = { formula: 1200, element: 12_000, chunkMs: CHUNK_MS } as const;

/** Most characters of a plain-text stand-in for a formula over the budget. */
const MAX_TEXT = 400;
/** Most characters of the plain text shown while a formula waits to be typeset. */
const MAX_PLACEHOLDER = 120;

// A small cache: re-rendering an element (a keystroke in an answer box) must not typeset
// the same formulas again.
const CACHE_SIZE = 400;
const cache = new Map<string, TexRenderResult>();

/** KaTeX through gradstep's safe options, remembered for repeated formulas. */
export function typeset(tex: string, display: boolean): TexRenderResult {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = renderTex(tex, display);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

/** Whether a formula is over the one-formula budget. */
export function overBudget(tex: string): boolean {
  return tex.length > TYPESET_BUDGET.formula;
}

/** The note for a formula shown as text. */
export function tooLongNote(length: number, lang: Lang): string {
  return messagesFor(lang).typeset.tooLong({ length });
}

/** A plain-text stand-in, as DOM nodes (never HTML): a muted note and the text. */
function fallbackNodes(doc: Document, text: string, note: string): Node[] {
  const small = doc.createElement('small');
  small.className = 'typeset-note';
  small.textContent = note;
  const code = doc.createElement('code');
  code.className = 'typeset-text';
  code.textContent = shorten(text, MAX_TEXT);
  return [code, doc.createTextNode(' '), small];
}

interface Job {
  readonly el: HTMLElement;
  readonly tex: () => string;
  readonly text: () => string;
  readonly display: boolean;
  readonly lang: Lang;
  readonly budget: TypesetBudget;
}

const jobs = new WeakMap<Element, Job>();
/** Jobs handed to the scheduler and not yet run. */
const queued = new Set<Job>();

/**
 * The formulas waiting in one element's shadow root (or, in the light DOM, for one node).
 * The IntersectionObserver watches the element, not each formula: a page of a few hundred
 * elements has tens of thousands of formulas, too many to track on every frame of a scroll.
 */
interface Group {
  readonly anchor: Element;
  readonly jobs: Set<Job>;
  near: boolean;
  sweepQueued: boolean;
}

const groups = new WeakMap<Element, Group>();
/** Groups with jobs waiting (for `typesetIdle`). */
const active = new Set<Group>();
let observer: IntersectionObserver | undefined;

function enqueue(job: Job): void {
  if (queued.has(job)) return;
  queued.add(job);
  later(() => {
    queued.delete(job);
    if (jobs.get(job.el) !== job || !job.el.isConnected) return;
    jobs.delete(job.el);
    finish(job);
  });
}

/** Queues the group's formulas that are shown now (not inside a closed `<details>`). */
function sweep(group: Group): void {
  group.sweepQueued = false;
  for (const job of group.jobs) {
    if (jobs.get(job.el) !== job || !job.el.isConnected) group.jobs.delete(job);
    else if (job.el.checkVisibility()) {
      group.jobs.delete(job);
      enqueue(job);
    }
  }
  if (!group.jobs.size) active.delete(group);
}

function sweepLater(group: Group): void {
  if (group.sweepQueued) return;
  group.sweepQueued = true;
  // Not before KaTeX's first faces are in: the page's first formulas (typeset with their
  // element) need the tasks that bring them in more than these need typesetting.
  whenFirstFacesIn(group.anchor.ownerDocument, () => later(() => sweep(group)));
}

function onIntersect(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    const group = groups.get(entry.target);
    if (!group) continue;
    group.near = entry.isIntersecting;
    if (group.near) sweepLater(group);
  }
}

function groupOf(el: HTMLElement): Group {
  const root = el.getRootNode();
  const anchor = root instanceof ShadowRoot ? root.host : el;
  let group = groups.get(anchor);
  if (!group) {
    group = { anchor, jobs: new Set(), near: false, sweepQueued: false };
    groups.set(anchor, group);
    const g = group;
    // Steps opened later are typeset then (toggle does not bubble: listen in the capture phase).
    if (root instanceof ShadowRoot)
      root.addEventListener(
        'toggle',
        () => (g.near || typeof IntersectionObserver === 'undefined') && sweepLater(g),
        true,
      );
    if (typeof IntersectionObserver !== 'undefined') {
      observer ??= new IntersectionObserver(onIntersect, { rootMargin: NEAR_VIEWPORT });
      observer.observe(anchor);
    } else group.near = true;
  }
  return group;
}

function finish(job: Job): void {
  job.el.classList.remove('pending');
  const tex = job.tex();
  const doc = job.el.ownerDocument;
  if (overBudget(tex)) {
    job.el.replaceChildren(...fallbackNodes(doc, job.text(), tooLongNote(tex.length, job.lang)));
    return;
  }
  // A formula typeset again (the element rendered anew after its DOM was released) counts once.
  const counted = job.budget.seen.has(tex);
  if (!counted && job.budget.used + tex.length > TYPESET_BUDGET.element) {
    job.el.replaceChildren(...fallbackNodes(doc, job.text(), messagesFor(job.lang).typeset.budget));
    return;
  }
  if (!counted) {
    job.budget.used += tex.length;
    job.budget.seen.add(tex);
  }
  const result = typeset(tex, job.display);
  if (result.ok) {
    // KaTeX output with trust: false is the one sanctioned path from text to HTML.
    job.el.innerHTML = result.html;
  } else {
    const code = doc.createElement('code');
    code.className = 'error';
    code.textContent = shorten(tex, MAX_TEXT);
    job.el.replaceChildren(code);
  }
}

/** What one view has typeset: characters in all, and which formulas (each counts once). */
export interface TypesetBudget {
  used: number;
  readonly seen: Set<string>;
}

const budgets = new WeakMap<object, TypesetBudget>();

/**
 * The typesetting budget of one view: everything typeset for `owner` (a derivation's
 * steps, a gradient) counts against {@link TYPESET_BUDGET}.element.
 */
export function budgetFor(owner: object): TypesetBudget {
  let budget = budgets.get(owner);
  if (!budget) {
    budget = { used: 0, seen: new Set() };
    budgets.set(owner, budget);
  }
  return budget;
}

/** What each element shows or is waiting to show (so an unchanged re-render does nothing). */
const shown = new WeakMap<Element, readonly unknown[]>();

/** One lazily typeset formula. */
export interface LazyFormula {
  /** Identifies the formula across renders (a step, the language…): an unchanged key is not typeset again. */
  readonly key: readonly unknown[];
  readonly tex: () => string;
  /** A plain-text form, shown until typeset and in place of a formula over the budget. */
  readonly text: () => string;
  readonly display?: boolean;
  readonly lang: Lang;
  readonly budget: TypesetBudget;
}

/**
 * Typesets a formula into `el` once `el` is on screen (a closed `<details>` is not), in
 * chunks that yield; until then `el` shows the plain text. Called from a `ref` callback.
 */
export function typesetLater(el: Element | undefined, formula: LazyFormula): void {
  if (!(el instanceof HTMLElement)) return;
  const before = shown.get(el);
  if (before && before.length === formula.key.length && before.every((k, i) => Object.is(k, formula.key[i]))) return;
  shown.set(el, formula.key);
  const job: Job = {
    el,
    tex: formula.tex,
    text: formula.text,
    display: formula.display ?? false,
    lang: formula.lang,
    budget: formula.budget,
  };
  jobs.set(el, job);
  el.classList.add('pending');
  el.textContent = shorten(formula.text(), MAX_PLACEHOLDER);
  const group = groupOf(el);
  group.jobs.add(job);
  active.add(group);
  if (group.near) sweepLater(group);
}

/**
 * Resolves when every formula on screen has been typeset (for tests and benchmarks);
 * with `offscreen`, also those off screen that are not inside a closed `<details>`.
 */
export async function typesetIdle(options: { offscreen?: boolean } = {}): Promise<void> {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  // Elements render in turns and their formulas follow once the observer has seen them: repeat
  // until a pair of frames passes with nothing queued.
  for (let round = 0; round < 50; round++) {
    await frame();
    await frame();
    await firstFacesIn(document);
    if (observer) onIntersect(observer.takeRecords());
    if (options.offscreen) {
      // Also what is off screen (a test's frame may be hidden), but never inside a closed <details>.
      for (const group of active) sweep(group);
    }
    if (!busy()) return;
    await drained();
  }
}
