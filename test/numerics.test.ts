/**
 * Numerics of the optimizers: overflow and NaN are reported as divergence at the step where
 * they happen (with the point and a message in each language), start points outside the
 * domain are refused clearly, and extreme learning rates behave.
 */
import { describe, expect, it } from 'vitest';
import { GradstepError } from '../src/errors.js';
import { OPTIMIZER_IDS, optimize, type Trace } from '../src/optim/index.js';

const HANGUL = /[\uac00-\ud7a3]/;

function refusal(fn: () => unknown): GradstepError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GradstepError) return error;
    throw error;
  }
  throw new Error('expected a GradstepError');
}

/** The step a diverged trace names, checked against the trace itself. */
function divergedAt(trace: Trace): number {
  expect(trace.status).toBe('diverged');
  const match = /^Diverged at step (\d+): /.exec(trace.message?.en ?? '');
  expect(match, trace.message?.en).not.toBeNull();
  const k = Number(match?.[1]);
  expect(trace.message?.ko).toMatch(new RegExp(`^${k}단계에서 발산했습니다: `));
  expect(trace.message?.ko).toMatch(HANGUL);
  return k;
}

describe('overflow and NaN on the path: diverged at the right step', () => {
  it('a learning rate of 1e300 overflows at step 1 for every optimizer that follows the gradient', () => {
    for (const optimizer of OPTIMIZER_IDS.filter((id) => id !== 'gd-halving')) {
      const trace = optimize({ expr: 'x^2 + y^2', start: [1, 2], optimizer, lr: 1e300, steps: 20 });
      expect(divergedAt(trace), optimizer).toBe(1);
      // The path ends at the step that broke; everything before it is finite.
      expect(trace.path).toHaveLength(2);
      expect(trace.values[0]).toBe(5);
      expect(Number.isFinite(trace.values[1])).toBe(false);
      expect(trace.message?.en).toContain('infinite (overflow)');
      expect(trace.message?.en).toContain('smaller learning rate than ε = 1e+300');
    }
  });

  it('step halving with ε = 1e300 says the rate is too large, not that the point is stationary (regression)', () => {
    const trace = optimize({ expr: 'x^2 + y^2', start: [1, 2], optimizer: 'gd-halving', lr: 1e300, steps: 20 });
    expect(trace.status).toBe('stopped');
    expect(trace.message?.en).toMatch(/learning rate is far too large/);
    expect(trace.message?.en).not.toMatch(/stationary/);
    expect(trace.message?.ko).toMatch(HANGUL);
    // At a true (numerical) minimum it still says stationary.
    const flat = optimize({ expr: '(x - 1/3)^2', start: [1 / 3 + 1e-17], optimizer: 'gd-halving', lr: 0.1, steps: 5 });
    if (flat.status === 'stopped') expect(flat.message?.en).toMatch(/stationary/);
  });

  it('growth: x^4 with a large rate diverges at the step where the loss passes 1e12 times its start', () => {
    const trace = optimize({ expr: 'x^4', start: [10], optimizer: 'gd', lr: 0.1, steps: 50 });
    const k = divergedAt(trace);
    expect(Math.abs(trace.values[k] as number)).toBeGreaterThan(1e12 * (trace.values[0] as number));
    expect(trace.values.slice(0, k).every((v) => Math.abs(v) <= 1e12 * (trace.values[0] as number))).toBe(true);
  });

  it('overflow in f at a finite point: exp(x^2) from 2 with ε = 1', () => {
    const trace = optimize({ expr: 'exp(x^2)', start: [2], optimizer: 'gd', lr: 1, steps: 50 });
    const k = divergedAt(trace);
    expect(Number.isFinite(trace.path[k]?.[0])).toBe(true);
    expect(trace.values[k]).toBe(Infinity);
    expect(trace.message?.en).toMatch(/f\(w\^\(\d+\)\) at w\^\(\d+\) = .* is infinite \(overflow\)/);
  });

  it('a step out of the domain is NaN, reported with the point: ln(x) and sqrt(x) stepping below 0', () => {
    for (const expr of ['ln(x)', 'sqrt(x)']) {
      const trace = optimize({ expr, start: [1], optimizer: 'gd', lr: 10, steps: 10 });
      expect(divergedAt(trace)).toBe(1);
      expect(trace.path[1]?.[0]).toBeLessThan(0);
      expect(trace.message?.en).toMatch(/is undefined \(NaN\): the step left the domain or overflowed/);
      expect(trace.message?.en).toContain(`w^(1) = ${trace.path[1]?.[0]}`);
    }
  });

  it('a gradient that is NaN where f is finite (|x| at its kink) stops there, at that step, and is not divergence', () => {
    const trace = optimize({ expr: 'abs(x)', start: [1], optimizer: 'gd', lr: 0.5, steps: 10 });
    // Landing exactly on the minimum of |x| (issue #14): converged there, not diverged.
    expect(trace.status).toBe('converged');
    expect(trace.message?.en).toMatch(/^Reached a minimum at step 2: w\^\(2\) = 0 is a corner of f/);
    expect(trace.message?.ko).toMatch(HANGUL);
    expect(trace.path.at(-1)).toEqual([0]);
    expect(trace.values.at(-1)).toBe(0);
  });

  it('an optimizer never reports a non-finite point on a path it calls converged or finished', () => {
    const cases = [
      { expr: '1/x + x', start: [2], lr: 3 },
      { expr: 'x*sin(1/x)', start: [0.5], lr: 0.25 },
      { expr: 'sqrt(x^2 + 1e-300)', start: [1], lr: 0.7 },
      { expr: 'ln(1 + exp(x))', start: [700], lr: 1 },
      { expr: 'tan(x)', start: [1], lr: 0.5 },
    ];
    for (const { expr, start, lr } of cases) {
      for (const optimizer of OPTIMIZER_IDS) {
        const trace = optimize({ expr, start, optimizer, lr, steps: 30, tex: false });
        if (trace.status === 'diverged') divergedAt(trace);
        else expect(trace.path.flat().every(Number.isFinite), `${optimizer} on ${expr}`).toBe(true);
      }
    }
  });
});

describe('start points outside the domain or overflowing: a clear error before any step', () => {
  it.each<[string, number[]]>([
    ['sqrt(x)', [-1]],
    ['ln(x)', [0]],
    ['ln(x)', [-3]],
    ['1/x', [0]],
    ['asin(x)', [2]],
    ['sqrt(x) + y^2', [-1, 1]],
    ['exp(exp(x))', [10]],
    ['x^2', [1e200]],
  ])('%s at %j', (expr, start) => {
    const error = refusal(() => optimize({ expr, start, optimizer: 'adam', lr: 0.1 }));
    expect(error.code).toBe('optim/undefined-at-start');
    expect(error.messages.en).toMatch(/choose another start/);
    expect(error.messages.ko).toMatch(HANGUL);
  });

  it('non-finite start coordinates and learning rates are refused', () => {
    for (const start of [[Number.NaN], [Infinity], [-Infinity]]) {
      expect(refusal(() => optimize({ expr: 'x^2', start, optimizer: 'gd', lr: 0.1 })).code).toBe('optim/bad-start');
    }
    for (const lr of [0, -1, Number.NaN, Infinity, -0]) {
      expect(refusal(() => optimize({ expr: 'x^2', start: [1], optimizer: 'gd', lr })).code).toBe(
        'optim/bad-learning-rate',
      );
    }
  });
});

describe('extreme learning rates', () => {
  it('ε = 1e-300: every optimizer moves by (next to) nothing, and says so with finite numbers', () => {
    for (const optimizer of OPTIMIZER_IDS) {
      const trace = optimize({ expr: 'x^2 + y^2', start: [1, 2], optimizer, lr: 1e-300, steps: 20 });
      expect(trace.status, optimizer).toBe('max-steps');
      expect(trace.path.flat().every(Number.isFinite)).toBe(true);
      const last = trace.path.at(-1) as number[];
      if (optimizer !== 'newton' && optimizer !== 'gd-halving') expect(last).toEqual([1, 2]);
      for (const step of trace.steps) expect(step.tex.substituted).not.toMatch(/NaN|Infinity/);
    }
  });

  it('tiny and huge scales of the function: 1e-300·x² and 1e300·x²', () => {
    const tiny = optimize({ expr: '1e-300*x^2', start: [1], optimizer: 'adam', lr: 0.1, steps: 5 });
    expect(tiny.status).toBe('max-steps');
    expect(tiny.path.flat().every(Number.isFinite)).toBe(true);
    // g² underflows to 0, so Adam's step is ε·g/δ ≈ 2e-293: finite, and no NaN from 0/0.
    expect(tiny.path[1]?.[0]).toBeLessThanOrEqual(1);
    expect(tiny.path[1]?.[0]).toBeGreaterThan(0.5);
    const huge = optimize({ expr: '1e300*x^2', start: [1], optimizer: 'gd', lr: 0.1, steps: 5 });
    expect(divergedAt(huge)).toBe(1);
  });

  it('momentum with α close to 1 and adaptive methods with a tiny δ stay finite on a bowl', () => {
    const m = optimize({ expr: 'x^2', start: [1], optimizer: 'momentum', lr: 0.1, hyper: { alpha: 0.999999 } });
    expect(m.path.flat().every(Number.isFinite)).toBe(true);
    for (const optimizer of ['adagrad', 'rmsprop', 'adam']) {
      const t = optimize({ expr: 'x^2', start: [0], optimizer, lr: 0.1, hyper: { delta: 1e-300 }, steps: 5 });
      // A zero gradient with δ ≈ 0: 0/(0 + δ) is 0, not NaN.
      expect(t.path.flat(), optimizer).toEqual(Array(6).fill(0));
    }
  });
});
