/**
 * TeX printer: expressions as a textbook typesets them — `3x^{3}-2x+1`,
 * `x\sin x`, `\frac{1}{2\sqrt{x}}`, `\sin^{2}x`, `\log_{2}x` — with minimal
 * parentheses and `\cdot` only where juxtaposition would mislead.
 * Every string it produces renders in KaTeX (strict mode).
 */
import type { Call, Expr, FunctionName, Num } from './ast.js';
import { FUNCTION_NAMES, FUNCTIONS } from './functions.js';
import { exponentParts, isExactRational, productParts, splitSign, typedText } from './print-shared.js';
import { withStackGuard } from './stack-guard.js';

// Binding strength, loosest first: sums; products (juxtaposition, a leading minus);
// fractions, powers, roots and functions; atoms.
const SUM = 1;
const PRODUCT = 2;
const TIGHT = 3;
const ATOM = 4;

interface Printed {
  readonly s: string;
  readonly p: number;
  /** Ends in a function's bare argument (`\sin x`): a following factor would read as part of it. */
  readonly open?: boolean;
}

/** TeX for symbols the caller names itself (placeholders of a derivative still to be taken), or undefined. */
export type SymbolTex = (name: string) => string | undefined;

let symbolTex: SymbolTex | undefined;

/** Textbook TeX for `e`. */
export function toTex(e: Expr): string {
  return toTexWith(e, undefined);
}

/** Textbook TeX for `e`, where `symbols` may give the TeX of some symbols (printed as atoms). */
export function toTexWith(e: Expr, symbols: SymbolTex | undefined): string {
  const outer = symbolTex;
  symbolTex = symbols;
  try {
    return withStackGuard('print/too-deep', () => print(e).s);
  } finally {
    symbolTex = outer;
  }
}

// ------------------------------------------------------------------ symbols

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'varpi',
  'rho',
  'varrho',
  'sigma',
  'varsigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Upsilon',
  'Phi',
  'Psi',
  'Omega',
]);

const GREEK_LETTERS: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
  Γ: 'Gamma',
  Δ: 'Delta',
  Θ: 'Theta',
  Λ: 'Lambda',
  Ξ: 'Xi',
  Π: 'Pi',
  Σ: 'Sigma',
  Υ: 'Upsilon',
  Φ: 'Phi',
  Ψ: 'Psi',
  Ω: 'Omega',
};

/**
 * TeX for a variable name: `x` → `x`, `theta`/`θ` → `\theta`, `x_1` → `x_{1}`,
 * `w1` → `w_{1}`, `theta2` → `\theta_{2}`, other multi-letter names → `\mathrm{rate}`.
 * Characters TeX would treat specially are dropped, so any name is safe to typeset.
 */
export function texSymbol(name: string): string {
  const underscore = name.indexOf('_');
  if (underscore > 0 && underscore < name.length - 1) {
    return `${texSymbol(name.slice(0, underscore))}_{${texSymbol(name.slice(underscore + 1))}}`;
  }
  const spelled = [...name].map((ch) => (GREEK_LETTERS[ch] !== undefined ? ` ${GREEK_LETTERS[ch]} ` : ch)).join('');
  const words = spelled.trim();
  if (words !== name) {
    // Unicode Greek letters mixed with others: typeset each piece.
    return words
      .split(/\s+/)
      .map((w) => texSymbol(w))
      .reduce((out, piece) => juxt(out, piece), '');
  }
  const indexed = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (indexed) return `${texSymbol(indexed[1] as string)}_{${indexed[2]}}`;
  if (/^[A-Za-z0-9]$/.test(name)) return name;
  if (GREEK.has(name)) return `\\${name}`;
  const safe = name.replace(/[^A-Za-z0-9]/g, '');
  if (safe === '') return '?';
  return safe.length === 1 ? safe : `\\mathrm{${safe}}`;
}

/** `\frac{\partial f}{\partial x}`, or `\frac{\partial^{2} f}{\partial x^{2}}` for a higher order; `f` may be empty. */
export function texPartial(f: string, v: string, order = 1): string {
  const top = f === '' ? '' : ` ${texSymbol(f)}`;
  const x = texSymbol(v);
  if (order === 1) return `\\frac{\\partial${top}}{\\partial ${x}}`;
  return `\\frac{\\partial^{${order}}${top}}{\\partial ${x}^{${order}}}`;
}

/** `\frac{d}{dx}`, `\frac{d^{2}}{dx^{2}}`; with `f`, `\frac{df}{dx}`. */
export function texDerivative(order: number, wrt: string, f = ''): string {
  const x = texSymbol(wrt);
  const top = f === '' ? '' : texSymbol(f);
  const dx = `d${x}`;
  if (order === 1) return `\\frac{d${top}}{${dx}}`;
  return `\\frac{d^{${order}}${top}}{${dx}^{${order}}}`;
}

// ------------------------------------------------------------------ helpers

/** Joins two TeX pieces, keeping a control word (`\pi`) from swallowing a following letter. */
function juxt(a: string, b: string): string {
  return /\\[A-Za-z]+$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

function parens(s: string): string {
  return s.includes('\\frac') ? `\\left(${s}\\right)` : `(${s})`;
}

const startsMinus = (t: Printed): boolean => t.s.startsWith('-');

function at(t: Printed, min: number, noLeadingMinus = false): Printed {
  return t.p >= min && !(noLeadingMinus && startsMinus(t)) ? t : { s: parens(t.s), p: ATOM };
}

/** The TeX name of each function that is written as a name (from the function table). */
const FUNCTION_TEX: Partial<Record<FunctionName, string>> = Object.fromEntries(
  FUNCTION_NAMES.flatMap((name) => {
    const tex = FUNCTIONS[name].tex;
    return tex === undefined ? [] : [[name, tex]];
  }),
);

/** Functions whose integer powers a textbook writes as `\sin^{2}x`. */
const POWER_ON_NAME = new Set<FunctionName>(FUNCTION_NAMES.filter((name) => FUNCTIONS[name].powerOnName));

/** A factor that starts with a function name written before a bare argument (`\sin x`, `\operatorname{sech} x`). */
const FUNCTION_START = new RegExp(
  `^\\\\(${[
    'operatorname',
    'log',
    ...FUNCTION_NAMES.flatMap((name) => {
      const info = FUNCTIONS[name];
      const word = /^\\([A-Za-z]+)$/.exec(info.tex ?? '')?.[1];
      return info.bare && word ? [word] : [];
    }),
  ].join('|')})(?![A-Za-z])`,
);

function isPositiveLiteral(e: Expr): boolean {
  return e.kind === 'num' && e.n >= 0 && !e.approx && (e.d === 1 || typedText(e) !== undefined);
}

/** An argument a textbook writes without parentheses: `\sin x`, `\sin 2x`, `\sin\pi`, `\ln 2`, `\ln|x|`. */
function isBareArgument(arg: Expr, printed: Printed): boolean {
  if (arg.kind === 'sym' || arg.kind === 'const') return true;
  if (isPositiveLiteral(arg)) return !printed.s.includes('\\times');
  if (arg.kind === 'mul' && arg.factors.length === 2) {
    const [a, b] = arg.factors as [Expr, Expr];
    if (isPositiveLiteral(a) && (b.kind === 'sym' || b.kind === 'const')) return !printed.s.includes('\\times');
  }
  // A delimited argument needs no parentheses of its own: `\ln|x|`, `\ln\sqrt{x}`, `\sin\frac{x}{2}`.
  if (arg.kind === 'call' && (arg.fn === 'abs' || arg.fn === 'sqrt' || arg.fn === 'cbrt')) return true;
  if (arg.kind === 'pow' && isExactRational(arg.exp) && arg.exp.n === 1 && arg.exp.d >= 2) return true;
  return printed.p === TIGHT && printed.s.startsWith('\\frac');
}

/** The name applied to its argument: `\sin x`, `\ln(x^{2}+1)`. */
function applyName(name: string, arg: Expr): Printed {
  const a = print(arg);
  if (isBareArgument(arg, a)) return { s: juxt(name, a.s), p: TIGHT, open: true };
  return { s: name + parens(a.s), p: TIGHT };
}

// ------------------------------------------------------------------ printer

function print(e: Expr): Printed {
  switch (e.kind) {
    case 'num':
      return printNum(e);
    case 'sym':
      return { s: symbolTex?.(e.name) ?? texSymbol(e.name), p: ATOM };
    case 'const':
      return { s: e.name === 'pi' ? '\\pi' : 'e', p: ATOM };
    case 'add':
      return printSum(e.terms);
    case 'mul':
      return printProduct(e);
    case 'neg': {
      const arg = print(e.arg);
      if (arg.p >= PRODUCT && !startsMinus(arg)) return { s: `-${arg.s}`, p: PRODUCT, open: arg.open ?? false };
      return { s: `-${parens(arg.s)}`, p: PRODUCT };
    }
    case 'div':
      return { s: `\\frac{${print(e.num).s}}{${print(e.den).s}}`, p: TIGHT };
    case 'pow':
      return printPow(e);
    case 'call':
      return printCall(e);
  }
}

function scientific(s: string): Printed {
  const parts = exponentParts(s);
  if (parts === undefined) return { s, p: s.startsWith('-') ? PRODUCT : ATOM };
  return { s: `${parts.mantissa}\\times 10^{${parts.exponent}}`, p: PRODUCT };
}

function printNum(e: Num): Printed {
  if (e.approx) {
    if (Number.isNaN(e.n)) return { s: '\\mathrm{NaN}', p: ATOM };
    if (e.n === Number.POSITIVE_INFINITY) return { s: '\\infty', p: ATOM };
    if (e.n === Number.NEGATIVE_INFINITY) return { s: '-\\infty', p: PRODUCT };
    return scientific(String(e.n));
  }
  const typed = typedText(e);
  if (typed !== undefined) return scientific(typed);
  if (e.d === 1) return { s: String(e.n), p: e.n < 0 ? PRODUCT : ATOM };
  const frac = `\\frac{${Math.abs(e.n)}}{${e.d}}`;
  return e.n < 0 ? { s: `-${frac}`, p: PRODUCT } : { s: frac, p: TIGHT };
}

function printSum(terms: readonly Expr[]): Printed {
  const [first] = terms;
  if (first === undefined) return { s: '0', p: ATOM };
  if (terms.length === 1) return print(first);
  let out = '';
  terms.forEach((term, i) => {
    const { negative, abs } = splitSign(term);
    const t = print(abs);
    if (negative) out += `-${at(t, PRODUCT, true).s}`;
    else out += (i === 0 ? '' : '+') + at(t, SUM, i > 0).s;
  });
  return { s: out, p: SUM };
}

/** Factors side by side, with `\cdot` where juxtaposition would mislead (`2\cdot 3^{x}`, `\sin x\cdot y`). */
function joinFactors(factors: readonly Printed[]): Printed {
  let s = '';
  let open = false;
  factors.forEach((f, i) => {
    if (i === 0) {
      s = f.s;
    } else {
      const needsDot =
        /^[\d.]/.test(f.s) || (/\d$/.test(s) && f.s.startsWith('\\frac')) || (open && !FUNCTION_START.test(f.s));
      s = needsDot ? `${s}\\cdot ${f.s}` : juxt(s, f.s);
    }
    open = f.open ?? false;
  });
  return { s, p: PRODUCT, open };
}

/** One side of a product: the first factor may be a product itself or carry a minus; the others bind tighter. */
function factorList(list: readonly Expr[], signed: boolean): Printed {
  if (list.length === 1) return print(list[0] as Expr);
  return joinFactors(list.map((f, i) => (i === 0 ? at(print(f), PRODUCT, signed) : at(print(f), TIGHT, true))));
}

function printProduct(e: Expr & { kind: 'mul' | 'pow' }): Printed {
  const { negative, numer, denom } = productParts(e);
  if (denom.length === 0) {
    if (numer.length === 0) return { s: negative ? '-1' : '1', p: negative ? PRODUCT : ATOM };
    if (!negative && numer.length === 1) return print(numer[0] as Expr);
    const top = numer.length === 1 ? at(print(numer[0] as Expr), PRODUCT, negative) : factorList(numer, negative);
    return { s: (negative ? '-' : '') + top.s, p: PRODUCT, open: top.open ?? false };
  }
  const top = numer.length === 0 ? '1' : factorList(numer, false).s;
  const frac = `\\frac{${top}}{${factorList(denom, false).s}}`;
  return negative ? { s: `-${frac}`, p: PRODUCT } : { s: frac, p: TIGHT };
}

function printPow(e: Expr & { kind: 'pow' }): Printed {
  const { base, exp } = e;
  if (isExactRational(exp)) {
    if (exp.n < 0) return printProduct(e);
    if (exp.n === 1 && exp.d === 2) return { s: `\\sqrt{${print(base).s}}`, p: TIGHT };
    if (exp.n === 1 && exp.d > 2) return { s: `\\sqrt[${exp.d}]{${print(base).s}}`, p: TIGHT };
    if (exp.d === 1 && exp.n >= 2 && base.kind === 'call' && POWER_ON_NAME.has(base.fn) && base.args.length === 1) {
      const name = FUNCTION_TEX[base.fn] as string;
      return applyName(`${name}^{${exp.n}}`, base.args[0] as Expr);
    }
  }
  const b = print(base);
  const x = isExactRational(exp) && exp.d !== 1 ? `${exp.n}/${exp.d}` : print(exp).s;
  return { s: `${at(b, ATOM, true).s}^{${x}}`, p: TIGHT };
}

function printCall(e: Call): Printed {
  const [arg, second] = e.args;
  if (arg !== undefined && e.args.length === 1) {
    const name = FUNCTION_TEX[e.fn];
    // `\sin x`, but always `\sigma(x)`, `\operatorname{ReLU}(x)`.
    if (name !== undefined)
      return FUNCTIONS[e.fn].bare ? applyName(name, arg) : { s: name + parens(print(arg).s), p: TIGHT };
    switch (e.fn) {
      case 'exp':
        return { s: `e^{${print(arg).s}}`, p: TIGHT };
      case 'sqrt':
        return { s: `\\sqrt{${print(arg).s}}`, p: TIGHT };
      case 'cbrt':
        return { s: `\\sqrt[3]{${print(arg).s}}`, p: TIGHT };
      case 'abs':
        return { s: `\\left|${print(arg).s}\\right|`, p: ATOM };
      default:
        break;
    }
  }
  if (e.fn === 'log' && arg !== undefined && second !== undefined && e.args.length === 2) {
    return applyName(`\\log_{${print(second).s}}`, arg);
  }
  // A call with an unexpected number of arguments: still typeset something honest.
  // Only known functions get here (the public entry validates); letters only, whatever a caller put in.
  return {
    s: `\\operatorname{${String(e.fn).replace(/[^A-Za-z]/g, '') || '?'}}(${e.args.map((a) => print(a).s).join(',')})`,
    p: TIGHT,
  };
}
