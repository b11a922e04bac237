import { describe, expect, it } from 'vitest';
import { differentiate } from '../src/calculus/index.js';
import { toText } from '../src/expr/print-text.js';

const answer = (text: string, wrt = 'x') => toText(differentiate(text, { wrt }).result);

describe('shorter answer forms after simplify', () => {
  it('uses the double-angle identities where they shorten the answer', () => {
    expect(answer('sin(x)^2')).toBe('sin(2*x)');
    expect(answer('sin(x)*cos(x)')).toBe('cos(2*x)');
  });

  it('multiplies out a denominator that is a product with a sum in it', () => {
    expect(answer('log(sqrt(e^(2x) + 1) + 1)')).toBe('e^(2*x)/(e^(2*x) + sqrt(e^(2*x) + 1) + 1)');
  });

  it('keeps the factored textbook form where it is not longer', () => {
    expect(answer('(2x - 1)^3')).toBe('6*(2*x - 1)^2');
    expect(answer('3x^3 - 2x + 1')).toBe('9*x^2 - 2');
  });
});
