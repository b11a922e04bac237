/**
 * The app's whole state, read from and written to the URL query. The query is
 * untrusted (anyone can send a link): every field is validated, numbers are
 * clamped, lists are bounded, and unknown values fall back to the defaults.
 * The expression itself stays text — the components parse it safely.
 */
import { type Lang, toLang } from '../src/i18n/index.js';
import { findOptimizer, HYPER_FIELD_BOUNDS, HYPER_SETTINGS } from '../src/optim/index.js';

export type View = 'lesson' | 'playground';
export type Tab = 'derivative' | 'check' | 'optimize';
export type OptimizerChoice = 'gd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'gd-halving' | 'newton';
export type ConventionChoice = 'textbook' | 'pytorch' | 'keras';

export type Detail = 'normal' | 'full' | 'brief';
/** The optimizer tab: one optimizer stepped, several compared, or SGD over a data set. */
export type Mode = 'single' | 'compare' | 'data';
/** What compare mode varies: the optimizer, the learning rate or the start. */
export type Vary = 'optimizers' | 'lr' | 'start';
export type DatasetChoice = 'line' | 'logistic';

export const VIEWS: readonly View[] = ['lesson', 'playground'];
export const DETAILS: readonly Detail[] = ['normal', 'full', 'brief'];
export const MODES: readonly Mode[] = ['single', 'compare', 'data'];
export const VARIES: readonly Vary[] = ['optimizers', 'lr', 'start'];
export const DATASET_CHOICES: readonly DatasetChoice[] = ['line', 'logistic'];
/** Play speeds offered, in milliseconds per step. */
export const SPEEDS: readonly number[] = [1500, 700, 300, 100, 30];
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

type HyperSetting = (typeof HYPER_SETTINGS)[keyof typeof HYPER_SETTINGS];
/** Optional hyper-parameters by their public names (src/optim/hyper.ts); absent means the optimizer's own default. */
export type HyperKey = HyperSetting['name'];
export const HYPER_KEYS: readonly HyperKey[] = Object.values(HYPER_SETTINGS).map((s: HyperSetting) => s.name);

/** Which hyper-parameters an optimizer uses (the others are hidden), as the optimizer declares them. */
export function hyperOf(optimizer: OptimizerChoice): readonly HyperKey[] {
  return (findOptimizer(optimizer)?.hyper ?? []).map((h) => h.publicName as HyperKey);
}

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
  /** Derivative order: 1 for f′, 2 for f″, … */
  readonly order: number;
  readonly detail: Detail;
  /** The differentiation variable ('' = the first variable). */
  readonly wrt: string;
  /** Comma-separated parameter names, held constant ('' = none declared). */
  readonly params: string;
  /** Plot range "xmin,xmax" or "xmin,xmax,ymin,ymax" ('' = automatic). */
  readonly range: string;
  /** The check tab's answers, one per variable in order, as last checked ('' = none). */
  readonly answers: readonly string[];
  /** x of the derivative plot's tangent point (undefined = chosen inside the function's domain). */
  readonly probe: number | undefined;
  /** The parameters' values for the plot, "a=1,b=-2" (a missing one is 1; the derivative stays symbolic). */
  readonly at: string;
  readonly mode: Mode;
  /** Compare mode: the optimizers raced (comma-separated ids). */
  readonly race: string;
  readonly vary: Vary;
  /** Compare mode: the learning rates ("0.2,0.01,1") or starts ("4;-2" or "4,4;-4,4") tried. */
  readonly values: string;
  readonly data: DatasetChoice;
  /** Data mode: rows per mini-batch, passes, shuffling seed (undefined = the optimizer's defaults). */
  readonly batch: number | undefined;
  readonly epochs: number | undefined;
  readonly seed: number | undefined;
  /** Milliseconds per step when playing. */
  readonly speed: number;
  /** One unit as long on both axes of a contour map. */
  readonly equal: boolean;
  /** The optimizer stepper's current iteration (compare mode: -1 = the whole runs, see `firstStep`). */
  readonly step: number;
  readonly hyper: Readonly<Partial<Record<HyperKey, number>>>;
}

export const LIMITS = {
  exprLength: 300,
  vars: 6,
  lr: [1e-6, 100] as const,
  steps: [1, 200] as const,
  start: [-1e6, 1e6] as const,
  order: [1, 6] as const,
  range: [-1e6, 1e6] as const,
  batch: [1, 64] as const,
  epochs: [1, 50] as const,
  seed: [0, 2 ** 31 - 1] as const,
  /** Data mode's iterations (epochs × batches, known to the element, which clamps). */
  dataStep: 50 * 64,
  speed: [16, 5000] as const,
  /** Runs in compare mode (the race draws at most 8). */
  runs: 8,
  valuesLength: 120,
  /** A form field's bounds for each hyper-parameter, from its range. */
  hyper: Object.fromEntries(
    Object.values(HYPER_SETTINGS).map((s: HyperSetting) => [s.name, HYPER_FIELD_BOUNDS[s.hyper.range]]),
  ) as Readonly<Record<HyperKey, readonly [number, number]>>,
};

/**
 * The iteration a fresh run shows: the start for one optimizer, the whole runs (-1, the
 * race's "last step") when comparing, which is what a comparison is for.
 */
export function firstStep(mode: Mode): number {
  return mode === 'compare' ? -1 : 0;
}

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
    order: 1,
    detail: 'normal',
    wrt: '',
    params: '',
    range: '',
    at: '',
    probe: undefined,
    answers: [],
    mode: 'single',
    race: 'gd,momentum,nesterov,adagrad,rmsprop,adam',
    vary: 'optimizers',
    values: '',
    data: 'line',
    batch: undefined,
    epochs: undefined,
    seed: undefined,
    speed: 700,
    equal: false,
  };
}

/** "xmin,xmax" or "xmin,xmax,ymin,ymax" with each pair increasing, normalised; '' when unreadable. */
export function cleanRange(text: string): string {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 2 && parts.length !== 4) return '';
  const values = parts.map((p) => clampNumber(p, LIMITS.range[0], LIMITS.range[1]));
  if (values.some((v) => v === undefined)) return '';
  const v = values as number[];
  if (!((v[0] as number) < (v[1] as number)) || (v.length === 4 && !((v[2] as number) < (v[3] as number)))) return '';
  return v.join(',');
}

/** "a=1,b=-2": plain names (at most `LIMITS.vars`, no repeats) with finite values clamped to the plot range's bounds. */
export function cleanAt(text: string): string {
  const seen = new Map<string, number>();
  for (const part of text.slice(0, LIMITS.valuesLength).split(',')) {
    const [name, value, extra] = part.split('=').map((p) => p.trim());
    const v = clampNumber(value, LIMITS.range[0], LIMITS.range[1]);
    if (extra !== undefined || !name || !VAR_NAME.test(name) || v === undefined || seen.has(name)) continue;
    if (seen.size < LIMITS.vars) seen.set(name, v);
  }
  return [...seen].map(([n, v]) => `${n}=${v}`).join(',');
}

/** At most one answer per variable (`LIMITS.vars`), each cleaned like the function; trailing empty ones dropped. */
export function cleanAnswers(answers: readonly string[]): string[] {
  const kept = answers.slice(0, LIMITS.vars).map(cleanExpr);
  while (kept.length && kept[kept.length - 1]?.trim() === '') kept.pop();
  return kept;
}

/** A comma-separated list of known optimizer ids, without repeats ('' when none). */
export function cleanRace(text: string): string {
  const ids = text.split(',').map((v) => v.trim());
  return [...new Set(ids.filter((id): id is OptimizerChoice => (OPTIMIZERS as readonly string[]).includes(id)))]
    .slice(0, LIMITS.runs)
    .join(',');
}

/**
 * Compare-mode values: learning rates "0.2,0.01,1" (positive, clamped), or starts
 * separated by ";" ("4;-2", "4,4;-4,4"); at most `LIMITS.runs`, '' when unreadable.
 */
export function cleanValues(text: string, vary: Vary): string {
  const bounded = text.slice(0, LIMITS.valuesLength);
  if (vary === 'lr') {
    const rates = bounded
      .split(/[,;]/)
      .map((p) => clampNumber(p, LIMITS.lr[0], LIMITS.lr[1]))
      .filter((v): v is number => v !== undefined);
    return rates.slice(0, LIMITS.runs).join(',');
  }
  if (vary === 'start') {
    const groups = bounded
      .split(';')
      .map((g) => cleanStart(g))
      .filter(Boolean);
    return groups.slice(0, LIMITS.runs).join(';');
  }
  return '';
}

function clampInt(text: string | null, range: readonly [number, number]): number | undefined {
  const v = clampNumber(text, range[0], range[1]);
  return v === undefined ? undefined : Math.round(v);
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
  const vary = pick(q.get('vary'), VARIES, base.vary);
  const optimizer = pick(q.get('opt'), OPTIMIZERS, base.optimizer);
  const mode = pick(q.get('mode'), MODES, base.mode);
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
    optimizer,
    convention: pick(q.get('conv'), CONVENTIONS, base.convention),
    // A link without a rate gets the optimizer's own default where it has one (Newton: ε = 1).
    lr: clampNumber(q.get('lr'), LIMITS.lr[0], LIMITS.lr[1]) ?? findOptimizer(optimizer)?.defaultLr ?? base.lr,
    steps,
    start: q.has('start') ? cleanStart(q.get('start') ?? '') : base.start,
    step: Math.round(clampNumber(q.get('step'), 0, mode === 'data' ? LIMITS.dataStep : steps) ?? firstStep(mode)),
    hyper,
    order: clampInt(q.get('order'), LIMITS.order) ?? base.order,
    detail: pick(q.get('detail'), DETAILS, base.detail),
    wrt: cleanVars(q.get('wrt') ?? '')?.[0] ?? '',
    params: cleanVars(cleanExpr(q.get('params') ?? ''))?.join(',') ?? '',
    range: cleanRange(q.get('range') ?? ''),
    at: cleanAt(q.get('at') ?? ''),
    probe: clampNumber(q.get('probe'), LIMITS.range[0], LIMITS.range[1]),
    answers: cleanAnswers(q.getAll('ans')),
    mode,
    race: q.has('race') ? cleanRace(q.get('race') ?? '') || base.race : base.race,
    vary,
    values: cleanValues(q.get('values') ?? '', vary),
    data: pick(q.get('data'), DATASET_CHOICES, base.data),
    batch: clampInt(q.get('batch'), LIMITS.batch),
    epochs: clampInt(q.get('epochs'), LIMITS.epochs),
    seed: clampInt(q.get('seed'), LIMITS.seed),
    speed: clampInt(q.get('speed'), LIMITS.speed) ?? base.speed,
    equal: q.get('equal') === '1',
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
    for (const key of hyperOf(state.optimizer)) {
      const value = state.hyper[key];
      if (value !== undefined) q.set(key, String(value));
    }
    if (state.order !== base.order) q.set('order', String(state.order));
    if (state.detail !== base.detail) q.set('detail', state.detail);
    if (state.wrt) q.set('wrt', state.wrt);
    if (state.params) q.set('params', state.params);
    if (state.range) q.set('range', state.range);
    if (state.at) q.set('at', state.at);
    if (state.tab === 'derivative' && state.probe !== undefined) q.set('probe', String(state.probe));
    if (state.tab === 'check') for (const answer of cleanAnswers(state.answers)) q.append('ans', answer);
    if (state.tab === 'optimize') {
      if (state.mode !== base.mode) q.set('mode', state.mode);
      if (state.mode === 'compare') {
        if (state.race !== base.race) q.set('race', state.race);
        if (state.vary !== base.vary) q.set('vary', state.vary);
        if (state.values) q.set('values', state.values);
      }
      if (state.mode === 'data') {
        if (state.data !== base.data) q.set('data', state.data);
        for (const key of ['batch', 'epochs', 'seed'] as const) {
          const value = state[key];
          if (value !== undefined) q.set(key, String(value));
        }
      }
      if (state.speed !== base.speed) q.set('speed', String(state.speed));
      if (state.equal) q.set('equal', '1');
    }
    // A link keeps the iteration shown (compare mode: also 0; absent = the whole runs).
    if (state.tab === 'optimize' && state.step !== firstStep(state.mode) && state.step >= 0)
      q.set('step', String(state.step));
  }
  return `?${q.toString()}`;
}
