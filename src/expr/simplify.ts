/**
 * The simplifier: a bottom-up normaliser that puts an expression in the
 * canonical textbook form the printers, the calculus engine and the answer
 * checker share.
 *
 * Canonical form:
 * - no `neg` or `div` nodes: a numeric coefficient (possibly negative) is the
 *   FIRST factor of a product, quotients are negative exponents;
 * - `sqrt`/`cbrt` are powers 1/2 and 1/3, `exp(u)` is `e^u`; `tan/cot/sec/csc`
 *   are taken apart into sin and cos, collected, and rebuilt (`sin/cos` → `tan`,
 *   `tan·cos` → `sin`, `1/cos²` → `sec²`);
 * - at most one numeric coefficient per product, like factors collected by base
 *   (exponents added), like terms collected (coefficients added);
 * - factors ordered: coefficient, numeric roots, π and e, variables by name,
 *   constant calls (`ln 2`), sums, exponentials, calls, the rest;
 * - terms ordered by descending total degree (then graded lexicographic), constants last;
 *   a two-term sum whose first term is negative and second positive is written
 *   positive-first (`3 - x^2`);
 * - a sum inside a product is primitive: numeric content and common monomial
 *   factors (including common denominators) are pulled out, `2(3x - 5)`;
 * - a sum is expanded (products and small powers of sums multiplied out) only
 *   when the result is smaller: `2(sin x + x cos x) + (x² - 2) sin x - 2x cos x` → `x² sin x`.
 *
 * Odd roots follow the real convention of `compile`: `(-8)^(1/3)` = -2.
 *
 * Exact: rationals stay rationals, `ln 2` stays a call, roots of rationals stay
 * roots (`√8` → `2√2`). Only `approx` numbers fold into floats.
 *
 * Sound: no branch-sensitive rewrite — `√(x²)` is `|x|`, never `x`; `ln(x²)`
 * stays; `(a^b)^c` combines only when that is an identity on the real domain
 * (integer c, positive base, or exponents whose odd denominators keep real roots).
 * Cancelling `x/x` and `√x·√x` is allowed (true wherever both sides are defined).
 */
import {
  type Add,
  add,
  call,
  E,
  type Expr,
  equals,
  type FunctionName,
  MINUS_ONE,
  mul,
  type Num,
  num,
  ONE,
  PI,
  type Pow,
  pow,
  size,
  ZERO,
} from './ast.js';
import * as Q from './rational.js';
import { withStackGuard } from './stack-guard.js';

// ------------------------------------------------------------------ public API

/** The canonical textbook form of `e` (see the module comment). */
export function simplify(e: Expr): Expr {
  return withStackGuard('simplify/too-deep', () => withCaches(() => simplifyUncached(e)));
}

function simplifyUncached(e: Expr): Expr {
  let current = normalize(e);
  // Normalising a canonical tree must give it back; a few rounds guard the rare
  // case where a later rewrite enables an earlier one.
  for (let round = 0; round < 3; round++) {
    const next = normalize(current);
    if (equals(next, current)) return current;
    current = next;
  }
  return current;
}

/**
 * The canonical form with every product and small power of sums multiplied out
 * (x(x + 2)eˣ → x²eˣ + 2xeˣ), whatever the size; the canonical form itself when
 * the expansion would exceed the term bound.
 */
export function expand(e: Expr): Expr {
  return withStackGuard('simplify/too-deep', () =>
    withCaches(() => {
      const s = simplifyUncached(e);
      const terms = s.kind === 'add' ? orderedTerms(s) : [s];
      if (!terms.some(hasProductOfSum)) return s;
      const expanded = expandTerms(terms);
      return expanded === undefined ? s : buildAdd(expanded, false);
    }),
  );
}

/** A string that identifies the canonical form: equal keys ⇔ structurally equal simplified trees. */
export function canonicalKey(e: Expr): string {
  return withCaches(() => nodeKey(simplifyUncached(e)));
}

/**
 * Runs `work` with the simplifier's memo tables kept for its whole length, so that
 * many `keyOf`/`simplify` calls inside it share them (a caller walking a tree).
 */
export function withSharedCaches<T>(work: () => T): T {
  return withCaches(work);
}

/** Whether a variable occurs in `e` (memoised like the keys). */
export function containsVariable(e: Expr): boolean {
  // Inside a call that keeps the memo tables (the common case), no wrapper is needed.
  return callsInProgress > 0 ? hasVars(e) : withCaches(() => hasVars(e));
}

/** The key of a tree as it is (no simplification); structurally equal trees have equal keys. */
export function keyOf(e: Expr): string {
  return callsInProgress > 0 ? nodeKey(e) : withCaches(() => nodeKey(e));
}

function nodeKey(e: Expr): string {
  const cached = keyCache.get(e);
  if (cached !== undefined) return cached;
  let k: string;
  switch (e.kind) {
    case 'num':
      k = e.approx ? `~${e.n}` : e.d === 1 ? `${e.n}` : `${e.n}/${e.d}`;
      break;
    case 'sym':
      k = e.name;
      break;
    case 'const':
      k = `#${e.name}`;
      break;
    case 'add':
      k = `+(${keyList(e.terms)})`;
      break;
    case 'mul':
      k = `*(${keyList(e.factors)})`;
      break;
    case 'neg':
      k = `-(${nodeKey(e.arg)})`;
      break;
    case 'div':
      k = `/(${nodeKey(e.num)},${nodeKey(e.den)})`;
      break;
    case 'pow':
      k = `^(${nodeKey(e.base)},${nodeKey(e.exp)})`;
      break;
    case 'call':
      k = `${e.fn}(${keyList(e.args)})`;
      break;
  }
  keyCache.set(e, k);
  return k;
}

/** The keys of a list joined by commas (what `list.map(nodeKey).join(',')` gives, without the array). */
function keyList(list: readonly Expr[]): string {
  let k = list.length > 0 ? nodeKey(list[0] as Expr) : '';
  for (let i = 1; i < list.length; i++) k += `,${nodeKey(list[i] as Expr)}`;
  return k;
}

/*
 * Per-call memo tables, keyed by node identity (trees are immutable, and every table holds a
 * pure function of its key). Plain Maps that live for one top-level call: WeakMaps keyed
 * by the many short-lived nodes made the garbage collector the main cost. Each call starts
 * with fresh tables rather than clearing the old ones: a cleared table that had been promoted
 * to the old generation kept the next call's young nodes alive through every scavenge.
 */
let keyCache = new Map<Expr, string>();
let callsInProgress = 0;

function withCaches<T>(work: () => T): T {
  callsInProgress++;
  try {
    return work();
  } finally {
    if (--callsInProgress === 0) {
      keyCache = new Map();
      varsCache = new Map();
      termInfoCache = new Map();
      primitiveCache = new Map();
      normalCache = new Map();
    }
  }
}

// ------------------------------------------------------------------ traversal

/**
 * One bottom-up pass of the rewrites, memoised by node: a subtree met again in the same
 * call (the fixpoint round, the smallest form's candidates built around simplified parts)
 * is not rewritten again.
 */
let normalCache = new Map<Expr, Expr>();

function normalize(e: Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return e;
    default: {
      const cached = normalCache.get(e);
      if (cached !== undefined) return cached;
      const r = normalizeNode(e);
      normalCache.set(e, r);
      return r;
    }
  }
}

function normalizeNode(e: Expr): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return e;
    case 'neg':
      return buildMul([MINUS_ONE, normalize(e.arg)]);
    case 'div':
      return buildMul([normalize(e.num), buildPow(normalize(e.den), MINUS_ONE)]);
    case 'add':
      return buildAdd(e.terms.map(normalize));
    case 'mul':
      return buildMul(e.factors.map(normalize));
    case 'pow':
      return buildPow(normalize(e.base), normalize(e.exp));
    case 'call':
      return buildCall(e.fn, e.args.map(normalize));
  }
}

// ------------------------------------------------------------------ small queries

let varsCache = new Map<Expr, boolean>();

/** Whether a variable occurs in `e`. */
function hasVars(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'const':
      return false;
    case 'sym':
      return true;
    default: {
      const cached = varsCache.get(e);
      if (cached !== undefined) return cached;
      let found = false;
      switch (e.kind) {
        case 'add':
          found = e.terms.some(hasVars);
          break;
        case 'mul':
          found = e.factors.some(hasVars);
          break;
        case 'neg':
          found = hasVars(e.arg);
          break;
        case 'div':
          found = hasVars(e.num) || hasVars(e.den);
          break;
        case 'pow':
          found = hasVars(e.base) || hasVars(e.exp);
          break;
        case 'call':
          found = e.args.some(hasVars);
          break;
      }
      varsCache.set(e, found);
      return found;
    }
  }
}

function isExactNum(e: Expr): e is Num {
  return e.kind === 'num' && !e.approx;
}

function isExactInteger(e: Expr): e is Num {
  return e.kind === 'num' && !e.approx && e.d === 1;
}

/** A canonical term split into its numeric coefficient and the other factors. */
interface Term {
  readonly coef: Num;
  readonly rest: readonly Expr[];
}

function splitTerm(t: Expr): Term {
  if (t.kind === 'num') return { coef: t, rest: [] };
  if (t.kind === 'mul') {
    const first = t.factors[0];
    if (first !== undefined && first.kind === 'num') return { coef: first, rest: t.factors.slice(1) };
    return { coef: ONE, rest: t.factors };
  }
  return { coef: ONE, rest: [t] };
}

function coefficientOf(t: Expr): Num {
  if (t.kind === 'num') return t;
  if (t.kind === 'mul' && t.factors[0]?.kind === 'num') return t.factors[0];
  return ONE;
}

/** A term c·rest from canonical, already ordered factors. */
function makeTerm(coef: Num, rest: readonly Expr[]): Expr {
  if (Q.isZero(coef)) return ZERO;
  if (rest.some((f) => f.kind === 'add')) return buildMul([coef, ...rest]);
  if (rest.length === 0) return coef;
  if (Q.isOne(coef)) return rest.length === 1 ? (rest[0] as Expr) : mul(...rest);
  return mul(coef, ...rest);
}

/** -t for a canonical term t. */
function negateTerm(t: Expr): Expr {
  const { coef, rest } = splitTerm(t);
  return makeTerm(Q.neg(coef), rest);
}

/** Whether a canonical term reads with a leading minus. */
function isNegativeTerm(t: Expr): boolean {
  return Q.isNegative(coefficientOf(t));
}

function restKey(rest: readonly Expr[]): string {
  return rest.length === 1 ? nodeKey(rest[0] as Expr) : rest.map(nodeKey).join('*');
}

// ------------------------------------------------------------------ ordering

/**
 * `xs.sort(cmp)`, without the sort when `xs` is already one non-descending run by `cmp`
 * (the same test the engine's TimSort starts with, so the result is the same): a tree
 * simplified again — every fixpoint round — is already in order.
 */
function sortRun<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i] as T, xs[i - 1] as T) < 0) return xs.sort(cmp);
  return xs;
}

interface TermInfo {
  readonly constant: boolean;
  readonly degree: number;
  /** Powers of variables with numeric exponents, by variable name. */
  readonly monomial: readonly (readonly [string, number])[];
  readonly key: string;
}

let termInfoCache = new Map<Expr, TermInfo>();

function termInfo(t: Expr): TermInfo {
  const cached = termInfoCache.get(t);
  if (cached !== undefined) return cached;
  const { rest } = splitTerm(t);
  let degree = 0;
  const monomial: [string, number][] = [];
  for (const f of rest) {
    const base = f.kind === 'pow' ? f.base : f;
    const exp = f.kind === 'pow' ? f.exp : ONE;
    if (base.kind === 'sym' && exp.kind === 'num') {
      const value = Q.toFloat(exp);
      degree += value;
      monomial.push([base.name, value]);
    }
  }
  sortRun(monomial, (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const info = { constant: !rest.some(hasVars), degree, monomial, key: restKey(rest) };
  termInfoCache.set(t, info);
  return info;
}

/** Order of terms in a sum: non-constants first, by descending degree, graded lexicographic, then by key. */
function compareTerms(a: Expr, b: Expr): number {
  const ia = termInfo(a);
  const ib = termInfo(b);
  if (ia.constant !== ib.constant) return ia.constant ? 1 : -1;
  if (ia.degree !== ib.degree) return ib.degree - ia.degree;
  const ma = ia.monomial;
  const mb = ib.monomial;
  for (let i = 0; i < Math.min(ma.length, mb.length); i++) {
    const [na, ea] = ma[i] as readonly [string, number];
    const [nb, eb] = mb[i] as readonly [string, number];
    if (na !== nb) return na < nb ? -1 : 1;
    if (ea !== eb) return eb - ea;
  }
  if (ma.length !== mb.length) return mb.length - ma.length;
  if (ia.key !== ib.key) return ia.key < ib.key ? -1 : 1;
  return Q.compare(coefficientOf(b), coefficientOf(a));
}

/**
 * Rank of a factor in a product: coefficient, numeric roots, π and e, variables,
 * constant calls, sums, exponentials, calls of variables, anything else.
 */
function factorRank(f: Expr): number {
  const base = f.kind === 'pow' ? f.base : f;
  const exp = f.kind === 'pow' ? f.exp : ONE;
  if (f.kind === 'num') return 0;
  if (!hasVars(f)) {
    if (base.kind === 'num') return 1;
    if (base.kind === 'const') return 2;
    return 4;
  }
  if (hasVars(exp)) return 6;
  switch (base.kind) {
    case 'sym':
      return 3;
    case 'add':
      return 5;
    case 'call':
      return 7;
    default:
      return 8;
  }
}

function compareFactors(a: Expr, b: Expr): number {
  const ra = factorRank(a);
  const rb = factorRank(b);
  if (ra !== rb) return ra - rb;
  const ba = nodeKey(a.kind === 'pow' ? a.base : a);
  const bb = nodeKey(b.kind === 'pow' ? b.base : b);
  if (ba !== bb) return ba < bb ? -1 : 1;
  const ka = nodeKey(a);
  const kb = nodeKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// ------------------------------------------------------------------ sums

/** Bound on the number of terms a trial expansion may produce. */
const EXPANSION_LIMIT = 64;

interface SumState {
  readonly groups: Map<string, { coef: Num; rest: readonly Expr[] }>;
  readonly order: string[];
  constant: Num;
  /** Numbers that would be lost if folded into `constant` (1 next to 1e308). */
  readonly kept: Num[];
}

function collectTerm(st: SumState, t: Expr, scale: Num): void {
  switch (t.kind) {
    case 'add':
      for (const u of t.terms) collectTerm(st, u, scale);
      return;
    case 'num': {
      const scaled = Q.mul(scale, t);
      const next = Q.add(st.constant, scaled);
      // Folding must not lose a small addend next to a huge constant (1 + 1e308 rounds to
      // 1e308): a float sum that is not exact keeps the addend as a term of its own. An exact
      // sum folds at once (addsWithoutLoss would compute it again to say so).
      if (!next.approx || Q.addsWithoutLoss(st.constant, scaled)) st.constant = next;
      else st.kept.push(scaled);
      return;
    }
    case 'mul': {
      // c·(a + b) inside a sum: distribute, so like terms across it collect.
      const [first, second] = t.factors;
      if (t.factors.length === 2 && first?.kind === 'num' && second?.kind === 'add') {
        collectTerm(st, second, Q.mul(scale, first));
        return;
      }
      break;
    }
    default:
      break;
  }
  const { coef, rest } = splitTerm(t);
  const key = restKey(rest);
  const existing = st.groups.get(key);
  const c = Q.mul(scale, coef);
  if (existing === undefined) {
    st.groups.set(key, { coef: c, rest });
    st.order.push(key);
  } else existing.coef = Q.add(existing.coef, c);
}

function buildAdd(input: readonly Expr[], allowExpand = true): Expr {
  const st: SumState = { groups: new Map(), order: [], constant: ZERO, kept: [] };
  for (const t of input) collectTerm(st, t, ONE);
  const { groups, order, constant, kept } = st;

  const terms: Expr[] = [];
  let needsRebuild = false;
  for (const key of order) {
    const g = groups.get(key) as { coef: Num; rest: readonly Expr[] };
    if (Q.isZero(g.coef)) continue;
    const t = makeTerm(g.coef, g.rest);
    if (t.kind === 'add' || t.kind === 'num') needsRebuild = true;
    terms.push(t);
  }
  if (needsRebuild) {
    if (!Q.isZero(constant)) terms.push(constant);
    return buildAdd([...terms, ...kept], allowExpand);
  }
  sortRun(terms, compareTerms);
  if (kept.length) {
    // Unfolded numbers last, largest first, so simplifying again folds them the same way.
    const numbers = [...kept, ...(Q.isZero(constant) ? [] : [constant])];
    numbers.sort((a, b) => Math.abs(Q.toFloat(b)) - Math.abs(Q.toFloat(a)));
    terms.push(...numbers);
  } else if (!Q.isZero(constant)) terms.push(constant);
  const result = assembleSum(terms);

  if (allowExpand && terms.some(hasProductOfSum)) {
    const expanded = expandTerms(terms);
    if (expanded !== undefined) {
      const candidate = buildAdd(expanded, false);
      if (size(candidate) < size(result)) return candidate;
    }
  }
  return result;
}

/** Sorted terms → a canonical sum (or the single term, or 0). */
function assembleSum(terms: Expr[]): Expr {
  if (terms.length === 0) return ZERO;
  if (terms.length === 1) return terms[0] as Expr;
  if (terms.length === 2 && isNegativeTerm(terms[0] as Expr) && !isNegativeTerm(terms[1] as Expr)) {
    return add(terms[1] as Expr, terms[0] as Expr);
  }
  return add(...terms);
}

/** The terms of a canonical sum in degree order (undoing the positive-first presentation). */
function orderedTerms(s: Add): readonly Expr[] {
  if (s.terms.length === 2 && compareTerms(s.terms[0] as Expr, s.terms[1] as Expr) > 0) {
    return [s.terms[1] as Expr, s.terms[0] as Expr];
  }
  return s.terms;
}

function isSumPower(f: Expr): boolean {
  if (f.kind === 'add') return true;
  return f.kind === 'pow' && f.base.kind === 'add' && isExactInteger(f.exp) && f.exp.n >= 2 && f.exp.n <= 4;
}

function hasProductOfSum(t: Expr): boolean {
  return t.kind === 'mul' ? t.factors.some(isSumPower) : t.kind === 'pow' && isSumPower(t);
}

/** Every product of sums multiplied out, or undefined when that would exceed the bound. */
function expandTerms(terms: readonly Expr[]): Expr[] | undefined {
  const out: Expr[] = [];
  for (const t of terms) {
    if (!hasProductOfSum(t)) {
      out.push(t);
      continue;
    }
    let partials: Expr[][] = [[]];
    for (const f of t.kind === 'mul' ? t.factors : [t]) {
      const repeats = f.kind === 'pow' && isSumPower(f) ? (f.exp as Num).n : 1;
      const base = f.kind === 'pow' && isSumPower(f) ? f.base : f;
      for (let r = 0; r < repeats; r++) {
        if (base.kind === 'add') {
          if (partials.length * base.terms.length > EXPANSION_LIMIT) return undefined;
          const next: Expr[][] = [];
          for (const p of partials) for (const u of base.terms) next.push([...p, u]);
          partials = next;
        } else for (const p of partials) p.push(base);
      }
    }
    if (out.length + partials.length > EXPANSION_LIMIT * 2) return undefined;
    for (const p of partials) out.push(buildMul(p));
  }
  return out;
}

// ------------------------------------------------------------------ primitive parts of sums

interface Primitive {
  /** Numeric content, with the sign that makes the leading term of `sum` positive. */
  readonly coef: Num;
  /** Common monomial factors (integer powers, possibly negative: common denominators). */
  readonly mono: readonly Expr[];
  readonly sum: Expr;
}

let primitiveCache = new Map<Add, Primitive>();

/** s = coef · Π mono · sum, with `sum` having integer coefficients of gcd 1 and a positive leading term. */
function primitive(s: Add): Primitive {
  const cached = primitiveCache.get(s);
  if (cached !== undefined) return cached;
  const parts = s.terms.map(splitTerm);

  // Numeric content: gcd of numerators over lcm of denominators.
  let content: Num = ONE;
  if (parts.every((p) => !p.coef.approx)) {
    let g = 0;
    let l = 1;
    for (const p of parts) {
      g = Q.gcd(g, p.coef.n);
      l = (l / Q.gcd(l, p.coef.d)) * p.coef.d;
      if (!Number.isSafeInteger(l)) {
        g = 1;
        l = 1;
        break;
      }
    }
    content = num(g || 1, l);
  }

  // Common monomial content: for each base, the least integer exponent over all terms (absent = 0).
  const exponents = parts.map((p) => {
    const m = new Map<string, { base: Expr; exp: number; positiveOnly?: boolean }>();
    for (const f of p.rest) {
      // Numeric factors (√2, and 1/0 in an undefined input) stay inside.
      if (f.kind === 'pow' && f.base.kind === 'num' && f.exp.kind === 'num') continue;
      if (f.kind === 'pow' && isExactInteger(f.exp)) m.set(nodeKey(f.base), { base: f.base, exp: f.exp.n });
      else if (f.kind === 'pow' && f.exp.kind !== 'num') {
        // b^(k·u) with an integer k is (b^u)^k: e^x is common to e^x and e^(2x).
        const { coef, rest } = splitTerm(f.exp);
        if (Q.isInteger(coef) && coef.n > 0) {
          const u = rest.length === 1 ? (rest[0] as Expr) : mul(...rest);
          m.set(`${nodeKey(f.base)}^${restKey(rest)}`, { base: pow(f.base, u), exp: coef.n, positiveOnly: true });
        } else m.set(nodeKey(f), { base: f, exp: 1 });
      } else if (f.kind !== 'num') m.set(nodeKey(f), { base: f, exp: 1 });
    }
    return m;
  });
  const mono: Expr[] = [];
  const seen = new Set<string>();
  for (const m of exponents) {
    for (const [key, { base, positiveOnly }] of m) {
      if (seen.has(key)) continue;
      seen.add(key);
      let least = Number.POSITIVE_INFINITY;
      for (const other of exponents) least = Math.min(least, other.get(key)?.exp ?? 0);
      if (least > 0 || (least < 0 && !positiveOnly)) mono.push(buildPow(base, num(least)));
    }
  }

  let sum: Expr = s;
  if (!Q.isOne(content) || mono.length > 0) {
    const inverseMono = mono.map((m) => buildPow(m, MINUS_ONE));
    const inverseContent = Q.inverse(content) ?? ONE;
    sum = buildAdd(
      s.terms.map((t) => buildMul([inverseContent, t, ...inverseMono])),
      false,
    );
  }
  let coef = content;
  const leading = sum.kind === 'add' ? orderedTerms(sum)[0] : sum;
  if (leading !== undefined && isNegativeTerm(leading)) {
    coef = Q.neg(coef);
    sum = sum.kind === 'add' ? buildAdd(sum.terms.map(negateTerm), false) : negateTerm(sum);
  }
  const result = { coef, mono, sum };
  primitiveCache.set(s, result);
  if (sum.kind === 'add' && sum !== s) primitiveCache.set(sum, { coef: ONE, mono: [], sum });
  return result;
}

/** A two-term sum with one positive and one negative term (`x^2 - 3`), which reads well negated (`3 - x^2`). */
function isMixedBinomial(f: Expr): f is Add {
  return (
    f.kind === 'add' &&
    f.terms.length === 2 &&
    isNegativeTerm(f.terms[0] as Expr) !== isNegativeTerm(f.terms[1] as Expr)
  );
}

// ------------------------------------------------------------------ products

interface Group {
  readonly base: Expr;
  readonly exps: Expr[];
}

const TRIG_SPLIT: Partial<Record<FunctionName, readonly [number, number]>> = {
  // exponents of sin and cos
  tan: [1, -1],
  cot: [-1, 1],
  sec: [0, -1],
  csc: [-1, 0],
};

interface ProductState {
  coef: Num;
  readonly groups: Map<string, Group>;
  /** Numbers that would be lost if folded into `coef` (2 · 1e308 overflows). */
  readonly kept: Num[];
  /** Whether a group's base is sin or cos (only then is there anything for `recombineTrig` to do). */
  trig: boolean;
}

/** Folds `n` into the product's coefficient, or keeps it apart where folding would lose it. */
function foldCoefficient(st: ProductState, n: Num): void {
  // An exact product folds at once (multipliesWithoutLoss would compute it again to say so).
  const product = Q.mul(st.coef, n);
  if (!product.approx || Q.multipliesWithoutLoss(st.coef, n)) st.coef = product;
  else st.kept.push(n);
}

function pushFactor(st: ProductState, base: Expr, exp: Expr): void {
  const key = nodeKey(base);
  const g = st.groups.get(key);
  if (base.kind === 'call' && (base.fn === 'sin' || base.fn === 'cos')) st.trig = true;
  if (g === undefined) st.groups.set(key, { base, exps: [exp] });
  else g.exps.push(exp);
}

/** tan, cot, sec, csc (to an integer power) as powers of sin and cos; false for other functions. */
function pushTrig(st: ProductState, fn: FunctionName, arg: Expr, times: Expr): boolean {
  const split = TRIG_SPLIT[fn];
  if (split === undefined || !isExactInteger(times)) return false;
  const k = times.n;
  if (split[0] !== 0) collectFactor(st, buildPow(buildCall('sin', [arg]), num(split[0] * k)));
  if (split[1] !== 0) collectFactor(st, buildPow(buildCall('cos', [arg]), num(split[1] * k)));
  return true;
}

function collectFactor(st: ProductState, f: Expr): void {
  switch (f.kind) {
    case 'num':
      foldCoefficient(st, f);
      return;
    case 'mul':
      for (const g of f.factors) collectFactor(st, g);
      return;
    case 'add': {
      const p = primitive(f);
      foldCoefficient(st, p.coef);
      for (const m of p.mono) collectFactor(st, m);
      pushFactor(st, p.sum, ONE);
      return;
    }
    case 'call':
      if (f.args.length === 1 && pushTrig(st, f.fn, f.args[0] as Expr, ONE)) return;
      pushFactor(st, f, ONE);
      return;
    case 'pow':
      if (f.base.kind === 'call' && f.base.args.length === 1 && pushTrig(st, f.base.fn, f.base.args[0] as Expr, f.exp))
        return;
      pushFactor(st, f.base, f.exp);
      return;
    default:
      pushFactor(st, f, ONE);
  }
}

function buildMul(input: readonly Expr[], depth = 0): Expr {
  const st: ProductState = { coef: ONE, groups: new Map(), kept: [], trig: false };
  for (const f of input) collectFactor(st, f);
  const groups = st.groups;
  if (Q.isZero(st.coef)) return ZERO;

  if (st.trig) recombineTrig(groups);

  const factors: Expr[] = [];
  let regroup = false;
  for (const [key, g] of groups) {
    const exp = g.exps.length === 1 ? (g.exps[0] as Expr) : buildAdd(g.exps);
    const r = buildPow(g.base, exp);
    if (r.kind === 'num') {
      foldCoefficient(st, r);
      continue;
    }
    if (r.kind === 'mul' || nodeKey(r.kind === 'pow' ? r.base : r) !== key) regroup = true;
    factors.push(r);
  }
  const coef = st.coef;
  if (Q.isZero(coef)) return ZERO;
  if (regroup && depth < 4) return buildMul([coef, ...st.kept, ...factors], depth + 1);
  if (st.kept.length === 0) return assembleProduct(coef, factors);
  // Unfolded numbers first, largest first, so simplifying again keeps them the same way.
  const numbers = [...st.kept, ...(Q.isOne(coef) ? [] : [coef])].sort(Q.byMagnitude);
  return mul(...numbers, ...factors.sort(compareFactors));
}

/** sin(u)^a · cos(u)^b with integer exponents of opposite signs → tan or cot; negative powers left → csc, sec. */
function recombineTrig(groups: Map<string, Group>): void {
  for (const [key, g] of groups) {
    if (g.base.kind !== 'call' || g.base.fn !== 'sin') continue;
    const arg = g.base.args[0] as Expr;
    const cosKey = `cos(${nodeKey(arg)})`;
    const c = groups.get(cosKey);
    if (c === undefined) continue;
    const s = totalExponent(g.exps);
    const k = totalExponent(c.exps);
    if (s === undefined || k === undefined || Math.sign(s) === Math.sign(k)) continue;
    const m = Math.min(Math.abs(s), Math.abs(k));
    const fn = s > 0 ? 'tan' : 'cot';
    const sinLeft = s > 0 ? s - m : s + m;
    const cosLeft = k > 0 ? k - m : k + m;
    groups.set(key, { base: g.base, exps: [num(sinLeft)] });
    groups.set(cosKey, { base: c.base, exps: [num(cosLeft)] });
    const trig = call(fn, arg);
    const tKey = nodeKey(trig);
    const existing = groups.get(tKey);
    if (existing === undefined) groups.set(tKey, { base: trig, exps: [num(m)] });
    else existing.exps.push(num(m));
  }
  // What is left below the line reads as sec and csc: 1/cos(x)^2 → sec(x)^2.
  for (const [key, g] of groups) {
    if (g.base.kind !== 'call' || (g.base.fn !== 'sin' && g.base.fn !== 'cos')) continue;
    const k = totalExponent(g.exps);
    if (k === undefined || k >= 0) continue;
    groups.delete(key);
    const reciprocal = call(g.base.fn === 'sin' ? 'csc' : 'sec', g.base.args[0] as Expr);
    const rKey = nodeKey(reciprocal);
    const existing = groups.get(rKey);
    if (existing === undefined) groups.set(rKey, { base: reciprocal, exps: [num(-k)] });
    else existing.exps.push(num(-k));
  }
}

function totalExponent(exps: readonly Expr[]): number | undefined {
  let total = 0;
  for (const e of exps) {
    if (!isExactInteger(e)) return undefined;
    total += e.n;
  }
  return total;
}

/** Coefficient and collected factors → a canonical product. */
function assembleProduct(coef: Num, collected: Expr[]): Expr {
  const factors = sortRun(collected, compareFactors);
  if (factors.length === 0) return coef;
  if (Q.isNegative(coef)) {
    // -2x(x^2 - 3) reads better as 2x(3 - x^2).
    const i = factors.findIndex(isMixedBinomial);
    if (i >= 0) {
      const s = factors[i] as Add;
      factors[i] = buildAdd(s.terms.map(negateTerm), false);
      coef = Q.neg(coef);
    }
  }
  if (Q.isOne(coef)) return factors.length === 1 ? (factors[0] as Expr) : mul(...factors);
  if (Q.isMinusOne(coef) && factors.length === 1 && factors[0]?.kind === 'add') {
    return buildAdd(factors[0].terms.map(negateTerm), false);
  }
  return mul(coef, ...factors);
}

// ------------------------------------------------------------------ powers

/** Whether a canonical expression is known to be positive. */
function isPositive(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return e.n > 0;
    case 'const':
      return true;
    case 'pow':
      return isPositive(e.base);
    case 'mul':
      return e.factors.every(isPositive);
    default:
      return false;
  }
}

function buildPow(base: Expr, exp: Expr): Expr {
  if (exp.kind === 'num') {
    if (!exp.approx) {
      if (exp.n === 0) return ONE;
      if (exp.n === 1 && exp.d === 1) return base;
    }
    switch (base.kind) {
      case 'num':
        return numberPower(base, exp);
      case 'pow':
        return powerOfPower(base, exp);
      case 'mul':
        return powerOfProduct(base.factors, exp);
      case 'add':
        return powerOfSum(base, exp);
      case 'call':
        if (base.fn === 'abs' && isExactInteger(exp) && exp.n % 2 === 0) return buildPow(base.args[0] as Expr, exp);
        break;
      default:
        break;
    }
    return pow(base, exp);
  }
  if (isExactNum(base) && base.n === 1 && base.d === 1) return ONE;
  if (base.kind === 'const' && base.name === 'e' && exp.kind === 'call' && exp.fn === 'ln') return exp.args[0] as Expr;
  if (base.kind === 'pow' && isPositive(base.base)) return buildPow(base.base, buildMul([base.exp, exp]));
  return pow(base, exp);
}

/** (a^b)^c, combined only where that is an identity on the real domain. */
function powerOfPower(inner: Pow, c: Num): Expr {
  const b = inner.exp;
  if (Q.isInteger(c) || isPositive(inner.base)) return buildPow(inner.base, buildMul([b, c]));
  if (isExactNum(b) && !c.approx) {
    // Odd roots are multiplicative on the reals; an odd numerator in b keeps the sign
    // information an even root of c needs.
    if (c.d % 2 === 1 || Math.abs(b.n) % 2 === 1) return buildPow(inner.base, buildMul([b, c]));
    // (x^(2k))^c = |x|^(2kc)
    return buildPow(buildCall('abs', [inner.base]), buildMul([b, c]));
  }
  return pow(inner, c);
}

/** (a·b·…)^c. */
function powerOfProduct(factors: readonly Expr[], c: Num): Expr {
  if (!c.approx && (c.d === 1 || c.d % 2 === 1)) return buildMul(factors.map((f) => buildPow(f, c)));
  // Even roots: only positive factors may leave.
  const out: Expr[] = [];
  const keep: Expr[] = [];
  for (const f of factors) {
    if (f.kind === 'num' && f.n < 0 && !f.approx && !Q.isMinusOne(f)) {
      out.push(numberPower(Q.neg(f), c));
      keep.push(MINUS_ONE);
    } else if (isPositive(f) && !c.approx) out.push(buildPow(f, c));
    else keep.push(f);
  }
  if (out.length === 0) return pow(mul(...factors), c);
  const inside = keep.length === 0 ? ONE : keep.length === 1 ? (keep[0] as Expr) : buildMul(keep);
  return buildMul([...out, inside.kind === 'num' && Q.isOne(inside) ? ONE : pow(inside, c)]);
}

/** (sum)^c: integer powers leave the content outside; other powers only positive numeric content. */
function powerOfSum(s: Add, c: Num): Expr {
  if (c.approx) return pow(s, c);
  const p = primitive(s);
  if (c.d === 1) {
    if (Q.isOne(p.coef) && p.mono.length === 0) return pow(p.sum, c);
    return buildMul([numberPower(p.coef, c), ...p.mono.map((m) => buildPow(m, c)), buildPow(p.sum, c)]);
  }
  const content = Q.abs(p.coef);
  if (Q.isOne(content)) return pow(s, c);
  const inverse = Q.inverse(content) ?? ONE;
  const scaled = buildAdd(
    s.terms.map((t) => {
      const { coef, rest } = splitTerm(t);
      return makeTerm(Q.mul(coef, inverse), rest);
    }),
    false,
  );
  return buildMul([numberPower(content, c), pow(scaled, c)]);
}

/** Roots of higher degree are left unevaluated. */
const MAX_ROOT_DEGREE = 64;

/** A number to a numeric power, exactly: integer powers fold, roots of rationals extract perfect powers. */
function numberPower(b: Num, c: Num): Expr {
  if (b.approx || c.approx) {
    const value = Q.toFloat(b) ** Q.toFloat(c);
    return Number.isFinite(value)
      ? Q.toFloat(c) === 1
        ? b
        : { kind: 'num', n: value, d: 1, approx: true }
      : pow(b, c);
  }
  if (c.n === 0) return ONE;
  if (b.n === 0) return c.n > 0 ? ZERO : pow(b, c);
  if (b.n === 1 && b.d === 1) return ONE;
  if (c.d === 1) return Q.powExact(b, c.n) ?? pow(b, c);
  if (c.d > MAX_ROOT_DEGREE) return pow(b, c);
  if (b.n < 0) {
    // Real odd roots of negatives; even roots stay unevaluated.
    if (c.d % 2 === 0) return pow(b, c);
    const magnitude = numberPower(Q.neg(b), c);
    return Math.abs(c.n) % 2 === 1 ? buildMul([MINUS_ONE, magnitude]) : magnitude;
  }
  const top = integerPower(b.n, c);
  if (b.d === 1) return top;
  // n and d are coprime, so the roots of the two never share a base.
  let coef: Num = ONE;
  const surds: Expr[] = [];
  for (const part of [top, integerPower(b.d, num(-c.n, c.d))]) {
    for (const f of part.kind === 'mul' ? part.factors : [part]) {
      if (f.kind === 'num') coef = Q.mul(coef, f);
      else surds.push(f);
    }
  }
  return assembleProduct(coef, surds);
}

/** m^(p/q) for a positive integer m and a non-integer p/q: m = j^s → j^(ps/q), then pull out whole powers. */
function integerPower(m: number, c: Num): Expr {
  if (m === 1) return ONE;
  for (let s = Math.floor(Math.log2(m)); s >= 2; s--) {
    const j = Q.integerRoot(m, s);
    if (j !== undefined && j > 1) {
      const e = Q.mul(c, num(s));
      if (e.approx) break;
      if (e.d === 1) return Q.powExact(num(j), e.n) ?? pow(num(j), e);
      return integerPower(j, e);
    }
  }
  // m is not a perfect power: m^(p/q) = m^k · m^(r/q) with 0 ≤ r < q, and m = o^q · i.
  const q = c.d;
  const k = Math.floor(c.n / q);
  const r = c.n - k * q;
  const { outside, inside } = Q.extractPower(m, q);
  const factors: Expr[] = [];
  const whole = Q.powExact(num(m), k);
  if (whole === undefined) return pow(num(m), c);
  factors.push(whole);
  if (outside !== 1) {
    const o = Q.powExact(num(outside), r);
    if (o === undefined) return pow(num(m), c);
    factors.push(o);
  }
  if (inside !== 1 && r !== 0) factors.push(pow(num(inside), num(r, q)));
  if (factors.length === 1) return factors[0] as Expr;
  const coef = factors.filter((f): f is Num => f.kind === 'num').reduce(Q.mul, ONE);
  const surds = factors.filter((f) => f.kind !== 'num');
  if (surds.length === 0) return coef;
  return Q.isOne(coef) ? (surds[0] as Expr) : mul(coef, ...surds);
}

// ------------------------------------------------------------------ functions

const ODD: ReadonlySet<FunctionName> = new Set(['sin', 'tan', 'cot', 'csc', 'asin', 'atan', 'sinh', 'tanh']);
const EVEN: ReadonlySet<FunctionName> = new Set(['cos', 'sec', 'cosh', 'abs']);

/** Values at 0 that are exact. */
const AT_ZERO: Partial<Record<FunctionName, Num>> = {
  sin: ZERO,
  tan: ZERO,
  asin: ZERO,
  atan: ZERO,
  sinh: ZERO,
  tanh: ZERO,
  cos: ONE,
  cosh: ONE,
  sec: ONE,
  abs: ZERO,
};

function buildCall(fn: FunctionName, args: readonly Expr[]): Expr {
  const u = args[0] as Expr;
  switch (fn) {
    case 'sqrt':
      return buildPow(u, num(1, 2));
    case 'cbrt':
      return buildPow(u, num(1, 3));
    case 'exp':
      return buildPow(E, u);
    case 'log':
      return buildLog(u, args[1] ?? E);
    case 'ln':
      return buildLog(u, E);
    case 'log10':
      return buildLog(u, num(10));
    case 'log2':
      return buildLog(u, num(2));
    case 'acos':
      if (isExactNum(u) && Q.isOne(u)) return ZERO;
      return call(fn, u);
    case 'abs':
      return buildAbs(u);
    default:
      break;
  }
  if (isExactNum(u) && u.n === 0 && AT_ZERO[fn] !== undefined) return AT_ZERO[fn];
  if (ODD.has(fn) && isNegativeTerm(u)) return buildMul([MINUS_ONE, buildCall(fn, [negateTerm(u)])]);
  if (EVEN.has(fn) && isNegativeTerm(u)) return buildCall(fn, [negateTerm(u)]);
  if (fn === 'sin' || fn === 'cos') {
    const exact = trigAtPiMultiple(fn, u);
    if (exact !== undefined) return exact;
  }
  const split = TRIG_SPLIT[fn];
  if (split !== undefined) return buildMul([call(fn, u)]);
  return call(fn, ...args);
}

/** sin and cos at rational multiples of π with denominator 1, 2, 3, 4 or 6. */
function trigAtPiMultiple(fn: 'sin' | 'cos', u: Expr): Expr | undefined {
  let k: Num | undefined;
  if (u.kind === 'const' && u.name === 'pi') k = ONE;
  else if (
    u.kind === 'mul' &&
    u.factors.length === 2 &&
    isExactNum(u.factors[0] as Expr) &&
    equals(u.factors[1] as Expr, PI)
  )
    k = u.factors[0] as Num;
  if (k === undefined || ![1, 2, 3, 4, 6].includes(k.d)) return undefined;
  // Work in twelfths of π; cos(t) = sin(t + π/2).
  let twelfths = ((k.n * 12) / k.d + (fn === 'cos' ? 6 : 0)) % 24;
  if (twelfths < 0) twelfths += 24;
  const sign = twelfths >= 12 ? -1 : 1;
  const t = twelfths % 12;
  const table: Record<number, Expr> = {
    0: ZERO,
    2: num(1, 2),
    3: mul(num(1, 2), pow(num(2), num(1, 2))),
    4: mul(num(1, 2), pow(num(3), num(1, 2))),
    6: ONE,
    8: mul(num(1, 2), pow(num(3), num(1, 2))),
    9: mul(num(1, 2), pow(num(2), num(1, 2))),
    10: num(1, 2),
  };
  const value = table[t];
  if (value === undefined) return undefined;
  return sign < 0 ? buildMul([MINUS_ONE, value]) : value;
}

/** log_b(u) for b = e, 10, 2 or any base: exact values, and the named form for e, 10 and 2. */
function buildLog(u: Expr, b: Expr): Expr {
  if (isExactNum(u) && Q.isOne(u)) return ZERO;
  if (equals(u, b)) return ONE;
  // log_b(b^v) = v
  if (u.kind === 'pow' && equals(u.base, b)) return u.exp;
  if (isExactInteger(b) && isExactInteger(u) && b.n > 1 && u.n > 1) {
    let k = 0;
    let v = u.n;
    while (v % b.n === 0) {
      v /= b.n;
      k++;
    }
    if (v === 1) return num(k);
  }
  if (b.kind === 'const' && b.name === 'e') return call('ln', u);
  if (isExactInteger(b) && b.n === 10) return call('log10', u);
  if (isExactInteger(b) && b.n === 2) return call('log2', u);
  return call('log', u, b);
}

function buildAbs(u: Expr): Expr {
  if (u.kind === 'num') return Q.abs(u);
  if (isPositive(u)) return u;
  if (u.kind === 'call' && u.fn === 'abs') return u;
  if (u.kind === 'pow' && isExactInteger(u.exp) && u.exp.n % 2 === 0) return u;
  if (u.kind === 'mul' && u.factors[0]?.kind === 'num') {
    const [c, ...rest] = u.factors;
    return buildMul([Q.abs(c as Num), buildAbs(rest.length === 1 ? (rest[0] as Expr) : mul(...rest))]);
  }
  return call('abs', u);
}
