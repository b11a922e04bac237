/**
 * How far rounding alone can move an expression's value at a point: a first-order
 * running error bound (each operation adds its own rounding, u·|value|, to the errors
 * it propagates from its inputs). Where a correct answer cancels (sinh 8 · 8 · (ln 8/ln x −
 * log_x 8) is 0 in exact arithmetic and 10⁻¹¹ after rounding), its value is noise of that
 * size, and the checker must not call it different from an expected value within the noise.
 * Runs only at a point where the comparison already failed, never on the hot path.
 */
import type { Expr } from '../expr/ast.js';
import { MAX_COMPILE_DEPTH } from '../expr/compile.js';
import { FUNCTIONS } from '../expr/functions.js';

/** The unit roundoff of doubles. */
const U = Number.EPSILON / 2;

/**
 * One rounding's error at a value of size |v|: relative u for normal numbers, and at least the
 * spacing of subnormal numbers (5e-324) below 2.2e-308, where doubles keep fewer digits (1e-320
 * has about 3).
 */
const rounding = (v: number): number => U * Math.abs(v) + Number.MIN_VALUE;

type Bounded = readonly [value: number, error: number];

const NOT_KNOWN: Bounded = [Number.NaN, Number.POSITIVE_INFINITY];

class Walker {
  constructor(private readonly at: ReadonlyMap<string, number>) {}

  value(e: Expr, depth = 0): Bounded {
    if (depth > MAX_COMPILE_DEPTH + 10) return NOT_KNOWN;
    const d = depth + 1;
    switch (e.kind) {
      case 'num': {
        const v = e.approx ? e.n : e.n / e.d;
        return [v, e.approx || e.d !== 1 || !Number.isSafeInteger(e.n) ? rounding(v) : 0];
      }
      case 'sym':
        return [this.at.get(e.name) ?? Number.NaN, 0];
      case 'const': {
        const v = e.name === 'e' ? Math.E : Math.PI;
        return [v, rounding(v)];
      }
      case 'neg': {
        const [v, err] = this.value(e.arg, d);
        return [-v, err];
      }
      case 'add': {
        let v = 0;
        let err = 0;
        for (const t of e.terms) {
          const [x, ex] = this.value(t, d);
          v += x;
          err += ex + rounding(v);
        }
        return [v, err];
      }
      case 'mul': {
        let v = 1;
        let err = 0;
        for (const f of e.factors) {
          const [x, ex] = this.value(f, d);
          // (v ± err)(x ± ex) = vx ± (|v|ex + |x|err + err·ex), then the product's own rounding.
          err = Math.abs(v) * ex + Math.abs(x) * err + err * ex;
          v *= x;
          err += rounding(v);
        }
        return [v, err];
      }
      case 'div': {
        const [a, ea] = this.value(e.num, d);
        const [b, eb] = this.value(e.den, d);
        const v = a / b;
        return [v, (ea + Math.abs(v) * eb) / Math.abs(b) + rounding(v)];
      }
      case 'pow': {
        const [b, eb] = e.base.kind === 'const' && e.base.name === 'e' ? [Math.E, U * Math.E] : this.value(e.base, d);
        const [k, ek] = this.value(e.exp, d);
        const size = Math.abs(b) ** k;
        // d(bᵏ)/db = k·bᵏ/b and d(bᵏ)/dk = bᵏ·ln|b|, at the size of the power; pow itself rounds a few ulps.
        const err =
          (Math.abs(k) * size * eb) / Math.abs(b) + size * Math.abs(Math.log(Math.abs(b))) * ek + 4 * rounding(size);
        const v = b < 0 && Number.isInteger(k) ? b ** k : b >= 0 ? b ** k : Number.NaN;
        return [v, eb === 0 && ek === 0 ? 4 * rounding(size) : err];
      }
      case 'call': {
        const info = FUNCTIONS[e.fn];
        if (!info) return NOT_KNOWN;
        const args = e.args.map((a) => this.value(a, d));
        const xs = args.map(([x]) => x);
        const v = info.evaluate(...xs);
        // How far each argument's error can move the value: the larger move of x ± error.
        let err = 4 * rounding(v);
        args.forEach(([x, ex], i) => {
          if (ex === 0) return;
          for (const s of [-1, 1]) {
            const moved = xs.slice();
            moved[i] = x + s * ex;
            const w = info.evaluate(...moved);
            err += Number.isFinite(w) ? Math.abs(w - v) / 2 : Number.POSITIVE_INFINITY;
          }
        });
        return [v, err];
      }
    }
  }
}

/** The rounding error bound of `e` at `point` (values of `vars`); Infinity where it cannot be told. */
export function roundingError(e: Expr, vars: readonly string[], point: readonly number[]): number {
  const at = new Map<string, number>();
  vars.forEach((v, i) => {
    at.set(v, point[i] as number);
  });
  const [, err] = new Walker(at).value(e);
  return Number.isNaN(err) ? Number.POSITIVE_INFINITY : err;
}
