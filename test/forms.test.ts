import { describe, expect, it } from 'vitest';
import { answerForm, answerForms, type FormName, sameForm, sameFunction } from '../src/calculus/forms.js';
import { differentiate } from '../src/calculus/index.js';
import { parse } from '../src/expr/parse.js';
import { toTex } from '../src/expr/print-tex.js';
import { toText } from '../src/expr/print-text.js';

const answer = (text: string, wrt = 'x') => toText(differentiate(text, { wrt }).result);
const form = (text: string, name: FormName, wrt = 'x') => toText(answerForm(differentiate(text, { wrt }).result, name));
/** Whether the answer has the terms and factors of `expected` (in any order). */
const reads = (text: string, expected: string, wrt = 'x') =>
  sameForm(differentiate(text, { wrt }).result, parse(expected, { vars: [wrt] }).expr);

describe('the textbook form (the default answer)', () => {
  it("keeps the product and quotient rules' sums", () => {
    expect(answer('x^2 e^x')).toBe('2*x*e^x + x^2*e^x');
    expect(answer('x^2 cot(x)')).toBe('2*x*cot(x) - x^2*csc(x)^2');
    expect(answer('sec(x)/x')).toBe('(x*sec(x)*tan(x) - sec(x))/x^2');
    expect(answer('54x^5 - 39/(x + 1)')).toBe('270*x^4 + 39/(x + 1)^2');
  });

  it('keeps signs and order as in the question', () => {
    expect(answer('(5 - 2x)^3')).toBe('-6*(5 - 2*x)^2');
    expect(answer('ln(1 - sin(x))')).toBe('-cos(x)/(1 - sin(x))');
    expect(answer('ln(1 + x^2)')).toBe('2*x/(1 + x^2)');
    expect(answer('pi r^2 h', 'r')).toBe('2*pi*r*h');
    expect(answer('sec(x)')).toBe('sec(x)*tan(x)');
    // The sums of the rules' formulas in their conventional order, a constant first: d/dx arctan x = 1/(1 + x²).
    expect(answer('atan(x)')).toBe('1/(1 + x^2)');
    expect(answer('atan(2x)')).toBe('2/(1 + 4*x^2)');
    expect(answer('asin(x)')).toBe('1/sqrt(1 - x^2)');
    expect(answer('ln(x^2 + 1)')).toBe('2*x/(x^2 + 1)');
    expect(answer('x + x^3')).toBe('1 + 3*x^2');
  });

  it('writes the chain rule as outer × inner', () => {
    expect(answer('(x/7 + 7/x)^7')).toBe('7*(x/7 + 7/x)^6*(1/7 - 7/x^2)');
    expect(reads('x^cot(x)', 'x^cot(x)*(-csc(x)^2*ln(x) + cot(x)/x)')).toBe(true);
    expect(reads('x^pi pi^x', 'pi*x^(pi - 1)*pi^x + x^pi*pi^x*ln(pi)')).toBe(true);
    // Logarithmic differentiation keeps y·[…] with y the function: APEX Calculus 2.6 #39.
    expect(reads('x^x/(x + 1)', 'x^x/(x + 1)*(ln(x) + 1 - 1/(x + 1))')).toBe(true);
  });

  it('keeps powers and radicals as written and multiplies out numbers', () => {
    expect(answer('sqrt(2x)')).toBe('1/sqrt(2*x)');
    expect(answer('1/sin(x)^4')).not.toMatch(/cot|csc/);
    expect(answer('cos(x/8)')).toBe('-sin(x/8)/8');
  });

  it('uses the identities a textbook uses', () => {
    expect(answer('ln(2) log(x, 2)')).toBe('1/x');
    expect(answer('ln(cos(x))')).toBe('-tan(x)');
    // The laws of exponents before differentiating: 3ʷ/2ʷ = (3/2)ʷ, 2ˣ3ˣ4ˣ = 24ˣ (APEX Calculus 2.5 #26, #44).
    expect(answer('3^w/2^w', 'w')).toBe('ln(3/2)*(3/2)^w');
    expect(answer('2^x 3^x 4^x')).toBe('ln(24)*24^x');
    expect(toTex(differentiate('ln(x^2 + 1)').result)).not.toMatch(/\\log/);
  });

  it('cancels what cancels exactly', () => {
    expect(answer('(x + 7)/(x - 5)')).toBe('-12/(x - 5)^2');
    expect(answer('x^3 ln(x)')).toBe('3*x^2*ln(x) + x^2');
    // As APEX Calculus 2.4 #14 prints it (before noting that f(t) = t − 1).
    expect(reads('(t^2 - 1)/(t + 1)', '((t + 1)*(2*t) - (t^2 - 1))/(t + 1)^2', 't')).toBe(true);
  });
});

describe('the smallest form (a named second form)', () => {
  it('uses the double-angle identities where they shorten the answer', () => {
    expect(form('sin(x)^2', 'smallest')).toBe('sin(2*x)');
    expect(form('sin(x)*cos(x)', 'smallest')).toBe('cos(2*x)');
  });

  it('multiplies out a denominator that is a product with a sum in it', () => {
    expect(form('log(sqrt(e^(2x) + 1) + 1)', 'smallest')).toBe('e^(2*x)/(e^(2*x) + sqrt(e^(2*x) + 1) + 1)');
  });

  it('keeps the factored form where it is not longer', () => {
    expect(form('(2x - 1)^3', 'smallest')).toBe('6*(2*x - 1)^2');
    expect(form('3x^3 - 2x + 1', 'smallest')).toBe('9*x^2 - 2');
  });
});

describe('other common forms', () => {
  it('offers the factored, common-denominator and expanded forms, each equal to the answer', () => {
    const d = differentiate('x^2 e^x');
    const forms = answerForms(d.result);
    expect(forms.map((f) => [f.name, toText(f.expr)])).toContainEqual(['factored', 'x*(x + 2)*e^x']);
    for (const f of forms) expect(sameFunction(f.expr, d.result)).toBe(true);
    expect(forms.map((f) => toText(f.expr))).not.toContain(toText(d.result));
    const over = answerForms(differentiate('54x^5 - 39/(x + 1)').result).find((f) => f.name === 'common-denominator');
    expect(over && toText(over.expr)).toBe('(270*x^4*(x + 1)^2 + 39)/(x + 1)^2');
    const expanded = answerForms(differentiate('(x^2 + 1)^2').result).find((f) => f.name === 'expanded');
    expect(expanded && toText(expanded.expr)).toBe('4*x^3 + 4*x');
  });

  it('lists no duplicates and nothing for an answer that has one form', () => {
    expect(answerForms(differentiate('x^3').result)).toEqual([]);
    const texts = answerForms(differentiate('x^2 sin(x)').result).map((f) => toText(f.expr));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('tells forms apart by their terms and factors, not their order', () => {
    const p = (t: string) => parse(t).expr;
    expect(sameForm(p('x^2*e^x + 2*x*e^x'), p('2*x*e^x + e^x*x^2'))).toBe(true);
    expect(sameForm(p('x*(x + 2)*e^x'), p('x^2*e^x + 2*x*e^x'))).toBe(false);
    expect(sameForm(p('-12/(x - 5)^2'), p('(-12)*(x - 5)^(-2)'))).toBe(true);
    expect(sameForm(p('1/(2*sqrt(x))'), p('(1/2)*x^(-1/2)'))).toBe(true);
    expect(sameForm(p('6*(5 - 2*x)^2'), p('6*(2*x - 5)^2'))).toBe(false);
  });

  it('refuses a form that is not equal', () => {
    expect(sameFunction(parse('x^2').expr, parse('x*abs(x)').expr)).toBe(false);
  });
});

describe('the checker names the form of a correct answer', () => {
  it('says textbook, factored, expanded or common-denominator form, in English and Korean', async () => {
    const { checkAnswer } = await import('../src/check/check.js');
    const cases: [string, string, FormName][] = [
      ['x^2 e^x', 'x^2 e^x + 2x e^x', 'textbook'],
      ['x^2 e^x', 'e^x x (2 + x)', 'factored'],
      ['(x^2 + 1)^2', '4x^3 + 4x', 'expanded'],
      ['54x^5 - 39/(x + 1)', '(270x^4 (x + 1)^2 + 39)/(x + 1)^2', 'common-denominator'],
    ];
    for (const [problem, answer, form] of cases) {
      const r = checkAnswer({ problem, answer });
      expect([problem, answer, r.verdict, r.form]).toEqual([problem, answer, 'correct', form]);
      expect(r.messages.en).toContain('form');
      expect(r.messages.ko).toContain('꼴');
    }
    const other = checkAnswer({ problem: 'x^2', answer: 'x + x' });
    expect(other.correct).toBe(true);
    expect(other.form).toBeUndefined();
  });
});
