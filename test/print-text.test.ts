import fc from 'fast-check';
import { parse as mathParse } from 'mathjs';
import { describe, expect, test } from 'vitest';
import { add, approx, call, div, E, type Expr, mul, neg, num, PI, pow, sym } from '../src/expr/ast.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';
import { arbExpr, arbPoint } from './support/arbitraries.js';
import { close, evaluate, UNARY_FUNCTIONS, wellConditioned } from './support/evaluate.js';

const x = sym('x');
const y = sym('y');
const a = sym('a');
const b = sym('b');
const c = sym('c');
const decimal = (n: number, d: number, text: string): Expr => ({ ...num(n, d), text });

/** gradstep's function names mathjs does not have, defined for mathjs by the independent test evaluators. */
const EXTRA = Object.fromEntries(
  (['ln', 'sgn', 'sigmoid', 'relu', 'softplus', 'step'] as const).map((name) => [name, UNARY_FUNCTIONS[name]]),
);

/** mathjs's reading of `text` at `env`; NaN where mathjs leaves the reals. */
function mathjsValue(text: string, env: Record<string, number>): number {
  const v: unknown = mathParse(text)
    .compile()
    .evaluate({ ...EXTRA, ...env });
  return typeof v === 'number' ? v : Number.NaN;
}

describe('toText: table', () => {
  const cases: [string, Expr, string][] = [
    ['polynomial with subtraction', add(mul(num(3), pow(x, num(3))), mul(num(-2), x), num(1)), '3*x^3 - 2*x + 1'],
    ['explicit products', mul(num(2), x, y), '2*x*y'],
    ['natural log as ln', call('ln', add(pow(x, num(2)), num(1))), 'ln(x^2 + 1)'],
    ['log10 and log2', add(call('log10', x), call('log2', x)), 'log10(x) + log2(x)'],
    ['log with a base', call('log', x, b), 'log(x, b)'],
    [
      'exp, sqrt, cbrt, abs',
      mul(call('exp', x), call('sqrt', x), call('cbrt', x), call('abs', x)),
      'exp(x)*sqrt(x)*cbrt(x)*abs(x)',
    ],
    [
      'inverse trig names',
      add(call('asin', x), call('acos', x), call('atan', x), call('acot', x)),
      'asin(x) + acos(x) + atan(x) + acot(x)',
    ],
    ['constants', mul(num(2), PI, pow(E, x)), '2*pi*e^x'],
    ['rational', num(1, 3), '1/3'],
    ['negative rational', num(-1, 3), '-1/3'],
    ['rational exponent', pow(x, num(1, 3)), 'x^(1/3)'],
    ['rational coefficient as a quotient', mul(num(1, 3), x), 'x/3'],
    ['rational base', pow(num(1, 2), x), '(1/2)^x'],
    ['decimal as typed', mul(decimal(1, 2, '0.50'), x), '0.50*x'],
    ['decimal base', pow(decimal(1, 2, '0.5'), x), '0.5^x'],
    ['float', approx(0.1 + 0.2), '0.30000000000000004'],
    ['float in exponent notation', mul(approx(1e-7), x), '1e-7*x'],
    ['large float', approx(3e21), '3e+21'],
    ['minus binds looser than ^', neg(pow(x, num(2))), '-x^2'],
    ['negated base', pow(neg(x), num(2)), '(-x)^2'],
    ['negative number base', pow(num(-2), x), '(-2)^x'],
    ['negative exponent expression', pow(num(2), neg(x)), '2^(-x)'],
    ['power of a power', pow(pow(a, b), c), '(a^b)^c'],
    ['power in an exponent', pow(a, pow(b, c)), 'a^(b^c)'],
    ['division chain', div(a, mul(b, c)), 'a/(b*c)'],
    ['left-nested division', div(div(a, b), c), 'a/b/c'],
    ['quotient in a denominator', div(a, div(b, c)), 'a/(b/c)'],
    ['sum over sum', div(add(a, b), add(a, c)), '(a + b)/(a + c)'],
    ['negative factor after another', mul(x, num(-2)), 'x*(-2)'],
    ['negative leading coefficient', mul(num(-2), x), '-2*x'],
    ['canonical -1 coefficient', mul(num(-1), x), '-x'],
    ['canonical subtraction', add(a, mul(num(-2), x)), 'a - 2*x'],
    ['subtracting a sum', add(a, neg(add(b, c))), 'a - (b + c)'],
    ['subtracting a negation', add(a, neg(neg(b))), 'a - (-b)'],
    ['leading negative term', add(neg(x), num(1)), '-x + 1'],
    ['canonical negative exponent', pow(x, num(-2)), '1/x^2'],
    ['canonical quotient', mul(num(3), pow(x, num(-1)), y), '3*y/x'],
    ['square root from exponent 1/2', pow(x, num(1, 2)), 'sqrt(x)'],
    ['reciprocal square root', mul(num(1, 2), pow(x, num(-1, 2))), '1/(2*sqrt(x))'],
    ['negative exponent 2/3', mul(num(1, 3), pow(x, num(-2, 3))), '1/(3*x^(2/3))'],
    ['ln(2) 2^x', mul(call('ln', num(2)), pow(num(2), x)), 'ln(2)*2^x'],
    ['1/(x ln 10)', mul(pow(x, num(-1)), pow(call('ln', num(10)), num(-1))), '1/(x*ln(10))'],
    ['-y/(x^2 + y^2)', mul(num(-1), y, pow(add(pow(x, num(2)), pow(y, num(2))), num(-1))), '-y/(x^2 + y^2)'],
    ['sum as a factor', mul(num(6), pow(add(mul(num(2), x), num(-1)), num(2))), '6*(2*x - 1)^2'],
    ['nested product', mul(x, mul(y, a)), 'x*(y*a)'],
    ['negated product', neg(mul(num(2), x)), '-2*x'],
    ['negated sum', neg(add(x, num(1))), '-(x + 1)'],
    ['double negation', neg(neg(x)), '-(-x)'],
    ['empty sum and product', add(mul(), add()), '1 + 0'],
  ];
  test.each(cases)('%s', (_name, e, expected) => {
    expect(toText(e)).toBe(expected);
  });

  test.each(cases)('mathjs reads %s with the same value', (_name, e) => {
    const env = { x: 1.7, y: 0.6, a: 2.3, b: 1.9, c: 0.8 };
    const want = evaluate(e, env);
    expect(close(mathjsValue(toText(e), env), want)).toBe(true);
  });
});

describe('toText: round trip through mathjs', () => {
  test('mathjs evaluates toText(e) to the value of e at random points', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbExpr(), arbPoint(), (e, env) => {
        const text = toText(e);
        const parsed = mathParse(text); // must always parse
        expect(parsed).toBeDefined();
        if (!wellConditioned(e, env)) return;
        compared++;
        const got = mathjsValue(text, env);
        if (!close(got, evaluate(e, env), 1e-8)) {
          throw new Error(`${text} at ${JSON.stringify(env)}: mathjs ${got}, tree ${evaluate(e, env)}`);
        }
      }),
      { numRuns: 1500 },
    );
    // Enough points must be real and well-conditioned for the comparison to mean something.
    expect(compared).toBeGreaterThan(300);
  });
});

describe('toText: round trip through the gradstep parser', () => {
  test('parse(toText(e)) evaluates to the value of e at random points', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbExpr(), arbPoint(), (e, env) => {
        const text = toText(e);
        const back = parse(text, { vars: ['x', 'y', 'z'] }).expr; // must always parse
        if (!wellConditioned(e, env)) return;
        compared++;
        const got = evaluate(back, env);
        if (!close(got, evaluate(e, env), 1e-8)) {
          throw new Error(`${text} at ${JSON.stringify(env)}: parsed ${got}, tree ${evaluate(e, env)}`);
        }
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  test.each([
    ['3*x^3 - 2*x + 1'],
    ['x*sin(x)'],
    ['ln(x^2 + 1)'],
    ['log(x, 2)'],
    ['1/(2*sqrt(x))'],
    ['-y/(x^2 + y^2)'],
    ['e^(x^2)'],
    ['0.50*x'],
  ])('%s is a fixed point of toText(parse(·))', (text) => {
    expect(toText(parse(text, { vars: ['x', 'y'] }).expr)).toBe(text);
  });
});
