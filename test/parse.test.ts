import { describe, expect, it } from 'vitest';
import {
  add,
  approx,
  call,
  div,
  E,
  type Expr,
  equals,
  type FunctionName,
  mul,
  neg,
  num,
  PI,
  pow,
  sym,
} from '../src/expr/ast.js';
import { type ParseOptions, parse } from '../src/expr/parse.js';

const x = sym('x');
const y = sym('y');
const r = sym('r');
const f = (fn: FunctionName, ...args: Expr[]) => call(fn, ...args);
const n = (v: number, d = 1) => num(v, d);

function expectReads(input: string, expected: Expr, options?: ParseOptions): void {
  const { expr } = parse(input, options);
  if (!equals(expr, expected)) expect(expr).toEqual(expected); // shows the difference
  expect(equals(expr, expected)).toBe(true);
}

describe('parse: implicit multiplication', () => {
  it.each<[string, Expr]>([
    ['3x^3', mul(n(3), pow(x, n(3)))],
    ['2xy', mul(n(2), x, y)],
    ['2x y', mul(n(2), x, y)],
    ['x(x+1)', mul(x, add(x, n(1)))],
    ['(x+1)(x-1)', mul(add(x, n(1)), add(x, neg(n(1))))],
    ['2sin(x)cos(x)', mul(n(2), f('sin', x), f('cos', x))],
    ['3(x-2)^2', mul(n(3), pow(add(x, neg(n(2))), n(2)))],
    ['2(x+1)y', mul(n(2), add(x, n(1)), y)],
    ['x^2y', mul(pow(x, n(2)), y)],
    ['|x||y|', mul(f('abs', x), f('abs', y))],
    ['2 3', mul(n(2), n(3))],
  ])('%s', (input, expected) => expectReads(input, expected));

  it('keeps mathjs precedence: an implicit product binds like an explicit one', () => {
    expectReads('1/2x', mul(div(n(1), n(2)), x));
    expectReads('e^2x', mul(pow(E, n(2)), x));
    expectReads('x^-2y', mul(pow(x, n(-2)), y));
  });
});

describe('parse: functions without parentheses', () => {
  it.each<[string, Expr]>([
    ['sin x', f('sin', x)],
    ['sin 2x', f('sin', mul(n(2), x))],
    ['sin x cos x', mul(f('sin', x), f('cos', x))],
    ['sin^2 x', pow(f('sin', x), n(2))],
    ['sin²x', pow(f('sin', x), n(2))],
    ['sin^2(x)', pow(f('sin', x), n(2))],
    ['ln x', f('ln', x)],
    ['sinx', f('sin', x)],
    ['sin2x', f('sin', mul(n(2), x))],
    ['sinxcosx', mul(f('sin', x), f('cos', x))],
    ['xsinx', mul(x, f('sin', x))],
    ['sin x^2', f('sin', pow(x, n(2)))],
    ['sin -x', f('sin', neg(x))],
    ['sin -2x', f('sin', mul(n(-2), x))],
    ['sin x + 1', add(f('sin', x), n(1))],
    ['sin x / 2', div(f('sin', x), n(2))],
    ['sin cos x', f('sin', f('cos', x))],
    ['sin(x)^2', pow(f('sin', x), n(2))],
    ['sin (x+1) y', mul(f('sin', add(x, n(1))), y)],
    ['sin^-1 x', f('asin', x)],
    ['cos⁻¹x', f('acos', x)],
    ['ln x ln y', mul(f('ln', x), f('ln', y))],
    ['|sin x|', f('abs', f('sin', x))],
    ['e^sin x', pow(E, f('sin', x))],
  ])('%s', (input, expected) => expectReads(input, expected));
});

describe('parse: function names and aliases', () => {
  it.each<[string, Expr]>([
    ['e^x', pow(E, x)],
    ['exp(x)', f('exp', x)],
    ['ln(x)', f('ln', x)],
    ['log(x)', f('ln', x)],
    ['log x', f('ln', x)],
    ['log10(x)', f('log10', x)],
    ['log2(x)', f('log2', x)],
    ['log2x', f('log2', x)],
    ['log(x, 3)', call('log', x, n(3))],
    ['sqrt(x)', f('sqrt', x)],
    ['cbrt(x)', f('cbrt', x)],
    ['abs(x)', f('abs', x)],
    ['|x - 1|', f('abs', add(x, neg(n(1))))],
    ['arcsin x', f('asin', x)],
    ['asin(x)', f('asin', x)],
    ['arccos(x)', f('acos', x)],
    ['acos(x)', f('acos', x)],
    ['arctan x', f('atan', x)],
    ['atan(x)', f('atan', x)],
    ['arccot x', f('acot', x)],
    ['acot(x)', f('acot', x)],
    ['sec x', f('sec', x)],
    ['csc x', f('csc', x)],
    ['cosec x', f('csc', x)],
    ['cot x', f('cot', x)],
    ['sinh x', f('sinh', x)],
    ['cosh x', f('cosh', x)],
    ['tanh x', f('tanh', x)],
    ['tan x', f('tan', x)],
  ])('%s', (input, expected) => expectReads(input, expected));
});

describe('parse: unicode as people paste it', () => {
  it.each<[string, Expr]>([
    ['−x', neg(x)],
    ['x − 1', add(x, neg(n(1)))],
    ['x – 1', add(x, neg(n(1)))],
    ['2×x', mul(n(2), x)],
    ['2·x', mul(n(2), x)],
    ['2⋅x', mul(n(2), x)],
    ['x÷2', div(x, n(2))],
    ['x²', pow(x, n(2))],
    ['x³', pow(x, n(3))],
    ['x¹⁰', pow(x, n(10))],
    ['x⁻¹', pow(x, n(-1))],
    ['√x', f('sqrt', x)],
    ['√(x+1)', f('sqrt', add(x, n(1)))],
    ['√2x', mul(f('sqrt', n(2)), x)],
    ['∛x', f('cbrt', x)],
    ['π', PI],
    ['2πr', mul(n(2), PI, r)],
    ['θ', sym('theta')],
    ['sin θ', f('sin', sym('theta'))],
    ['α + β', add(sym('alpha'), sym('beta'))],
    ['alpha', sym('alpha')],
    ['theta', sym('theta')],
    ['2theta', mul(n(2), sym('theta'))],
    ['x\u00a0+\u00a01', add(x, n(1))],
  ])('%s', (input, expected) => expectReads(input, expected));
});

describe('parse: variables and constants', () => {
  it('treats single letters as variables by default', () => {
    expectReads('a + b', add(sym('a'), sym('b')));
    expect(parse('y x + z').vars).toEqual(['x', 'y', 'z']);
  });

  it('reads e as Euler’s number and pi/π as π unless e is declared', () => {
    expectReads('e', E);
    expectReads('pi', PI);
    expectReads('2e', mul(n(2), E));
    expectReads('ex', mul(E, x));
    expectReads('e x', mul(sym('e'), x), { vars: ['e', 'x'] });
    expectReads('pi e', mul(PI, sym('e')), { vars: ['e'] });
  });

  it('reads declared names and splits undeclared runs into them', () => {
    const vars = ['w1', 'b', 'x_1', 'x', 'y'];
    expectReads('w1 x + b', add(mul(sym('w1'), x), sym('b')), { vars });
    expectReads('w1x', mul(sym('w1'), x), { vars });
    expectReads('xy', mul(x, y), { vars });
    expectReads('x_1^2', pow(sym('x_1'), n(2)), { vars });
    expectReads('bsinx', mul(sym('b'), f('sin', x)), { vars });
    expect(parse('x', { vars }).vars).toEqual(vars);
  });

  it('splits into the fewest names, whatever the order of declaration', () => {
    expectReads('abc', mul(sym('a'), sym('bc')), { vars: ['ab', 'a', 'bc'] });
    expectReads('abab', mul(sym('ab'), sym('ab')), { vars: ['a', 'b', 'ab'] });
  });

  it('reads every other single letter as a parameter once variables are declared', () => {
    const t = sym('t');
    const parsed = parse('a t^2 + b t', { vars: ['t'] });
    expectReads('a t^2 + b t', add(mul(sym('a'), pow(t, n(2))), mul(sym('b'), t)), { vars: ['t'] });
    expect(parsed.vars).toEqual(['t']);
    expect(parsed.params).toEqual(['a', 'b']);
    expect(parse('(w*x - y)^2', { vars: ['w'] }).params).toEqual(['x', 'y']);
    // Greek letters too, and a run of letters splits into variables and parameters.
    expect(parse('λ x', { vars: ['x'] }).params).toEqual(['lambda']);
    expectReads('xz', mul(x, sym('z')), { vars: ['x', 'y'] });
    expect(parse('xz', { vars: ['x', 'y'] }).notes[0]?.messages.en).toBe("read 'xz' as x·z");
    // Declared names win over implicit parameters.
    expectReads('abc', mul(sym('a'), sym('bc')), { vars: ['a', 'bc'] });
  });

  it('reads declared parameters, also longer names and without declared variables', () => {
    const parsed = parse('rate*t + w_0', { params: ['rate', 'w_0'] });
    expect(parsed.vars).toEqual(['t']);
    expect(parsed.params).toEqual(['rate', 'w_0']);
    expectReads('k x', mul(sym('k'), x), { params: ['k'] });
    expect(parse('k x', { params: ['k'] }).vars).toEqual(['x']);
    // A name declared as both is a variable.
    expect(parse('k x', { vars: ['k', 'x'], params: ['k'] }).params).toEqual([]);
  });

  it('still names a whole word that is not a product of names, and an unknown function as a function', () => {
    expect(() => parse('hello', { vars: ['x'] })).toThrow(/Unknown name 'hello'/);
    expect(() => parse('hello', { vars: ['x'] })).not.toThrow(/'h'/);
    expect(() => parse('sinc(x)', { vars: ['x'] })).toThrow(/Unknown function 'sinc'/);
    expect(() => parse('foo(x)', { vars: ['x'] })).toThrow(/Unknown function 'foo'/);
  });

  it('normalises declared Greek letters to their names', () => {
    expectReads('r θ', mul(r, sym('theta')), { vars: ['θ', 'r'] });
    expect(parse('θ', { vars: ['θ'] }).vars).toEqual(['theta']);
  });
});

describe('parse: numbers', () => {
  it('reads integers and decimals as exact rationals, keeping the typed text', () => {
    const half = parse('0.5').expr;
    expect(half).toEqual({ kind: 'num', n: 1, d: 2, text: '0.5' });
    expect(parse('3').expr).toEqual({ kind: 'num', n: 3, d: 1 });
    expect(parse('.25').expr).toMatchObject({ n: 1, d: 4, text: '.25' });
    expect(parse('1.25e2').expr).toMatchObject({ n: 125, d: 1 });
    expect(parse('2e-3').expr).toMatchObject({ n: 1, d: 500, text: '2e-3' });
    expect(parse('-0.5').expr).toEqual({ kind: 'num', n: -1, d: 2, text: '-0.5' });
  });

  it('falls back to an approximate float when a number is too big to hold exactly', () => {
    expect(equals(parse('12345678901234567890').expr, approx(Number('12345678901234567890')))).toBe(true);
    expect(parse('1e400').expr).toMatchObject({ approx: true, n: Number.POSITIVE_INFINITY });
    expect(parse('0.1234567890123456789').expr).toMatchObject({ approx: true });
  });

  it('reads signs the way mathjs does', () => {
    expectReads('-2x', mul(n(-2), x));
    expectReads('-x^2', neg(pow(x, n(2))));
    expectReads('-2^2', neg(pow(n(2), n(2))));
    expectReads('2^-x', pow(n(2), neg(x)));
    expectReads('x - 3', add(x, neg(n(3))));
    expectReads('--x', neg(neg(x)));
    expectReads('+x', x);
    expectReads('2^3^2', pow(n(2), pow(n(3), n(2))));
  });
});

describe('parse: result', () => {
  it('gives the normalised text and the TeX', () => {
    const p = parse('3x^3 - 2x + 1');
    expect(p.text).toBe('3*x^3 - 2*x + 1');
    expect(p.tex).toBe('3x^{3}-2x+1');
    expect(parse('ln x').text).toBe('ln(x)');
    expect(parse('sin 2x').text).toBe('sin(2*x)');
  });

  it('re-reads its own normalised text with the same meaning', () => {
    for (const input of ['3x^3 - 2x + 1', 'sin 2x', '2xy', 'x(x+1)', 'e^x ln x', '√x/2', '|x|^3', 'log(x, 2)']) {
      const first = parse(input);
      expect(equals(parse(first.text).expr, first.expr), input).toBe(true);
    }
  });
});

describe('parse: notes on how the input was read', () => {
  const notes = (input: string, options?: ParseOptions) =>
    parse(input, options).notes.map((note) => ({ kind: note.kind, range: note.range, en: note.messages.en }));

  it('records functions applied without parentheses', () => {
    expect(notes('sin 2x')).toEqual([
      { kind: 'implicit-function-call', range: { start: 0, end: 6 }, en: "read 'sin 2x' as sin(2·x)" },
    ]);
    expect(notes('sinx')[0]).toMatchObject({ kind: 'implicit-function-call', en: "read 'sinx' as sin(x)" });
    // `sigmax` reads as `sinx` and `σx` do: the sigmoid applied to x, with the same note.
    for (const typed of ['sigmax', 'σx']) {
      expect(parse(typed).text, typed).toBe('sigmoid(x)');
      expect(notes(typed), typed).toEqual([
        { kind: 'implicit-function-call', range: { start: 0, end: typed.length }, en: `read '${typed}' as sigmoid(x)` },
      ]);
    }
    expect(parse('sigma2x').text).toBe('sigmoid(2*x)');
    expect(parse('xsigmax').text).toBe(parse('x σx').text);
    // At a word's end, or declared as a variable, sigma is the letter σ.
    expect(parse('xsigma').text).toBe('x*sigma');
    expect(parse('sigmax', { vars: ['sigma', 'x'] }).text).toBe('sigma*x');
    expect(notes('sin x cos x').map((note) => note.range)).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 11 },
    ]);
  });

  it('records powers on function names and inverse functions', () => {
    expect(notes('sin^2 x')).toEqual([
      {
        kind: 'function-power',
        range: { start: 0, end: 7 },
        en: "read 'sin^2 x' as sin(x)^2: the power applies to the value of sin",
      },
    ]);
    expect(notes('sin^-1 x').map((note) => note.kind)).toContain('inverse-function');
  });

  it('records split names, the natural log, products after / and ^, and scientific notation', () => {
    expect(notes('2xy')).toEqual([{ kind: 'split-name', range: { start: 1, end: 3 }, en: "read 'xy' as x·y" }]);
    expect(notes('log(x)')[0]).toMatchObject({ kind: 'natural-log', range: { start: 0, end: 3 } });
    expect(notes('1/2x')[0]).toMatchObject({ kind: 'product-after-division', range: { start: 0, end: 4 } });
    expect(notes('e^2x')[0]).toMatchObject({ kind: 'product-after-power', range: { start: 0, end: 4 } });
    expect(notes('√2x')[0]).toMatchObject({ kind: 'product-after-root', range: { start: 0, end: 3 } });
    expect(notes('2e-3')[0]).toMatchObject({ kind: 'scientific-notation', range: { start: 0, end: 4 } });
  });

  it('records nothing for plain input, and every note has a Korean message', () => {
    expect(notes('3*x^2 + sin(x)')).toEqual([]);
    for (const note of parse('sin 2x + xy + log(x) + 1/2x + e^2x').notes) expect(note.messages.ko).toMatch(/[가-힣]/);
  });
});

describe('parse: errors in English and Korean with ranges', () => {
  it.each<[string, ParseOptions | undefined, string, { start: number; end: number }, RegExp, RegExp]>([
    ['', undefined, 'parse/empty', { start: 0, end: 0 }, /empty/, /비어/],
    ['   ', undefined, 'parse/empty', { start: 0, end: 3 }, /empty/, /비어/],
    ['hello + x', { vars: ['x'] }, 'parse/unknown-name', { start: 0, end: 5 }, /Unknown name 'hello'/, /'hello'/],
    ['x2 + 1', { vars: ['x', 'y'] }, 'parse/unknown-name', { start: 0, end: 2 }, /Unknown name 'x2'/, /'x2'/],
    ['inch', undefined, 'parse/unknown-name', { start: 0, end: 4 }, /'inch'/, /'inch'/],
    ['x2', undefined, 'parse/unknown-name', { start: 0, end: 2 }, /'x2'/, /'x2'/],
    ['w1 + 1', undefined, 'parse/unknown-name', { start: 0, end: 2 }, /declare/, /선언/],
    [
      'max(x, y)',
      undefined,
      'parse/unknown-function',
      { start: 0, end: 3 },
      /Unknown function 'max'/,
      /알 수 없는 함수/,
    ],
    ['foo(x)', undefined, 'parse/unknown-function', { start: 0, end: 3 }, /'foo'/, /'foo'/],
    ['erf x', undefined, 'parse/unknown-function', { start: 0, end: 3 }, /'erf'/, /'erf'/],
    ['sec^-1 x', undefined, 'parse/unknown-function', { start: 0, end: 6 }, /inverse/, /역함수/],
    ['(x + 1', undefined, 'parse/unbalanced', { start: 0, end: 1 }, /'\(' is not closed/, /닫히지/],
    ['x + 1)', undefined, 'parse/unbalanced', { start: 5, end: 6 }, /no matching/, /여는 괄호/],
    ['|x + 1', undefined, 'parse/unbalanced', { start: 0, end: 1 }, /'\|' is not closed/, /닫히지/],
    ['2 +', undefined, 'parse/unexpected', { start: 2, end: 3 }, /ends too early/, /끝났습니다/],
    ['x * * y', undefined, 'parse/unexpected', { start: 4, end: 5 }, /expected before '\*'/, /앞에/],
    ['2, 3', undefined, 'parse/unexpected', { start: 1, end: 2 }, /','/, /','/],
    ['x # y', undefined, 'parse/unexpected', { start: 2, end: 3 }, /Unexpected character '#'/, /예상하지 못한 문자/],
    ['sin', undefined, 'parse/missing-argument', { start: 0, end: 3 }, /needs an argument/, /인수가 필요/],
    ['sin + 1', undefined, 'parse/missing-argument', { start: 0, end: 3 }, /'sin'/, /'sin'/],
    ['sin(x, y)', undefined, 'parse/arity', { start: 0, end: 9 }, /one argument, but 2/, /2개/],
    ['log(x, 2, 3)', undefined, 'parse/arity', { start: 0, end: 12 }, /one or two/, /3개/],
    ['x = 2', undefined, 'parse/not-allowed', { start: 2, end: 3 }, /'='/, /'='/],
    ['x!', undefined, 'parse/not-allowed', { start: 1, end: 2 }, /factorial/, /계승/],
    ['x.y', undefined, 'parse/not-allowed', { start: 1, end: 2 }, /[Pp]roperty access/, /속성 접근/],
    ['x < 2', undefined, 'parse/not-allowed', { start: 2, end: 3 }, /comparison/, /비교/],
  ])('%j %j → %s', (input, options, code, range, en, ko) => {
    let caught: unknown;
    try {
      parse(input, options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({ name: 'GradstepError', code, range });
    const error = caught as { messages: { en: string; ko: string } };
    expect(error.messages.en).toMatch(en);
    expect(error.messages.ko).toMatch(ko);
    expect(error.messages.ko).toMatch(/[가-힣]/);
  });

  it('rejects bad declared variable names', () => {
    expect(() => parse('x', { vars: ['sin'] })).toThrow(/name of a function/);
    expect(() => parse('x', { vars: ['mod'] })).toThrow(/reserved/);
    expect(() => parse('x', { vars: ['pi'] })).toThrow(/constant/);
    expect(() => parse('x', { vars: ['2x'] })).toThrow(/variable name/);
    expect(() => parse('x', { vars: ['__proto__'] })).toThrow(/variable name/);
  });

  it('rejects text that is not a string', () => {
    expect(() => parse(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'parse/not-text' }));
  });
});

describe('parse: limits', () => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  };

  it('limits the length (default 1000), before any other check', () => {
    expect(code(() => parse('x'.repeat(1001)))).toBe('parse/too-long');
    expect(code(() => parse('"'.repeat(1001)))).toBe('parse/too-long');
    expect(() => parse('x+'.repeat(500).slice(0, 999))).not.toThrow(/too long/);
    expect(code(() => parse('x + 1', { maxLength: 3 }))).toBe('parse/too-long');
    expect(() => parse('x + 1', { maxLength: 3 })).toThrow('at most 3 are allowed');
  });

  it('limits the node count (default 2000)', () => {
    // 700 products of 3 nodes: fewer than 2000 leaves, more than 2000 nodes.
    const products = Array.from({ length: 700 }, () => 'x*y').join('+');
    expect(code(() => parse(products, { maxLength: 10_000 }))).toBe('parse/too-many-nodes');
    const leaves = Array.from({ length: 2100 }, () => 'x').join('+');
    expect(code(() => parse(leaves, { maxLength: 10_000 }))).toBe('parse/too-many-nodes');
    expect(code(() => parse('1+2+3+4+5', { maxNodes: 5 }))).toBe('parse/too-many-nodes');
    expect(() => parse('1+2+3+4+5', { maxNodes: 5 })).toThrow('at most 5');
    expect(parse('1+2', { maxNodes: 5 }).expr).toEqual(add(n(1), n(2)));
  });

  it('limits the nesting depth (default 100), in parentheses and in the tree', () => {
    expect(code(() => parse(`${'('.repeat(101)}x${')'.repeat(101)}`))).toBe('parse/too-deep');
    expect(parse(`${'('.repeat(99)}x${')'.repeat(99)}`).expr).toEqual(x);
    expect(code(() => parse('((((x))))', { maxDepth: 3 }))).toBe('parse/too-deep');
    expect(code(() => parse('x^x^x^x^x', { maxDepth: 3 }))).toBe('parse/too-deep');
    expect(code(() => parse('sin sin sin sin x', { maxDepth: 3 }))).toBe('parse/too-deep');
    expect(() => parse('((x))', { maxDepth: 1 })).toThrow('at most 1 levels');
    // A long flat sum is not deep.
    expect(parse(Array.from({ length: 300 }, () => 'x').join('+')).expr.kind).toBe('add');
  });
});
