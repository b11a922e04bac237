import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Step } from '../src/calculus/derivation.js';
import { checkAnswer, findDerivativeNotation, prepareProblem } from '../src/check/check.js';
import { close, compareWithSample, evaluator, MIN_POINTS, sampleDomain } from '../src/check/equivalence.js';
import { MISTAKE_IDS, type MistakeId, mutants } from '../src/check/mistakes.js';
import { unsimplifiedReason } from '../src/check/unsimplified.js';
import { isGradstepError } from '../src/errors.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';

interface Case {
  id: string;
  problem: string;
  wrt: string;
  vars: string[];
  answer: string;
  verdict: 'correct' | 'correct-unsimplified' | 'incorrect';
  diagnosis: MistakeId | null;
}

const fixture = JSON.parse(readFileSync('fixtures/answers.json', 'utf8')) as { cases: Case[] };
const REQUIRED: readonly MistakeId[] = [
  'chain-factor-missing',
  'product-as-product-of-derivatives',
  'quotient-sign-reversed',
  'total-instead-of-partial',
];

const check = (c: Case) => checkAnswer({ problem: c.problem, wrt: c.wrt, vars: c.vars, answer: c.answer });

describe('checkAnswer on the SymPy corpus (fixtures/answers.json)', () => {
  it('holds at least 60 cases, with every diagnosis id', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(fixture.cases.map((c) => c.diagnosis));
    for (const id of MISTAKE_IDS) expect(ids).toContain(id);
  });

  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s: the verdict agrees', (_id, c) => {
    const r = check(c);
    expect(r.verdict).toBe(c.verdict);
    expect(r.correct).toBe(c.verdict !== 'incorrect');
  });

  it.each(fixture.cases.filter((c) => c.diagnosis && REQUIRED.includes(c.diagnosis)).map((c) => [c.id, c] as const))(
    '%s: the required diagnosis is named',
    (_id, c) => {
      const r = check(c);
      expect(r.diagnosis?.id).toBe(c.diagnosis);
      expect(r.diagnosis?.step).toMatch(/^s\d+(\.\d+)*$/);
      // The prose names the step by its expression; the id is for a UI to highlight it.
      expect(r.diagnosis?.messages.en).toContain(r.diagnosis?.stepExpr);
      expect(r.diagnosis?.messages.ko).toContain(r.diagnosis?.stepExpr);
      expect(r.diagnosis?.messages.en).not.toMatch(/\bs\d+(\.\d+)*\b/);
    },
  );

  it('names the other diagnoses for nearly every case', () => {
    const others = fixture.cases.filter((c) => c.diagnosis && !REQUIRED.includes(c.diagnosis));
    const agree = others.filter((c) => check(c).diagnosis?.id === c.diagnosis).length;
    expect(agree / others.length).toBeGreaterThanOrEqual(0.9);
  });

  it('gives every incorrect answer a counterexample that really separates the two', () => {
    for (const c of fixture.cases.filter((k) => k.verdict === 'incorrect')) {
      const r = check(c);
      const ce = r.counterexample;
      expect(ce, c.id).toBeDefined();
      if (!ce) continue;
      const vars = Object.keys(ce.at);
      const point = vars.map((v) => ce.at[v] as number);
      const expected = evaluator(parse(r.expected.text, { vars }).expr, vars)(point);
      const answer = evaluator(parse(c.answer, { vars: c.vars }).expr, vars)(point);
      expect(close(expected, ce.expected), c.id).toBe(true);
      if (ce.answer === null) expect(Number.isFinite(answer)).toBe(false);
      else {
        expect(close(answer, ce.answer), c.id).toBe(true);
        expect(close(ce.answer, ce.expected), c.id).toBe(false);
      }
    }
  });
});

describe('equivalence on the real domain', () => {
  const verdict = (problem: string, answer: string, wrt = 'x') => checkAnswer({ problem, answer, wrt }).verdict;

  it('accepts forms equal where the derivative is defined', () => {
    expect(verdict('abs(x)', 'x/abs(x)')).toBe('correct');
    expect(verdict('ln(x^2)', '2/x')).toBe('correct');
    expect(verdict('sqrt(x)', '0.5x^(-0.5)')).toBe('correct');
    expect(verdict('sin x cos x', 'cos(2x)')).toBe('correct');
    expect(verdict('sin(x)^2', 'sin(2x)')).toBe('correct');
    expect(verdict('1/(1+e^(-x))', '(1/(1+e^(-x)))(1 - 1/(1+e^(-x)))')).toBe('correct');
  });

  it('rejects near misses and branch mistakes', () => {
    expect(verdict('sqrt(x)', '0.5x^(-1/2) + 0.0001')).toBe('incorrect');
    expect(verdict('sqrt(x)', '0.5000001x^(-1/2)')).toBe('incorrect');
    expect(verdict('x^2/2', 'sqrt(x^2)')).toBe('incorrect');
    expect(verdict('abs(x)', '1')).toBe('incorrect');
  });

  it('samples negatives, small magnitudes and every variable', () => {
    const problem = parse('x^2 y + y^3', { vars: ['x', 'y'] }).expr;
    const expected = parse('2 x y', { vars: ['x', 'y'] }).expr;
    const s = sampleDomain(problem, expected, ['x', 'y']);
    expect(s.points.length).toBeGreaterThanOrEqual(MIN_POINTS);
    for (const j of [0, 1]) {
      const values = s.points.map((p) => p[j] as number);
      expect(values.some((v) => v < 0)).toBe(true);
      expect(values.some((v) => Math.abs(v) < 0.1)).toBe(true);
      expect(new Set(values).size).toBeGreaterThan(8);
    }
  });

  it('only uses points where the problem and the derivative are real', () => {
    const problem = parse('ln(x) + asin(x)').expr;
    const expected = parse('1/x + 1/sqrt(1-x^2)').expr;
    const s = sampleDomain(problem, expected, ['x']);
    expect(s.points.length).toBeGreaterThanOrEqual(MIN_POINTS);
    for (const [x] of s.points) expect((x as number) > 0 && (x as number) < 1).toBe(true);
  });

  it('is undecided when the domain is (nearly) empty', () => {
    const problem = parse('sqrt(-x^2 - 1)').expr;
    const s = sampleDomain(problem, parse('x').expr, ['x']);
    expect(compareWithSample(s, parse('x').expr).kind).toBe('undecided');
    expect(checkAnswer({ problem: 'sqrt(-x^2-1)', answer: '0' }).verdict).toBe('undecided');
  });

  it('property: the expected derivative is correct, and a shifted one is not', () => {
    const problems = fc.tuple(
      fc.constantFrom('sin', 'cos', 'exp', 'ln', 'sqrt', 'atan', 'tanh'),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: -4, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom('*', '/', '+'),
    );
    fc.assert(
      fc.property(problems, ([fn, a, b, n, op]) => {
        const problem = `${fn}(${a}x^2 + ${b}) ${op} x^${n}`;
        const p = prepareProblem({ problem, wrt: 'x' });
        const exact = checkAnswer({ problem, answer: p.expectedShown.text });
        expect(exact.correct).toBe(true);
        const shifted = checkAnswer({ problem, answer: `${p.expectedShown.text} + 0.00001` });
        expect(shifted.verdict).toBe('incorrect');
        expect(shifted.counterexample).toBeDefined();
      }),
      { numRuns: 40 },
    );
  });
});

describe('answers that are not a finished derivative', () => {
  it('reports unevaluated derivative notation before parsing', () => {
    for (const answer of ['d/dx(x^2)', 'd/dx x^2', "f'(x)", 'diff(x^2, x)', 'derivative(x^2)', "(x^2)'", 'dy/dx']) {
      const r = checkAnswer({ problem: 'x^2', answer });
      expect(r.verdict, answer).toBe('unevaluated');
      expect(r.correct).toBe(false);
      expect(r.message).toMatch(/derivative/);
    }
  });

  it('does not mistake a variable named d for notation', () => {
    expect(findDerivativeNotation('d(x+1)', ['d', 'x'])).toBeUndefined();
    expect(findDerivativeNotation('d(x+1)', ['x'])).toBeDefined();
  });

  it('reports an unreadable answer with the parse error and its range', () => {
    const r = checkAnswer({ problem: 'x^2', answer: '2x + * 3' });
    expect(r.verdict).toBe('invalid-answer');
    expect(r.error?.code).toMatch(/^parse\//);
    expect(r.error?.range).toBeDefined();
    expect(r.messages.ko.length).toBeGreaterThan(0);
  });

  it('reports a variable the problem does not have', () => {
    const r = checkAnswer({ problem: 'x^2', wrt: 'x', vars: ['x'], answer: '2x + t' });
    expect(r.verdict).toBe('invalid-answer');
    expect(r.error?.code).toMatch(/unknown/);
    expect(r.error?.range).toEqual({ start: 5, end: 6 });
  });

  it('throws GradstepError when the problem itself cannot be read', () => {
    let caught: unknown;
    try {
      checkAnswer({ problem: 'x^2 +', answer: '2x' });
    } catch (e) {
      caught = e;
    }
    expect(isGradstepError(caught)).toBe(true);
  });

  it('says so when the answer is the original function and no mistake explains it', () => {
    const r = checkAnswer({ problem: '2^x', answer: '2^x' });
    expect(r.verdict).toBe('incorrect');
    expect(r.message).toContain('original function');
  });
});

describe('correct but not simplified', () => {
  const reason = (text: string) => unsimplifiedReason(parse(text).expr);

  it('flags visible leftovers', () => {
    expect(reason('3*3x^2 - 2')).toBe('numeric-factors');
    expect(reason('3(2x-1)^2*2')).toBe('numeric-factors');
    expect(reason('(x^2 + 1 - 2x^2)/(x^2+1)^2')).toBe('like-terms');
    expect(reason('2x + 0')).toBe('identity-element');
    expect(reason('1*cos(x)')).toBe('identity-element');
    expect(reason('x^1')).toBe('identity-element');
    expect(reason('2x - 4 + 6')).toBe('numeric-terms');
    expect(reason('x^2 * x')).toBe('like-factors');
    expect(reason('x^3/x')).toBe('like-factors');
    expect(reason('6x/3')).toBe('numeric-factors');
    expect(reason('sqrt(4) x')).toBe('foldable-constant');
  });

  it('accepts other correct forms', () => {
    for (const text of [
      '6(2x-1)^2',
      '24x^2 - 24x + 6',
      'x/abs(x)',
      '2/x',
      '0.5x^(-0.5)',
      'sin(2x)',
      '1/(2sqrt(x))',
      '(2/3)x^(-1/3)',
      '2^x log(2)',
      '-2x^(-3)',
      '2x exp(x) + x^2 exp(x)',
      'x^x(ln(x) + 1)',
      '-y/p + (1-y)/(1-p)',
    ]) {
      expect(reason(text), text).toBeUndefined();
    }
  });

  it('gives the verdict and the simplified form', () => {
    const r = checkAnswer({ problem: '3x^3 - 2x + 1', answer: '3*3x^2 - 2' });
    expect(r.verdict).toBe('correct-unsimplified');
    expect(r.correct).toBe(true);
    expect(r.message).toContain(r.expected.text);
  });
});

describe('diagnosis by mutating the step tree', () => {
  const diagnosis = (problem: string, answer: string, wrt = 'x', vars?: string[]) =>
    checkAnswer({ problem, answer, wrt, ...(vars ? { vars } : {}) }).diagnosis;

  it('finds the chain factor missing at any level', () => {
    expect(diagnosis('sin(cos(x^3))', 'cos(cos(x^3)) * (-sin(x^3))')?.id).toBe('chain-factor-missing');
    expect(diagnosis('sin(cos(x^3))', '-cos(cos(x^3)) * sin(x^3) * 3x^2')).toBeUndefined();
    const outer = diagnosis('sin(cos(x^3))', 'cos(cos(x^3))');
    expect(outer?.id).toBe('chain-factor-missing');
    expect(outer?.step).not.toBe(diagnosis('sin(cos(x^3))', 'cos(cos(x^3)) * (-sin(x^3))')?.step);
    // Two separate mistakes at once are not one typical mistake.
    expect(diagnosis('sin(cos(x^3))', 'cos(cos(x^3)) * sin(x^3)')).toBeUndefined();
  });

  it('points at the step where the mistake happens', () => {
    const p = prepareProblem({ problem: 'exp(sin(3x))', wrt: 'x' });
    const d = diagnosis('exp(sin(3x))', 'cos(3x) exp(sin(3x))');
    expect(d?.id).toBe('chain-factor-missing');
    const ids: string[] = [];
    const walk = (s: Step): void => {
      ids.push(s.id);
      s.substeps.forEach(walk);
    };
    p.derivation.steps.forEach(walk);
    expect(ids).toContain(d?.step);
    expect(d?.stepExpr).toBe('sin(3 * x)'.replace(/ \* /g, '*'));
  });

  it('names the other typical mistakes', () => {
    expect(diagnosis('x^2 sin(x)', '2x cos(x)')?.id).toBe('product-as-product-of-derivatives');
    expect(diagnosis('x^2 sin(x)', 'x^2 cos(x)')?.id).toBe('product-term-dropped');
    expect(diagnosis('sin(x)/x^2', '(2x sin(x) - x^2 cos(x))/x^4')?.id).toBe('quotient-sign-reversed');
    expect(diagnosis('e^(x^2)', 'x^2 e^(x^2-1)')?.id).toBe('power-rule-on-exponential');
    expect(diagnosis('2^x', 'x 2^(x-1)')?.id).toBe('power-rule-on-exponential');
    expect(diagnosis('x^x', 'x*x^(x-1)')?.id).toBe('power-rule-on-variable-exponent');
    expect(diagnosis('x^3 + sin(x)', '3x^2')?.id).toBe('term-dropped');
    expect(diagnosis('tan(x) + cos(x)', 'sec(x)^2 + sin(x)')?.id).toBe('trig-sign-error');
    expect(diagnosis('x^2 y^3', '2x y^3 + 3x^2 y^2', 'x', ['x', 'y'])?.id).toBe('total-instead-of-partial');
    expect(diagnosis('x^2 + 7', '2x + 7')?.id).toBe('constant-kept');
  });

  it('every mutant that changes the derivative is judged incorrect and explained by some mistake', () => {
    for (const problem of ['(x^2+1)^3 sin(2x)', 'exp(x)/(1 + x^2)', 'ln(cos(x)) + x^x', 'sqrt(1 + x^2) * 2^x']) {
      const p = prepareProblem({ problem, wrt: 'x' });
      const root = p.derivation.steps[0] as Step;
      for (const m of mutants(root)) {
        const r = checkAnswer({ problem, wrt: 'x', answer: toText(m.result) });
        if (r.correct) continue; // a mistake that happens to give the right derivative
        expect(r.verdict, `${problem}: ${m.id} at ${m.step.id}`).toBe('incorrect');
        expect(r.diagnosis, `${problem}: ${m.id} at ${m.step.id}`).toBeDefined();
      }
    }
  });

  it('speaks Korean', () => {
    const r = checkAnswer({ problem: '(2x-1)^3', answer: '3(2x-1)^2', lang: 'ko' });
    expect(r.message).toBe(r.messages.ko);
    expect(r.message).toContain('연쇄법칙');
  });

  it('checks higher orders', () => {
    expect(checkAnswer({ problem: 'x^4', answer: '12x^2', order: 2 }).verdict).toBe('correct');
    expect(checkAnswer({ problem: 'x^4', answer: '4x^3', order: 2 }).verdict).toBe('incorrect');
  });
});

describe('answers written as an equation, and hostile input', () => {
  it('reads the right-hand side of "f\'(x) = …" and keeps ranges in the typed text', () => {
    expect(checkAnswer({ problem: 'x^2', answer: "f'(x) = 2x" }).verdict).toBe('correct');
    const r = checkAnswer({ problem: 'x^2', answer: 'y = 2x + * 1' });
    expect(r.verdict).toBe('invalid-answer');
    expect(r.error?.range?.start).toBeGreaterThanOrEqual(4);
  });

  it('refuses very long answers with a reading error, not a crash', () => {
    const r = checkAnswer({ problem: 'x^2', answer: `${'x+'.repeat(5000)}x` });
    expect(r.verdict).toBe('invalid-answer');
  });
});
