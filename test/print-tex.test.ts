import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { add, approx, call, div, E, type Expr, mul, neg, num, PI, pow, sym } from '../src/expr/ast.js';
import { texDerivative, texPartial, texSymbol, toTex } from '../src/expr/print-tex.js';
import { arbExpr } from './support/arbitraries.js';

const x = sym('x');
const y = sym('y');
const a = sym('a');
const b = sym('b');
const decimal = (n: number, d: number, text: string): Expr => ({ ...num(n, d), text });
const twoXPlusOne = add(mul(num(2), x), num(1));

function render(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, strict: 'error', trust: false });
}

describe('toTex: textbook forms', () => {
  const cases: [string, Expr, string][] = [
    ['polynomial', add(mul(num(3), pow(x, num(3))), mul(num(-2), x), num(1)), '3x^{3}-2x+1'],
    ['polynomial typed with neg', add(mul(num(3), pow(x, num(3))), neg(mul(num(2), x)), num(1)), '3x^{3}-2x+1'],
    ['product with a function', mul(x, call('sin', x)), 'x\\sin x'],
    ['number before a function', mul(num(2), call('sin', x)), '2\\sin x'],
    ['coefficient and power of a sum', mul(num(6), pow(add(mul(num(2), x), num(-1)), num(2))), '6(2x-1)^{2}'],
    ['reciprocal root', mul(num(1, 2), pow(x, num(-1, 2))), '\\frac{1}{2\\sqrt{x}}'],
    ['typed reciprocal root', div(num(1), mul(num(2), call('sqrt', x))), '\\frac{1}{2\\sqrt{x}}'],
    ['exponential of a power', pow(E, pow(x, num(2))), 'e^{x^{2}}'],
    ['exp call', call('exp', x), 'e^{x}'],
    ['ln of a sum', call('ln', add(pow(x, num(2)), num(1))), '\\ln(x^{2}+1)'],
    ['ln of a variable', call('ln', x), '\\ln x'],
    ['ln of a number', call('ln', num(2)), '\\ln 2'],
    ['log base 2', call('log2', x), '\\log_{2}x'],
    ['log base 10', call('log10', x), '\\log_{10}x'],
    ['log base b', call('log', x, b), '\\log_{b}x'],
    ['log base b of a sum', call('log', add(x, num(1)), b), '\\log_{b}(x+1)'],
    ['sin of a variable', call('sin', x), '\\sin x'],
    ['sin of 2x', call('sin', mul(num(2), x)), '\\sin 2x'],
    ['sin of a sum', call('sin', add(x, num(1))), '\\sin(x+1)'],
    ['sin of 2x+1', call('sin', twoXPlusOne), '\\sin(2x+1)'],
    ['sin of a product of variables', call('sin', mul(x, y)), '\\sin(xy)'],
    ['sin of a power', call('sin', pow(x, num(2))), '\\sin(x^{2})'],
    ['sin of a negation', call('sin', neg(x)), '\\sin(-x)'],
    ['sin of pi', call('sin', PI), '\\sin\\pi'],
    ['sin of a fraction', call('sin', mul(num(1, 2), x)), '\\sin\\frac{x}{2}'],
    [
      'log of a sum that starts with a fraction',
      call('log', add(num(8, 5), x), b),
      '\\log_{b}\\left(\\frac{8}{5}+x\\right)',
    ],
    ['ln of an absolute value', call('ln', call('abs', x)), '\\ln\\left|x\\right|'],
    ['ln of a root', call('ln', pow(x, num(1, 2))), '\\ln\\sqrt{x}'],
    ['ln of a quotient', call('ln', div(x, num(2))), '\\ln\\frac{x}{2}'],
    ['sin squared', pow(call('sin', x), num(2)), '\\sin^{2}x'],
    ['sin squared of a sum', pow(call('sin', twoXPlusOne), num(2)), '\\sin^{2}(2x+1)'],
    ['ln squared', pow(call('ln', x), num(2)), '\\ln^{2}x'],
    ['power of arcsin', pow(call('asin', x), num(2)), '(\\arcsin x)^{2}'],
    ['symbolic power of sin', pow(call('sin', x), y), '(\\sin x)^{y}'],
    ['cube root call', call('cbrt', x), '\\sqrt[3]{x}'],
    ['exponent 1/3', pow(x, num(1, 3)), '\\sqrt[3]{x}'],
    ['exponent 1/2', pow(add(x, num(1)), num(1, 2)), '\\sqrt{x+1}'],
    ['exponent 2/3', pow(x, num(2, 3)), 'x^{2/3}'],
    ['reciprocal 2/3 power', mul(num(1, 3), pow(x, num(-2, 3))), '\\frac{1}{3x^{2/3}}'],
    ['absolute value', call('abs', x), '\\left|x\\right|'],
    ['squared absolute value', pow(call('abs', x), num(2)), '\\left|x\\right|^{2}'],
    ['arcsin', call('asin', x), '\\arcsin x'],
    ['arccos', call('acos', x), '\\arccos x'],
    ['arctan', call('atan', x), '\\arctan x'],
    ['arccot', call('acot', x), '\\operatorname{arccot}x'],
    ['hyperbolic', add(call('sinh', x), call('cosh', x), call('tanh', x)), '\\sinh x+\\cosh x+\\tanh x'],
    ['sec csc cot', add(call('sec', x), call('csc', x), call('cot', x)), '\\sec x+\\csc x+\\cot x'],
    ['pi', mul(num(2), PI), '2\\pi'],
    ['pi before a variable', mul(PI, x), '\\pi x'],
    ['canonical negative exponent', pow(x, num(-2)), '\\frac{1}{x^{2}}'],
    ['canonical quotient', mul(num(3), pow(x, num(-1)), y), '\\frac{3y}{x}'],
    ['typed quotient', div(add(x, num(1)), sub2()), '\\frac{x+1}{x-1}'],
    ['negative leading coefficient', mul(num(-2), x), '-2x'],
    [
      'negative quotient',
      mul(num(-1), y, pow(add(pow(x, num(2)), pow(y, num(2))), num(-1))),
      '-\\frac{y}{x^{2}+y^{2}}',
    ],
    ['dot between numbers', mul(num(2), pow(num(3), x)), '2\\cdot 3^{x}'],
    ['dot for a number after a factor', mul(x, num(2)), 'x\\cdot 2'],
    ['dot after a bare function argument', mul(call('sin', x), y), '\\sin x\\cdot y'],
    ['two functions side by side', mul(call('sin', x), call('cos', x)), '\\sin x\\cos x'],
    ['ln 2 times 2^x', mul(call('ln', num(2)), pow(num(2), x)), '\\ln 2\\cdot 2^{x}'],
    ['1/(x ln 10)', mul(pow(x, num(-1)), pow(call('ln', num(10)), num(-1))), '\\frac{1}{x\\ln 10}'],
    ['decimal as typed', mul(decimal(1, 2, '0.50'), x), '0.50x'],
    ['decimal times a decimal', mul(decimal(1, 2, '0.5'), decimal(5, 2, '2.5')), '0.5\\cdot 2.5'],
    ['float in exponent notation', approx(1e-7), '1\\times 10^{-7}'],
    ['rational', num(1, 3), '\\frac{1}{3}'],
    ['rational coefficient', mul(num(1, 3), x), '\\frac{x}{3}'],
    ['rational coefficient of a power', mul(num(2, 3), pow(x, num(3))), '\\frac{2x^{3}}{3}'],
    ['negative rational coefficient', mul(num(-1, 2), add(x, num(1))), '-\\frac{x+1}{2}'],
    ['rational base', pow(num(1, 2), x), '\\left(\\frac{1}{2}\\right)^{x}'],
    ['negative base', pow(num(-2), x), '(-2)^{x}'],
    ['negated base', pow(neg(x), num(2)), '(-x)^{2}'],
    ['minus before a power', neg(pow(x, num(2))), '-x^{2}'],
    ['power of a power', pow(pow(a, b), y), '(a^{b})^{y}'],
    ['negative exponent expression', pow(E, mul(num(-1), x)), 'e^{-x}'],
    ['negative factor after another', mul(x, num(-2)), 'x(-2)'],
    ['subtracting a sum', add(a, neg(add(b, x))), 'a-(b+x)'],
    ['product of sums', mul(add(x, num(1)), add(x, num(-1))), '(x+1)(x-1)'],
    ['variable before a sum', mul(x, add(x, num(1))), 'x(x+1)'],
    ['greek and indexed variables', mul(sym('theta'), sym('w1'), sym('x_1')), '\\theta w_{1}x_{1}'],
  ];
  function sub2(): Expr {
    return add(x, num(-1));
  }
  test.each(cases)('%s', (_name, e, expected) => {
    const tex = toTex(e);
    expect(tex).toBe(expected);
    expect(() => render(tex)).not.toThrow();
  });
});

describe('TeX helpers', () => {
  test.each([
    ['x', 'x'],
    ['theta', '\\theta'],
    ['θ', '\\theta'],
    ['Omega', '\\Omega'],
    ['x_1', 'x_{1}'],
    ['w1', 'w_{1}'],
    ['theta2', '\\theta_{2}'],
    ['x_max', 'x_{\\mathrm{max}}'],
    ['rate', '\\mathrm{rate}'],
    ['a{b}\\c', '\\mathrm{abc}'],
    ['αx', '\\alpha x'],
    ['xθ', 'x\\theta'],
  ])('texSymbol(%s) = %s', (name, expected) => {
    expect(texSymbol(name)).toBe(expected);
    expect(() => render(expected)).not.toThrow();
  });

  test('texPartial', () => {
    expect(texPartial('f', 'x')).toBe('\\frac{\\partial f}{\\partial x}');
    expect(texPartial('f', 'theta')).toBe('\\frac{\\partial f}{\\partial \\theta}');
    expect(texPartial('', 'w1')).toBe('\\frac{\\partial}{\\partial w_{1}}');
    expect(texPartial('f', 'x', 2)).toBe('\\frac{\\partial^{2} f}{\\partial x^{2}}');
  });

  test('texDerivative', () => {
    expect(texDerivative(1, 'x')).toBe('\\frac{d}{dx}');
    expect(texDerivative(2, 'x')).toBe('\\frac{d^{2}}{dx^{2}}');
    expect(texDerivative(1, 'theta')).toBe('\\frac{d}{d\\theta}');
    expect(texDerivative(1, 't', 'y')).toBe('\\frac{dy}{dt}');
  });

  test('helpers render in KaTeX', () => {
    for (const tex of [texPartial('f', 'x_1', 3), texDerivative(3, 'w1', 'f'), texDerivative(1, 'rate')]) {
      expect(() => render(tex)).not.toThrow();
    }
  });
});

describe('toTex: every string renders in KaTeX', () => {
  test('random trees', () => {
    fc.assert(
      fc.property(arbExpr({ vars: ['x', 'y', 'theta', 'w1', 'x_1', 'rate'] }), (e) => {
        const tex = toTex(e);
        try {
          render(tex);
        } catch (err) {
          throw new Error(`${tex}: ${(err as Error).message}`);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test('a number after a factor is never juxtaposed (it would read as one number or an exponent)', () => {
    fc.assert(
      fc.property(arbExpr({ maxDepth: 3 }), fc.integer({ min: 0, max: 99 }), (e, n) => {
        // Numbers, products, negations, quotients and reciprocals in front are read with the whole
        // product (sign, coefficient, fraction), which may fold the number into a numerator instead.
        const plainPower = e.kind === 'pow' && !(e.exp.kind === 'num' && e.exp.n < 0);
        fc.pre(e.kind === 'sym' || e.kind === 'const' || e.kind === 'add' || e.kind === 'call' || plainPower);
        expect(toTex(mul(e, num(n)))).toMatch(new RegExp(`\\\\cdot ${n}$`));
      }),
      { numRuns: 1000 },
    );
  });

  test('a factor after a bare function argument is set off: \\sin x\\cdot y, never \\sin xy', () => {
    fc.assert(
      fc.property(arbExpr({ maxDepth: 3 }), (e) => {
        const tex = toTex(mul(call('sin', e), y));
        const parenthesised = /^\\sin(\(|\\left\()/.test(tex) && /(\)|\\right\))y$/.test(tex);
        expect(parenthesised || tex.endsWith('\\cdot y')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
