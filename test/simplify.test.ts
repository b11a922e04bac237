import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { add, approx, call, div, E, type Expr, equals, mul, neg, num, PI, pow, size, sym } from '../src/expr/ast.js';
import { toText } from '../src/expr/print-text.js';
import { canonicalKey, simplify } from '../src/expr/simplify.js';
import { arbExpr, arbPoint } from './support/arbitraries.js';
import { close, evaluate, wellConditioned } from './support/evaluate.js';

const x = sym('x');
const y = sym('y');
const w = sym('w');
const half = num(1, 2);
const sqrt = (u: Expr): Expr => call('sqrt', u);
const sin = (u: Expr): Expr => call('sin', u);
const cos = (u: Expr): Expr => call('cos', u);
const sub = (a: Expr, b: Expr): Expr => add(a, neg(b));

/** Agreement with the input at a few fixed points where both are finite. */
function expectSameValues(before: Expr, after: Expr): void {
  const points = [
    { x: 0.7, y: 1.3, w: -0.4, z: 2.2 },
    { x: 1.9, y: -0.6, w: 1.1, z: -1.7 },
    { x: -1.2, y: 2.4, w: 0.3, z: 0.9 },
  ];
  let compared = 0;
  for (const p of points) {
    const a = evaluate(before, p);
    const b = evaluate(after, p);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    compared++;
    expect(close(a, b, 1e-9), `${toText(before)} vs ${toText(after)} at ${JSON.stringify(p)}`).toBe(true);
  }
  expect(compared).toBeGreaterThan(0);
}

describe('simplify: the derivatives mathjs prints, in textbook form', () => {
  const table: [string, Expr, string][] = [
    ['y * (6 * x - 10)', mul(y, sub(mul(num(6), x), num(10))), '2*y*(3*x - 5)'],
    ['1 / 2 / sqrt(x)', div(div(num(1), num(2)), sqrt(x)), '1/(2*sqrt(x))'],
    ['x ^ (-2 / 3) / 3', div(pow(x, div(neg(num(2)), num(3))), num(3)), '1/(3*x^(2/3))'],
    ['20 * x ^ 3 + 2 - 6 * x', sub(add(mul(num(20), pow(x, num(3))), num(2)), mul(num(6), x)), '20*x^3 - 6*x + 2'],
    ['ln(2) * 2 ^ x', mul(call('ln', num(2)), pow(num(2), x)), 'ln(2)*2^x'],
    ['1 / (x ln 10)', div(num(1), mul(x, call('ln', num(10)))), '1/(x*ln(10))'],
    ['-(sin(x) / cos(x))', neg(div(sin(x), cos(x))), '-tan(x)'],
    [
      '-(y / x ^ 2 / (y ^ 2 / x ^ 2 + 1))',
      neg(div(div(y, pow(x, num(2))), add(div(pow(y, num(2)), pow(x, num(2))), num(1)))),
      '-y/(x^2 + y^2)',
    ],
    ['2 * (x ^ 2 * w - x * y)', mul(num(2), sub(mul(pow(x, num(2)), w), mul(x, y))), '2*x*(w*x - y)'],
    [
      '(4 * (1 - x ^ 2) + 2 * (x ^ 2 + 1)) * x / (x ^ 2 + 1) ^ 3',
      div(
        mul(add(mul(num(4), sub(num(1), pow(x, num(2)))), mul(num(2), add(pow(x, num(2)), num(1)))), x),
        pow(add(pow(x, num(2)), num(1)), num(3)),
      ),
      '2*x*(3 - x^2)/(x^2 + 1)^3',
    ],
    [
      '2 * (sin(x) + x * cos(x)) + (x ^ 2 - 2) * sin(x) - 2 * x * cos(x)',
      sub(
        add(mul(num(2), add(sin(x), mul(x, cos(x)))), mul(sub(pow(x, num(2)), num(2)), sin(x))),
        mul(num(2), x, cos(x)),
      ),
      'x^2*sin(x)',
    ],
    ['3 * 3 * x^2 - 2', sub(mul(num(3), num(3), pow(x, num(2))), num(2)), '9*x^2 - 2'],
    ['2 * x * x', mul(num(2), x, x), '2*x^2'],
    ['x + x', add(x, x), '2*x'],
    ['(2x - 1)^2 * 6', mul(pow(sub(mul(num(2), x), num(1)), num(2)), num(6)), '6*(2*x - 1)^2'],
    ['x^2 * x^-1', mul(pow(x, num(2)), pow(x, num(-1))), 'x'],
    ['e^x * e^x', mul(pow(E, x), pow(E, x)), 'e^(2*x)'],
    ['sqrt(x) * sqrt(x)', mul(sqrt(x), sqrt(x)), 'x'],
    ['0 * x', mul(num(0), x), '0'],
    ['x^0', pow(x, num(0)), '1'],
    ['x^1', pow(x, num(1)), 'x'],
    ['6x^2 / (3x)', div(mul(num(6), pow(x, num(2))), mul(num(3), x)), '2*x'],
    ['exp(x) * x', mul(call('exp', x), x), 'x*e^x'],
    ['tan(x) * cos(x)', mul(call('tan', x), cos(x)), 'sin(x)'],
    ['cos(x) / sin(x)', div(cos(x), sin(x)), 'cot(x)'],
    ['-(x + 1)', neg(add(x, num(1))), '-x - 1'],
    ['-(x - 1)', neg(sub(x, num(1))), '1 - x'],
    ['(x + 1)^2 - x^2', sub(pow(add(x, num(1)), num(2)), pow(x, num(2))), '2*x + 1'],
    ['(x^2 + x) / x', div(add(pow(x, num(2)), x), x), 'x + 1'],
    ['sqrt(4x + 4)', sqrt(add(mul(num(4), x), num(4))), '2*sqrt(x + 1)'],
    ['3y^2 + 12x^2', add(mul(num(3), pow(y, num(2))), mul(num(12), pow(x, num(2)))), '12*x^2 + 3*y^2'],
  ];
  test.each(table)('%s', (_label, input, expected) => {
    const out = simplify(input);
    expect(toText(out)).toBe(expected);
    expectSameValues(input, out);
  });
});

describe('simplify: exact', () => {
  test.each([
    ['sqrt(8)', sqrt(num(8)), mul(num(2), pow(num(2), half))],
    ['4^(1/2)', pow(num(4), half), num(2)],
    ['8^(2/3)', pow(num(8), num(2, 3)), num(4)],
    ['12^(3/2)', pow(num(12), num(3, 2)), mul(num(24), pow(num(3), half))],
    ['cbrt(-8)', call('cbrt', num(-8)), num(-2)],
    ['e^0', pow(E, num(0)), num(1)],
    ['ln(e)', call('ln', E), num(1)],
    ['ln(1)', call('ln', num(1)), num(0)],
    ['ln(e^x)', call('ln', pow(E, x)), x],
    ['e^ln(x)', pow(E, call('ln', x)), x],
    ['log10(1000)', call('log10', num(1000)), num(3)],
    ['log(x, e)', call('log', x, E), call('ln', x)],
    ['sin(0)', sin(num(0)), num(0)],
    ['cos(0)', cos(num(0)), num(1)],
    ['cos(pi)', cos(PI), num(-1)],
    ['sin(pi/6)', sin(div(PI, num(6))), half],
    ['1/3 + 1/6', add(div(num(1), num(3)), div(num(1), num(6))), half],
    ['2^100 stays a power', pow(num(2), num(100)), pow(num(2), num(100))],
  ])('%s', (_label, input, expected) => {
    expect(equals(simplify(input), expected), toText(simplify(input))).toBe(true);
  });

  test('ln 2 stays a call, never a float', () => {
    const out = simplify(mul(call('ln', num(2)), pow(num(2), x)));
    expect(equals(out, mul(call('ln', num(2)), pow(num(2), x)))).toBe(true);
    expect(JSON.stringify(out)).not.toContain('approx');
  });

  test('a float in the input stays a float; floats fold with each other', () => {
    const k = approx(Math.LN2);
    expect(equals(simplify(mul(k, pow(num(2), x))), mul(k, pow(num(2), x)))).toBe(true);
    expect(equals(simplify(mul(approx(0.5), approx(0.25), x)), mul(approx(0.125), x))).toBe(true);
  });

  test('a decimal as typed keeps its text when nothing folds it', () => {
    const typed = { ...num(1, 2), text: '0.5' };
    const out = simplify(mul(typed, x));
    expect(out.kind === 'mul' && out.factors[0]).toMatchObject({ n: 1, d: 2, text: '0.5' });
  });
});

describe('simplify: no branch-sensitive rewrites', () => {
  test('sqrt(x^2) is |x|, never x', () => {
    expect(equals(simplify(sqrt(pow(x, num(2)))), call('abs', x))).toBe(true);
    expect(equals(simplify(pow(pow(x, num(2)), half)), call('abs', x))).toBe(true);
  });
  test('ln(x^2) stays', () => {
    expect(equals(simplify(call('ln', pow(x, num(2)))), call('ln', pow(x, num(2))))).toBe(true);
  });
  test('(x^2)^(1/3) is x^(2/3) (real cube root), (x^(2/3))^(1/2) is |x|^(1/3)', () => {
    expect(equals(simplify(pow(pow(x, num(2)), num(1, 3))), pow(x, num(2, 3)))).toBe(true);
    expect(equals(simplify(pow(pow(x, num(2, 3)), half)), pow(call('abs', x), num(1, 3)))).toBe(true);
  });
  test('sqrt(x*y) is not split; sqrt(4x) is', () => {
    expect(equals(simplify(sqrt(mul(x, y))), pow(mul(x, y), half))).toBe(true);
    expect(equals(simplify(sqrt(mul(num(4), x))), mul(num(2), pow(x, half)))).toBe(true);
  });
  test('|x|^2 is x^2', () => {
    expect(equals(simplify(pow(call('abs', x), num(2))), pow(x, num(2)))).toBe(true);
  });
});

describe('simplify: canonical', () => {
  test('obviously equal inputs give equal trees and keys', () => {
    const pairs: [Expr, Expr][] = [
      [div(sin(x), cos(x)), call('tan', x)],
      [call('exp', mul(num(2), x)), mul(pow(E, x), pow(E, x))],
      [div(num(1), mul(num(2), sqrt(x))), mul(half, pow(x, num(-1, 2)))],
      [sub(num(3), pow(x, num(2))), add(neg(pow(x, num(2))), num(3))],
      [mul(y, x, num(2)), mul(num(2), x, y)],
      [add(x, y, num(1)), add(num(1), y, x)],
      [mul(num(-2), x, sub(pow(x, num(2)), num(3))), mul(num(2), x, sub(num(3), pow(x, num(2))))],
      [call('sec', x), div(num(1), cos(x))],
    ];
    for (const [a, b] of pairs) {
      expect(toText(simplify(a))).toBe(toText(simplify(b)));
      expect(equals(simplify(a), simplify(b))).toBe(true);
      expect(canonicalKey(a)).toBe(canonicalKey(b));
    }
  });
  test('canonical trees have no neg or div nodes, and no sqrt, cbrt or exp calls', () => {
    const out = simplify(neg(div(call('exp', x), add(sqrt(x), call('cbrt', y)))));
    const text = JSON.stringify(out);
    for (const banned of ['"kind":"neg"', '"kind":"div"', '"fn":"sqrt"', '"fn":"cbrt"', '"fn":"exp"']) {
      expect(text).not.toContain(banned);
    }
  });
});

/**
 * Whether the simplified tree shows the input undefined everywhere (a division by an exact 0,
 * e.g. csc(π)) or at a signed-zero discontinuity (acot(0)): floats then give the input an
 * arbitrary finite value (1/sin(π) ≈ 8e15), which there is nothing to compare against.
 */
function undefinedInput(s: Expr): boolean {
  switch (s.kind) {
    case 'pow':
      if (s.base.kind === 'num' && s.base.n === 0 && s.exp.kind === 'num' && s.exp.n <= 0) return true;
      return undefinedInput(s.base) || undefinedInput(s.exp);
    case 'call':
      if (s.fn === 'acot' && s.args[0]?.kind === 'num' && s.args[0].n === 0) return true;
      return s.args.some(undefinedInput);
    case 'add':
      return s.terms.some(undefinedInput);
    case 'mul':
      return s.factors.some(undefinedInput);
    default:
      return false;
  }
}

describe('simplify: properties', () => {
  const exprs = arbExpr({ vars: ['x', 'y'], maxDepth: 4 });

  test('sound: equal values wherever both sides are finite and well conditioned', () => {
    fc.assert(
      fc.property(exprs, arbPoint(['x', 'y']), (e, p) => {
        const s = simplify(e);
        const before = evaluate(e, p);
        const after = evaluate(s, p);
        if (!Number.isFinite(before) || !Number.isFinite(after) || undefinedInput(s)) return true;
        if (!wellConditioned(e, p) || !wellConditioned(s, p)) return true;
        if (!close(before, after, 1e-6)) {
          throw new Error(`${toText(e)} → ${toText(s)} at ${JSON.stringify(p)}: ${before} vs ${after}`);
        }
        return true;
      }),
      { numRuns: 4000 },
    );
  });

  test('idempotent: simplifying a simplified tree (even a copy) gives it back', () => {
    fc.assert(
      fc.property(exprs, (e) => {
        const once = simplify(e);
        const twice = simplify(structuredClone(once));
        if (!equals(once, twice)) throw new Error(`${toText(e)} → ${toText(once)} → ${toText(twice)}`);
        return true;
      }),
      { numRuns: 4000 },
    );
  });

  test('never larger than its input by much, and never a neg or div node', () => {
    fc.assert(
      fc.property(exprs, (e) => {
        const s = simplify(e);
        const text = JSON.stringify(s);
        return !text.includes('"kind":"neg"') && !text.includes('"kind":"div"') && size(s) <= 4 * size(e) + 8;
      }),
      { numRuns: 2000 },
    );
  });
});
