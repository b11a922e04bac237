/**
 * Numeric equivalence on the real domain.
 *
 * Two derivatives are compared at points where the problem AND its expected
 * derivative are real and finite (so `2/x` is the derivative of ln(x²) on both
 * sides of 0, and `√(x²)` is caught differing from `x` at negative x). Points are
 * drawn deterministically from a pool of mixed magnitudes — nice values first (they
 * make readable counterexamples), then small, negative, irregular and larger ones —
 * and every variable of a multi-variable problem varies independently.
 *
 * The tolerance is tight (relative 1e-9 plus a tiny absolute floor relative to the
 * problem's scale, plus the rounding bound of `rounding.ts` where asked), so a near miss
 * such as `0.5x^(-1/2) + 0.0001` is different. Points where the expected value is
 * ill-conditioned (a relative nudge of the inputs moves it a lot, e.g. tan(e^{x²}) at
 * large x) are skipped: there, two correct formulas can disagree by rounding alone.
 */

import type { Expr } from '../expr/ast.js';
import { compile } from '../expr/compile.js';
import { mulberry32 } from '../util/prng.js';

/** Relative tolerance of the comparison. */
export const RELATIVE_TOLERANCE = 1e-9;
/**
 * Absolute floor, for values that are (nearly) zero, for a problem whose derivative is of
 * size 1 or more; a smaller problem's floor shrinks with it (`floorFor`), so at 1e-320·x²
 * the answer 0 is not within the floor of 2e-320·x.
 */
export const ABSOLUTE_TOLERANCE = 1e-11;

/** The absolute floor for a sample of the given scale: never looser than `ABSOLUTE_TOLERANCE`. */
export function floorFor(scale: number): number {
  return ABSOLUTE_TOLERANCE * Math.min(1, scale);
}
/** Fewer valid points than this and no verdict is given. */
export const MIN_POINTS = 12;
/** How many valid points a sample aims for. */
export const TARGET_POINTS = 24;

/** One-variable pool: nice values first (counterexamples read well), then a spread of magnitudes and signs. */
const POOL: readonly number[] = [
  2, -1, 0.5, 3, -2, 1.5, -0.5, 1, 0.37, -0.73, 1.3, -1.7, 0.21, 2.6, -2.9, 0.05, -0.013, 0.9, -0.31, 0.64, 1.17, -3.4,
  0.13, 3.7, 0.79, -0.086, 0.46, 4.3, -4.8, 0.0071, 0.27, -1.25, 0.93, 2.2, -0.58, 0.56, 5.3, -6.1, 0.71, 0.033, -0.17,
  0.84, 1.9, -0.44, 7.7, -9.2, 0.15, -0.96,
];

/** Candidate points: the pool (one variable) or pool values mixed per variable; then uniform fallbacks. */
export function* candidates(count: number): Generator<number[]> {
  if (count === 0) {
    yield [];
    return;
  }
  if (count === 1) for (const v of POOL) yield [v];
  else {
    const random = mulberry32(0x9e3779b9 ^ count);
    // Each variable walks the pool in its own shuffled order, so values combine freely.
    const orders = Array.from({ length: count }, (_, j) => {
      const order = POOL.map((_, i) => i);
      if (j > 0) {
        for (let i = order.length - 1; i > 0; i--) {
          const k = Math.floor(random() * (i + 1));
          [order[i], order[k]] = [order[k] as number, order[i] as number];
        }
      }
      return order;
    });
    for (let i = 0; i < POOL.length * 2; i++) {
      yield orders.map((order, j) => POOL[(order[(i + j * 7) % POOL.length] as number) % POOL.length] as number);
    }
  }
  // Narrow domains (√(x − 5), 0 < p < 1 in several variables): uniform fallbacks in [−10, 10].
  const random = mulberry32(12345 + count);
  for (let i = 0; i < 240; i++) {
    yield Array.from({ length: count }, () => Math.round((random() * 20 - 10) * 1000) / 1000);
  }
}

/**
 * Compiles for sampling. Closures (same real-valued semantics) build fastest and suit
 * an expression evaluated at a couple of dozen points; `hot` expressions, evaluated at
 * every candidate point, get generated code where the page allows it.
 */
export function evaluator(e: Expr, vars: readonly string[], hot = false): (point: readonly number[]) => number {
  const fn = compile(e, vars, { backend: hot ? 'auto' : 'closure' });
  return (point) => fn(...point);
}

export function close(a: number, b: number, floor = ABSOLUTE_TOLERANCE): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + floor;
}

/** Whether a small relative nudge of the point moves the value by more than rounding could explain away. */
function illConditioned(f: (p: readonly number[]) => number, point: readonly number[], value: number): boolean {
  const nudged = point.map((v) => (v === 0 ? 1e-9 : v * (1 + 1e-9)));
  const moved = f(nudged);
  if (!Number.isFinite(moved)) return true;
  return Math.abs(moved - value) > 1e-5 * Math.abs(value) + 1e-7;
}

/** The points a check compares at, with the expected derivative's value at each. */
export interface Sample {
  readonly vars: readonly string[];
  readonly points: readonly (readonly number[])[];
  readonly expected: readonly number[];
  /**
   * The problem's scale: the largest |value| of the problem or its expected derivative at the
   * points (the problem's too, so a derivative that is 0 in exact arithmetic and rounding noise
   * when evaluated, log_{−x}(x^{2/3})′, keeps the floor of its problem). The absolute floor of
   * the comparison is relative to it (`floorFor`).
   */
  readonly scale: number;
}

/**
 * Points of the real domain where `problem` and `expected` are both finite and
 * `expected` is well-conditioned: up to TARGET_POINTS of them.
 */
export function sampleDomain(problem: Expr, expected: Expr, vars: readonly string[]): Sample {
  const f = evaluator(problem, vars, true);
  const d = evaluator(expected, vars, true);
  const points: number[][] = [];
  const values: number[] = [];
  let scale = 0;
  let tried = 0;
  for (const point of candidates(vars.length)) {
    if (++tried > 400 || points.length >= TARGET_POINTS) break;
    const at = f(point);
    if (!Number.isFinite(at)) continue;
    const value = d(point);
    if (!Number.isFinite(value) || illConditioned(d, point, value)) continue;
    points.push(point);
    values.push(value);
    scale = Math.max(scale, Math.abs(at), Math.abs(value));
    if (vars.length === 0) break;
  }
  return { vars, points, expected: values, scale };
}

/** A point where two expressions differ, with both values (`answer` null where it is undefined). */
export interface Counterexample {
  readonly at: Readonly<Record<string, number>>;
  readonly expected: number;
  readonly answer: number | null;
}

export type Comparison =
  | { readonly kind: 'equal'; readonly points: number }
  | { readonly kind: 'different'; readonly counterexample: Counterexample }
  | { readonly kind: 'undecided'; readonly points: number }
  /** Too few points left once those where the candidate overflows floating point (`skip`) are set aside. */
  | { readonly kind: 'out-of-range'; readonly points: number };

function pointRecord(vars: readonly string[], point: readonly number[]): Record<string, number> {
  const at: Record<string, number> = {};
  vars.forEach((v, i) => {
    at[v] = point[i] as number;
  });
  return at;
}

/** What a comparison may ask about a point where the values disagree (only there: both cost a walk of the trees). */
export interface CompareOptions {
  /** Whether the candidate only overflowed at the point (a finite value too large for floating point). */
  readonly skip?: (point: readonly number[]) => boolean;
  /** How far rounding alone can move the two values apart at the point (a bound; Infinity when unknown). */
  readonly noise?: (point: readonly number[]) => number;
}

/**
 * Compares `candidate` with the sample's expected values. A point where the
 * candidate is undefined but the expected derivative is defined is a difference —
 * unless `skip` says the candidate only overflowed there: such points are set aside,
 * and when too few remain the comparison is `out-of-range`. Two finite values that
 * differ by no more than `noise` (rounding in a cancelling expression) agree.
 */
export function compareWithSample(sample: Sample, candidate: Expr, options: CompareOptions = {}): Comparison {
  const { skip, noise } = options;
  const constant = sample.vars.length === 0;
  const needed = constant ? 1 : MIN_POINTS;
  if (sample.points.length < needed) return { kind: 'undecided', points: sample.points.length };
  const g = evaluator(candidate, sample.vars);
  const floor = floorFor(sample.scale);
  let skipped = 0;
  for (let i = 0; i < sample.points.length; i++) {
    const point = sample.points[i] as readonly number[];
    const want = sample.expected[i] as number;
    const got = g(point);
    if (!Number.isFinite(got) && skip?.(point)) {
      skipped++;
      continue;
    }
    if (!Number.isFinite(got) || (!close(got, want, floor) && !withinNoise(got, want, noise?.(point)))) {
      return {
        kind: 'different',
        counterexample: {
          at: pointRecord(sample.vars, point),
          expected: want,
          answer: Number.isFinite(got) ? got : null,
        },
      };
    }
  }
  const compared = sample.points.length - skipped;
  if (compared < needed) return { kind: 'out-of-range', points: compared };
  return { kind: 'equal', points: compared };
}

/** Whether two finite values differ by no more than a finite rounding bound. */
function withinNoise(a: number, b: number, bound: number | undefined): boolean {
  return bound !== undefined && Number.isFinite(bound) && Math.abs(a - b) <= 2 * bound;
}

/**
 * Whether `candidate` matches the values `values` (another expression's values at
 * the sample's points) everywhere both are defined, on enough points.
 */
export function matchesValues(sample: Sample, values: readonly number[], candidate: Expr): boolean {
  return valuesAgree(sample, values, valuesAt(sample, candidate));
}

/** Whether two value lists at the sample's points agree wherever both are defined, on enough points. */
export function valuesAgree(sample: Sample, a: readonly number[], b: readonly number[]): boolean {
  let agree = 0;
  for (let i = 0; i < sample.points.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (!close(x, y, floorFor(sample.scale))) return false;
    agree++;
  }
  const needed = sample.vars.length === 0 ? 1 : Math.max(MIN_POINTS - 4, Math.ceil(sample.points.length * 0.6));
  return agree >= needed;
}

/** The values of `e` at the sample's points (NaN where undefined). */
export function valuesAt(sample: Sample, e: Expr): number[] {
  const g = evaluator(e, sample.vars);
  return sample.points.map((p) => g(p));
}
