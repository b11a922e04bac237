import { html, nothing, type TemplateResult } from 'lit';
import { type Lang, messagesFor } from '../../src/i18n/index.js';
import type { Messages } from '../../src/i18n/messages.js';
import { formatNumber } from '../../src/util/format.js';
import { shorten, visible } from '../../src/util/visible.js';

/**
 * One checker for every attribute an element reads from the page: numbers are
 * parsed strictly and checked against a documented range (non-finite values are
 * always refused), text is capped in length, number lists in count and range.
 * A refused value is replaced by the element's default and a message says so,
 * visibly, in the element (never a blank element, never an uncaught error).
 *
 * Each element declares its limits next to its properties (and in its JSDoc) and
 * calls {@link checkLimits} at the start of `willUpdate`.
 */

/** A number attribute: finite, in [min, max], optionally a whole number. */
export interface NumberLimit {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** The value put in place of a refused one (`undefined` or '' for "not set"). */
  readonly fallback: number | string | undefined;
}

/** A text attribute: at most `maxLength` characters. */
export interface TextLimit {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly fallback?: string;
}

/** A comma-separated list of numbers ("4" or "-1.2, 1"; `;` also separates). */
export interface ListLimit {
  readonly kind: 'list';
  readonly min: number;
  readonly max: number;
  /** Most values in the list. */
  readonly maxCount: number;
  /** Also refuse pairs out of order (a domain "xmin,xmax,ymin,ymax" needs xmin < xmax). */
  readonly increasingPairs?: boolean;
  readonly fallback?: string;
}

export type AttributeLimit = NumberLimit | TextLimit | ListLimit;

/** A refused attribute value, for the element to show. */
export interface AttributeProblem {
  readonly attribute: string;
  readonly message: string;
}

/** Limits shared by several elements. */
export const SHARED_LIMITS = {
  /** A list of variable names ("x, y"). */
  vars: { kind: 'text', maxLength: 200 },
  /** One variable name. */
  wrt: { kind: 'text', maxLength: 32 },
  /** Order of a derivative (as `differentiate` allows). */
  order: { kind: 'number', min: 1, max: 10, integer: true, fallback: 1 },
  /** A plot coordinate (range ends, probe). */
  coordinate: { kind: 'number', min: -1e6, max: 1e6, fallback: undefined },
  /** A plot domain "xmin,xmax[,ymin,ymax]". */
  domain: { kind: 'list', min: -1e6, max: 1e6, maxCount: 4, increasingPairs: true, fallback: '' },
} as const satisfies Record<string, AttributeLimit>;

/**
 * Steps a race computes over all its runs together: 8 runs of 2000 steps blocked the
 * page for about a second, so each run gets at most `RACE_STEP_BUDGET / runs` steps.
 */
export const RACE_STEP_BUDGET = 2400;

/** The message when a race's steps are cut to fit {@link RACE_STEP_BUDGET}. */
export function raceBudgetMessage(runs: number, steps: number, perRun: number, lang: Lang): string {
  return messagesFor(lang).limits.raceBudget({ runs, steps, perRun, budget: RACE_STEP_BUDGET });
}

type FailureKey = 'notNumber' | 'notFinite' | 'range' | 'integer' | 'tooLong' | 'tooMany' | 'order';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads a number strictly: digits, a point and an exponent only (no "0x", no "", no "Infinity"). */
export function parseStrictNumber(text: string): number {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-');
  return NUMBER.test(t) ? Number(t) : Number.NaN;
}

type Failure = { key: FailureKey; extra?: { readonly length: number; readonly most: number } };

function checkNumber(value: unknown, limit: NumberLimit): Failure | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    if (!value.trim()) return undefined;
    if (/^\s*[+-]?(infinity|inf)\s*$/i.test(value)) return { key: 'notFinite' };
    n = parseStrictNumber(value);
  } else return undefined;
  if (Number.isNaN(n)) return { key: 'notNumber' };
  if (!Number.isFinite(n)) return { key: 'notFinite' };
  if (limit.integer && !Number.isInteger(n)) return { key: 'integer' };
  if (n < limit.min || n > limit.max) return { key: limit.integer ? 'integer' : 'range' };
  return undefined;
}

function checkList(value: string, limit: ListLimit): Failure | undefined {
  const parts = value
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > limit.maxCount) return { key: 'tooMany', extra: { length: parts.length, most: limit.maxCount } };
  const numbers = parts.map(parseStrictNumber);
  for (const [i, n] of numbers.entries()) {
    if (Number.isNaN(n)) return /inf/i.test(parts[i] ?? '') ? { key: 'notFinite' } : { key: 'notNumber' };
    if (!Number.isFinite(n)) return { key: 'notFinite' };
    if (n < limit.min || n > limit.max) return { key: 'range' };
  }
  if (limit.increasingPairs) {
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      if (!((numbers[i] as number) < (numbers[i + 1] as number))) return { key: 'order' };
    }
  }
  return undefined;
}

function check(value: unknown, limit: AttributeLimit): Failure | undefined {
  if (limit.kind === 'number') return checkNumber(value, limit);
  if (typeof value !== 'string') return undefined;
  if (limit.kind === 'text') {
    return value.length > limit.maxLength
      ? { key: 'tooLong', extra: { length: value.length, most: limit.maxLength } }
      : undefined;
  }
  if (value.length > limit.maxCount * 40) {
    return { key: 'tooLong', extra: { length: value.length, most: limit.maxCount * 40 } };
  }
  return checkList(value, limit);
}

/** The message for a refused value, in the reader's language. */
function messageFor(attribute: string, shown: string, failure: Failure, limit: AttributeLimit, lang: Lang): string {
  const hasRange = limit.kind === 'number' || limit.kind === 'list';
  const m = messagesFor(lang).limits;
  const text = m[failure.key]({
    attr: attribute,
    value: visible(shorten(shown, 40)),
    min: hasRange ? formatNumber(limit.min) : '',
    max: hasRange ? formatNumber(limit.max) : '',
    length: failure.extra?.length ?? shown.length,
    most: failure.extra?.most ?? 0,
  });
  return `${text} ${m.ignored}`;
}

interface Refusal {
  /** What the property was set to in place of the refused value. */
  readonly replacedWith: unknown;
  readonly shown: string;
  readonly failure: Failure;
}

const refusals = new WeakMap<object, Map<string, Refusal>>();

const toAttribute = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Checks the host's properties against their limits. A refused value is replaced
 * by the limit's fallback (so the rest of the element works with a sane value) and
 * stays reported until the property changes again. Call at the start of `willUpdate`.
 * Properties whose value is neither a number nor a string (already converted by the
 * element, such as a domain array) are checked through their attribute text and only
 * reported.
 */
export function checkLimits<K extends string>(
  host: HTMLElement & Record<NoInfer<K>, unknown>,
  limits: Readonly<Record<K, AttributeLimit>>,
  lang: Lang,
): AttributeProblem[] {
  let seen = refusals.get(host);
  if (!seen) {
    seen = new Map();
    refusals.set(host, seen);
  }
  const problems: AttributeProblem[] = [];
  for (const key of Object.keys(limits) as K[]) {
    const limit = limits[key];
    const attribute = toAttribute(key);
    const current: unknown = host[key];
    const previous = seen.get(key);
    if (previous && Object.is(previous.replacedWith, current)) {
      problems.push({ attribute, message: messageFor(attribute, previous.shown, previous.failure, limit, lang) });
      continue;
    }
    seen.delete(key);
    const convertible = typeof current === 'number' || typeof current === 'string';
    const text = host.getAttribute(attribute);
    // A number converted from the attribute is checked as written: Number('0x10') is 16, but "0x10" is refused.
    const fromAttribute =
      typeof current === 'number' && text !== null && (Object.is(Number(text), current) || Number.isNaN(current));
    const value = convertible ? (fromAttribute ? text : current) : text;
    const failure = check(value, limit);
    if (!failure) continue;
    const shown = host.getAttribute(attribute) ?? String(value);
    const replacedWith = convertible ? (limit.fallback ?? '') : current;
    if (convertible) (host as Record<K, unknown>)[key] = replacedWith;
    seen.set(key, { replacedWith, shown, failure });
    problems.push({ attribute, message: messageFor(attribute, shown, failure, limit, lang) });
  }
  return problems;
}

/** The refused attributes, as a visible message (text only; `part="error"`). */
export function limitsTemplate(problems: readonly AttributeProblem[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<div part="error" class="error attribute-error" role="alert">
    ${problems.map((p) => html`<div data-attribute=${p.attribute}>${p.message}</div>`)}
  </div>`;
}

/** The hints for an element with nothing to show yet (not an error), by what is missing. */
export type Hint = keyof Messages['limits']['hints'];

export const HINTS: { readonly [H in Hint]: H } = { expr: 'expr', problem: 'problem', optimizers: 'optimizers' };

/** A hint shown in place of a blank element. */
export function hintTemplate(hint: Hint, lang: Lang): TemplateResult {
  return html`<p part="hint" class="hint" style="color: var(--_muted, #5b6577); font-size: 0.9em; margin: 0.3em 0">${messagesFor(lang).limits.hints[hint]}</p>`;
}

/** [lo, hi] if both are finite, lo < hi and the span is finite; else the fallback (for scales). */
export function finiteRange(lo: number, hi: number, fallback: [number, number]): [number, number] {
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && Number.isFinite(hi - lo) ? [lo, hi] : fallback;
}
