import { type Lang, messagesFor } from '../../src/i18n/index.js';
import { shorten } from '../../src/util/visible.js';
import { renderTex, type TexRenderResult } from '../katex/render.js';

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
export const TYPESET_BUDGET = { formula: 1200, element: 12_000, chunkMs: 12 } as const;

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
  readonly budget: { used: number };
}

const jobs = new WeakMap<Element, Job>();
/** Jobs not yet typeset (pruned of elements that left the page). */
const pending = new Set<Job>();
const queue: Job[] = [];
let scheduled = false;
let observer: IntersectionObserver | undefined;

function run(): void {
  scheduled = false;
  const start = performance.now();
  while (queue.length && performance.now() - start < TYPESET_BUDGET.chunkMs) {
    const job = queue.shift() as Job;
    if (jobs.get(job.el) !== job || !job.el.isConnected) continue;
    jobs.delete(job.el);
    finish(job);
  }
  if (queue.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  // A macrotask, so the browser paints and handles input between chunks.
  setTimeout(run, 0);
}

function finish(job: Job): void {
  pending.delete(job);
  job.el.classList.remove('pending');
  const tex = job.tex();
  const doc = job.el.ownerDocument;
  if (overBudget(tex)) {
    job.el.replaceChildren(...fallbackNodes(doc, job.text(), tooLongNote(tex.length, job.lang)));
    return;
  }
  if (job.budget.used + tex.length > TYPESET_BUDGET.element) {
    job.el.replaceChildren(...fallbackNodes(doc, job.text(), messagesFor(job.lang).typeset.budget));
    return;
  }
  job.budget.used += tex.length;
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

function onIntersect(entries: IntersectionObserverEntry[]): void {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer?.unobserve(entry.target);
    const job = jobs.get(entry.target);
    if (job) queue.push(job);
  }
  if (queue.length) schedule();
}

function watch(el: Element): void {
  observer ??= new IntersectionObserver(onIntersect, { rootMargin: '300px' });
  observer.observe(el);
}

const budgets = new WeakMap<object, { used: number }>();

/**
 * The typesetting budget of one view: everything typeset for `owner` (a derivation's
 * steps, a gradient) counts against {@link TYPESET_BUDGET}.element.
 */
export function budgetFor(owner: object): { used: number } {
  let budget = budgets.get(owner);
  if (!budget) {
    budget = { used: 0 };
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
  readonly budget: { used: number };
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
  const old = jobs.get(el);
  if (old) pending.delete(old);
  jobs.set(el, job);
  pending.add(job);
  if (pending.size > 2000) for (const j of pending) if (!j.el.isConnected) pending.delete(j);
  el.classList.add('pending');
  el.textContent = shorten(formula.text(), MAX_PLACEHOLDER);
  if (typeof IntersectionObserver === 'undefined') {
    queue.push(job);
    schedule();
    return;
  }
  observer?.unobserve(el);
  watch(el);
}

/**
 * Resolves when every formula on screen has been typeset (for tests and benchmarks);
 * with `offscreen`, also those off screen that are not inside a closed `<details>`.
 */
export async function typesetIdle(options: { offscreen?: boolean } = {}): Promise<void> {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await frame();
  await frame();
  if (observer) onIntersect(observer.takeRecords());
  if (options.offscreen) {
    // Also what is off screen (a test's frame may be hidden), but never inside a closed <details>.
    for (const job of pending) {
      if (!job.el.isConnected) pending.delete(job);
      else if (job.el.checkVisibility() && !queue.includes(job)) queue.push(job);
    }
    if (queue.length) schedule();
  }
  while (queue.length || scheduled) await new Promise((r) => setTimeout(r, 5));
}
