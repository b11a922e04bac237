/**
 * Plain-text printer: the syntax gradstep's parser accepts, with mathjs's
 * precedence (explicit `*`, `^`), so mathjs's parser reads it with the same
 * meaning given gradstep's function names (`ln`, `sigmoid`, … from `functions.ts`).
 */
import type { Call, Expr, Num } from './ast.js';
import { isExactRational, productParts, splitSign, typedText } from './print-shared.js';
import { withStackGuard } from './stack-guard.js';

// Binding strength, loosest first, as mathjs parses: `a + b`, `a * b` / `a / b`, `-a`, `a ^ b`, atoms.
const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const POWER = 4;
const ATOM = 5;

interface Printed {
  readonly s: string;
  readonly p: number;
}

/** Plain text for `e`, e.g. `3*x^3 - 2*x + 1`, `ln(x^2 + 1)`, `1/(2*sqrt(x))`. */
export function toText(e: Expr): string {
  return withStackGuard('print/too-deep', () => print(e).s);
}

const startsMinus = (t: Printed): boolean => t.s.startsWith('-');

/** `t` wrapped in parentheses unless it binds at least as tightly as `min` (and, if asked, has no leading minus). */
function at(t: Printed, min: number, noLeadingMinus = false): string {
  return t.p >= min && !(noLeadingMinus && startsMinus(t)) ? t.s : `(${t.s})`;
}

/**
 * Whether `a` and `b` print the same text, printing each part they share once (a derivation's
 * answer is built around parts of the rules' result).
 */
export function printsAlike(a: Expr, b: Expr): boolean {
  const outer = shared;
  shared = new Map();
  try {
    return toText(a) === toText(b);
  } finally {
    shared = outer;
  }
}

/** The parts printed so far in one `printsAlike` (trees are immutable, so a part's text never changes). */
let shared: Map<Expr, Printed> | undefined;

function print(e: Expr): Printed {
  if (shared === undefined || e.kind === 'sym' || e.kind === 'const' || e.kind === 'num') return printNode(e);
  let p = shared.get(e);
  if (p === undefined) {
    p = printNode(e);
    shared.set(e, p);
  }
  return p;
}

function printNode(e: Expr): Printed {
  switch (e.kind) {
    case 'num':
      return printNum(e);
    case 'sym':
      return { s: e.name, p: ATOM };
    case 'const':
      return { s: e.name, p: ATOM };
    case 'add':
      return printSum(e.terms);
    case 'mul':
      return printProduct(e);
    case 'neg': {
      const arg = print(e.arg);
      if (arg.p >= POWER) return { s: `-${arg.s}`, p: UNARY };
      // `-2*x` reads as (-2)*x: the same value, and it binds like a product.
      if (arg.p === PRODUCT && !startsMinus(arg)) return { s: `-${arg.s}`, p: PRODUCT };
      return { s: `-(${arg.s})`, p: UNARY };
    }
    case 'div':
      return { s: `${at(print(e.num), PRODUCT)}/${at(print(e.den), POWER, true)}`, p: PRODUCT };
    case 'pow': {
      if (isExactRational(e.exp) && e.exp.n < 0) return printProduct(e);
      if (isExactRational(e.exp) && e.exp.n === 1 && e.exp.d === 2) return { s: `sqrt(${print(e.base).s})`, p: ATOM };
      // Exponents that are themselves powers get parentheses too: `x^(y^z)` reads the same everywhere.
      return { s: `${at(print(e.base), ATOM, true)}^${at(print(e.exp), ATOM, true)}`, p: POWER };
    }
    case 'call':
      return printCall(e);
  }
}

function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  return String(n);
}

function printNum(e: Num): Printed {
  let s: string;
  if (e.approx) s = formatFloat(e.n);
  else s = typedText(e) ?? (e.d === 1 ? String(e.n) : `${e.n}/${e.d}`);
  if (s.includes('/')) return { s, p: PRODUCT };
  return { s, p: s.startsWith('-') ? UNARY : ATOM };
}

function printSum(terms: readonly Expr[]): Printed {
  const [first] = terms;
  if (first === undefined) return { s: '0', p: ATOM };
  if (terms.length === 1) return print(first);
  let out = '';
  terms.forEach((term, i) => {
    const { negative, abs } = splitSign(term);
    const t = print(abs);
    if (i === 0) out = negative ? `-${at(t, PRODUCT, true)}` : t.s;
    else if (negative) out += ` - ${at(t, PRODUCT, true)}`;
    else out += ` + ${at(t, SUM, true)}`;
  });
  return { s: out, p: SUM };
}

function printProduct(e: Expr & { kind: 'mul' | 'pow' }): Printed {
  const { negative, numer, denom } = productParts(e);
  if (!negative && denom.length === 0 && numer.length === 1) return print(numer[0] as Expr);
  const sign = negative ? '-' : '';
  const top =
    numer.length === 0
      ? '1'
      : numer.map((f, i) => (i === 0 ? at(print(f), PRODUCT, negative) : at(print(f), POWER, true))).join('*');
  if (denom.length === 0) return { s: sign + top, p: PRODUCT };
  const bottom =
    denom.length === 1
      ? at(print(denom[0] as Expr), POWER, true)
      : `(${denom.map((f, i) => (i === 0 ? at(print(f), PRODUCT) : at(print(f), POWER, true))).join('*')})`;
  return { s: `${sign}${top}/${bottom}`, p: PRODUCT };
}

function printCall(e: Call): Printed {
  // `ln` as typed and taught (mathjs spells it `log`); `log(x, b)` takes the base second.
  return { s: `${e.fn}(${e.args.map((a) => print(a).s).join(', ')})`, p: ATOM };
}
