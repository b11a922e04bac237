import { css, type ReactiveController, type ReactiveElement } from 'lit';

/**
 * The one scroll cue of gradstep, for every box that scrolls sideways (a wide formula
 * in a step list, a boxed answer, the optimizer's formulas, the lesson's tables): a
 * shadow on the edge that has more to show, only while the content overflows; and the
 * box becomes a keyboard-scrollable region with a name. The elements use it in their
 * shadow roots (class `scroll-x`, see `ScrollCueController`); the app adopts the same
 * style sheet for its page-level formulas and tables.
 *
 * `data-scroll` says which way there is more: "right", "left" or "both".
 */
export const scrollCueStyles = css`
  .scroll-x {
    overflow-x: auto;
    overflow-y: hidden;
  }
  [data-scroll='right'] {
    box-shadow: inset -14px 0 12px -12px var(--gs-scroll-cue-color, rgb(20 30 50 / 0.55));
  }
  [data-scroll='left'] {
    box-shadow: inset 14px 0 12px -12px var(--gs-scroll-cue-color, rgb(20 30 50 / 0.55));
  }
  [data-scroll='both'] {
    box-shadow:
      inset -14px 0 12px -12px var(--gs-scroll-cue-color, rgb(20 30 50 / 0.55)),
      inset 14px 0 12px -12px var(--gs-scroll-cue-color, rgb(20 30 50 / 0.55));
  }
  [data-scroll]:focus-visible {
    outline: 2px solid var(--gs-accent, #1f57c3);
    outline-offset: 2px;
  }
  @media (prefers-color-scheme: dark) {
    [data-scroll='right'],
    [data-scroll='left'],
    [data-scroll='both'] {
      --gs-scroll-cue-color: rgb(0 0 0 / 0.85);
    }
  }
`;

/** Elements whose own role matters to what is inside them. */
const SEMANTIC = new Set(['ul', 'ol', 'dl', 'table']);

/** Elements that take keyboard focus themselves (a summary, a link): they scroll with the arrow keys already. */
const FOCUSABLE = 'summary, a[href], button, input, select, textarea';

/**
 * Marks one box: `data-scroll` for the cue while it overflows, and (unless it is focusable
 * already, or `region` is false for a row of buttons that scrolls to the focused one)
 * `tabindex="0"`, `aria-label` = `name` and (a plain box, not a list or table)
 * `role="region"`, so a keyboard user can reach
 * and scroll it and a screen reader names it. All of it is removed when the box fits.
 */
export function markScrollCue(el: HTMLElement, name: string, region = true): void {
  const max = el.scrollWidth - el.clientWidth;
  const own = el.hasAttribute('data-scroll-focus');
  if (max <= 1) {
    if (el.hasAttribute('data-scroll')) el.removeAttribute('data-scroll');
    if (own) {
      el.removeAttribute('data-scroll-focus');
      el.removeAttribute('tabindex');
      el.removeAttribute('aria-label');
      if (el.hasAttribute('data-scroll-role')) {
        el.removeAttribute('data-scroll-role');
        el.removeAttribute('role');
      }
    }
    return;
  }
  const left = el.scrollLeft > 1;
  const right = el.scrollLeft < max - 1;
  const cue = left && right ? 'both' : left ? 'left' : 'right';
  if (el.getAttribute('data-scroll') !== cue) el.setAttribute('data-scroll', cue);
  if (own || !region || el.matches(FOCUSABLE) || el.hasAttribute('tabindex')) {
    if (own && el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
    return;
  }
  el.setAttribute('data-scroll-focus', '');
  el.tabIndex = 0;
  // A list or table keeps its own role (its items need it); a plain box becomes a region.
  if (!el.hasAttribute('role') && !SEMANTIC.has(el.localName)) {
    el.setAttribute('role', 'region');
    el.setAttribute('data-scroll-role', '');
  }
  el.setAttribute('aria-label', name);
}

/**
 * Keeps the cue of every `.scroll-x` box in a host's shadow root current: after each
 * update, when the host is resized, when content arrives later (lazily typeset formulas)
 * or comes on screen (content-visibility: auto), and as the reader scrolls. The work is
 * batched into one animation frame.
 */
export class ScrollCueController implements ReactiveController {
  private frame = 0;
  private resize: ResizeObserver | undefined;
  private mutations: MutationObserver | undefined;
  private observed: Node | undefined;
  /**
   * The host's content is skipped (it has content-visibility: auto and is off screen): measuring
   * a box inside would force the layout of all of it, so the cue waits until it is shown.
   */
  private skipped = false;

  constructor(
    private readonly host: ReactiveElement,
    /** The accessible name of a box that scrolls (its `data-scroll-label` wins). */
    private readonly name: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('contentvisibilityautostatechange', this.onHostShown);
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.schedule());
      this.resize.observe(this.host);
    }
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    if (root && root !== this.observed && typeof MutationObserver !== 'undefined') {
      this.mutations?.disconnect();
      this.mutations = new MutationObserver(() => this.schedule());
      this.mutations.observe(root, { childList: true, subtree: true });
      root.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
      // A formula with content-visibility: auto is measured for real only once on screen.
      root.addEventListener('contentvisibilityautostatechange', this.onShown, { capture: true });
      this.observed = root;
    }
    this.schedule();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('contentvisibilityautostatechange', this.onHostShown);
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.resize?.disconnect();
    this.mutations?.disconnect();
    this.observed?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.observed?.removeEventListener('contentvisibilityautostatechange', this.onShown, { capture: true });
    this.observed = undefined;
  }

  private readonly onScroll = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLElement && target.classList.contains('scroll-x')) this.mark(target);
  };

  private readonly onShown = (): void => this.schedule();

  private readonly onHostShown = (event: Event): void => {
    this.skipped = (event as Event & { skipped?: boolean }).skipped === true;
    if (!this.skipped) this.schedule();
  };

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      // Marked once shown (onHostShown schedules it again).
      if (this.skipped) return;
      for (const el of this.host.renderRoot.querySelectorAll<HTMLElement>('.scroll-x')) this.mark(el);
    });
  }

  private mark(el: HTMLElement): void {
    markScrollCue(el, el.dataset.scrollLabel ?? this.name());
  }
}
