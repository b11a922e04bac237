import { expect, it } from 'vitest';
import * as gradstep from '../src/index.js';

it('the package entry exposes the whole engine, working together', () => {
  const parsed = gradstep.parse('3x^3 - 2x + 1');
  const d = gradstep.differentiate(parsed.expr, { wrt: 'x' });
  expect(gradstep.toText(d.result)).toBe('9*x^2 - 2');
  expect(gradstep.toTex(d.result)).toBe('9x^{2}-2');
  expect(gradstep.checkAnswer({ problem: '(2x-1)^3', answer: '6(2x-1)^2' }).verdict).toBe('correct');
  const trace = gradstep.optimize({ expr: 'x^2 - 4x + 6', start: [4], optimizer: 'gd', lr: 0.2, steps: 1 });
  expect(trace.path).toEqual([[4], [3.2]]);
  expect(gradstep.compile(parsed.expr, ['x'])(2)).toBe(21);
  expect(() => gradstep.parse('x=2')).toThrow(gradstep.GradstepError);
});
