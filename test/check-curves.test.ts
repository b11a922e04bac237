import { describe, expect, it } from 'vitest';
import { prepareProblem } from '../src/check/check.js';
import { answerCurves } from '../src/check/curves.js';

describe('answerCurves', () => {
  it('draws the expected derivative and the answer, parameters at the counterexample’s values', () => {
    const p = prepareProblem({ problem: 'a x^3', vars: ['x'] });
    const curves = answerCurves(p, '3x^2', { x: 2, a: 4 });
    expect(curves?.variable).toBe('x');
    expect(curves?.expected(2)).toBeCloseTo(3 * 4 * 4, 12);
    expect(curves?.answer(2)).toBeCloseTo(12, 12);
    // A parameter the point does not name is drawn at 1.
    expect(answerCurves(p, '3x^2', { x: 2 })?.expected(1)).toBeCloseTo(3, 12);
  });

  it('has nothing to draw with several variables, and refuses an unreadable answer by code', () => {
    expect(answerCurves(prepareProblem({ problem: 'x y', vars: ['x', 'y'] }), 'y', { x: 1, y: 1 })).toBeUndefined();
    expect(() => answerCurves(prepareProblem({ problem: 'x^2' }), '2x +', { x: 1 })).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^parse\//) }),
    );
  });
});
