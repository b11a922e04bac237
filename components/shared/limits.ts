import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Localized } from '../../src/i18n/index.js';
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
 * The numeric settings of gs-optimizer and gs-optimizer-race. These are sanity bounds
 * (finite, a plausible size); the engine then checks each setting's own rule (a
 * positive learning rate, ρ below 1, …) and says what is wrong.
 */
export const OPTIMIZER_LIMITS = {
  vars: SHARED_LIMITS.vars,
  start: { kind: 'list', min: -1e6, max: 1e6, maxCount: 12, fallback: '' },
  lr: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  steps: { kind: 'number', min: 0, max: 2000, integer: true, fallback: '' },
  momentum: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  rho: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  beta1: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  beta2: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  delta: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  tol: { kind: 'number', min: -1e6, max: 1e6, fallback: '' },
  batchSize: { kind: 'number', min: 1, max: 10_000, integer: true, fallback: '' },
  epochs: { kind: 'number', min: 1, max: 200, integer: true, fallback: '' },
  seed: { kind: 'number', min: 0, max: 2 ** 32 - 1, integer: true, fallback: '' },
  domain: SHARED_LIMITS.domain,
} as const satisfies Record<string, AttributeLimit>;

/**
 * Steps a race computes over all its runs together: 8 runs of 2000 steps blocked the
 * page for about a second, so each run gets at most `RACE_STEP_BUDGET / runs` steps.
 */
export const RACE_STEP_BUDGET = 2400;

/** The message when a race's steps are cut to fit {@link RACE_STEP_BUDGET}. */
export function raceBudgetMessage(runs: number, steps: number, perRun: number, lang: Lang): string {
  return fill(TEXT.raceBudget[lang], { runs, steps, perRun, budget: RACE_STEP_BUDGET });
}

/** The strings of this module, in every language (kept together for the message catalogue). */
const TEXT = {
  notNumber: { en: '{attr}="{value}" is not a number.', ko: '{attr}="{value}"은(는) 수가 아닙니다.' },
  notFinite: { en: '{attr}="{value}" is not a finite number.', ko: '{attr}="{value}"은(는) 유한한 수가 아닙니다.' },
  range: {
    en: '{attr}="{value}" is outside the range {min} to {max}.',
    ko: '{attr}="{value}"은(는) {min}부터 {max}까지의 범위를 벗어납니다.',
  },
  integer: {
    en: '{attr}="{value}" must be a whole number from {min} to {max}.',
    ko: '{attr}="{value}"은(는) {min}부터 {max}까지의 정수여야 합니다.',
  },
  tooLong: {
    en: '{attr} is too long ({length} characters; at most {max}).',
    ko: '{attr} 값이 너무 깁니다 ({length}자, 최대 {max}자).',
  },
  tooMany: {
    en: '{attr} has too many values ({length}; at most {max}).',
    ko: '{attr} 값의 개수가 너무 많습니다 ({length}개, 최대 {max}개).',
  },
  order: {
    en: '{attr}="{value}": each lower end must be below its upper end.',
    ko: '{attr}="{value}": 각 구간의 아래 끝이 위 끝보다 작아야 합니다.',
  },
  ignored: { en: 'The default is used instead.', ko: '대신 기본값을 사용합니다.' },
  raceBudget: {
    en: '{runs} runs of {steps} steps exceed the budget of {budget} steps for a race; each run stops after {perRun} steps.',
    ko: '{runs}개 실행 × {steps}단계가 비교 한도 {budget}단계를 넘어, 실행마다 {perRun}단계까지만 계산합니다.',
  },
} as const satisfies Record<string, Localized>;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads a number strictly: digits, a point and an exponent only (no "0x", no "", no "Infinity"). */
export function parseStrictNumber(text: string): number {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-');
  return NUMBER.test(t) ? Number(t) : Number.NaN;
}

type Failure = { key: keyof typeof TEXT; extra?: Record<string, string | number> };

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
  if (parts.length > limit.maxCount) return { key: 'tooMany', extra: { length: parts.length, max: limit.maxCount } };
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
      ? { key: 'tooLong', extra: { length: value.length, max: limit.maxLength } }
      : undefined;
  }
  if (value.length > limit.maxCount * 40) {
    return { key: 'tooLong', extra: { length: value.length, max: limit.maxCount * 40 } };
  }
  return checkList(value, limit);
}

/** The message for a refused value, in the reader's language. */
function messageFor(attribute: string, shown: string, failure: Failure, limit: AttributeLimit, lang: Lang): string {
  const range: Record<string, string> =
    limit.kind === 'number' || limit.kind === 'list'
      ? { min: formatNumber(limit.min), max: formatNumber(limit.max) }
      : {};
  const text = fill(TEXT[failure.key][lang], {
    attr: attribute,
    value: visible(shorten(shown, 40)),
    ...range,
    ...failure.extra,
  });
  return `${text} ${TEXT.ignored[lang]}`;
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

/** A short hint for an element with nothing to show yet (not an error). */
export const HINTS = {
  expr: {
    en: 'Nothing to show yet: give the element an expression in expr (for example expr="x^2").',
    ko: '아직 보여 줄 내용이 없습니다. expr 속성에 식을 지정하세요 (예: expr="x^2").',
  },
  problem: {
    en: 'No problem set: give the element a function in problem (for example problem="x^2").',
    ko: '문제가 없습니다. problem 속성에 함수를 지정하세요 (예: problem="x^2").',
  },
  optimizers: {
    en: 'No runs to race: list optimizers (for example optimizers="gd,adam") or values to vary.',
    ko: '비교할 실행이 없습니다. optimizers 속성에 최적화 기법을 적거나 (예: optimizers="gd,adam") 바꿀 값을 지정하세요.',
  },
} as const satisfies Record<string, Localized>;

/** A hint shown in place of a blank element. */
export function hintTemplate(hint: Localized, lang: Lang): TemplateResult {
  return html`<p part="hint" class="hint" style="color: var(--_muted, #5b6577); font-size: 0.9em; margin: 0.3em 0">${hint[lang]}</p>`;
}

/** [lo, hi] if both are finite, lo < hi and the span is finite; else the fallback (for scales). */
export function finiteRange(lo: number, hi: number, fallback: [number, number]): [number, number] {
  return Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && Number.isFinite(hi - lo) ? [lo, hi] : fallback;
}
