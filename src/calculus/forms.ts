/**
 * Smaller textbook forms of a simplified answer, tried after `simplify`: pulling a
 * common factor out of a sum (x²eˣ + 2xeˣ → x(x + 2)eˣ), clearing negative
 * exponentials from a fraction (e⁻ᵘ/(e⁻ᵘ + 1) → 1/(eᵘ + 1)), multiplying out a
 * denominator (1/(√A(√A + 1)) → 1/(A + √A)) and the double-angle identities. Each candidate is an
 * identity applied to the tree and then simplified again; the smallest tree wins,
 * so a candidate can only ever make the answer shorter.
 */
import { call, E, type Expr, equals, mul, type Num, num, pow, size } from '../expr/ast.js';
import { keyOf, simplify } from '../expr/simplify.js';
import { numNeg } from './tidy.js';

/** A factor as base^exponent with a positive exact exponent (x → x¹), or undefined for numbers. */
function asPower(f: Expr): { base: Expr; exp: Num } | undefined {
  if (f.kind === 'num') return undefined;
  if (f.kind === 'pow' && f.exp.kind === 'num' && !f.exp.approx) return { base: f.base, exp: f.exp };
  return { base: f, exp: num(1) };
}

const lessThan = (a: Num, b: Num): boolean => a.n * b.d < b.n * a.d;

/** s = Σ tᵢ → c·Σ (tᵢ/c) with c the product of the factors every term shares (smallest positive power). */
function pullCommonFactor(s: Expr): Expr | undefined {
  if (s.kind !== 'add' || s.terms.length < 2) return undefined;
  const termFactors = s.terms.map((t) => (t.kind === 'mul' ? t.factors : [t]));
  let common = new Map<string, { base: Expr; exp: Num }>();
  (termFactors[0] ?? []).forEach((f) => {
    const p = asPower(f);
    if (p && p.exp.n > 0) common.set(keyOf(p.base), p);
  });
  for (const factors of termFactors.slice(1)) {
    const here = new Map<string, { base: Expr; exp: Num }>();
    for (const f of factors) {
      const p = asPower(f);
      if (!p || p.exp.n <= 0) continue;
      const k = keyOf(p.base);
      const c = common.get(k);
      if (c) here.set(k, lessThan(p.exp, c.exp) ? p : c);
    }
    common = here;
    if (common.size === 0) return undefined;
  }
  const c = [...common.values()].map((p) => pow(p.base, p.exp));
  const inverse = [...common.values()].map((p) => pow(p.base, numNeg(p.exp)));
  return mul(...c, { kind: 'add', terms: s.terms.map((t) => mul(t, ...inverse)) });
}

/** Whether e is −(…): a negative leading coefficient or a negative number. */
function negative(e: Expr): boolean {
  if (e.kind === 'num') return e.n < 0;
  return e.kind === 'mul' && e.factors[0]?.kind === 'num' && e.factors[0].n < 0;
}

/**
 * t = … e^{a} … (… + e^{a} + …)^{−k} with a negative: multiply top and bottom by
 * e^{−ka}, so the answer reads with positive exponents: e⁻ˣ/(e⁻ˣ + 1)² → eˣ/(eˣ + 1)².
 */
function clearNegativeExponential(t: Expr): Expr | undefined {
  if (t.kind !== 'mul') return undefined;
  for (const f of t.factors) {
    if (f.kind !== 'pow' || f.exp.kind !== 'num' || f.exp.n >= 0 || f.exp.d !== 1 || f.base.kind !== 'add') continue;
    const inner = f.base.terms.find(
      (u) => u.kind === 'pow' && u.base.kind === 'const' && u.base.name === 'e' && negative(u.exp),
    );
    if (inner?.kind !== 'pow') continue;
    const k = -f.exp.n;
    const clear = pow(E, mul(num(-1), inner.exp)); // e^{−a}
    const base = { kind: 'add' as const, terms: f.base.terms.map((u) => mul(u, clear)) };
    const rest = t.factors.filter((g) => g !== f);
    return mul(...rest, pow(E, mul(num(-k), inner.exp)), pow(base, f.exp));
  }
  return undefined;
}

/**
 * Σ tᵢ with several terms over a power of the same sum S → (Σ tᵢ·S^K)/S^K, so like
 * terms can cancel: eˣ/(eˣ + 1)² − 2e²ˣ/(eˣ + 1)³ → (eˣ − e²ˣ)/(eˣ + 1)³.
 */
function commonDenominator(s: Expr): Expr | undefined {
  if (s.kind !== 'add' || s.terms.length < 2) return undefined;
  const counts = new Map<string, { base: Expr; k: number; terms: number }>();
  for (const t of s.terms) {
    for (const f of t.kind === 'mul' ? t.factors : [t]) {
      if (f.kind !== 'pow' || f.base.kind !== 'add' || f.exp.kind !== 'num' || f.exp.d !== 1 || f.exp.n >= 0) continue;
      const key = keyOf(f.base);
      const entry = counts.get(key);
      if (entry) counts.set(key, { base: f.base, k: Math.max(entry.k, -f.exp.n), terms: entry.terms + 1 });
      else counts.set(key, { base: f.base, k: -f.exp.n, terms: 1 });
    }
  }
  const best = [...counts.values()].sort((a, b) => b.terms - a.terms)[0];
  if (!best || best.terms < 2) return undefined;
  const over = pow(best.base, num(best.k));
  return mul(pow(best.base, num(-best.k)), { kind: 'add', terms: s.terms.map((t) => simplify(mul(t, over))) });
}

/** The argument u of a factor sin(u) or cos(u) (to the first power), else undefined. */
function trigArgument(f: Expr, fn: 'sin' | 'cos'): Expr | undefined {
  return f.kind === 'call' && f.fn === fn ? f.args[0] : undefined;
}

/** In a product, sin(u)·cos(u) → ½ sin(2u). */
function doubleAngleProduct(t: Expr): Expr | undefined {
  if (t.kind !== 'mul') return undefined;
  for (const s of t.factors) {
    const u = trigArgument(s, 'sin');
    if (!u) continue;
    const c = t.factors.find((f) => {
      const v = trigArgument(f, 'cos');
      return v !== undefined && equals(u, v);
    });
    if (!c) continue;
    const rest = t.factors.filter((f) => f !== s && f !== c);
    return mul(num(1, 2), ...rest, call('sin', mul(num(2), u)));
  }
  return undefined;
}

/** A term a·cos(u)² or a·sin(u)² as its coefficient part a (as factors), the function and u. */
function squaredTrig(t: Expr): { rest: Expr[]; fn: 'sin' | 'cos'; u: Expr } | undefined {
  const factors = t.kind === 'mul' ? t.factors : [t];
  for (const f of factors) {
    if (f.kind !== 'pow' || f.exp.kind !== 'num' || f.exp.n !== 2 || f.exp.d !== 1) continue;
    if (f.base.kind !== 'call' || (f.base.fn !== 'sin' && f.base.fn !== 'cos')) continue;
    return { rest: factors.filter((g) => g !== f), fn: f.base.fn, u: f.base.args[0] as Expr };
  }
  return undefined;
}

/**
 * The double-angle identities, where they shorten the answer: 2 sin x cos x → sin 2x,
 * and a·cos²u − a·sin²u → a·cos 2u.
 */
function doubleAngle(e: Expr): Expr | undefined {
  if (e.kind === 'mul') return doubleAngleProduct(e);
  if (e.kind !== 'add') return undefined;
  let changed = false;
  const terms: Expr[] = e.terms.map((t) => {
    const r = doubleAngleProduct(t);
    if (r) changed = true;
    return r ?? t;
  });
  for (let i = 0; i < terms.length; i++) {
    const a = squaredTrig(terms[i] as Expr);
    if (a?.fn !== 'cos') continue;
    const j = terms.findIndex((t, k) => {
      const b = k !== i ? squaredTrig(t) : undefined;
      // a·cos²u paired with −a·sin²u: their coefficients sum to zero.
      return b?.fn === 'sin' && equals(b.u, a.u) && equals(simplify(mul(num(-1), ...b.rest)), simplify(mul(...a.rest)));
    });
    if (j < 0) continue;
    terms[i] = mul(...a.rest, call('cos', mul(num(2), a.u)));
    terms.splice(j, 1);
    changed = true;
    break;
  }
  return changed ? { kind: 'add', terms } : undefined;
}

/**
 * A denominator that is a product with a sum in it, multiplied out:
 * 1/(√A·(√A + 1)) → 1/(A + √A). The numerator is kept as it is.
 */
function expandDenominator(t: Expr): Expr | undefined {
  if (t.kind !== 'mul') return undefined;
  const isDenominator = (f: Expr) => f.kind === 'pow' && f.exp.kind === 'num' && f.exp.n < 0 && !f.exp.approx;
  const below = t.factors.filter(isDenominator) as { kind: 'pow'; base: Expr; exp: Num }[];
  if (below.length < 2 || !below.some((f) => f.base.kind === 'add' && f.exp.n === -1 && f.exp.d === 1))
    return undefined;
  const sum = below.find((f) => f.base.kind === 'add' && f.exp.n === -1 && f.exp.d === 1)?.base;
  if (sum?.kind !== 'add') return undefined;
  const others = below.filter((f) => f.base !== sum).map((f) => pow(f.base, numNeg(f.exp)));
  const expanded = { kind: 'add' as const, terms: sum.terms.map((term) => simplify(mul(...others, term))) };
  return mul(...t.factors.filter((f) => !isDenominator(f)), pow(expanded, num(-1)));
}

/** Size of an answer as a CAS counts it: e^u is the function exp(u) (two nodes for e^x, as in SymPy). */
export function answerSize(e: Expr): number {
  if (e.kind === 'pow' && e.base.kind === 'const' && e.base.name === 'e') return 1 + answerSize(e.exp);
  let n = 1;
  switch (e.kind) {
    case 'add':
      for (const t of e.terms) n += answerSize(t);
      return n;
    case 'mul':
      for (const f of e.factors) n += answerSize(f);
      return n;
    case 'call':
      for (const a of e.args) n += answerSize(a);
      return n;
    case 'neg':
      return 1 + answerSize(e.arg);
    case 'div':
      return 1 + answerSize(e.num) + answerSize(e.den);
    case 'pow':
      return 1 + answerSize(e.base) + answerSize(e.exp);
    default:
      return 1;
  }
}

/** Applies `rewrite` at every node bottom-up where it helps, keeping whichever form of each node is smaller. */
function improve(e: Expr, rewrite: (x: Expr) => Expr | undefined, budget: { left: number }): Expr {
  let current = e;
  if (e.kind === 'add' || e.kind === 'mul') {
    const kids = e.kind === 'add' ? e.terms : e.factors;
    const next = kids.map((k) => improve(k, rewrite, budget));
    if (next.some((k, i) => k !== kids[i])) {
      current = simplify(e.kind === 'add' ? { kind: 'add', terms: next } : { kind: 'mul', factors: next });
    }
  } else if (e.kind === 'pow') {
    const b = improve(e.base, rewrite, budget);
    if (b !== e.base) current = simplify(pow(b, e.exp));
  }
  if (budget.left-- <= 0) return current;
  const candidate = rewrite(current);
  if (!candidate) return current;
  const simplified = simplify(candidate);
  return answerSize(simplified) < answerSize(current) ? simplified : current;
}

/** The smallest of the simplified answer and its rewritten forms. Bounded: a fixed number of rewrite attempts. */
export function smallestForm(simplified: Expr): Expr {
  if (size(simplified) > 400) return simplified;
  let best = simplified;
  for (const rewrite of [
    clearNegativeExponential,
    commonDenominator,
    pullCommonFactor,
    expandDenominator,
    doubleAngle,
  ]) {
    const candidate = improve(best, rewrite, { left: 200 });
    if (answerSize(candidate) < answerSize(best)) best = candidate;
  }
  return best;
}
