/**
 * Shape analysis shared by the text and TeX printers: how a term's sign and a
 * product's numerator/denominator are read off a tree (typed or canonical).
 */
import { type Expr, type Mul, type Num, num, type Pow, pow } from './ast.js';

/** An exact rational without typed text (typed decimals are printed as typed). */
export function isExactRational(e: Expr): e is Num {
  return e.kind === 'num' && !e.approx && e.text === undefined;
}

/** An exact rational exponent below zero: the canonical form of a quotient. */
export function isNegativeExactExponent(e: Expr): e is Num {
  return isExactRational(e) && e.n < 0;
}

/** A typed decimal we can print verbatim (guards against stray text reaching TeX). */
const DECIMAL_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function typedText(e: Num): string | undefined {
  return e.text !== undefined && DECIMAL_TEXT.test(e.text) ? e.text : undefined;
}

export interface Signed {
  readonly negative: boolean;
  readonly abs: Expr;
}

/**
 * Splits a leading minus off a term so a sum can print `a - b` instead of
 * `a + -b`: negative numbers, `neg`, a product whose first factor is
 * negative (the canonical `-2x`), and a quotient with a negative numerator.
 * Only one level is removed, so `-(-x)` stays visible.
 */
export function splitSign(e: Expr): Signed {
  switch (e.kind) {
    case 'num':
      if (e.n < 0) {
        const abs: Num = { ...e, n: -e.n, ...(e.text !== undefined ? { text: e.text.replace(/^-/, '') } : {}) };
        return { negative: true, abs };
      }
      return { negative: false, abs: e };
    case 'neg':
      return { negative: true, abs: e.arg };
    case 'mul': {
      const [first, ...rest] = e.factors;
      if (first === undefined) return { negative: false, abs: e };
      const head = splitSign(first);
      if (!head.negative || head.abs.kind === 'neg') return { negative: false, abs: e };
      const isUnit = isExactRational(head.abs) && head.abs.n === 1 && head.abs.d === 1;
      const factors = isUnit && rest.length > 0 ? rest : [head.abs, ...rest];
      return { negative: true, abs: factors.length === 1 ? (factors[0] as Expr) : { kind: 'mul', factors } };
    }
    case 'div': {
      const top = splitSign(e.num);
      if (!top.negative || top.abs.kind === 'neg') return { negative: false, abs: e };
      return { negative: true, abs: { kind: 'div', num: top.abs, den: e.den } };
    }
    default:
      return { negative: false, abs: e };
  }
}

export interface ProductParts {
  readonly negative: boolean;
  /** Factors above the line, in order; empty means 1. */
  readonly numer: readonly Expr[];
  /** Factors below the line, in order; empty means no fraction. */
  readonly denom: readonly Expr[];
}

/** `x^(-k)` → `x^k` (and `x^(-1)` → `x`), for printing below a fraction line. */
function flipExponent(p: Pow & { exp: Num }): Expr {
  const positive = num(-p.exp.n, p.exp.d);
  return positive.n === 1 && positive.d === 1 ? p.base : pow(p.base, positive);
}

/**
 * Reads a product (or a lone power) as a textbook fraction: the sign, a leading
 * rational coefficient p/q split into p above and q below, and factors with
 * negative exact exponents moved below the line (`3x^-1 y` → `3y / x`).
 */
export function productParts(e: Mul | Pow): ProductParts {
  if (e.kind === 'pow') {
    if (isNegativeExactExponent(e.exp))
      return { negative: false, numer: [], denom: [flipExponent({ ...e, exp: e.exp })] };
    return { negative: false, numer: [e], denom: [] };
  }
  const signed = splitSign(e);
  const factors = signed.abs.kind === 'mul' ? signed.abs.factors : [signed.abs];
  const numer: Expr[] = [];
  const denom: Expr[] = [];
  factors.forEach((f, i) => {
    if (i === 0 && isExactRational(f) && factors.length > 1) {
      if (f.n !== 1) numer.push(num(f.n));
      if (f.d !== 1) denom.push(num(f.d));
      return;
    }
    if (f.kind === 'pow' && isNegativeExactExponent(f.exp)) {
      denom.push(flipExponent({ ...f, exp: f.exp }));
      return;
    }
    numer.push(f);
  });
  return { negative: signed.negative, numer, denom };
}

/** Mantissa and exponent of a float written in exponent notation (`1e-7`), else undefined. */
export function exponentParts(s: string): { mantissa: string; exponent: string } | undefined {
  const m = /^(-?[\d.]+)[eE]\+?(-?\d+)$/.exec(s);
  return m ? { mantissa: m[1] as string, exponent: m[2] as string } : undefined;
}
