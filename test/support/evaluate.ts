/**
 * A plain recursive evaluator for expression trees: the independent reference
 * the property tests compare printers, parser and simplifier against.
 * Real-valued and strict: NaN where the real function is undefined, and NaN wherever an
 * intermediate result is undefined or infinite.
 */
import type { Expr, FunctionName } from '../../src/expr/ast.js';

/** The one-argument functions, as plain JavaScript (shared by the test evaluators). */
export const UNARY_FUNCTIONS: Readonly<Record<Exclude<FunctionName, 'log'>, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (x) => 1 / Math.cos(x),
  csc: (x) => 1 / Math.sin(x),
  cot: (x) => 1 / Math.tan(x),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  acot: (x) => Math.atan(1 / x),
  asec: (x) => (x >= 1 ? Math.atan(Math.sqrt(x * x - 1)) : x <= -1 ? Math.PI - Math.atan(Math.sqrt(x * x - 1)) : NaN),
  acsc: (x) => (Math.abs(x) >= 1 ? Math.atan(1 / Math.sqrt(x * x - 1)) * Math.sign(x) : NaN),
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sech: (x) => 2 / (Math.exp(x) + Math.exp(-x)),
  csch: (x) => 2 / (Math.exp(x) - Math.exp(-x)),
  coth: (x) => (Math.exp(2 * x) + 1) / (Math.exp(2 * x) - 1),
  asinh: (x) => Math.sign(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1)),
  acosh: (x) => Math.log(x + Math.sqrt(x * x - 1)),
  atanh: (x) => 0.5 * Math.log((1 + x) / (1 - x)),
  asech: (x) => (x > 0 && x <= 1 ? Math.log((1 + Math.sqrt(1 - x * x)) / x) : NaN),
  acsch: (x) => Math.log(1 / x + Math.sqrt(1 / (x * x) + 1)),
  acoth: (x) => (Math.abs(x) > 1 ? 0.5 * Math.log((x + 1) / (x - 1)) : NaN),
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  abs: Math.abs,
  sgn: (x) => (x > 0 ? 1 : x < 0 ? -1 : x === 0 ? 0 : NaN),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  relu: (x) => (x > 0 ? x : x <= 0 ? 0 : NaN),
  softplus: (x) => Math.log(1 + Math.exp(x)),
  step: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
};

export function evaluate(e: Expr, env: Readonly<Record<string, number>>): number {
  return evaluateWith(e, env, (v) => v);
}

type Jitter = (v: number) => number;

function evaluateWith(e: Expr, env: Readonly<Record<string, number>>, jitter: Jitter): number {
  const v = evaluateNode(e, env, jitter);
  // Strict: an undefined or infinite intermediate makes the whole value undefined, so that
  // NaN^0 = 1 or (-Infinity)^(-1) = 0 in JS never passes for a value.
  if (!Number.isFinite(v)) return Number.NaN;
  // Exact constants stay exact: a nudged integer exponent would turn (-2)^2 into NaN.
  return e.kind === 'num' || e.kind === 'const' ? v : jitter(v);
}

function evaluateNode(e: Expr, env: Readonly<Record<string, number>>, jitter: Jitter): number {
  const evaluate = (x: Expr, en: Readonly<Record<string, number>>): number => evaluateWith(x, en, jitter);
  switch (e.kind) {
    case 'num':
      return e.n / e.d;
    case 'sym': {
      const v = env[e.name];
      if (v === undefined) throw new Error(`no value for ${e.name}`);
      return v;
    }
    case 'const':
      return e.name === 'pi' ? Math.PI : Math.E;
    case 'add':
      return e.terms.reduce((s, t) => s + evaluate(t, env), 0);
    case 'mul':
      return e.factors.reduce((p, f) => p * evaluate(f, env), 1);
    case 'neg':
      return -evaluate(e.arg, env);
    case 'div':
      return evaluate(e.num, env) / evaluate(e.den, env);
    case 'pow': {
      const base = evaluate(e.base, env);
      const exponent = evaluate(e.exp, env);
      return Number.isNaN(base) || Number.isNaN(exponent) ? Number.NaN : base ** exponent;
    }
    case 'call': {
      const args = e.args.map((a) => evaluate(a, env));
      if (e.fn === 'log') return Math.log(args[0] as number) / Math.log(args[1] as number);
      return UNARY_FUNCTIONS[e.fn](args[0] as number);
    }
  }
}

/** Whether two evaluations agree to within rounding (relative 1e-9, absolute near 0). */
export function close(a: number, b: number, tolerance = 1e-9): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Whether `e` is well-conditioned at `env`: nudging every intermediate result by ±(1e-12 relative
 * + 1e-14 absolute) (a few rounding errors' worth, with pseudo-random signs) moves the value by
 * less than 1e-7 relative. Equivalent forms that round differently are only comparable at such points.
 */
export function wellConditioned(e: Expr, env: Readonly<Record<string, number>>): boolean {
  const v = evaluate(e, env);
  if (!Number.isFinite(v)) return false;
  // Equivalent forms overflow or underflow at different places (x^-2 vs 1/x^2 with x = 1e216),
  // so intermediates far from 1 rule a point out too.
  let extreme = false;
  evaluateWith(e, env, (x) => {
    const m = Math.abs(x);
    if (m > 1e100 || (m > 0 && m < 1e-100)) extreme = true;
    return x;
  });
  if (extreme) return false;
  for (let seed = 1; seed <= 3; seed++) {
    let state = seed;
    const jitter: Jitter = (x) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      // Relative and absolute: sin(pi) is 1.2e-16, not 0, and only an absolute nudge shows it.
      // The odd factor keeps a large integer-valued exponent (1e14) from being nudged onto
      // another integer, where (-1)^y would stay defined and hide the discontinuity.
      const sign = (state >>> 16) & 1 ? 1 : -1;
      return x + sign * (1.2345678901e-12 * Math.abs(x) + 1e-14);
    };
    if (!close(v, evaluateWith(e, env, jitter), 1e-7)) return false;
  }
  return true;
}
