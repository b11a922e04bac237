/**
 * Light tidying for step results: fold 0 and 1, flatten nested sums and products,
 * gather numeric factors into one leading coefficient. Enough to keep every step
 * readable (3·3x² → 9x², not 3·(3·x^2)·1); the real canonical form is `simplify`'s job.
 */
import { approx, type Expr, equals, MINUS_ONE, type Num, num, ONE, ZERO } from '../expr/ast.js';
import { addsWithoutLoss, byMagnitude, multipliesWithoutLoss } from '../expr/rational.js';

function isExactNum(e: Expr): e is Num {
  return e.kind === 'num' && !e.approx;
}

export function isZero(e: Expr): boolean {
  return e.kind === 'num' && e.n === 0;
}

export function isOne(e: Expr): boolean {
  return e.kind === 'num' && e.n === 1 && e.d === 1 && !e.approx;
}

export function numMul(a: Num, b: Num): Num {
  if (a.approx || b.approx) return approx((a.n / a.d) * (b.n / b.d));
  return num(a.n * b.n, a.d * b.d);
}

export function numAdd(a: Num, b: Num): Num {
  if (a.approx || b.approx) return approx(a.n / a.d + b.n / b.d);
  return num(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function numNeg(a: Num): Num {
  return a.approx ? approx(-a.n) : num(-a.n, a.d);
}

function rank(f: Expr): number {
  if (f.kind === 'sym') return 0;
  if (f.kind === 'pow' && f.base.kind === 'sym' && f.exp.kind === 'num') return 0;
  return 1;
}

/** A product, flattened, with 0 absorbing, 1 dropped and numbers merged into a leading coefficient. */
export function tMul(...factors: Expr[]): Expr {
  let coef: Num = ONE;
  const rest: Expr[] = [];
  // A number that folding would lose (2 · 1e308 overflows) stays a factor of its own.
  const kept: Num[] = [];
  const visit = (f: Expr): void => {
    if (f.kind === 'mul') for (const g of f.factors) visit(g);
    else if (f.kind === 'neg') {
      coef = numNeg(coef);
      visit(f.arg);
    } else if (f.kind === 'num') {
      if (multipliesWithoutLoss(coef, f)) coef = numMul(coef, f);
      else kept.push(f);
    } else rest.push(f);
  };
  for (const f of factors) visit(f);
  if (isZero(coef)) return ZERO;
  if (kept.length) rest.unshift(...kept.sort(byMagnitude));
  if (rest.length > 1) mergePowers(rest);
  // Monomial factors first, as a textbook writes them: x·cos x, not cos x·x.
  if (rest.length > 1) rest.sort((a, b) => rank(a) - rank(b));
  if (rest.length === 0) return coef;
  if (isOne(coef)) return rest.length === 1 ? (rest[0] as Expr) : { kind: 'mul', factors: rest };
  return { kind: 'mul', factors: [coef, ...rest] };
}

/** A factor as base^k with an exact integer k: x → (x, 1), x³ → (x, 3), 1/x → (x, −1). */
function powerOf(f: Expr): { base: Expr; k: number } | undefined {
  if (f.kind === 'pow' && isExactNum(f.exp) && f.exp.d === 1) return { base: f.base, k: f.exp.n };
  if (f.kind === 'div' && isOne(f.num)) {
    const inner = powerOf(f.den);
    return inner ? { base: inner.base, k: -inner.k } : { base: f.den, k: -1 };
  }
  if (f.kind === 'num') return undefined;
  return { base: f, k: 1 };
}

/**
 * Equal bases in one product merged, in place: cos x·cos x → cos²x, 2x·x → 2x², x²·(1/x) → x,
 * as a teacher writes a step. Only exact integer powers; the first occurrence keeps its place.
 */
function mergePowers(rest: Expr[]): void {
  for (let i = 0; i < rest.length; i++) {
    const a = powerOf(rest[i] as Expr);
    if (!a) continue;
    let k = a.k;
    let merged = false;
    for (let j = rest.length - 1; j > i; j--) {
      const b = powerOf(rest[j] as Expr);
      if (b && equals(a.base, b.base)) {
        k += b.k;
        rest.splice(j, 1);
        merged = true;
      }
    }
    if (!merged) continue;
    if (k === 0) {
      rest.splice(i, 1);
      i--;
    } else
      rest[i] =
        k === 1
          ? a.base
          : k > 0
            ? { kind: 'pow', base: a.base, exp: num(k) }
            : tDiv(ONE, k === -1 ? a.base : { kind: 'pow', base: a.base, exp: num(-k) });
  }
}

/**
 * A sum, flattened, with zeros dropped and numbers gathered into one constant where the first
 * number stands — the order of the rule's formula or of the question: 1 + u², x + 1.
 */
export function tAdd(...terms: Expr[]): Expr {
  let constant: Num = ZERO;
  let at = -1;
  const rest: Expr[] = [];
  // A number that folding would lose (1 next to 1e308) stays a term of its own.
  const kept: Num[] = [];
  const visit = (t: Expr): void => {
    if (t.kind === 'add') for (const s of t.terms) visit(s);
    else if (t.kind === 'num') {
      if (addsWithoutLoss(constant, t)) {
        constant = numAdd(constant, t);
        if (at < 0 && !isZero(t)) at = rest.length;
      } else kept.push(t);
    } else rest.push(t);
  };
  for (const t of terms) visit(t);
  if (!isZero(constant)) rest.splice(at < 0 ? rest.length : at, 0, constant);
  rest.push(...kept);
  if (rest.length === 0) return ZERO;
  return rest.length === 1 ? (rest[0] as Expr) : { kind: 'add', terms: rest };
}

/** −a, written as a −1 coefficient (the canonical form printers show as subtraction). */
export function tNeg(a: Expr): Expr {
  return tMul(MINUS_ONE, a);
}

export function tSub(a: Expr, b: Expr): Expr {
  return tAdd(a, tNeg(b));
}

export function tPow(base: Expr, exponent: Expr): Expr {
  if (isZero(exponent)) return ONE;
  if (isOne(exponent)) return base;
  if (isOne(base)) return ONE;
  if (isExactNum(base) && isExactNum(exponent) && exponent.d === 1 && Math.abs(exponent.n) <= 64) {
    const value = (base.n / base.d) ** exponent.n;
    if (Number.isFinite(value) && value !== 0) {
      const n = base.n ** Math.abs(exponent.n);
      const d = base.d ** Math.abs(exponent.n);
      if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return exponent.n > 0 ? num(n, d) : num(d, n);
    }
  }
  return { kind: 'pow', base, exp: exponent };
}

export function tDiv(numerator: Expr, denominator: Expr): Expr {
  if (isOne(denominator)) return numerator;
  if (isZero(numerator)) return ZERO;
  if (isExactNum(numerator) && isExactNum(denominator) && denominator.n !== 0) {
    return num(numerator.n * denominator.d, numerator.d * denominator.n);
  }
  if (numerator.kind === 'mul' && numerator.factors[0]?.kind === 'num' && isExactNum(numerator.factors[0])) {
    // Keep the coefficient in front of the fraction: (−2x)/y → −2·(x/y), as a textbook writes it.
    const [coef, ...rest] = numerator.factors;
    return tMul(coef, { kind: 'div', num: tMul(...rest), den: denominator });
  }
  return { kind: 'div', num: numerator, den: denominator };
}

/** The exact value of a purely numeric tree (1/2, −3, 2/3·3), or undefined. */
export function foldNumber(e: Expr): Num | undefined {
  switch (e.kind) {
    case 'num':
      return e.approx ? undefined : e;
    case 'neg': {
      const a = foldNumber(e.arg);
      return a && numNeg(a);
    }
    case 'div': {
      const a = foldNumber(e.num);
      const b = foldNumber(e.den);
      return a && b && b.n !== 0 ? numMul(a, num(b.d, b.n)) : undefined;
    }
    case 'mul':
    case 'add': {
      const parts = e.kind === 'mul' ? e.factors : e.terms;
      let acc: Num | undefined = e.kind === 'mul' ? ONE : ZERO;
      for (const p of parts) {
        const v = foldNumber(p);
        if (!v || !acc) return undefined;
        acc = e.kind === 'mul' ? numMul(acc, v) : numAdd(acc, v);
      }
      return acc && !acc.approx ? acc : undefined;
    }
    default:
      return undefined;
  }
}
