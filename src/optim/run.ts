/**
 * The numeric core: runs an optimizer on callbacks (f, ∇f, Hessian), independent of
 * where they come from (compiled derivatives in `optimize`, hand-written ones in tests).
 */
import { type ErrorCode, type ErrorParams, GradstepError } from '../errors.js';
import type { Localized } from '../i18n/index.js';
import { localizeOptim } from '../i18n/optim.js';
import { formatNumber, formatVector } from '../util/format.js';
import type { Convention, HyperId, OptimizerDefinition, StateSpec, StepResult, Vec } from './types.js';
import { checkLearningRate } from './validate.js';

export { checkLearningRate, resolveHyper } from './validate.js';

export interface NumericProblem {
  readonly n: number;
  /** The objective (over all the data, when there are data). */
  f(w: Vec): number;
  /** The gradient; with a batch, the mean of the per-sample gradients over those rows. */
  grad(w: Vec, batch?: readonly number[]): Vec;
  hessian?(w: Vec): Vec;
}

export type Status = 'max-steps' | 'converged' | 'diverged' | 'stopped';

export interface RunSettings {
  readonly optimizer: OptimizerDefinition;
  readonly convention: Convention;
  readonly lr: number;
  /** Hyper-parameters already merged with the convention's defaults and validated. */
  readonly hyper: Readonly<Record<HyperId, number>>;
  readonly start: readonly number[];
  readonly steps: number;
  readonly tol?: number;
  /** The rows of each step's batch, for SGD over data (undefined: full objective). */
  readonly batches?: (k: number) => readonly number[] | undefined;
}

export interface NumericStep {
  readonly k: number;
  /** w^(k) */
  readonly w: number[];
  readonly f: number;
  /** The gradient used at w^(k) (batch mean with data). */
  readonly grad: number[];
  readonly gradNorm: number;
  readonly stateBefore: Record<string, number[]>;
  readonly stateAfter: Record<string, number[]>;
  readonly extras: Record<string, number[]>;
  /** w^(k+1) */
  readonly next: number[];
  readonly fNext: number;
  readonly batch?: number[];
  readonly notes: Localized[];
}

export interface NumericRun {
  readonly status: Status;
  readonly message?: Localized;
  /** A warning that does not end the run: the loss has risen for RISING_STEPS steps in a row. */
  readonly warning?: { readonly step: number; readonly message: Localized };
  readonly path: number[][];
  readonly values: number[];
  readonly steps: NumericStep[];
}

/** A loss larger than this many times the starting loss (and 1e12 at least) counts as diverged. */
const GROWTH_BOUND = 1e12;

/** The loss rising for this many steps in a row is worth a warning. */
export const RISING_STEPS = 5;

/**
 * Most steps in one run. Every step is kept in the trace (point, gradient, state before and
 * after), about 2.5 KB and 20–50 µs a step: 20,000 steps stay near 50 MB and a second.
 */
export const MAX_STEPS = 20_000;

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  return Math.sqrt(s);
}

function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i] as number)) return false;
  return true;
}

function plain(record: Readonly<Record<string, Vec>> | undefined): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (record) for (const [key, value] of Object.entries(record)) out[key] = Array.from(value);
  return out;
}

const badSetting = <C extends ErrorCode>(code: C, params: ErrorParams[C]) => new GradstepError(code, params);

/** Runs the optimizer; throws GradstepError for a bad start, returns the run otherwise. */
export function runNumeric(problem: NumericProblem, settings: RunSettings): NumericRun {
  const { optimizer, convention, lr, hyper, steps, tol } = settings;
  const n = problem.n;
  checkLearningRate(lr);
  if (settings.start.length !== n) {
    throw badSetting('optim/bad-start', { expected: n, got: settings.start.length });
  }
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS) {
    throw badSetting('optim/bad-steps', { value: steps, max: MAX_STEPS });
  }
  if (tol !== undefined && !(Number.isFinite(tol) && tol >= 0)) {
    throw badSetting('optim/bad-tolerance', { value: tol });
  }
  let w: Vec = Float64Array.from(settings.start);
  if (!allFinite(w)) {
    throw badSetting('optim/bad-start', {});
  }
  let fw = problem.f(w);
  const g0 = problem.grad(w);
  if (!Number.isFinite(fw) || !allFinite(g0)) {
    throw badSetting('optim/undefined-at-start', { point: formatVector(w), f: formatNumber(fw) });
  }
  if (optimizer.needsHessian && !problem.hessian) {
    throw badSetting('optim/no-hessian', { optimizer: optimizer.id });
  }
  const variant = optimizer.conventions[convention];
  let state: Record<string, Vec> = {};
  for (const spec of variant.state) state[spec.id] = new Float64Array(spec.scalar ? 1 : n);
  if (variant.init) state = { ...state, ...variant.init(n, hyper, lr) };

  const bound = GROWTH_BOUND * Math.max(1, Math.abs(fw));
  const path: number[][] = [Array.from(w)];
  const values: number[] = [fw];
  const trace: NumericStep[] = [];
  const hessian = (p: Vec): Vec => (problem.hessian as (p: Vec) => Vec)(p);
  const smallEnough = (): boolean => tol !== undefined && norm(problem.grad(w)) <= tol;
  let rising = 0;
  let warning: NumericRun['warning'];
  const done = (status: Status, message?: Localized): NumericRun => ({
    status,
    ...(message ? { message } : {}),
    ...(warning ? { warning } : {}),
    path,
    values,
    steps: trace,
  });
  const diverged = (k: number, why: Why, at: ArrayLike<number>, kind?: NotFinite) =>
    done('diverged', divergedMessage(k, why, lr, at, kind, fallingWithoutBound(values), optimizer));

  for (let k = 0; k < steps; k++) {
    if (smallEnough()) return done('converged', convergedMessage(k, tol as number));
    const batch = settings.batches?.(k);
    const g = problem.grad(w, batch);
    if (!allFinite(g)) {
      const why = whatIsNotFinite(g);
      // A finite point with a finite loss but no gradient: a corner (|x| at 0), not a divergence.
      if (why === 'nan' && Number.isFinite(fw)) return done(...atCorner(problem, w, fw, k));
      return diverged(k, 'gradient', w, why);
    }
    const result: StepResult = optimizer.conventions[convention].step({
      k,
      n,
      w,
      g,
      lr,
      hyper,
      state,
      grad: (p) => problem.grad(p, batch),
      f: problem.f.bind(problem),
      hessian,
    });
    const next = result.w;
    const fNext = problem.f(next);
    const stateAfter = { ...state, ...result.state };
    const notes = [...(result.notes ?? [])];
    rising = fNext > fw ? rising + 1 : 0;
    if (rising === RISING_STEPS && !warning && Number.isFinite(fNext)) {
      const message = risingMessage(k + 1, values[k + 1 - RISING_STEPS] as number, fNext, lr, optimizer);
      warning = { step: k + 1, message };
      notes.push(message);
    }
    trace.push({
      k,
      w: Array.from(w),
      f: fw,
      grad: Array.from(g),
      gradNorm: norm(g),
      stateBefore: plain(state),
      stateAfter: plain(stateAfter),
      extras: plain(result.extras),
      next: Array.from(next),
      fNext,
      ...(batch ? { batch: [...batch] } : {}),
      notes,
    });
    if (result.stop) return done('stopped', result.stop);
    // A state that overflowed (Adam's and RMSProp's g⊙g at a gradient near 1e200) makes every later
    // step 0 or NaN: the point would stop moving with no word. End the run and say why.
    const overflowed = variant.state.find((spec) => !allFinite(stateAfter[spec.id] ?? []));
    if (overflowed) return done('stopped', overflowMessage(k, overflowed, g));
    path.push(Array.from(next));
    values.push(fNext);
    state = stateAfter;
    w = next;
    fw = fNext;
    if (!allFinite(next)) return diverged(k + 1, 'point', next, whatIsNotFinite(next));
    if (!Number.isFinite(fNext)) return diverged(k + 1, 'loss', next, whatIsNotFinite([fNext]));
    if (Math.abs(fNext) > bound) return diverged(k + 1, 'growth', next);
  }
  if (steps > 0 && smallEnough()) return done('converged', convergedMessage(steps, tol as number));
  return done('max-steps');
}

/**
 * The gradient is undefined at w although f is defined: a corner or a cusp. When f is no lower a
 * little way off along every axis, w is a minimum reached exactly (|x| at 0): converged.
 */
function atCorner(problem: NumericProblem, w: Vec, fw: number, k: number): [Status, Localized] {
  const point = formatVector(w);
  const lowest = Array.from(w).every((wi, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(wi));
    return [-h, h].every((d) => {
      const p = Float64Array.from(w);
      p[i] = wi + d;
      const value = problem.f(p);
      return !(value < fw);
    });
  });
  const message = localizeOptim((o) => o.run.corner({ k, point, f: formatNumber(fw), minimum: lowest }));
  return [lowest ? 'converged' : 'stopped', message];
}

/** The recorded losses have kept falling to a large negative value: f has no minimum that way. */
function fallingWithoutBound(values: readonly number[]): boolean {
  const finite = values.filter(Number.isFinite);
  const last = finite.slice(-3);
  if (last.length < 2) return false;
  const falling = last.every((v, i) => i === 0 || v < (last[i - 1] as number));
  return falling && (last.at(-1) as number) < Math.min(0, finite[0] as number);
}

function risingMessage(k: number, from: number, to: number, lr: number, optimizer: OptimizerDefinition): Localized {
  const params = {
    steps: RISING_STEPS,
    start: k - RISING_STEPS,
    k,
    from: formatNumber(from),
    to: formatNumber(to),
    newton: optimizer.needsHessian === true,
    lr: formatNumber(lr),
    smaller: formatNumber(lr / 10),
  };
  return localizeOptim((o) => o.run.rising(params));
}

/** The state `spec` is no longer finite after step k, at the gradient g. */
function overflowMessage(k: number, spec: StateSpec, g: ArrayLike<number>): Localized {
  let largest = 0;
  for (let i = 0; i < g.length; i++) largest = Math.max(largest, Math.abs(g[i] as number));
  const params = { k, symbol: spec.symbol, gradient: formatNumber(largest) };
  return localizeOptim((o, lang) => o.run.overflow({ ...params, state: spec.name[lang] }));
}

function convergedMessage(k: number, tol: number): Localized {
  return localizeOptim((o) => o.run.converged({ k, tol: String(tol) }));
}

type NotFinite = 'nan' | 'infinite';

/** NaN (undefined: outside the domain, or ∞ − ∞ after an overflow) or only ±∞ (overflow). */
function whatIsNotFinite(v: ArrayLike<number>): NotFinite {
  for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i] as number)) return 'nan';
  return 'infinite';
}

type Why = 'gradient' | 'point' | 'loss' | 'growth';

function divergedMessage(
  k: number,
  why: Why,
  lr: number,
  at: ArrayLike<number>,
  kind: NotFinite = 'infinite',
  unbounded = false,
  optimizer?: OptimizerDefinition,
): Localized {
  // The loss fell all the way: the function has no minimum there, and a smaller rate would only fall more slowly.
  // Newton's method at its own ε = 1 went astray by its Hessian, not by the rate.
  const newton = optimizer?.needsHessian && lr === optimizer.defaultLr;
  const advice = unbounded ? 'no-minimum' : newton ? 'newton' : 'rate';
  const params = {
    k,
    why,
    kind,
    point: formatVector(at),
    bound: GROWTH_BOUND.toExponential(0),
    advice,
    lr: formatNumber(lr),
    smaller: formatNumber(lr / 10),
  } as const;
  return localizeOptim((o) => o.run.diverged(params));
}
