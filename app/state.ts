/**
 * The app's whole state, read from and written to the URL query. The query is
 * untrusted (anyone can send a link): every field is validated, numbers are
 * clamped, lists are bounded, and unknown values fall back to the defaults.
 * The expression itself stays text — the components parse it safely.
 */
import { type Lang, toLang } from '../src/i18n/index.js';

export type View = 'lesson' | 'playground';
export type Tab = 'derivative' | 'check' | 'optimize';
export type OptimizerChoice = 'gd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'gd-halving' | 'newton';
export type ConventionChoice = 'textbook' | 'pytorch' | 'keras';

export const VIEWS: readonly View[] = ['lesson', 'playground'];
export const TABS: readonly Tab[] = ['derivative', 'check', 'optimize'];
export const OPTIMIZERS: readonly OptimizerChoice[] = [
  'gd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adam',
  'gd-halving',
  'newton',
];
export const CONVENTIONS: readonly ConventionChoice[] = ['textbook', 'pytorch', 'keras'];

/** Optional hyper-parameters; absent means the optimizer's own default. */
export const HYPER_KEYS = ['momentum', 'rho', 'beta1', 'beta2', 'delta'] as const;
export type HyperKey = (typeof HYPER_KEYS)[number];

/** Which hyper-parameters each optimizer uses (the others are hidden). */
export const HYPER_OF: Readonly<Record<OptimizerChoice, readonly HyperKey[]>> = {
  gd: [],
  momentum: ['momentum'],
  nesterov: ['momentum'],
  adagrad: ['delta'],
  rmsprop: ['rho', 'delta'],
  adam: ['beta1', 'beta2', 'delta'],
  'gd-halving': [],
  newton: [],
};

export interface AppState {
  readonly lang: Lang;
  readonly view: View;
  readonly expr: string;
  /** Comma-separated variable names as typed ('' = found in the expression). */
  readonly vars: string;
  readonly tab: Tab;
  readonly optimizer: OptimizerChoice;
  readonly convention: ConventionChoice;
  readonly lr: number;
  readonly steps: number;
  /** Comma-separated start point ('' = the default for the variables). */
  readonly start: string;
  /** The optimizer stepper's current iteration. */
  readonly step: number;
  readonly hyper: Readonly<Partial<Record<HyperKey, number>>>;
}

export const LIMITS = {
  exprLength: 300,
  vars: 6,
  lr: [1e-6, 100] as const,
  steps: [1, 200] as const,
  start: [-1e6, 1e6] as const,
  hyper: {
    momentum: [0, 0.999],
    rho: [0, 0.999999],
    beta1: [0, 0.999999],
    beta2: [0, 0.999999],
    delta: [1e-12, 1],
  } as Readonly<Record<HyperKey, readonly [number, number]>>,
};

export function defaultState(lang: Lang): AppState {
  return {
    lang,
    view: 'lesson',
    expr: 'x^2 - 4x + 6',
    vars: '',
    tab: 'derivative',
    optimizer: 'gd',
    convention: 'textbook',
    lr: 0.2,
    steps: 10,
    start: '4',
    step: 0,
    hyper: {},
  };
}

const VAR_NAME = /^[A-Za-z][A-Za-z0-9_]{0,15}$/;

/** Clean variable list, or undefined when any name is not a plain identifier. */
export function cleanVars(text: string): string[] | undefined {
  const names = text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (names.length > LIMITS.vars || !names.every((n) => VAR_NAME.test(n))) return undefined;
  return [...new Set(names)];
}

/** A finite number from text, clamped to [lo, hi]; undefined when it is not a number. */
export function clampNumber(text: string | null | undefined, lo: number, hi: number): number | undefined {
  if (text === null || text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  return Math.min(hi, Math.max(lo, value));
}

/** A comma-separated list of at most `LIMITS.vars` clamped numbers, normalised; '' when unreadable. */
export function cleanStart(text: string): string {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.length > LIMITS.vars) return '';
  const values = parts.map((p) => clampNumber(p, LIMITS.start[0], LIMITS.start[1]));
  if (values.some((v) => v === undefined)) return '';
  return values.join(',');
}

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}

/** Strips control characters and bounds the length of the untrusted expression text. */
export function cleanExpr(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, LIMITS.exprLength);
}

/** Reads the state from a query string; `fallbackLang` is used when the query has no `lang`. */
export function readState(search: string, fallbackLang: Lang): AppState {
  const q = new URLSearchParams(search);
  const base = defaultState(q.has('lang') ? toLang(q.get('lang')) : fallbackLang);
  const expr = q.has('expr') ? cleanExpr(q.get('expr') ?? '') : base.expr;
  // Kept as typed (bounded) so a link shows the same hint; only a valid list reaches the components.
  const varsText = cleanExpr(q.get('vars') ?? '').slice(0, 60);
  const vars = cleanVars(varsText)?.join(',') ?? varsText;
  const steps = Math.round(clampNumber(q.get('steps'), LIMITS.steps[0], LIMITS.steps[1]) ?? base.steps);
  const hyper: Partial<Record<HyperKey, number>> = {};
  for (const key of HYPER_KEYS) {
    const [lo, hi] = LIMITS.hyper[key];
    const value = clampNumber(q.get(key), lo, hi);
    if (value !== undefined) hyper[key] = value;
  }
  return {
    lang: base.lang,
    view: pick(q.get('view'), VIEWS, base.view),
    expr,
    vars,
    tab: pick(q.get('tab'), TABS, base.tab),
    optimizer: pick(q.get('opt'), OPTIMIZERS, base.optimizer),
    convention: pick(q.get('conv'), CONVENTIONS, base.convention),
    lr: clampNumber(q.get('lr'), LIMITS.lr[0], LIMITS.lr[1]) ?? base.lr,
    steps,
    start: q.has('start') ? cleanStart(q.get('start') ?? '') : base.start,
    step: Math.round(clampNumber(q.get('step'), 0, steps) ?? 0),
    hyper,
  };
}

/**
 * Writes the state as a query string: the language always, the playground's fields
 * only when the playground is shown, so lesson links stay short.
 */
export function writeState(state: AppState): string {
  const q = new URLSearchParams();
  q.set('lang', state.lang);
  if (state.view === 'playground') {
    const base = defaultState(state.lang);
    q.set('view', 'playground');
    q.set('expr', state.expr);
    if (state.vars) q.set('vars', state.vars);
    q.set('tab', state.tab);
    q.set('opt', state.optimizer);
    if (state.convention !== base.convention) q.set('conv', state.convention);
    q.set('lr', String(state.lr));
    q.set('steps', String(state.steps));
    if (state.start) q.set('start', state.start);
    for (const key of HYPER_OF[state.optimizer]) {
      const value = state.hyper[key];
      if (value !== undefined) q.set(key, String(value));
    }
    if (state.tab === 'optimize' && state.step > 0) q.set('step', String(state.step));
  }
  return `?${q.toString()}`;
}
