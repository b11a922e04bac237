/**
 * Exact rational arithmetic on `Num` nodes.
 *
 * Every operation either returns the exact result in lowest terms or, when an
 * intermediate value leaves the safe-integer range, an `approx` float — never a
 * silently rounded "exact" number. Approximate operands make approximate results.
 */
import { approx, type Num, num, ONE, ZERO } from './ast.js';

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** The value as a float. */
export function toFloat(q: Num): number {
  return q.approx ? q.n : q.n / q.d;
}

export function isZero(q: Num): boolean {
  return q.n === 0;
}

export function isOne(q: Num): boolean {
  return !q.approx && q.n === 1 && q.d === 1;
}

export function isMinusOne(q: Num): boolean {
  return !q.approx && q.n === -1 && q.d === 1;
}

export function isInteger(q: Num): boolean {
  return !q.approx && q.d === 1;
}

export function isNegative(q: Num): boolean {
  return q.n < 0;
}

export function sign(q: Num): -1 | 0 | 1 {
  return q.n < 0 ? -1 : q.n > 0 ? 1 : 0;
}

/** A product of safe integers, or NaN when it is not exactly representable. */
function exactMul(a: number, b: number): number {
  const p = a * b;
  return Number.isSafeInteger(p) ? p : Number.NaN;
}

function exactAdd(a: number, b: number): number {
  const s = a + b;
  return Number.isSafeInteger(s) ? s : Number.NaN;
}

/** n/d when both are exact safe integers, otherwise the float fallback. */
function make(n: number, d: number, fallback: () => number): Num {
  if (Number.isNaN(n) || Number.isNaN(d)) return approx(fallback());
  return num(n, d);
}

export function neg(a: Num): Num {
  if (a.approx) return approx(-a.n);
  return a.n === 0 ? ZERO : { kind: 'num', n: -a.n, d: a.d };
}

export function add(a: Num, b: Num): Num {
  // Adding 0 or multiplying by 1 keeps the other operand as it is (and a decimal's typed text).
  if (b.n === 0 && !b.approx) return a;
  if (a.n === 0 && !a.approx) return b;
  if (a.approx || b.approx) return approx(toFloat(a) + toFloat(b));
  if (a.d === b.d) return make(exactAdd(a.n, b.n), a.d, () => toFloat(a) + toFloat(b));
  const g = gcd(a.d, b.d);
  const bd = b.d / g;
  const ad = a.d / g;
  const n = exactAdd(exactMul(a.n, bd), exactMul(b.n, ad));
  const d = exactMul(a.d, bd);
  return make(n, d, () => toFloat(a) + toFloat(b));
}

export function sub(a: Num, b: Num): Num {
  return add(a, neg(b));
}

export function mul(a: Num, b: Num): Num {
  if (isOne(a)) return b;
  if (isOne(b)) return a;
  if (a.approx || b.approx) return approx(toFloat(a) * toFloat(b));
  if (a.n === 0 || b.n === 0) return ZERO;
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  const n = exactMul(a.n / g1, b.n / g2);
  const d = exactMul(a.d / g2, b.d / g1);
  return make(n, d, () => toFloat(a) * toFloat(b));
}

/** 1/a, or undefined for zero. */
export function inverse(a: Num): Num | undefined {
  if (a.n === 0) return undefined;
  if (a.approx) return approx(1 / a.n);
  return num(a.d, a.n);
}

/** a/b, or undefined when b is zero. */
export function div(a: Num, b: Num): Num | undefined {
  const inv = inverse(b);
  return inv === undefined ? undefined : mul(a, inv);
}

/**
 * a^k for an integer k, exactly; undefined when the exact result does not fit
 * (the caller then keeps the power unevaluated) or is undefined (0^-1).
 */
export function powExact(a: Num, k: number): Num | undefined {
  if (!Number.isInteger(k) || a.approx) return undefined;
  if (k === 0) return ONE;
  let base: Num = a;
  if (k < 0) {
    const inv = inverse(a);
    if (inv === undefined) return undefined;
    base = inv;
    k = -k;
  }
  let result: Num = ONE;
  while (k > 0) {
    if (k & 1) {
      result = mul(result, base);
      if (result.approx) return undefined;
    }
    k = Math.floor(k / 2);
    if (k > 0) {
      base = mul(base, base);
      if (base.approx) return undefined;
    }
  }
  return result;
}

/** a^k for an integer k; overflow falls back to an approximate float. */
export function pow(a: Num, k: number): Num | undefined {
  if (a.approx || !Number.isInteger(k)) return approx(toFloat(a) ** k);
  return powExact(a, k) ?? (a.n === 0 && k < 0 ? undefined : approx(toFloat(a) ** k));
}

/** Compare by value: negative when a < b. */
export function compare(a: Num, b: Num): number {
  if (!a.approx && !b.approx) {
    const l = a.n * b.d;
    const r = b.n * a.d;
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l - r;
  }
  return toFloat(a) - toFloat(b);
}

export function abs(a: Num): Num {
  return a.n < 0 ? neg(a) : a;
}

/** The exact integer k-th root of a non-negative safe integer n, if there is one. */
export function integerRoot(n: number, k: number): number | undefined {
  if (n < 0 || !Number.isSafeInteger(n)) return undefined;
  if (n < 2 || k === 1) return n;
  if (k > 53) return undefined; // n ≥ 2 has no integer root of a degree beyond log2(n)
  const guess = Math.round(n ** (1 / k));
  for (const r of [guess - 1, guess, guess + 1]) {
    if (r < 0) continue;
    let p = 1;
    for (let i = 0; i < k && p <= n; i++) p *= r;
    if (p === n) return r;
  }
  return undefined;
}

/** Trial-division bound: roots of larger factors are left inside the radical. */
const EXTRACT_LIMIT = 10_000;

/**
 * Split a positive safe integer n = outside^k · inside with `outside` as large
 * as trial division by factors up to EXTRACT_LIMIT finds (exactly correct, maybe
 * not maximal for huge primes).
 */
export function extractPower(n: number, k: number): { outside: number; inside: number } {
  const whole = integerRoot(n, k);
  if (whole !== undefined) return { outside: whole, inside: 1 };
  let outside = 1;
  let inside = n;
  for (let p = 2; p <= EXTRACT_LIMIT && p ** k <= inside; p += p === 2 ? 1 : 2) {
    const pk = p ** k;
    while (inside % pk === 0) {
      inside /= pk;
      outside *= p;
    }
  }
  return { outside, inside };
}

/** The smallest normal double. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Whether a · b can be folded into one number: exact rationals always can; a float product
 * only when it neither overflows (2 · 1e308 is not ∞) nor underflows to 0 or a subnormal.
 */
export function multipliesWithoutLoss(a: Num, b: Num): boolean {
  if (!mul(a, b).approx) return true;
  const x = toFloat(a);
  const y = toFloat(b);
  const p = x * y;
  if (!Number.isFinite(p)) return !Number.isFinite(x) || !Number.isFinite(y);
  // 0 or a subnormal from non-zero factors has lost the product (1e-200 · 1e-200 = 0).
  return x === 0 || y === 0 || Math.abs(p) >= MIN_NORMAL;
}

/** Numbers that cannot be folded (`addsWithoutLoss`, `multipliesWithoutLoss`), largest first: a stable order for the kept ones. */
export function byMagnitude(a: Num, b: Num): number {
  return Math.abs(toFloat(b)) - Math.abs(toFloat(a));
}

/**
 * Whether a + b can be folded into one number without losing an addend: exact
 * rationals always can; a float sum only when it is exact (1 + 1e308 rounds to
 * 1e308, so the 1 must stay a term of its own). Every step that folds numbers in a
 * sum (simplify, the step builder, the answer forms) asks this one question.
 */
export function addsWithoutLoss(a: Num, b: Num): boolean {
  if (!add(a, b).approx) return true;
  const x = toFloat(a);
  const y = toFloat(b);
  if (x === 0 || y === 0) return true;
  const s = x + y;
  if (!Number.isFinite(s)) return !Number.isFinite(x) || !Number.isFinite(y);
  return s - x === y && s - y === x;
}
