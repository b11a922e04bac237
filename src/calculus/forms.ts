/**
 * The forms an answer is written in.
 *
 * - `textbook` (the default answer): the rules' result as a textbook prints it — the
 *   product and quotient rules' sums kept, outer × inner for the chain rule, signs,
 *   powers and radicals as in the question — with only the clean-ups every textbook
 *   does: numbers multiplied out, like terms collected, 1·, +0 and x¹ dropped, like
 *   factors combined (x·x² = x³, so what cancels exactly cancels).
 * - `smallest`: the fewest nodes (the canonical form, then the rewrites below).
 * - `factored`, `common-denominator`, `expanded`: the other forms books print,
 *   computed only when asked for (`answerForms`), each checked equal to the answer.
 *
 * The smallest form's rewrites, tried after `simplify`: pulling a
 * common factor out of a sum (x²eˣ + 2xeˣ → x(x + 2)eˣ), clearing negative
 * exponentials from a fraction (e⁻ᵘ/(e⁻ᵘ + 1) → 1/(eᵘ + 1)), multiplying out a
 * denominator (1/(√A(√A + 1)) → 1/(A + √A)) and the double-angle identities. Each candidate is an
 * identity applied to the tree and then simplified again; the smallest tree wins,
 * so a candidate can only ever make the answer shorter.
 */
import { call, children, E, type Expr, equals, freeVars, mul, type Num, num, pow, size } from '../expr/ast.js';
import { compile } from '../expr/compile.js';
import { addsWithoutLoss, byMagnitude, multipliesWithoutLoss } from '../expr/rational.js';
import { canonicalKey, containsVariable, expand, keyOf, simplify, withSharedCaches } from '../expr/simplify.js';
import { type Localized, localizeAll } from '../i18n/index.js';
import { foldNumber, numAdd, numMul, numNeg } from './tidy.js';

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

// ------------------------------------------------------------ the textbook form

const ONE_NUM: Num = num(1);
const isExact = (e: Expr): e is Num => e.kind === 'num' && !e.approx;

/** A factor as base and exact exponent, for combining like factors: x → x¹, √u → u^½, ∛u → u^⅓. */
function baseAndExponent(f: Expr, deep = false): { base: Expr; exp: Num } {
  const k = f.kind === 'pow' ? (isExact(f.exp) ? f.exp : deep ? foldNumber(f.exp) : undefined) : undefined;
  if (f.kind === 'pow' && k) {
    const inner = baseAndExponent(f.base, deep);
    if (inner.exp !== ONE_NUM && (deep || k.d === 1)) return { base: inner.base, exp: numMul(inner.exp, k) };
    return { base: f.base, exp: k };
  }
  if (f.kind === 'call' && f.args.length === 1 && (f.fn === 'sqrt' || f.fn === 'cbrt')) {
    const root = num(1, f.fn === 'sqrt' ? 2 : 3);
    const inner = deep ? baseAndExponent(f.args[0] as Expr, deep) : { base: f.args[0] as Expr, exp: ONE_NUM };
    return { base: inner.base, exp: numMul(inner.exp, root) };
  }
  return { base: f, exp: ONE_NUM };
}

/** Where a factor goes in a product: numbers, then constants (π, ln 2), letters, functions and powers, sums last. */
function factorOrder(f: Expr): number {
  if (!containsVariable(f)) return 0;
  const { base } = baseAndExponent(f);
  if (base.kind === 'sym') return 1;
  return f.kind === 'add' ? 3 : 2;
}

/** A power with a constant base (e, a positive number) and a varying exponent: eˣ, 2^{x²}. */
const isExponential = (f: Expr): f is Expr & { kind: 'pow' } =>
  f.kind === 'pow' && (f.base.kind === 'const' || (f.base.kind === 'num' && f.base.n > 0)) && !isExact(f.exp);

/** eᵘ·eᵛ = e^{u+v} in place, where the same base occurs more than once (eˣ·eˣ = e^{2x}, eˣ·e⁻ˣ = 1). */
function combineExponentials(factors: Expr[]): void {
  // Only a base that occurs twice combines: with fewer than two exponentials, only the 1s go.
  let exponentials = 0;
  for (const f of factors) if (isExponential(f)) exponentials++;
  if (exponentials < 2) {
    dropOnes(factors);
    return;
  }
  const groups = new Map<string, number[]>();
  factors.forEach((f, i) => {
    if (!isExponential(f)) return;
    const key = keyOf(f.base);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const drop = new Set<number>();
  for (const at of groups.values()) {
    if (at.length < 2) continue;
    const first = factors[at[0] as number] as Expr & { kind: 'pow' };
    const exponent = tidySum(at.map((i) => (factors[i] as Expr & { kind: 'pow' }).exp));
    factors[at[0] as number] =
      isExact(exponent) && exponent.n === 0 ? num(1) : { kind: 'pow', base: first.base, exp: exponent };
    for (const i of at.slice(1)) drop.add(i);
  }
  for (const i of [...drop].sort((a, b) => b - a)) factors.splice(i, 1);
  dropOnes(factors);
}

/** Removes the factors that are exactly 1, in place. */
function dropOnes(factors: Expr[]): void {
  for (let i = factors.length - 1; i >= 0; i--)
    if (isExact(factors[i] as Expr) && (factors[i] as Num).n === 1) factors.splice(i, 1);
}

/** Flattens `f` into `out` (products taken apart), multiplying its numbers into `coef` (or into `kept`, where that would lose them); returns the new coefficient. */
function gatherFactors(f: Expr, coef: Num, out: Expr[], kept: Num[]): Num {
  if (f.kind === 'mul') {
    for (const g of f.factors) coef = gatherFactors(g, coef, out, kept);
    return coef;
  }
  if (f.kind === 'num') {
    if (multipliesWithoutLoss(coef, f)) return numMul(coef, f);
    kept.push(f);
    return coef;
  }
  out.push(f);
  return coef;
}

/** The coefficient and one factor as a product (the coefficient dropped when it is exactly 1). */
function withCoefficient(coef: Num, factors: readonly Expr[]): Expr {
  if (factors.length === 0) return coef;
  if (coef.n === 1 && coef.d === 1 && !coef.approx)
    return factors.length === 1 ? (factors[0] as Expr) : { kind: 'mul', factors };
  return { kind: 'mul', factors: [coef, ...factors] };
}

/** Whether the factors are already in product order (see `tidyProduct`): then sorting keeps them as they are. */
function inProductOrder(factors: readonly Expr[], ranks: readonly number[]): boolean {
  for (let i = 1; i < factors.length; i++) {
    const a = ranks[i - 1] as number;
    const b = ranks[i] as number;
    if (a > b) return false;
    if (a === b && a === 1 && letterIndex(factors[i - 1] as Expr) > letterIndex(factors[i] as Expr)) return false;
  }
  return true;
}

function tidyProduct(input: readonly Expr[]): Expr {
  let coef: Num = ONE_NUM;
  const factors: Expr[] = [];
  // A number that folding would lose (2 · 1e308 overflows) stays a factor of its own.
  const kept: Num[] = [];
  for (const f of input) coef = gatherFactors(f, coef, factors, kept);
  if (coef.n === 0) return num(0);
  combineExponentials(factors);
  // One factor (and no number kept apart) has nothing to combine or order.
  if (factors.length <= 1 && kept.length === 0) return withCoefficient(coef, factors);
  // Like factors combined where the same base occurs more than once (x·x² = x³, (x − 5)/(x − 5)² = 1/(x − 5)).
  const groups = new Map<string, { base: Expr; exp: Num; members: Expr[] }>();
  for (const f of factors) {
    const { base, exp } = baseAndExponent(f);
    const key = keyOf(base);
    const g = groups.get(key);
    if (g) {
      g.exp = numAdd(g.exp, exp);
      g.members.push(f);
    } else groups.set(key, { base, exp, members: [f] });
  }
  // sin u / cos u = tan u and cos u / sin u = cot u, as every textbook writes them.
  for (const g of groups.values()) {
    const b = g.base;
    if (b.kind !== 'call' || (b.fn !== 'sin' && b.fn !== 'cos') || g.exp.d !== 1 || g.exp.n !== 1) continue;
    const other = groups.get(keyOf(call(b.fn === 'sin' ? 'cos' : 'sin', b.args[0] as Expr)));
    if (other?.exp.d !== 1 || other.exp.n !== -1) continue;
    const fn = b.fn === 'sin' ? 'tan' : 'cot';
    g.base = call(fn, b.args[0] as Expr);
    g.members = [g.base];
    other.exp = num(0);
    other.members = [];
  }
  const out: Expr[] = [];
  for (const g of groups.values()) {
    if (g.members.length === 0) continue;
    if (g.members.length === 1) out.push(g.members[0] as Expr);
    else if (g.exp.n !== 0) out.push(g.exp.n === 1 && g.exp.d === 1 ? g.base : tidyPower(g.base, g.exp));
  }
  const ranks = out.map(factorOrder);
  const ordered = inProductOrder(out, ranks)
    ? out
    : out
        .map((f, i) => ({ f, i, rank: ranks[i] as number }))
        .sort((a, b) => a.rank - b.rank || (a.rank === 1 ? letterIndex(a.f) - letterIndex(b.f) : 0) || a.i - b.i)
        .map((x) => x.f);
  if (kept.length > 0) ordered.unshift(...kept.sort(byMagnitude));
  return withCoefficient(coef, ordered);
}

/** A term as its numeric coefficient and the rest (as a key for collecting like terms). */
function splitCoefficient(t: Expr): { coef: Num; rest: Expr[] } {
  if (t.kind === 'num') return { coef: t, rest: [] };
  if (t.kind === 'mul' && t.factors[0]?.kind === 'num') return { coef: t.factors[0], rest: t.factors.slice(1) };
  return { coef: ONE_NUM, rest: [t] };
}

const isNegativeTerm = (t: Expr): boolean => splitCoefficient(t).coef.n < 0;

/**
 * The sums of the question (by key): a textbook keeps those as written, −(x⁴ + 2x³),
 * where it multiplies a number into a sum the rules made, −(cos²t − sin²t) = sin²t − cos²t.
 */
let givenSums: ReadonlySet<string> | undefined;
/** The question whose sums `givenSums` holds once first asked for (most answers never ask). */
let givenQuestion: Expr | undefined;
/** The question's variables in the order they first occur there: π r² h → 2πr h, r before h. */
let givenLetters: ReadonlyMap<string, number> = new Map();

function lettersOf(e: Expr, out: Map<string, number>): Map<string, number> {
  if (e.kind === 'sym' && !out.has(e.name)) out.set(e.name, out.size);
  for (const k of children(e)) lettersOf(k, out);
  return out;
}

function letterIndex(f: Expr): number {
  const { base } = baseAndExponent(f);
  return base.kind === 'sym' ? (givenLetters.get(base.name) ?? givenLetters.size) : 0;
}

/** Whether `sum` is one of the question's sums (the question tidied on first use, without the letter order). */
function isGivenSum(sum: Expr): boolean {
  if (!givenSums) {
    const letters = givenLetters;
    // While the question itself is tidied, it has no sums or letters of its own to keep.
    givenSums = new Set();
    givenLetters = new Map();
    try {
      givenSums = givenQuestion ? sumsOf(tidyNode(givenQuestion), new Set()) : new Set();
    } finally {
      givenLetters = letters;
    }
  }
  return givenSums.has(keyOf(sum));
}

function sumsOf(e: Expr, out: Set<string>): Set<string> {
  if (e.kind === 'add') out.add(keyOf(e));
  for (const k of children(e)) sumsOf(k, out);
  return out;
}

/** The terms of a sum flattened, with c·(a + b) multiplied out when `distribute` says so for that sum. */
function flatTerms(input: readonly Expr[], distribute: (s: Expr) => boolean): Expr[] {
  const flat: Expr[] = [];
  const visit = (t: Expr): void => {
    if (t.kind === 'add') for (const u of t.terms) visit(u);
    else if (
      t.kind === 'mul' &&
      t.factors.length === 2 &&
      t.factors[0]?.kind === 'num' &&
      t.factors[1]?.kind === 'add' &&
      distribute(t.factors[1])
    ) {
      const c = t.factors[0];
      for (const u of t.factors[1].terms) visit(tidyProduct([c, u]));
    } else flat.push(t);
  };
  for (const t of input) visit(t);
  return flat;
}

/** Like terms collected in the order they first occur; numbers gathered where the first one stands. */
function collectTerms(flat: readonly Expr[]): Expr[] {
  const groups = new Map<string, { coef: Num; rest: Expr[] }>();
  const CONSTANT = '#number';
  let lossy = 0;
  for (const t of flat) {
    const { coef, rest } = splitCoefficient(t);
    let key = rest.length === 0 ? CONSTANT : rest.length === 1 ? keyOf(rest[0] as Expr) : rest.map(keyOf).join('*');
    const g = groups.get(key);
    // A coefficient that folding would lose (1 next to 1e308) stays a term of its own.
    if (g && !addsWithoutLoss(g.coef, coef)) key = `${key}#${lossy++}`;
    const h = groups.get(key);
    if (h) h.coef = numAdd(h.coef, coef);
    else groups.set(key, { coef, rest });
  }
  const terms: Expr[] = [];
  for (const g of groups.values()) if (g.coef.n !== 0) terms.push(tidyProduct([g.coef, ...g.rest]));
  return terms;
}

/** A factor with a negative exponent that every term shares (the same base and power), or undefined. */
function sharedDenominator(terms: readonly Expr[]): Expr | undefined {
  const first = terms[0];
  if (!first || terms.length < 2) return undefined;
  for (const f of first.kind === 'mul' ? first.factors : [first]) {
    if (f.kind !== 'pow' || !isExact(f.exp) || f.exp.n >= 0) continue;
    const key = keyOf(f);
    if (terms.every((t) => (t.kind === 'mul' ? t.factors : [t]).some((g) => keyOf(g) === key))) return f;
  }
  return undefined;
}

function tidySum(input: readonly Expr[]): Expr {
  let multiples = 0;
  const spread = flatTerms(input, () => {
    multiples++;
    return true;
  });
  // Without a c·(a + b) term both ways of flattening are the same.
  const kept = multiples === 0 ? spread : flatTerms(input, (sum) => !isGivenSum(sum));
  // c·(a + b) inside a sum is multiplied out where the rules made the sum, or where like terms
  // then collect: (x − 5) − (x + 7) = −12.
  const collected = collectTerms(spread);
  let terms =
    kept === spread || (spread.length > kept.length && collected.length < spread.length)
      ? collected
      : collectTerms(kept);
  // The leading term is not negative where moving a positive one first avoids it: 1/7 − 7/x², not −7/x² + 1/7.
  if (terms.length > 1 && isNegativeTerm(terms[0] as Expr)) {
    const i = terms.findIndex((t) => !isNegativeTerm(t));
    if (i > 0) terms.unshift(...terms.splice(i, 1));
  }
  // Terms over one same denominator are written as one fraction: a/d + b/d = (a + b)/d.
  const den = sharedDenominator(terms);
  if (den?.kind === 'pow') {
    const over = tidyPower(den.base, numNeg(den.exp as Num));
    terms = [tidyProduct([{ kind: 'add', terms: terms.map((t) => tidyProduct([t, over])) }, den])];
  }
  if (terms.length === 0) return num(0);
  return terms.length === 1 ? (terms[0] as Expr) : { kind: 'add', terms };
}

function tidyPower(base: Expr, exp: Expr): Expr {
  if (isExact(exp)) {
    if (exp.n === 0) return num(1);
    if (exp.n === 1 && exp.d === 1) return base;
    if (isExact(base) && exp.d === 1 && Math.abs(exp.n) <= 16) {
      const n = base.n ** Math.abs(exp.n);
      const d = base.d ** Math.abs(exp.n);
      if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && n !== 0) return exp.n > 0 ? num(n, d) : num(d, n);
    }
    // (u^a)^k = u^{ak} for an integer k; a product of numbers and factors to an integer power, factor by factor.
    if (exp.d === 1 && base.kind === 'pow' && isExact(base.exp)) return tidyPower(base.base, numMul(base.exp, exp));
    if (exp.d === 1 && base.kind === 'mul') return tidyProduct(base.factors.map((f) => tidyPower(f, exp)));
    // (√u)² = u, (∛u)³ = u: what cancels exactly.
    if (exp.d === 1 && base.kind === 'call' && (base.fn === 'sqrt' || base.fn === 'cbrt')) {
      const root = base.fn === 'sqrt' ? 2 : 3;
      if (exp.n % root === 0) return tidyPower(base.args[0] as Expr, num(exp.n / root));
    }
    // (aᵘ)ᵏ = a^{ku} for a number a: 2^{2w}, as books write it.
    if (exp.d === 1 && base.kind === 'pow' && base.base.kind === 'num' && base.base.n > 0 && !isExact(base.exp)) {
      const raised: Expr = { kind: 'pow', base: base.base, exp: tidyProduct([num(Math.abs(exp.n)), base.exp]) };
      return exp.n > 0 ? raised : { kind: 'pow', base: raised, exp: num(-1) };
    }
  }
  return { kind: 'pow', base, exp };
}

function tidyNode(e: Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return e;
    case 'neg':
      return tidyProduct([num(-1), tidyNode(e.arg)]);
    case 'div': {
      const folded = foldNumber(e);
      if (folded) return folded;
      return tidyProduct([tidyNode(e.num), tidyPower(tidyNode(e.den), num(-1))]);
    }
    case 'add':
      return tidySum(e.terms.map(tidyNode));
    case 'mul':
      return tidyProduct(e.factors.map(tidyNode));
    case 'pow':
      return tidyPower(tidyNode(e.base), tidyNode(e.exp));
    case 'call':
      return { kind: 'call', fn: e.fn, args: e.args.map(tidyNode) };
  }
}

/**
 * The textbook form of a rule's raw result: its structure kept, with only the
 * clean-ups every textbook does (see the module comment).
 */
export function textbookForm(raw: Expr, question?: Expr): Expr {
  return withSharedCaches(() => textbookFormIn(raw, question));
}

function textbookFormIn(raw: Expr, question?: Expr): Expr {
  // The question's sums as the clean-ups write them (x − 2 read as x + (−2)).
  givenQuestion = question;
  givenSums = undefined;
  givenLetters = question ? lettersOf(question, new Map()) : new Map();
  try {
    const tidy = tidyNode(raw);
    // A whole answer c·(a + b) with a sum the rules made is multiplied out: −x sin x − cos x, not
    // −(x sin x + cos x); a sum of the question stays as it is written: 6(x − 2).
    if (tidy.kind === 'mul' && tidy.factors.length === 2 && tidy.factors[0]?.kind === 'num') {
      const [c, sum] = tidy.factors;
      if (sum?.kind === 'add' && !isGivenSum(sum)) return tidySum(sum.terms.map((t) => tidyProduct([c, t])));
    }
    return tidy;
  } finally {
    givenQuestion = undefined;
    givenSums = new Set();
    givenLetters = new Map();
  }
}

/**
 * The default answer: the textbook form, unless the rules' result cancels to
 * something much smaller (d/dt (t² − 1)/(t + 1) = 1, as a book writes it), where
 * the smallest form is what a textbook prints.
 */
export function finalForm(raw: Expr, question?: Expr): Expr {
  // One scope for the simplifier's memo tables: the forms below simplify the same parts again.
  return withSharedCaches(() => finalFormIn(raw, question));
}

function finalFormIn(raw: Expr, question?: Expr): Expr {
  const textbook = textbookForm(raw, question);
  if (size(textbook) <= 8) return textbook;
  // The canonical form decides first; the smallest form's rewrites run only for a large answer.
  const canonical = simplify(raw);
  const n = answerSize(textbook);
  if (n > 3 * answerSize(canonical)) return smallestForm(canonical);
  if (n < 40) return textbook;
  const smallest = smallestForm(canonical);
  return n > 3 * answerSize(smallest) ? smallest : textbook;
}

// ------------------------------------------------------------ other common forms

/** The names of the forms an answer can be shown in. */
export type FormName = 'textbook' | 'smallest' | 'factored' | 'common-denominator' | 'expanded';

/** Each form's name as a reader sees it, in every language (the text is in the catalogues, section `forms`). */
export const FORM_LABELS: Readonly<Record<FormName, Localized>> = {
  textbook: localizeAll((m) => m.forms.textbook),
  smallest: localizeAll((m) => m.forms.smallest),
  factored: localizeAll((m) => m.forms.factored),
  'common-denominator': localizeAll((m) => m.forms['common-denominator']),
  expanded: localizeAll((m) => m.forms.expanded),
};

/** The forms shown beside the answer, in this order. */
export const OTHER_FORMS: readonly FormName[] = ['factored', 'common-denominator', 'expanded', 'smallest'];

export interface NamedForm {
  readonly name: FormName;
  readonly expr: Expr;
}

/** The answer's sum with the factors all its terms share pulled out: x²eˣ + 2xeˣ = x(x + 2)eˣ. */
export function factoredForm(answer: Expr): Expr {
  const s = simplify(answer);
  const pulled = pullCommonFactor(s);
  const factored = pulled ? simplify(pulled) : s;
  // Only a product with a sum in it is a factored form; otherwise there is none to show.
  return factored.kind === 'mul' && factored.factors.some((f) => f.kind === 'add') ? factored : answer;
}

/** The answer over one common denominator: 270x⁴ + 39/(x + 1)² = (270x⁴(x + 1)² + 39)/(x + 1)². */
export function commonDenominatorForm(answer: Expr): Expr {
  const s = simplify(answer);
  if (s.kind !== 'add') return answer;
  const den = new Map<string, { base: Expr; k: Num }>();
  for (const t of s.terms) {
    for (const f of t.kind === 'mul' ? t.factors : [t]) {
      if (f.kind !== 'pow' || !isExact(f.exp) || f.exp.n >= 0) continue;
      const key = keyOf(f.base);
      const k = numNeg(f.exp);
      const old = den.get(key);
      if (!old || lessThan(old.k, k)) den.set(key, { base: f.base, k });
    }
  }
  if (den.size === 0) return answer;
  const over = [...den.values()].map((d) => pow(d.base, d.k));
  const numerator = simplify({ kind: 'add', terms: s.terms.map((t) => simplify(mul(t, ...over))) });
  return mul(numerator, ...[...den.values()].map((d) => pow(d.base, numNeg(d.k))));
}

/** The answer with its products of sums multiplied out: 6x(x² + 1)² = 6x⁵ + 12x³ + 6x; the answer when there is none. */
export function expandedForm(answer: Expr): Expr {
  const expanded = expand(answer);
  return equals(expanded, simplify(answer)) ? answer : expanded;
}

/** Whether two trees are the same function: equal canonical forms, else equal values at sample points. */
export function sameFunction(a: Expr, b: Expr): boolean {
  if (canonicalKey(a) === canonicalKey(b)) return true;
  const vars = [...new Set([...freeVars(a), ...freeVars(b)])];
  const fa = compile(a, vars, { backend: 'closure' });
  const fb = compile(b, vars, { backend: 'closure' });
  let agreed = 0;
  for (let i = 0; i < 40 && agreed < 8; i++) {
    const point = vars.map((_, j) => 0.37 + 0.61 * ((i * 7 + j * 3) % 11) - (i % 3 === 2 ? 3.1 : 0));
    const x = fa(...point);
    const y = fb(...point);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (Math.abs(x - y) > 1e-8 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
    agreed++;
  }
  return agreed >= 3;
}

/** One named form of an answer (the answer itself for `textbook`), not checked. */
export function answerForm(answer: Expr, name: FormName): Expr {
  switch (name) {
    case 'textbook':
      return answer;
    case 'smallest':
      return smallestForm(simplify(answer));
    case 'factored':
      return factoredForm(answer);
    case 'common-denominator':
      return commonDenominatorForm(answer);
    case 'expanded':
      return expandedForm(answer);
  }
}

/**
 * The answer's other common forms — smallest, factored, over a common denominator,
 * expanded — computed when asked for, each checked equal to the answer, without
 * duplicates or the answer itself. Bounded: nothing is tried on a very large answer.
 */
export function answerForms(answer: Expr): readonly NamedForm[] {
  // One scope for the simplifier's memo tables: every form simplifies `answer` again.
  return withSharedCaches(() => answerFormsIn(answer));
}

function answerFormsIn(answer: Expr): readonly NamedForm[] {
  if (size(answer) > 400) return [];
  const shown: Expr[] = [answer];
  const out: NamedForm[] = [];
  for (const name of OTHER_FORMS) {
    const expr = answerForm(answer, name);
    // A form that only reorders terms or factors of one already shown is not another form.
    if (shown.some((e) => sameForm(e, expr)) || size(expr) > 3 * size(answer) + 20) continue;
    // The shortest form is shown only where it is shorter.
    if (name === 'smallest' && answerSize(expr) >= answerSize(answer)) continue;
    if (!sameFunction(expr, answer)) continue;
    shown.push(expr);
    out.push({ name, expr });
  }
  return out;
}

// ------------------------------------------------------------ comparing forms

/** A factor list entry: base key and exponent, numbers folded into one coefficient. */
function shapeKey(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.approx ? `${Number(e.n.toPrecision(12))}` : `${e.n / e.d}`;
    case 'sym':
      return e.name;
    case 'const':
      return `#${e.name}`;
    case 'call':
      if (e.fn === 'sqrt' || e.fn === 'cbrt') return shapeKey(pow(e.args[0] as Expr, num(1, e.fn === 'sqrt' ? 2 : 3)));
      if (e.fn === 'exp') return shapeKey(pow(E, e.args[0] as Expr));
      return `${e.fn === 'log' && e.args.length === 1 ? 'ln' : e.fn}(${e.args.map(shapeKey).join(',')})`;
    case 'add': {
      const terms: string[] = [];
      const flat = (t: Expr): void => {
        if (t.kind === 'add') t.terms.forEach(flat);
        else terms.push(shapeKey(t));
      };
      flat(e);
      return terms.length === 1 ? (terms[0] as string) : `+(${terms.sort().join(',')})`;
    }
    default: {
      let coef = 1;
      const factors: string[] = [];
      const visit = (f: Expr, sign: 1 | -1): void => {
        if (f.kind === 'mul') for (const g of f.factors) visit(g, sign);
        else if (f.kind === 'neg') {
          coef = -coef;
          visit(f.arg, sign);
        } else if (f.kind === 'div') {
          visit(f.num, sign);
          visit(f.den, sign === 1 ? -1 : 1);
        } else if (f.kind === 'num') coef = sign === 1 ? coef * (f.n / f.d) : coef / (f.n / f.d);
        else {
          const { base, exp } = baseAndExponent(f, true);
          if (base.kind === 'mul' || base.kind === 'div' || base.kind === 'neg' || base.kind === 'num') {
            if (exp.d === 1 && exp !== ONE_NUM) {
              for (let i = 0; i < Math.abs(exp.n); i++) visit(base, (exp.n < 0 ? -sign : sign) as 1 | -1);
              return;
            }
          }
          if (f.kind === 'pow' && !foldNumber(f.exp)) {
            const k = `^(${shapeKey(f.base)},${shapeKey(f.exp)})`;
            factors.push(sign === 1 ? k : `^(${k},-1)`);
            return;
          }
          const n = exp.n / exp.d;
          const k = sign * n;
          const b = base.kind === 'add' ? shapeKey(base) : shapeKey(base);
          factors.push(k === 1 ? b : `^(${b},${k})`);
        }
      };
      visit(e, 1);
      const c = Number(coef.toPrecision(12));
      if (factors.length === 0) return `${c}`;
      const body = factors.sort().join(',');
      if (c === 1 && factors.length === 1) return factors[0] as string;
      return `*(${c},${body})`;
    }
  }
}

/** Whether two trees have the same terms and factors up to their order (and numbers multiplied out). */
export function sameForm(a: Expr, b: Expr): boolean {
  return shapeKey(a) === shapeKey(b);
}

/**
 * Which form of `expected` (the default answer) `answer` is written in — the same terms and
 * factors up to order — or undefined when it is in none of them (still perhaps equal).
 */
export function formOf(answer: Expr, expected: Expr): FormName | undefined {
  // One scope for the simplifier's memo tables: every form simplifies `expected` again.
  return withSharedCaches(() => formOfIn(answer, expected));
}

function formOfIn(answer: Expr, expected: Expr): FormName | undefined {
  const key = shapeKey(answer);
  const expectedKey = shapeKey(expected);
  if (key === expectedKey) return 'textbook';
  // The first of answerForms(expected) with the answer's key, without checking the forms the answer
  // is not in: a form that answerForms leaves out for repeating an earlier shown one has that one's
  // key, so the earlier one is found first; only the form found needs answerForms' other tests.
  if (size(expected) > 400) return undefined;
  for (const name of OTHER_FORMS) {
    const expr = answerForm(expected, name);
    if (shapeKey(expr) !== key) continue;
    if (size(expr) > 3 * size(expected) + 20) continue;
    if (name === 'smallest' && answerSize(expr) >= answerSize(expected)) continue;
    if (!sameFunction(expr, expected)) continue;
    return name;
  }
  return undefined;
}
