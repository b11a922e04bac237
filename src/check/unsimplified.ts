/**
 * "Correct, but not simplified": an answer (already known to be equal to the
 * derivative) counts as unsimplified when, as typed, it still holds work a
 * textbook would finish — arithmetic on numbers that folds to one number, an
 * identity element left in, or like terms / like factors not collected.
 *
 * Deliberately local and structural: rewriting into another correct form
 * (`sin 2x` for 2 sin x cos x, an expanded polynomial, `0.5x^(-0.5)`) is not a
 * failure to simplify; only visible, mechanical leftovers are.
 */
import { children, type Expr } from '../expr/ast.js';
import { keyOf } from '../expr/simplify.js';

/** Why an answer reads as unsimplified. */
export type UnsimplifiedReason =
  | 'numeric-factors'
  | 'numeric-terms'
  | 'identity-element'
  | 'like-terms'
  | 'like-factors'
  | 'foldable-constant'
  | 'double-negation';

/** A numeric literal as typed: 3, −4, 2/3. */
function numericValue(e: Expr): number | undefined {
  switch (e.kind) {
    case 'num':
      return e.n / e.d;
    case 'neg': {
      const v = numericValue(e.arg);
      return v === undefined ? undefined : -v;
    }
    case 'div': {
      const a = numericValue(e.num);
      const b = numericValue(e.den);
      return a === undefined || b === undefined || b === 0 ? undefined : a / b;
    }
    default:
      return undefined;
  }
}

const isNumeric = (e: Expr): boolean => numericValue(e) !== undefined;

/**
 * Whether the numbers would fold into one without loss: a product that neither overflows
 * nor underflows, a sum whose float value drops no addend (1e308 + 1 and 2 · 1e308 cannot
 * be "multiplied out", so writing them apart is not unfinished work).
 */
function foldable(numbers: readonly Expr[], op: 'add' | 'mul'): boolean {
  const values = numbers.map((n) => numericValue(n) as number);
  let acc = op === 'add' ? 0 : 1;
  for (const v of values) {
    const next = op === 'add' ? acc + v : acc * v;
    if (!Number.isFinite(next)) return false;
    // An addend swallowed whole by rounding (1e308 + 1 = 1e308) cannot be folded in.
    if (op === 'add' && ((next === acc && v !== 0) || (next === v && acc !== 0))) return false;
    if (op === 'mul' && v !== 0 && acc !== 0 && Math.abs(next) < 2.2250738585072014e-308) return false;
    acc = next;
  }
  return true;
}

/** The factors of a product, through nested products and a leading minus. */
function flatFactors(e: Expr, out: Expr[] = []): Expr[] {
  if (e.kind === 'mul') for (const f of e.factors) flatFactors(f, out);
  else if (e.kind === 'neg' && !isNumeric(e)) flatFactors(e.arg, out);
  else out.push(e);
  return out;
}

/** The terms of a sum, through nested sums. */
function flatTerms(e: Expr, out: Expr[] = []): Expr[] {
  if (e.kind === 'add') for (const t of e.terms) flatTerms(t, out);
  else out.push(e);
  return out;
}

/** A term without its numeric coefficient and sign, as a key: 2x² and −x² share one. */
function termKey(t: Expr): string {
  if (t.kind === 'neg') return termKey(t.arg);
  if (t.kind === 'div' && isNumeric(t.den)) return termKey(t.num);
  if (t.kind === 'div') return `${termKey(t.num)}/${keyOf(t.den)}`;
  const rest = flatFactors(t)
    .filter((f) => !isNumeric(f))
    .map(keyOf)
    .sort();
  return rest.length === 0 ? '#' : rest.join('*');
}

/** The base of a factor (x for x, x², x^(−1/2)), as a key. */
function baseKey(f: Expr): string {
  if (f.kind === 'pow') return keyOf(f.base);
  if (f.kind === 'call' && (f.fn === 'sqrt' || f.fn === 'cbrt') && f.args[0]) return keyOf(f.args[0]);
  return keyOf(f);
}

function isExactOne(e: Expr): boolean {
  return e.kind === 'num' && !e.approx && e.n === 1 && e.d === 1;
}

function isExactZero(e: Expr): boolean {
  return e.kind === 'num' && e.n === 0;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** The integer coefficient of a product (the product of its integer literal factors), or 1. */
function integerCoefficient(e: Expr): number {
  let c = 1;
  for (const f of flatFactors(e)) {
    const v = numericValue(f);
    if (v !== undefined && Number.isInteger(v)) c *= v;
  }
  return c;
}

const FOLDABLE_CALLS = new Set(['sqrt', 'cbrt', 'ln', 'exp', 'sin', 'cos', 'tan', 'log10', 'log2', 'abs']);

function callValue(fn: string, x: number): number {
  switch (fn) {
    case 'sqrt':
      return Math.sqrt(x);
    case 'cbrt':
      return Math.cbrt(x);
    case 'ln':
      return Math.log(x);
    case 'exp':
      return Math.exp(x);
    case 'sin':
      return Math.sin(x);
    case 'cos':
      return Math.cos(x);
    case 'tan':
      return Math.tan(x);
    case 'log10':
      return Math.log10(x);
    case 'log2':
      return Math.log2(x);
    default:
      return Math.abs(x);
  }
}

/** The first reason `e` (as typed) reads as unsimplified, or undefined. */
export function unsimplifiedReason(e: Expr): UnsimplifiedReason | undefined {
  const own = ownReason(e);
  if (own) return own;
  for (const child of children(e)) {
    const r = unsimplifiedReason(child);
    if (r) return r;
  }
  return undefined;
}

/**
 * Every reason `e` reads as unsimplified, in the order first met (depth first):
 * what a simplification of `e` tidied up (for naming it in a derivation's last step).
 */
export function unsimplifiedReasons(e: Expr): UnsimplifiedReason[] {
  const found = new Set<UnsimplifiedReason>();
  const stack: Expr[] = [e];
  while (stack.length) {
    const node = stack.pop() as Expr;
    const own = ownReason(node);
    if (own) found.add(own);
    stack.push(...[...children(node)].reverse());
  }
  return [...found];
}

/** The reason this node itself (not its children) reads as unsimplified. */
function ownReason(e: Expr): UnsimplifiedReason | undefined {
  switch (e.kind) {
    case 'add': {
      const terms = flatTerms(e);
      if (terms.some(isExactZero)) return 'identity-element';
      const numbers = terms.filter(isNumeric);
      if (numbers.length > 1 && foldable(numbers, 'add')) return 'numeric-terms';
      const keys = new Set<string>();
      for (const t of terms) {
        if (isNumeric(t)) continue;
        const k = termKey(t);
        if (keys.has(k)) return 'like-terms';
        keys.add(k);
      }
      break;
    }
    case 'mul': {
      const factors = flatFactors(e);
      if (factors.some(isExactOne)) return 'identity-element';
      const numbers = factors.filter(isNumeric);
      if (numbers.length > 1 && foldable(numbers, 'mul')) return 'numeric-factors';
      if (repeatedBase(factors.filter((f) => !isNumeric(f)))) return 'like-factors';
      break;
    }
    case 'neg':
      if (e.arg.kind === 'neg') return 'double-negation';
      if (isExactZero(e.arg)) return 'identity-element';
      break;
    case 'div': {
      if (isExactOne(e.den)) return 'identity-element';
      const a = numericValue(e.num);
      const b = numericValue(e.den);
      if (a !== undefined && b !== undefined) {
        if (Number.isInteger(a / b) || (Number.isInteger(a) && Number.isInteger(b) && gcd(a, b) > 1)) {
          return 'foldable-constant';
        }
        break;
      }
      if (gcd(integerCoefficient(e.num), integerCoefficient(e.den)) > 1) return 'numeric-factors';
      const top = flatFactors(e.num).filter((f) => !isNumeric(f));
      const bottom = flatFactors(e.den).filter((f) => !isNumeric(f));
      const over = new Set(bottom.map(baseKey));
      if (top.some((f) => over.has(baseKey(f)))) return 'like-factors';
      break;
    }
    case 'pow': {
      if (isExactOne(e.exp) || isExactZero(e.exp)) return 'identity-element';
      const base = numericValue(e.base);
      const exponent = numericValue(e.exp);
      if (base !== undefined && exponent !== undefined && Number.isInteger(exponent)) return 'foldable-constant';
      break;
    }
    case 'call': {
      const [arg] = e.args;
      const x = arg === undefined || e.args.length !== 1 ? undefined : numericValue(arg);
      if (x !== undefined && FOLDABLE_CALLS.has(e.fn)) {
        const v = callValue(e.fn, x);
        if (Number.isFinite(v) && Number.isInteger(Math.round(v * 1e12) / 1e12)) return 'foldable-constant';
      }
      break;
    }
    default:
      break;
  }
  return undefined;
}

function repeatedBase(factors: readonly Expr[]): boolean {
  const seen = new Set<string>();
  for (const f of factors) {
    const k = baseKey(f);
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}
