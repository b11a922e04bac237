// A race prepares its objective once: the gradient is derived once however many optimizers
// run on it, and the Hessian (Newton's method) once however many Newton runs there are.
import { describe, expect, it, vi } from 'vitest';
import {
  type OptimizerAttributes,
  prepareFromSettings,
  raceRuns,
  readSettings,
} from '../components/shared/optimizer-settings.js';
import * as calculus from '../src/calculus/index.js';

vi.mock('../src/calculus/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/calculus/index.js')>();
  return { ...original, gradient: vi.fn(original.gradient), hessian: vi.fn(original.hessian) };
});

const ROSENBROCK = '(1 - x)^2 + 100(y - x^2)^2';

function settings(changes: Partial<OptimizerAttributes>): OptimizerAttributes {
  const blank = Object.fromEntries(['expr', 'vars', 'start', 'optimizer', 'lr', 'steps'].map((k) => [k, ''])) as never;
  return readSettings(blank, changes);
}

describe('a race derives once', () => {
  it('five optimizers on Rosenbrock: one derivation of the gradient for all five runs', () => {
    const gradient = vi.mocked(calculus.gradient);
    gradient.mockClear();
    const a = settings({ expr: ROSENBROCK, vars: 'x,y', start: '-1.2,1', lr: '0.001', steps: '50' });
    const prepared = prepareFromSettings(a);
    const ids = ['gd', 'momentum', 'nesterov', 'rmsprop', 'adam'];
    const runs = raceRuns(
      prepared,
      a,
      ids.map((id) => ({ label: id, overrides: { optimizer: id } })),
    );
    expect(runs.map((r) => r.trace?.optimizer)).toEqual(ids);
    expect(runs.every((r) => r.trace?.steps.length === 50)).toBe(true);
    // One call, on the objective itself, with respect to x and y.
    expect(gradient).toHaveBeenCalledTimes(1);
    expect(gradient.mock.calls[0]?.[1]).toMatchObject({ vars: ['x', 'y'] });
    expect(vi.mocked(calculus.hessian)).not.toHaveBeenCalled();
  });

  it("two Newton runs share one Hessian, derived from the gradient's partials", () => {
    const gradient = vi.mocked(calculus.gradient);
    gradient.mockClear();
    const a = settings({ expr: ROSENBROCK, vars: 'x,y', start: '-1.2,1', steps: '6' });
    const prepared = prepareFromSettings(a);
    const runs = raceRuns(prepared, a, [
      { label: 'newton', overrides: { optimizer: 'newton' } },
      { label: 'newton from (2, 2)', overrides: { optimizer: 'newton', start: [2, 2] } },
      { label: 'gd', overrides: { optimizer: 'gd', lr: 0.001 } },
    ]);
    expect(runs.map((r) => r.trace?.status)).toEqual(['max-steps', 'max-steps', 'max-steps']);
    expect(runs[0]?.trace?.path.at(-1)?.[0]).toBeCloseTo(1, 6);
    // The objective's gradient once, then each of its two partials once for the Hessian's rows.
    expect(gradient).toHaveBeenCalledTimes(3);
    expect(prepared.hessian().matrix.length).toBe(2);
    expect(gradient).toHaveBeenCalledTimes(3);
  });
});
