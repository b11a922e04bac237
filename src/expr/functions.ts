/**
 * The elementary functions: one entry per function, the only place that knows it.
 *
 * An entry gives the names a person may type, the arity, the real domain, the
 * derivative of the outer function (built with whatever tree builders the caller
 * passes: the engine's tidy ones, or plain constructors), the TeX name, the
 * compiled (real-valued) form and the key of its rule's name and prose. The parser,
 * the printers, the compiler and the calculus engine all read this table; adding a
 * function is one entry here (plus its rule's prose in `src/i18n/rules.*.ts`).
 *
 * This module imports only types, so `ast.ts` can derive `FunctionName` from it.
 */
import type { Expr } from './ast.js';

/** Every function name the AST uses; each has its entry in `FUNCTIONS` (the compiler checks both ways). */
export const FUNCTION_NAMES = [
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'asin',
  'acos',
  'atan',
  'acot',
  'asec',
  'acsc',
  'sinh',
  'cosh',
  'tanh',
  'sech',
  'csch',
  'coth',
  'asinh',
  'acosh',
  'atanh',
  'asech',
  'acsch',
  'acoth',
  'exp',
  'ln',
  'log10',
  'log2',
  'log',
  'sqrt',
  'cbrt',
  'abs',
  'sgn',
  'sigmoid',
  'relu',
  'softplus',
  'step',
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** The tree builders a derivative is written with. */
export interface Builders {
  readonly add: (...terms: Expr[]) => Expr;
  readonly mul: (...factors: Expr[]) => Expr;
  readonly neg: (a: Expr) => Expr;
  readonly div: (numerator: Expr, denominator: Expr) => Expr;
  readonly pow: (base: Expr, exponent: Expr) => Expr;
  readonly call: (fn: FunctionName, ...args: Expr[]) => Expr;
  readonly num: (n: number, d?: number) => Expr;
}

/** The family of a function (the answer checker's typical sign errors are about trig and hyperbolic ones). */
export type FunctionFamily =
  | 'exp-log'
  | 'trig'
  | 'inverse-trig'
  | 'hyperbolic'
  | 'inverse-hyperbolic'
  | 'piecewise'
  | 'network'
  | 'root';

/**
 * The step rule of a function's derivative, which is also the key of its name and
 * prose (`src/i18n/rules.*.ts`): the function's own name; log₂ and log₁₀ share `log`.
 */
export type FunctionRuleId = Exclude<FunctionName, 'sqrt' | 'cbrt' | 'log10' | 'log2'>;

export function functionRule(name: FunctionName): FunctionRuleId | undefined {
  if (name === 'log10' || name === 'log2') return 'log';
  if (name === 'sqrt' || name === 'cbrt') return undefined;
  return name;
}

export interface ElementaryFunction {
  /** Other names a person may type for it (`arcsin`, `cosec`, `sgn`). */
  readonly aliases: readonly string[];
  readonly arity: 1 | 2;
  /** The real domain of the first argument, as a test and as text (`x ≥ 1`). */
  readonly domain: { readonly contains: (x: number) => boolean; readonly text: string };
  /** The derivative of the outer function at u (undefined: the engine rewrites it first, as √u = u^{1/2}). */
  readonly derivative?: (u: Expr, b: Builders) => Expr;
  /** Where the derivative does not exist although the function is defined (|u| at 0, ReLU at 0), as text. */
  readonly kinks?: string;
  /** TeX of the name (`\sin`, `\operatorname{sech}`); undefined for functions with their own notation (√, |·|, eˣ). */
  readonly tex?: string;
  /** The argument may stand without parentheses (`\sin x`); otherwise it is always parenthesised (`σ(x)`). */
  readonly bare?: true;
  /** An integer power is written on the name (`\sin^{2}x`). */
  readonly powerOnName?: true;
  /** Real-valued evaluation; NaN outside the domain. */
  readonly evaluate: (...args: number[]) => number;
  readonly family: FunctionFamily;
}

const all = { contains: (x: number) => !Number.isNaN(x), text: 'ℝ' };
const sq = (u: Expr, b: Builders): Expr => b.pow(u, b.num(2));
const sqrt = (u: Expr, b: Builders): Expr => b.pow(u, b.num(1, 2));

/** σ(x) without overflow for large |x|. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const t = Math.exp(x);
  return t / (1 + t);
}

/** ln(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** The table, by the name the AST uses. */
export const FUNCTIONS: Readonly<Record<FunctionName, ElementaryFunction>> = {
  sin: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.call('cos', u),
    tex: '\\sin',
    bare: true,
    powerOnName: true,
    evaluate: Math.sin,
    family: 'trig',
  },
  cos: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.neg(b.call('sin', u)),
    tex: '\\cos',
    bare: true,
    powerOnName: true,
    evaluate: Math.cos,
    family: 'trig',
  },
  tan: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => Number.isFinite(Math.tan(x)) && Math.abs(Math.cos(x)) > 0, text: 'x ≠ π/2 + kπ' },
    derivative: (u, b) => sq(b.call('sec', u), b),
    tex: '\\tan',
    bare: true,
    powerOnName: true,
    evaluate: Math.tan,
    family: 'trig',
  },
  sec: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => Math.cos(x) !== 0, text: 'x ≠ π/2 + kπ' },
    derivative: (u, b) => b.mul(b.call('sec', u), b.call('tan', u)),
    tex: '\\sec',
    bare: true,
    powerOnName: true,
    evaluate: (x) => 1 / Math.cos(x),
    family: 'trig',
  },
  csc: {
    aliases: ['cosec'],
    arity: 1,
    domain: { contains: (x) => Math.sin(x) !== 0, text: 'x ≠ kπ' },
    derivative: (u, b) => b.neg(b.mul(b.call('csc', u), b.call('cot', u))),
    tex: '\\csc',
    bare: true,
    powerOnName: true,
    evaluate: (x) => 1 / Math.sin(x),
    family: 'trig',
  },
  cot: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => Math.sin(x) !== 0, text: 'x ≠ kπ' },
    derivative: (u, b) => b.neg(sq(b.call('csc', u), b)),
    tex: '\\cot',
    bare: true,
    powerOnName: true,
    evaluate: (x) => Math.cos(x) / Math.sin(x),
    family: 'trig',
  },
  asin: {
    aliases: ['arcsin'],
    arity: 1,
    domain: { contains: (x) => Math.abs(x) <= 1, text: '−1 ≤ x ≤ 1' },
    derivative: (u, b) => b.div(b.num(1), sqrt(b.add(b.num(1), b.neg(sq(u, b))), b)),
    kinks: 'x = ±1',
    tex: '\\arcsin',
    bare: true,
    evaluate: Math.asin,
    family: 'inverse-trig',
  },
  acos: {
    aliases: ['arccos'],
    arity: 1,
    domain: { contains: (x) => Math.abs(x) <= 1, text: '−1 ≤ x ≤ 1' },
    derivative: (u, b) => b.neg(b.div(b.num(1), sqrt(b.add(b.num(1), b.neg(sq(u, b))), b))),
    kinks: 'x = ±1',
    tex: '\\arccos',
    bare: true,
    evaluate: Math.acos,
    family: 'inverse-trig',
  },
  atan: {
    aliases: ['arctan'],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.div(b.num(1), b.add(b.num(1), sq(u, b))),
    tex: '\\arctan',
    bare: true,
    evaluate: Math.atan,
    family: 'inverse-trig',
  },
  acot: {
    aliases: ['arccot'],
    arity: 1,
    // atan(1/x), the convention of mathjs and SymPy (range (-π/2, π/2]).
    domain: { contains: (x) => x !== 0 && !Number.isNaN(x), text: 'x ≠ 0' },
    derivative: (u, b) => b.neg(b.div(b.num(1), b.add(b.num(1), sq(u, b)))),
    tex: '\\operatorname{arccot}',
    bare: true,
    evaluate: (x) => Math.atan(1 / x),
    family: 'inverse-trig',
  },
  asec: {
    aliases: ['arcsec'],
    arity: 1,
    domain: { contains: (x) => Math.abs(x) >= 1, text: '|x| ≥ 1' },
    derivative: (u, b) => b.div(b.num(1), b.mul(b.call('abs', u), sqrt(b.add(sq(u, b), b.num(-1)), b))),
    kinks: 'x = ±1',
    tex: '\\operatorname{arcsec}',
    bare: true,
    evaluate: (x) => Math.acos(1 / x),
    family: 'inverse-trig',
  },
  acsc: {
    aliases: ['arccsc', 'arccosec'],
    arity: 1,
    domain: { contains: (x) => Math.abs(x) >= 1, text: '|x| ≥ 1' },
    derivative: (u, b) => b.neg(b.div(b.num(1), b.mul(b.call('abs', u), sqrt(b.add(sq(u, b), b.num(-1)), b)))),
    kinks: 'x = ±1',
    tex: '\\operatorname{arccsc}',
    bare: true,
    evaluate: (x) => Math.asin(1 / x),
    family: 'inverse-trig',
  },
  sinh: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.call('cosh', u),
    tex: '\\sinh',
    bare: true,
    powerOnName: true,
    evaluate: Math.sinh,
    family: 'hyperbolic',
  },
  cosh: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.call('sinh', u),
    tex: '\\cosh',
    bare: true,
    powerOnName: true,
    evaluate: Math.cosh,
    family: 'hyperbolic',
  },
  tanh: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.div(b.num(1), sq(b.call('cosh', u), b)),
    tex: '\\tanh',
    bare: true,
    powerOnName: true,
    evaluate: Math.tanh,
    family: 'hyperbolic',
  },
  sech: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.neg(b.mul(b.call('sech', u), b.call('tanh', u))),
    tex: '\\operatorname{sech}',
    bare: true,
    powerOnName: true,
    evaluate: (x) => 1 / Math.cosh(x),
    family: 'hyperbolic',
  },
  csch: {
    aliases: ['cosech'],
    arity: 1,
    domain: { contains: (x) => x !== 0 && !Number.isNaN(x), text: 'x ≠ 0' },
    derivative: (u, b) => b.neg(b.mul(b.call('csch', u), b.call('coth', u))),
    tex: '\\operatorname{csch}',
    bare: true,
    powerOnName: true,
    evaluate: (x) => 1 / Math.sinh(x),
    family: 'hyperbolic',
  },
  coth: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => x !== 0 && !Number.isNaN(x), text: 'x ≠ 0' },
    derivative: (u, b) => b.neg(sq(b.call('csch', u), b)),
    tex: '\\coth',
    bare: true,
    powerOnName: true,
    evaluate: (x) => 1 / Math.tanh(x),
    family: 'hyperbolic',
  },
  asinh: {
    aliases: ['arsinh', 'arcsinh'],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.div(b.num(1), sqrt(b.add(sq(u, b), b.num(1)), b)),
    tex: '\\operatorname{arsinh}',
    bare: true,
    evaluate: Math.asinh,
    family: 'inverse-hyperbolic',
  },
  acosh: {
    aliases: ['arcosh', 'arccosh'],
    arity: 1,
    domain: { contains: (x) => x >= 1, text: 'x ≥ 1' },
    derivative: (u, b) => b.div(b.num(1), sqrt(b.add(sq(u, b), b.num(-1)), b)),
    kinks: 'x = 1',
    tex: '\\operatorname{arcosh}',
    bare: true,
    evaluate: Math.acosh,
    family: 'inverse-hyperbolic',
  },
  atanh: {
    aliases: ['artanh', 'arctanh'],
    arity: 1,
    domain: { contains: (x) => Math.abs(x) < 1, text: '−1 < x < 1' },
    derivative: (u, b) => b.div(b.num(1), b.add(b.num(1), b.neg(sq(u, b)))),
    tex: '\\operatorname{artanh}',
    bare: true,
    evaluate: Math.atanh,
    family: 'inverse-hyperbolic',
  },
  asech: {
    aliases: ['arsech', 'arcsech'],
    arity: 1,
    domain: { contains: (x) => x > 0 && x <= 1, text: '0 < x ≤ 1' },
    derivative: (u, b) => b.neg(b.div(b.num(1), b.mul(u, sqrt(b.add(b.num(1), b.neg(sq(u, b))), b)))),
    kinks: 'x = 1',
    tex: '\\operatorname{arsech}',
    bare: true,
    evaluate: (x) => Math.acosh(1 / x),
    family: 'inverse-hyperbolic',
  },
  acsch: {
    aliases: ['arcsch', 'arccsch'],
    arity: 1,
    domain: { contains: (x) => x !== 0 && !Number.isNaN(x), text: 'x ≠ 0' },
    derivative: (u, b) => b.neg(b.div(b.num(1), b.mul(b.call('abs', u), sqrt(b.add(b.num(1), sq(u, b)), b)))),
    tex: '\\operatorname{arcsch}',
    bare: true,
    evaluate: (x) => Math.asinh(1 / x),
    family: 'inverse-hyperbolic',
  },
  acoth: {
    aliases: ['arcoth', 'arccoth'],
    arity: 1,
    domain: { contains: (x) => Math.abs(x) > 1, text: '|x| > 1' },
    derivative: (u, b) => b.div(b.num(1), b.add(b.num(1), b.neg(sq(u, b)))),
    tex: '\\operatorname{arcoth}',
    bare: true,
    evaluate: (x) => Math.atanh(1 / x),
    family: 'inverse-hyperbolic',
  },
  exp: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.call('exp', u),
    evaluate: Math.exp,
    family: 'exp-log',
  },
  ln: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => x > 0, text: 'x > 0' },
    derivative: (u, b) => b.div(b.num(1), u),
    tex: '\\ln',
    bare: true,
    powerOnName: true,
    evaluate: Math.log,
    family: 'exp-log',
  },
  log10: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => x > 0, text: 'x > 0' },
    derivative: (u, b) => b.div(b.num(1), b.mul(u, b.call('ln', b.num(10)))),
    tex: '\\log_{10}',
    bare: true,
    evaluate: Math.log10,
    family: 'exp-log',
  },
  log2: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => x > 0, text: 'x > 0' },
    derivative: (u, b) => b.div(b.num(1), b.mul(u, b.call('ln', b.num(2)))),
    tex: '\\log_{2}',
    bare: true,
    evaluate: Math.log2,
    family: 'exp-log',
  },
  /** Logarithm with an explicit base: `log(x, b)` → args `[x, b]`; the engine handles the base. */
  log: {
    aliases: [],
    arity: 2,
    domain: { contains: (x) => x > 0, text: 'x > 0, b > 0, b ≠ 1' },
    evaluate: (x, b) => Math.log(x) / Math.log(b as number),
    family: 'exp-log',
  },
  sqrt: {
    aliases: [],
    arity: 1,
    domain: { contains: (x) => x >= 0, text: 'x ≥ 0' },
    kinks: 'x = 0',
    evaluate: Math.sqrt,
    family: 'root',
  },
  cbrt: {
    aliases: [],
    arity: 1,
    domain: all,
    kinks: 'x = 0',
    evaluate: Math.cbrt,
    family: 'root',
  },
  abs: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.div(u, b.call('abs', u)),
    kinks: 'x = 0',
    evaluate: Math.abs,
    family: 'piecewise',
  },
  sgn: {
    aliases: ['sign', 'signum'],
    arity: 1,
    domain: all,
    derivative: (_u, b) => b.num(0),
    kinks: 'x = 0',
    tex: '\\operatorname{sgn}',
    evaluate: Math.sign,
    family: 'piecewise',
  },
  sigmoid: {
    aliases: ['logistic'],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.mul(b.call('sigmoid', u), b.add(b.num(1), b.neg(b.call('sigmoid', u)))),
    tex: '\\sigma',
    evaluate: sigmoid,
    family: 'network',
  },
  relu: {
    aliases: ['ReLU'],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.call('step', u),
    kinks: 'x = 0',
    tex: '\\operatorname{ReLU}',
    evaluate: (x) => (Number.isNaN(x) ? x : Math.max(0, x)),
    family: 'network',
  },
  softplus: {
    aliases: [],
    arity: 1,
    domain: all,
    derivative: (u, b) => b.call('sigmoid', u),
    tex: '\\operatorname{softplus}',
    evaluate: softplus,
    family: 'network',
  },
  /** The unit step H(x): 1 for x > 0, 0 for x < 0, and 0 at 0 (the convention of ReLU′ in ML libraries). */
  step: {
    aliases: ['heaviside'],
    arity: 1,
    domain: all,
    derivative: (_u, b) => b.num(0),
    kinks: 'x = 0',
    tex: '\\operatorname{H}',
    evaluate: (x) => (Number.isNaN(x) ? x : x > 0 ? 1 : 0),
    family: 'piecewise',
  },
};

/** The entry of a function. */
export function functionInfo(name: FunctionName): ElementaryFunction {
  return FUNCTIONS[name];
}

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}
