import { describe, expect, it } from 'vitest';
import { textbookForm } from '../src/calculus/forms.js';
import { differentiate, gradient } from '../src/calculus/index.js';
import { tAdd, tMul } from '../src/calculus/tidy.js';
import { checkAnswer } from '../src/check/check.js';
import { checkDerivation } from '../src/check/lines.js';
import { overflowsAt } from '../src/check/magnitude.js';
import { roundingError } from '../src/check/rounding.js';
import { GradstepError } from '../src/errors.js';
import { approx, type Expr, num, sym } from '../src/expr/ast.js';
import { parse } from '../src/expr/parse.js';
import { addsWithoutLoss, multipliesWithoutLoss } from '../src/expr/rational.js';
import * as lib from '../src/index.js';
import { simplify, toTex, toText } from '../src/index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(GradstepError);
    return (error as GradstepError).code;
  }
}

describe('a part undefined on the whole domain is reported', () => {
  for (const text of ['ln(abs(tan(pi)))*t^2', 'sin(x) + 1/0', 'sqrt(-1)*x', 'x^2 + ln(0)', 'x*csc(0)']) {
    it(text, () => {
      expect(codeOf(() => differentiate(text))).toBe('expr/undefined-everywhere');
      expect(codeOf(() => gradient(text))).toBe('expr/undefined-everywhere');
    });
  }

  it('names the part in the message', () => {
    try {
      differentiate('sin(x) + 1/0');
    } catch (error) {
      expect((error as GradstepError).messages.en).toContain('1/0');
    }
  });

  it('does not refuse what is only large or only undefined somewhere', () => {
    for (const text of ['exp(1000)*x', '1/x', 'ln(x)', 'sqrt(x-1)', 'tan(x)', '0^2*x']) {
      expect(() => differentiate(text), text).not.toThrow();
    }
  });
});

describe('constant folding keeps small addends next to huge constants', () => {
  it('1 - x + 1e308 keeps the 1', () => {
    const s = simplify(parse('1 - x + 1e308').expr);
    expect(toText(s)).toMatch(/(^|[^0-9.e])1([^0-9.e]|$)/);
    // Simplifying again gives the same tree.
    expect(toText(simplify(s))).toBe(toText(s));
  });

  it('sec(1 - x + 1e308) keeps the 1 inside the function when simplified', () => {
    expect(toText(simplify(parse('sec(1 - x + 1e308)').expr))).toContain('1e+308 + 1');
  });

  it('ordinary constants still fold', () => {
    expect(toText(simplify(parse('2 + 3 + x').expr))).toBe('x + 5');
  });

  it('the derivative of sec(1 - x + 1e308) keeps the 1 in every step and in the answer forms', () => {
    const d = differentiate('sec(1 - x + 1e308)', { detail: 'full' });
    expect(toText(d.result)).not.toContain('1e+308 - x');
    expect(toText(d.result)).toMatch(/(^|[^0-9.e+])1 - x|\+ 1\)/);
    for (const step of d.steps) {
      for (const e of [step.expr, step.result]) {
        const t = toText(e);
        if (t.includes('1e+308')) expect(t, t).not.toMatch(/sec\(1e\+308 - x\)|\(-x \+ 1e\+308\)/);
      }
    }
  });

  it('the step builder and the answer forms keep a lost addend as a term of its own', () => {
    const big = approx(1e308);
    // The 1 stays where it stood (the sum's numbers keep the question's place), and 1e308 apart.
    expect(toText(tAdd(num(1), sym('x'), big))).toBe('1 + x + 1e+308');
    expect(toText(tAdd(num(1), big))).toContain('1');
    expect(toText(textbookForm(tAdd(num(1), sym('x'), big)))).toMatch(/1e\+308/);
    expect(toText(textbookForm(tAdd(num(1), sym('x'), big)))).toMatch(/(^|[^0-9.e+])1([^0-9.e]|$)/);
  });

  it('exact rationals still fold exactly, also in the answer forms', () => {
    expect(toText(tAdd(num(1, 3), sym('x'), num(1, 6)))).toBe('1/2 + x');
    expect(toText(differentiate('x^2/3 + x/6 + x/6').result)).toBe('2*x/3 + 1/3');
    expect(addsWithoutLoss(approx(0.5), approx(0.25))).toBe(true);
    expect(addsWithoutLoss(approx(1e308), num(1))).toBe(false);
    expect(addsWithoutLoss(approx(1e308), approx(1e308))).toBe(false);
  });
});

describe('trees from code are validated at the public entries', () => {
  const bad: unknown[] = [
    null,
    { kind: 'oops' },
    { kind: 'call', fn: 'alert', args: [{ kind: 'sym', name: 'x' }] },
    { kind: 'call', fn: '}\\href{javascript:x}{', args: [] },
    { kind: 'add', terms: [null] },
    { kind: 'sym', name: '\\def\\a{}' },
    { kind: 'num', n: Number.NaN, d: 1 },
    { kind: 'add' },
  ];
  for (const tree of bad) {
    it(JSON.stringify(tree), () => {
      const e = tree as Expr;
      for (const entry of [() => differentiate(e), () => toTex(e), () => toText(e), () => simplify(e)]) {
        expect(codeOf(entry)).toBe('expr/bad-tree');
      }
      // Every other public entry that takes a tree checks it the same way.
      const others: [string, () => unknown][] = [
        ['compile', () => lib.compile(e, ['x'])],
        ['compileBatch', () => lib.compileBatch(e, ['x'])],
        ['compileVector', () => lib.compileVector([e], ['x'])],
        ['canonicalKey', () => lib.canonicalKey(e)],
        ['freeVars', () => lib.freeVars(e)],
        ['formOf', () => lib.formOf(e, e)],
        ['textbookForm', () => lib.textbookForm(e)],
        ['answerForms', () => lib.answerForms(e)],
        ['sameForm', () => lib.sameForm(e, e)],
        ['optimize', () => lib.optimize({ expr: e, optimizer: 'gd', lr: 0.1, start: [1] })],
        ['prepareObjective', () => lib.prepareObjective(e)],
        ['buildGraph', () => lib.buildGraph(e)],
      ];
      for (const [name, entry] of others) expect(codeOf(entry), name).toBe('expr/bad-tree');
    });
  }
});

describe('text a person typed', () => {
  it('names an invisible character by its code point', () => {
    try {
      parse('x\u200b+1');
      expect.unreachable();
    } catch (error) {
      expect((error as GradstepError).messages.en).toContain('U+200B');
      expect((error as GradstepError).messages.en).not.toContain('\u200b');
    }
  });

  it('reads full-width digits, letters and operators as ASCII', () => {
    const p = parse('２ｘ＾２＋ｓｉｎ（ｘ）');
    expect(p.text).toBe(parse('2x^2+sin(x)').text);
  });
});

describe('the checker at magnitudes floating point cannot hold', () => {
  const verdict = (problem: string, answer: string, lang: 'en' | 'ko' = 'en') => checkAnswer({ problem, answer, lang });

  it('does not call a correct answer "undefined there" when only its evaluation overflows', () => {
    for (const [problem, answer] of [
      ['1e308*x^2/10', '2*1e308*x/10'],
      ['1e308*x^2/10', 'x*2e308/10'],
      ['x^2*1e307', 'x*10*1e308/50'],
    ] as const) {
      const r = verdict(problem, answer);
      expect(r.verdict, `${problem} | ${answer}`).toBe('out-of-range');
      expect(r.message).toContain('Cannot decide at these magnitudes');
      expect(r.message).not.toContain('undefined');
      expect(r.correct).toBe(false);
    }
  });

  it('says so when the derivative itself overflows everywhere (coefficients near 1e308)', () => {
    // 2e308 itself is past floating point; 2·1e308·x has the expected canonical form (below).
    for (const answer of ['2e308*x', '0', 'x']) {
      const r = verdict('1e308*x^2', answer);
      expect(r.verdict, answer).toBe('out-of-range');
    }
    expect(verdict('1e400*x', '1e400').verdict).toBe('out-of-range');
    expect(verdict('1e308*x^2', 'x', 'ko').message).toContain('이 크기에서는 판정할 수 없습니다');
  });

  it('still rejects a wrong answer that overflows only at some points, and accepts large finite ones', () => {
    const r = verdict('x^2', 'exp(100*x^2)');
    expect(r.verdict).toBe('incorrect');
    expect(r.counterexample?.answer).not.toBeNull();
    expect(verdict('1e300*x^5', '5e300*x^4').verdict).toBe('correct');
    expect(verdict('x^2*1e307', '0').verdict).toBe('incorrect');
    expect(verdict('exp(x^3)', '3*x^2*exp(x^3) + 1').verdict).toBe('incorrect');
  });

  it('a pole is still "undefined there", not a magnitude', () => {
    const r = verdict('x^2', '2*x + 1/(x - 2)');
    expect(r.verdict).toBe('incorrect');
    expect(overflowsAt(parse('1/(x - 2)').expr, ['x'], [2])).toBe(false);
    expect(overflowsAt(parse('ln(x)').expr, ['x'], [0])).toBe(false);
    expect(overflowsAt(parse('exp(x)').expr, ['x'], [1000])).toBe(true);
    expect(overflowsAt(parse('x^400').expr, ['x'], [10])).toBe(true);
  });
});

describe('the checker and rounding noise', () => {
  it('accepts a correct answer whose value is rounding noise of a cancelling expression', () => {
    // x^log(8, x) = 8, so the derivative is 0; evaluated, it is about 1e-11 (sinh 8 · 8 · one rounding).
    const problem = 'cosh(x^log(8, x))';
    const expected = toText(differentiate(problem, { wrt: 'x', vars: ['x'] }).result);
    const right = checkAnswer({ problem, answer: expected, wrt: 'x', vars: ['x'] });
    expect(right.correct, right.message).toBe(true);
    expect(checkAnswer({ problem, answer: `${expected} + 1`, wrt: 'x', vars: ['x'] }).verdict).toBe('incorrect');
    expect(checkAnswer({ problem, answer: '0.001', wrt: 'x', vars: ['x'] }).verdict).toBe('incorrect');
  });

  it('a bound of rounding stays tight for well-conditioned values', () => {
    expect(roundingError(parse('2*x + 1').expr, ['x'], [3])).toBeLessThan(1e-14);
    expect(roundingError(parse('sinh(8)*(ln(8)/ln(x) - log(8, x))').expr, ['x'], [0.5])).toBeGreaterThan(1e-13);
    expect(checkAnswer({ problem: 'x^2', answer: '2x + 1e-9' }).verdict).toBe('incorrect');
  });
});

describe('constant folding keeps factors whose product floating point cannot hold', () => {
  it('1e308*x^2 differentiates to 2·1e308·x, not Infinity·x, and stays so when simplified again', () => {
    const d = toText(differentiate('1e308*x^2').result);
    expect(d).not.toContain('Infinity');
    expect(d).toMatch(/1e\+308/);
    const s = simplify(parse('1e200*x^2*1e200').expr);
    expect(toText(s)).not.toContain('Infinity');
    expect(toText(simplify(s))).toBe(toText(s));
    expect(toText(tMul(num(2), approx(1e308), sym('x')))).not.toContain('Infinity');
    expect(toText(textbookForm(tMul(num(2), approx(1e308), sym('x'))))).not.toContain('Infinity');
    expect(toText(simplify(parse('1e-200*1e-200*x').expr))).not.toBe('0');
    expect(multipliesWithoutLoss(approx(1e308), num(2))).toBe(false);
    expect(multipliesWithoutLoss(approx(1e-200), approx(1e-200))).toBe(false);
    expect(multipliesWithoutLoss(approx(1e150), approx(1e150))).toBe(true);
  });

  it('the checker takes 2·1e308·x as correct (equal canonical forms), not as numbers left to multiply', () => {
    const r = checkAnswer({ problem: '1e308*x^2', answer: '2*1e308*x' });
    expect(r.verdict).toBe('correct');
    expect(checkAnswer({ problem: '1e308*x^2', answer: 'x' }).verdict).toBe('out-of-range');
    // Ordinary numbers left apart are still unfinished work.
    expect(checkAnswer({ problem: 'x^2', answer: '2*1*x*1.5/1.5' }).verdict).toBe('correct-unsimplified');
    expect(checkAnswer({ problem: 'x^2 + x', answer: '2x + 0.5 + 0.5' }).verdict).toBe('correct-unsimplified');
  });
});

describe('the checker at tiny magnitudes: the tolerance follows the problem’s scale', () => {
  const verdict = (problem: string, answer: string) => checkAnswer({ problem, answer }).verdict;

  it('does not call a derivative that is not identically zero equal to 0', () => {
    // The fixed floor of 1e-11 used to swallow all of these.
    for (const problem of ['1e-320*x^2', '1e-300*x^2', '1e-20*x^2', '1e-15*sin(x)', '3e-12*x^3*y']) {
      expect(verdict(problem, '0'), problem).toBe('incorrect');
    }
    const r = checkAnswer({ problem: '1e-320*x^2', answer: '0' });
    expect(r.counterexample?.answer).toBe(0);
    expect(r.counterexample?.expected).not.toBe(0);
    // A near miss at the problem's own scale is caught as at scale 1.
    expect(verdict('1e-20*x^2', '2e-20*x + 1e-25')).toBe('incorrect');
  });

  it('still accepts correct answers with rounding noise, subnormal values included', () => {
    for (const [problem, answer] of [
      ['1e-320*x^2', '2e-320*x'],
      ['1e-320*x^2', '2*1e-320*x'],
      ['1e-320*x^2', 'x*1e-320*2'],
      ['1e-300*x^2', '2e-300*x'],
      ['1e-20*x^2', '2e-20*x'],
      ['1e-300*sin(x)^2', '1e-300*sin(2x)'],
      ['1e-20*(sin(x)^2 + cos(x)^2)', '0'],
      ['x^2', '2x'],
    ] as const) {
      expect(verdict(problem, answer), `${problem} | ${answer}`).toMatch(/^correct/);
    }
  });

  it('says "cannot decide" where a number typed is below what floating point holds', () => {
    expect(verdict('1e-330*x^2', '0')).toBe('out-of-range');
    expect(verdict('1e-330*x^2', '2e-330*x')).toBe('out-of-range');
    expect(verdict('x^2', '2x + 1e-400')).toBe('out-of-range');
    expect(checkAnswer({ problem: '1e-330*x^2', answer: '0' }).message).toContain('Cannot decide at these magnitudes');
    // 0.000 is zero as typed, not an underflow.
    expect(verdict('x^2 + 0.000', '2x')).toMatch(/^correct/);
  });

  it('line by line too', () => {
    expect(checkDerivation({ problem: '1e-320*x^2', lines: ['0'] }).lines[0]?.status).toBe('broken');
    expect(checkDerivation({ problem: '1e-320*x^2', lines: ['2*1e-320*x'] }).correct).toBe(true);
    expect(checkDerivation({ problem: '1e-330*x^2', lines: ['0'] }).lines[0]?.status).toBe('out-of-range');
  });
});
