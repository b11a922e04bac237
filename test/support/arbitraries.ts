/**
 * fast-check arbitraries of expression trees, shared by the property tests.
 *
 * Trees are bounded (depth and fan-out), use the variables x, y, z by default,
 * and cover every node kind and every function in FUNCTION_NAMES with its arity
 * (`log` takes [x, base], the others one argument). Numbers include small
 * integers (negative too, as canonical trees hold them), small rationals,
 * decimals carrying their typed `text`, and occasional approximate floats.
 */
import fc from 'fast-check';
import {
  add,
  approx,
  call,
  constant,
  div,
  type Expr,
  FUNCTION_NAMES,
  type FunctionName,
  mul,
  type Num,
  neg,
  num,
  pow,
  sym,
} from '../../src/expr/ast.js';

export const UNARY_FUNCTIONS: readonly FunctionName[] = FUNCTION_NAMES.filter((f) => f !== 'log');

/** Small integers, -9..12, biased towards the small positive ones people type. */
export const arbInteger: fc.Arbitrary<Num> = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: -9, max: -1 }) },
  )
  .map((n) => num(n));

/** Small proper and improper rationals p/q with q in 2..7. */
export const arbRational: fc.Arbitrary<Num> = fc
  .tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 2, max: 7 }))
  .map(([p, q]) => num(p, q));

/** A decimal as typed, e.g. `0.5`, `2.25`, `1.0`: the exact value plus its `text`. */
export const arbDecimal: fc.Arbitrary<Num> = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.constantFrom(1, 2))
  .map(([digits, places]) => {
    const scale = 10 ** places;
    const whole = Math.floor(digits / scale);
    const frac = String(digits % scale).padStart(places, '0');
    return { ...num(digits, scale), text: `${whole}.${frac}` };
  });

/** A float that is not held exactly (e.g. a constant folded from a decimal), including exponent notation. */
export const arbApprox: fc.Arbitrary<Num> = fc
  .oneof(
    fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e-7, 2.5e-12, Math.LN2, 3.0e21),
  )
  .map((v) => approx(v));

export const arbNumber: fc.Arbitrary<Num> = fc.oneof(
  { weight: 6, arbitrary: arbInteger },
  { weight: 2, arbitrary: arbRational },
  { weight: 2, arbitrary: arbDecimal },
  { weight: 1, arbitrary: arbApprox },
);

export interface ExprArbOptions {
  /** Variables that may appear; default x, y, z. */
  readonly vars?: readonly string[];
  /** Maximum nesting depth; default 4. */
  readonly maxDepth?: number;
  /** Maximum operands of an n-ary sum or product; default 3. */
  readonly maxArity?: number;
  /** Numbers to use; default `arbNumber` (set `arbInteger` or an exact mix to avoid floats). */
  readonly numbers?: fc.Arbitrary<Num>;
  /** Functions that may appear; default all of FUNCTION_NAMES. */
  readonly functions?: readonly FunctionName[];
}

/** Random expression trees over every node kind. */
export function arbExpr(options: ExprArbOptions = {}): fc.Arbitrary<Expr> {
  const vars = options.vars ?? ['x', 'y', 'z'];
  const maxDepth = options.maxDepth ?? 4;
  const maxArity = options.maxArity ?? 3;
  const functions = options.functions ?? FUNCTION_NAMES;
  const unary = functions.filter((f) => f !== 'log');
  const leaf: fc.Arbitrary<Expr> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...vars).map((v) => sym(v)) },
    { weight: 3, arbitrary: options.numbers ?? arbNumber },
    { weight: 1, arbitrary: fc.constantFrom(constant('e'), constant('pi')) },
  );
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
    const sub = tie('expr');
    const operands = fc.array(sub, { minLength: 2, maxLength: maxArity });
    const branches: fc.Arbitrary<Expr>[] = [
      operands.map((terms) => add(...terms)),
      operands.map((factors) => mul(...factors)),
      sub.map((a) => neg(a)),
      fc.tuple(sub, sub).map(([a, b]) => div(a, b)),
      fc.tuple(sub, sub).map(([a, b]) => pow(a, b)),
      // Canonical shapes the simplifier produces: a leading coefficient, negative and fractional exponents.
      fc.tuple(arbInteger, sub, sub).map(([c, a, b]) => mul(c, a, b)),
      fc
        .tuple(sub, fc.constantFrom(num(2), num(3), num(-1), num(-2), num(1, 2), num(-1, 2), num(1, 3), num(2, 3)))
        .map(([b, e]) => pow(b, e)),
    ];
    if (unary.length > 0) {
      branches.push(fc.tuple(fc.constantFrom(...unary), sub).map(([f, a]) => call(f, a)));
    }
    if (functions.includes('log')) branches.push(fc.tuple(sub, sub).map(([a, b]) => call('log', a, b)));
    return {
      expr: fc.oneof({ maxDepth, depthSize: 'small', withCrossShrink: true }, leaf, ...branches),
    };
  });
  return expr;
}

/** Values for the variables, away from 0 and moderate in size, e.g. `{ x: 1.3, y: -0.7, z: 2.1 }`. */
export function arbPoint(vars: readonly string[] = ['x', 'y', 'z']): fc.Arbitrary<Record<string, number>> {
  const value = fc
    .tuple(fc.boolean(), fc.double({ min: 0.1, max: 3, noNaN: true }))
    .map(([negative, v]) => (negative ? -v : v));
  return fc.tuple(...vars.map(() => value)).map((vs) => Object.fromEntries(vars.map((v, i) => [v, vs[i] as number])));
}
