/**
 * The numeric core: runs an optimizer on callbacks (f, ∇f, Hessian), independent of
 * where they come from (compiled derivatives in `optimize`, hand-written ones in tests).
 */
import { type ErrorCode, type ErrorParams, GradstepError } from '../errors.js';
import type { Localized } from '../i18n/index.js';
import { formatNumber, formatVector } from '../util/format.js';
import type { Convention, HyperId, OptimizerDefinition, StepResult, Vec } from './types.js';
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
  if (lowest) {
    return [
      'converged',
      {
        en: `Reached a minimum at step ${k}: w^(${k}) = ${point} is a corner of f (f = ${formatNumber(fw)}), where the gradient is undefined, and f is no lower nearby.`,
        ko: `${k}단계에서 최솟점에 도달했습니다: w^(${k}) = ${point}는 f의 꺾인 점(f = ${formatNumber(fw)})이라 기울기가 정의되지 않고, 주변에서 f가 더 작지 않습니다.`,
      },
    ];
  }
  return [
    'stopped',
    {
      en: `Stopped at step ${k}: the gradient is undefined at w^(${k}) = ${point} (a corner or cusp of f, where f = ${formatNumber(fw)}), so there is no direction to step in.`,
      ko: `${k}단계에서 멈췄습니다: w^(${k}) = ${point}에서 기울기가 정의되지 않아(f = ${formatNumber(fw)}인 꺾인 점) 이동할 방향이 없습니다.`,
    },
  ];
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
  const [a, b] = [formatNumber(from), formatNumber(to)];
  const start = k - RISING_STEPS;
  if (optimizer.needsHessian) {
    return {
      en: `The loss has risen for ${RISING_STEPS} steps in a row (from ${a} at step ${start} to ${b} at step ${k}): Newton's method is heading for a maximum or a saddle point, where the Hessian is not positive definite.`,
      ko: `손실이 ${RISING_STEPS}단계 연속 커졌습니다(${start}단계 ${a} → ${k}단계 ${b}). 헤시안이 양의 정부호가 아닌 곳, 곧 극댓값이나 안장점으로 향하고 있습니다.`,
    };
  }
  return {
    en: `The loss has risen for ${RISING_STEPS} steps in a row (from ${a} at step ${start} to ${b} at step ${k}): the run is diverging. The learning rate ε = ${formatNumber(lr)} is probably too large; try a smaller one (for example ${formatNumber(lr / 10)}).`,
    ko: `손실이 ${RISING_STEPS}단계 연속 커졌습니다(${start}단계 ${a} → ${k}단계 ${b}). 발산하고 있습니다. 학습률 ε = ${formatNumber(lr)}이(가) 너무 큰 것 같으니 더 작은 값(예: ${formatNumber(lr / 10)})을 시도해 보세요.`,
  };
}

function convergedMessage(k: number, tol: number): Localized {
  return {
    en: `Converged at step ${k}: the gradient’s length is at most ${tol}.`,
    ko: `${k}단계에서 수렴했습니다: 기울기의 크기가 ${tol} 이하입니다.`,
  };
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
  const smaller = formatNumber(lr / 10);
  const point = formatVector(at);
  const nanEn = 'undefined (NaN): the step left the domain or overflowed';
  const nanKo = '정의되지 않습니다(NaN): 정의역을 벗어났거나 오버플로가 일어났습니다';
  const en = {
    gradient: `the gradient at w^(${k}) = ${point} is ${kind === 'nan' ? 'undefined (NaN)' : 'infinite'}`,
    point: `w^(${k}) = ${point} is ${kind === 'nan' ? 'undefined (NaN)' : 'infinite (overflow)'}`,
    loss: `f(w^(${k})) at w^(${k}) = ${point} is ${kind === 'nan' ? nanEn : 'infinite (overflow)'}`,
    growth: `the loss f(w^(${k})) grew past ${GROWTH_BOUND.toExponential(0)} times its starting value`,
  }[why];
  const ko = {
    gradient: `w^(${k}) = ${point}에서 기울기가 ${kind === 'nan' ? '정의되지 않습니다(NaN)' : '무한대입니다'}`,
    point: `w^(${k}) = ${point}가 ${kind === 'nan' ? '정의되지 않습니다(NaN)' : '무한대입니다(오버플로)'}`,
    loss: `w^(${k}) = ${point}에서 f(w^(${k}))가 ${kind === 'nan' ? nanKo : '무한대입니다(오버플로)'}`,
    growth: `손실 f(w^(${k}))가 처음 값의 ${GROWTH_BOUND.toExponential(0)}배를 넘었습니다`,
  }[why];
  if (unbounded) {
    // The loss fell all the way: the function has no minimum there, and a smaller rate would only fall more slowly.
    return {
      en: `Diverged at step ${k}: ${en}. The loss kept falling without bound, so f has no minimum in this direction; no learning rate will make the run converge.`,
      ko: `${k}단계에서 발산했습니다: ${ko}. 손실이 한없이 작아졌으므로 이 방향으로는 f의 최솟값이 없습니다. 어떤 학습률로도 수렴하지 않습니다.`,
    };
  }
  if (optimizer?.needsHessian) {
    return {
      en: `Diverged at step ${k}: ${en}. Newton's method went astray (a nearly singular or indefinite Hessian); try another start, or gradient descent.`,
      ko: `${k}단계에서 발산했습니다: ${ko}. 헤시안이 특이 행렬에 가깝거나 양의 정부호가 아니어서 뉴턴 방법이 빗나갔습니다. 다른 시작점이나 경사하강법을 시도해 보세요.`,
    };
  }
  return {
    en: `Diverged at step ${k}: ${en}. Try a smaller learning rate than ε = ${formatNumber(lr)} (for example ${smaller}).`,
    ko: `${k}단계에서 발산했습니다: ${ko}. ε = ${formatNumber(lr)}보다 작은 학습률(예: ${smaller})을 시도해 보세요.`,
  };
}
