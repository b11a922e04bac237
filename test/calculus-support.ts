/**
 * Helpers for the calculus tests: a small tree-walking evaluator (real-valued,
 * NaN outside the domain), a random expression generator, and a numerical check
 * of one step (its result against a finite difference of its expression).
 */
import fc from 'fast-check';
import type { Step } from '../src/calculus/derivation.js';
import {
  add,
  call,
  div,
  E,
  type Expr,
  type FunctionName,
  freeVars,
  mul,
  neg,
  num,
  PI,
  pow,
  sym,
} from '../src/expr/ast.js';
import { FUNCTION_NAMES, FUNCTIONS } from '../src/expr/functions.js';
import { UNARY_FUNCTIONS, wellConditioned } from './support/evaluate.js';

const FN: Record<FunctionName, (...a: number[]) => number> = {
  ...UNARY_FUNCTIONS,
  log: (x, b) => Math.log(x) / Math.log(b as number),
};

export function evaluate(e: Expr, at: Readonly<Record<string, number>>): number {
  switch (e.kind) {
    case 'num':
      return e.n / e.d;
    case 'sym':
      return at[e.name] ?? Number.NaN;
    case 'const':
      return e.name === 'e' ? Math.E : Math.PI;
    case 'add':
      return e.terms.reduce((s, t) => s + evaluate(t, at), 0);
    case 'mul':
      return e.factors.reduce((p, f) => p * evaluate(f, at), 1);
    case 'neg':
      return -evaluate(e.arg, at);
    case 'div':
      return evaluate(e.num, at) / evaluate(e.den, at);
    case 'pow': {
      const b = evaluate(e.base, at);
      const x = evaluate(e.exp, at);
      // Real odd roots of negatives, as compile.ts does: (-8)^(1/3) = -2.
      if (b < 0 && e.exp.kind === 'num' && e.exp.d % 2 === 1 && e.exp.d !== 1) {
        const m = (-b) ** x;
        return e.exp.n % 2 === 0 ? m : -m;
      }
      return b ** x;
    }
    case 'call':
      return FN[e.fn](...e.args.map((a) => evaluate(a, at)));
  }
}

/** A random point for the variables, away from 0 (where abs and roots have no derivative). */
export function pointFor(vars: readonly string[], rand: () => number): Record<string, number> {
  const at: Record<string, number> = {};
  for (const v of vars) {
    const m = 0.2 + 1.8 * rand();
    at[v] = rand() < 0.5 ? -m : m;
  }
  return at;
}

function fdEstimate(f: (t: number) => number, x: number, h: number): number {
  // Five-point central difference: error O(h⁴).
  return (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h);
}

export type Check = 'agrees' | 'disagrees' | 'skipped';

/**
 * Whether `derivative` is d expr/d wrt at the point. Skipped where the function or
 * the derivative is not finite, or where the finite difference itself is unstable
 * (two step sizes disagree: near a pole or a kink).
 */
export function checkDerivative(expr: Expr, derivative: Expr, wrt: string, at: Record<string, number>): Check {
  const x = at[wrt] ?? 0.7;
  const f = (t: number): number => evaluate(expr, { ...at, [wrt]: t });
  const exact = evaluate(derivative, { ...at, [wrt]: x });
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const d1 = fdEstimate(f, x, h);
  const d2 = fdEstimate(f, x, h / 2);
  if (!Number.isFinite(exact) || !Number.isFinite(d1) || !Number.isFinite(d2)) return 'skipped';
  // Rounding can decide the value (log base sin(π) ≈ 1.2e-16 rather than 0): no verdict there.
  if (!wellConditioned(expr, { ...at, [wrt]: x }) || !wellConditioned(derivative, { ...at, [wrt]: x }))
    return 'skipped';
  // A huge function value (near a pole: csc(π) ≈ 8·10¹⁵) leaves the difference quotient all rounding error.
  if (!(Math.abs(f(x)) < 1e6)) return 'skipped';
  const scale = 1 + Math.abs(d2);
  if (Math.abs(d1 - d2) > 1e-6 * scale || scale > 1e6) return 'skipped';
  return Math.abs(exact - d2) <= 1e-5 * scale ? 'agrees' : 'disagrees';
}

/** Every step of a tree, depth first. */
export function allSteps(root: Step): Step[] {
  const out: Step[] = [root];
  for (const s of root.substeps) out.push(...allSteps(s));
  return out;
}

/** Checks one step at a point: its result against a finite difference of its expression. */
export function checkStep(s: Step, rand: () => number): Check {
  const vars = [...new Set([...freeVars(s.expr), ...freeVars(s.result), s.wrt])];
  return checkDerivative(s.expr, s.result, s.wrt, pointFor(vars, rand));
}

// ------------------------------------------------------------ random expressions

/** Every one-argument function of the table (the network and hyperbolic ones included). */
const UNARY: readonly FunctionName[] = FUNCTION_NAMES.filter((f) => FUNCTIONS[f].arity === 1);

/** Random expression trees in x (and y): every node kind, every function the engine knows. */
export function arbitraryExpr(vars: readonly string[] = ['x', 'y']): fc.Arbitrary<Expr> {
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...vars.map((v) => sym(v))) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }).map((n) => num(n)) },
    { weight: 1, arbitrary: fc.constantFrom<Expr>(num(1, 2), num(-2, 3), E, PI) },
  );
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom(...UNARY), tie('expr')).map(([f, a]) => call(f, a)),
      fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((ts) => add(...ts)),
      fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((fs) => mul(...fs)),
      tie('expr').map((a) => neg(a)),
      fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => div(a, b)),
      fc.tuple(tie('expr'), fc.constantFrom(num(2), num(3), num(-1), num(1, 2), num(-3, 2))).map(([b, k]) => pow(b, k)),
      fc.tuple(tie('expr'), tie('expr')).map(([b, k]) => pow(b, k)),
      fc
        .tuple(tie('expr'), fc.constantFrom<Expr>(num(3), E, sym(vars[0] as string)))
        .map(([a, b]) => call('log', a, b)),
    ),
  }));
  return expr;
}
