/**
 * The numeric core: runs an optimizer on callbacks (f, ∇f, Hessian), independent of
 * where they come from (compiled derivatives in `optimize`, hand-written ones in tests).
 */
import { type ErrorCode, type ErrorParams, GradstepError } from '../errors.js';
import { type Localized, localizeAll } from '../i18n/index.js';
import { formatNumber, formatVector } from '../util/format.js';
import { HYPER_SPECS } from './optimizers.js';
import type { Convention, HyperId, OptimizerDefinition, StepResult, Variant, Vec } from './types.js';

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
  readonly path: number[][];
  readonly values: number[];
  readonly steps: NumericStep[];
}

/** A loss larger than this many times the starting loss (and 1e12 at least) counts as diverged. */
const GROWTH_BOUND = 1e12;

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

/** Merges hyper-parameters with the convention's defaults and checks every value. */
export function resolveHyper(
  optimizer: OptimizerDefinition,
  convention: Convention,
  given: Readonly<Partial<Record<string, number>>> = {},
): Record<HyperId, number> {
  const variant: Variant = optimizer.conventions[convention];
  const allowed = new Set<string>(optimizer.hyper.map((h) => h.id));
  for (const key of Object.keys(given)) {
    if (given[key] === undefined) continue;
    if (!allowed.has(key)) {
      const known = optimizer.hyper.map((h) => h.id);
      throw badSetting('optim/unknown-hyper', { optimizer: optimizer.id, key, known });
    }
  }
  const out: Partial<Record<HyperId, number>> = {};
  for (const spec of optimizer.hyper) {
    const value = given[spec.id] ?? variant.defaults[spec.id];
    if (value === undefined) continue;
    const ok =
      Number.isFinite(value) &&
      (spec.range === 'unit' ? value >= 0 && value < 1 : spec.range === 'positive' ? value > 0 : value >= 0);
    if (!ok) {
      throw badSetting('optim/bad-hyper', { hyper: spec.id, range: spec.range, value });
    }
    out[spec.id] = value;
  }
  return out as Record<HyperId, number>;
}

/** Checks the learning rate: positive and finite. */
export function checkLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr > 0)) {
    throw badSetting('optim/bad-learning-rate', { value: lr });
  }
}

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

  for (let k = 0; k < steps; k++) {
    if (smallEnough())
      return { status: 'converged', message: convergedMessage(k, tol as number), path, values, steps: trace };
    const batch = settings.batches?.(k);
    const g = problem.grad(w, batch);
    if (!allFinite(g)) {
      const why = whatIsNotFinite(g);
      return { status: 'diverged', message: divergedMessage(k, 'gradient', lr, w, why), path, values, steps: trace };
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
      notes: [...(result.notes ?? [])],
    });
    if (result.stop) return { status: 'stopped', message: result.stop, path, values, steps: trace };
    path.push(Array.from(next));
    values.push(fNext);
    state = stateAfter;
    w = next;
    fw = fNext;
    if (!allFinite(next)) {
      const why = whatIsNotFinite(next);
      return {
        status: 'diverged',
        message: divergedMessage(k + 1, 'point', lr, next, why),
        path,
        values,
        steps: trace,
      };
    }
    if (!Number.isFinite(fNext)) {
      const why = whatIsNotFinite([fNext]);
      return { status: 'diverged', message: divergedMessage(k + 1, 'loss', lr, next, why), path, values, steps: trace };
    }
    if (Math.abs(fNext) > bound) {
      return { status: 'diverged', message: divergedMessage(k + 1, 'growth', lr, next), path, values, steps: trace };
    }
  }
  if (steps > 0 && smallEnough()) {
    return { status: 'converged', message: convergedMessage(steps, tol as number), path, values, steps: trace };
  }
  return { status: 'max-steps', path, values, steps: trace };
}

function convergedMessage(k: number, tol: number): Localized {
  return localizeAll((m) => m.optim.converged({ k, tol }));
}

type NotFinite = 'nan' | 'infinite';

/** NaN (undefined: outside the domain, or ∞ − ∞ after an overflow) or only ±∞ (overflow). */
function whatIsNotFinite(v: ArrayLike<number>): NotFinite {
  for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i] as number)) return 'nan';
  return 'infinite';
}

function divergedMessage(
  k: number,
  why: 'gradient' | 'point' | 'loss' | 'growth',
  lr: number,
  at: ArrayLike<number>,
  kind: NotFinite = 'infinite',
): Localized {
  const facts = {
    k,
    why,
    nan: kind === 'nan',
    point: formatVector(at),
    growth: GROWTH_BOUND.toExponential(0),
    lr: formatNumber(lr),
    smaller: formatNumber(lr / 10),
  };
  return localizeAll((m) => m.optim.diverged(facts));
}

export { HYPER_SPECS };
