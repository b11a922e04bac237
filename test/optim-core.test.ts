// The numeric core on hand-written gradients, against the independent numpy reference
// sequences in fixtures/optimizers.json (made by fixtures/scripts/make_optimizers.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GradstepError } from '../src/errors.js';
import { findOptimizer, OPTIMIZERS } from '../src/optim/optimizers.js';
import { type NumericProblem, resolveHyper, runNumeric } from '../src/optim/run.js';
import type { Convention, Vec } from '../src/optim/types.js';
import { mulberry32, shuffleInPlace } from '../src/util/prng.js';

interface FixtureRun {
  fn: string;
  vars: string[];
  start: number[];
  optimizer: string;
  convention: Convention;
  lr: number;
  hyper: Record<string, number | string>;
  steps: number;
  path: number[][];
  values: number[];
}
interface Fixture {
  runs: FixtureRun[];
  lessonRuns: (Omit<FixtureRun, 'convention' | 'hyper'> & { gradients: number[] })[];
}

const fixture = JSON.parse(readFileSync('fixtures/optimizers.json', 'utf8')) as Fixture;

type Fn = (w: Vec) => number;
type Grad = (w: Vec) => number[];
const get = (w: Vec, i: number) => w[i] as number;

const PROBLEMS: Record<string, { f: Fn; g: Grad; h?: (w: Vec) => number[] }> = {
  rosenbrock: {
    f: (w) => (1 - get(w, 0)) ** 2 + 100 * (get(w, 1) - get(w, 0) ** 2) ** 2,
    g: (w) => {
      const [x, y] = [get(w, 0), get(w, 1)];
      return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)];
    },
    h: (w) => {
      const [x, y] = [get(w, 0), get(w, 1)];
      return [2 - 400 * y + 1200 * x * x, -400 * x, -400 * x, 200];
    },
  },
  beale: {
    f: (w) => {
      const [x, y] = [get(w, 0), get(w, 1)];
      return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2;
    },
    g: (w) => {
      const [x, y] = [get(w, 0), get(w, 1)];
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y ** 2;
      const c = 2.625 - x + x * y ** 3;
      return [
        2 * a * (y - 1) + 2 * b * (y ** 2 - 1) + 2 * c * (y ** 3 - 1),
        2 * a * x + 2 * b * (2 * x * y) + 2 * c * (3 * x * y ** 2),
      ];
    },
  },
  himmelblau: {
    f: (w) => (get(w, 0) ** 2 + get(w, 1) - 11) ** 2 + (get(w, 0) + get(w, 1) ** 2 - 7) ** 2,
    g: (w) => {
      const [x, y] = [get(w, 0), get(w, 1)];
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
    },
  },
  bowl: {
    f: (w) => 3 * (get(w, 0) - 2) ** 2 + (get(w, 1) - 2) ** 2,
    g: (w) => [6 * (get(w, 0) - 2), 2 * (get(w, 1) - 2)],
    h: () => [6, 0, 0, 2],
  },
  quadratic1d: { f: (w) => get(w, 0) ** 2 - 4 * get(w, 0) + 6, g: (w) => [2 * get(w, 0) - 4], h: () => [2] },
  xsinx: {
    f: (w) => get(w, 0) * Math.sin(get(w, 0)),
    g: (w) => [Math.sin(get(w, 0)) + get(w, 0) * Math.cos(get(w, 0))],
  },
};

function problemFor(fn: string, n: number): NumericProblem {
  const p = PROBLEMS[fn];
  if (!p) throw new Error(`no hand-written problem ${fn}`);
  return {
    n,
    f: p.f,
    grad: (w) => Float64Array.from(p.g(w)),
    ...(p.h ? { hessian: (w: Vec) => Float64Array.from((p.h as (w: Vec) => number[])(w)) } : {}),
  };
}

function expectClose(actual: readonly number[], expected: readonly number[], rel = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] as number;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(rel * Math.max(1e-12, Math.abs(e)) + 1e-300);
  });
}

function numericHyper(h: Record<string, number | string>): Record<string, number> {
  return Object.fromEntries(Object.entries(h).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
}

describe('optimizer definitions', () => {
  it('has every required optimizer, each with all three conventions and TeX for each equation', () => {
    const ids = OPTIMIZERS.map((o) => o.id);
    expect(ids).toEqual(['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'gd-halving', 'newton']);
    expect(findOptimizer('sgd')?.id).toBe('gd');
    expect(findOptimizer('SGD')?.id).toBe('gd');
    expect(findOptimizer('lbfgs')).toBeUndefined();
    for (const o of OPTIMIZERS) {
      expect(o.name.ko.length).toBeGreaterThan(0);
      for (const c of ['textbook', 'pytorch', 'keras'] as const)
        expect(o.conventions[c].equations.length).toBeGreaterThan(0);
    }
  });

  it('uses the documented defaults', () => {
    const adam = findOptimizer('adam');
    const rms = findOptimizer('rmsprop');
    const ada = findOptimizer('adagrad');
    const mom = findOptimizer('momentum');
    if (!adam || !rms || !ada || !mom) throw new Error('missing');
    expect(resolveHyper(mom, 'textbook')).toEqual({ alpha: 0.9 });
    expect(resolveHyper(ada, 'textbook')).toEqual({ delta: 1e-7, initialAccumulator: 0 });
    expect(resolveHyper(ada, 'keras')).toEqual({ delta: 1e-7, initialAccumulator: 0.1 });
    expect(resolveHyper(rms, 'textbook')).toEqual({ rho: 0.9, delta: 1e-6 });
    expect(resolveHyper(rms, 'pytorch')).toEqual({ rho: 0.99, delta: 1e-8 });
    expect(resolveHyper(adam, 'textbook')).toEqual({ rho1: 0.9, rho2: 0.999, delta: 1e-8 });
    expect(resolveHyper(adam, 'keras')).toEqual({ rho1: 0.9, rho2: 0.999, delta: 1e-7 });
  });

  it('rejects bad hyper-parameters with GradstepError', () => {
    const rms = findOptimizer('rmsprop');
    if (!rms) throw new Error('missing');
    for (const rho of [1, -0.1, 1.5, Number.NaN]) {
      expect(() => resolveHyper(rms, 'textbook', { rho })).toThrow(GradstepError);
    }
    expect(() => resolveHyper(rms, 'textbook', { delta: 0 })).toThrow(GradstepError);
    expect(() => resolveHyper(rms, 'textbook', { alpha: 0.5 })).toThrow(
      /no hyper-parameter alpha \(it has: rho, delta\)/,
    );
    expect(resolveHyper(rms, 'textbook', { rho: 0 }).rho).toBe(0);
  });
});

describe('numeric core against the numpy reference sequences', () => {
  expect(fixture.runs.length).toBe(90);
  for (const run of fixture.runs) {
    it(`${run.optimizer} · ${run.convention} on ${run.fn}`, () => {
      const optimizer = findOptimizer(run.optimizer);
      if (!optimizer) throw new Error(run.optimizer);
      const hyper = resolveHyper(optimizer, run.convention, numericHyper(run.hyper));
      // The fixture's hyper-parameters are the convention defaults: check that too.
      expect(hyper).toEqual({ ...resolveHyper(optimizer, run.convention), ...numericHyper(run.hyper) });
      const result = runNumeric(problemFor(run.fn, run.vars.length), {
        optimizer,
        convention: run.convention,
        lr: run.lr,
        hyper,
        start: run.start,
        steps: run.steps,
      });
      expect(result.status).toBe('max-steps');
      expect(result.path.length).toBe(run.steps + 1);
      for (const [i, p] of result.path.entries()) expectClose(p, run.path[i] as number[]);
      expectClose(result.values, run.values);
    });
  }

  for (const run of fixture.lessonRuns) {
    it(`the lesson's run: ${run.fn} from ${run.start[0]} with ε = ${run.lr}`, () => {
      const gd = findOptimizer('gd');
      if (!gd) throw new Error('gd');
      const result = runNumeric(problemFor(run.fn, 1), {
        optimizer: gd,
        convention: 'textbook',
        lr: run.lr,
        hyper: resolveHyper(gd, 'textbook'),
        start: run.start,
        steps: run.steps,
      });
      for (const [i, p] of result.path.entries()) expectClose(p, run.path[i] as number[]);
      for (const [i, s] of result.steps.entries()) expectClose(s.grad, [run.gradients[i] as number]);
    });
  }

  it('reproduces the lesson by hand: 4 → 3.2 → 2.72 → 2.432 and the ε = 1 oscillation', () => {
    const gd = findOptimizer('gd');
    if (!gd) throw new Error('gd');
    const settings = {
      optimizer: gd,
      convention: 'textbook' as const,
      hyper: resolveHyper(gd, 'textbook'),
      start: [4],
    };
    const run = runNumeric(problemFor('quadratic1d', 1), { ...settings, lr: 0.2, steps: 3 });
    expectClose(
      run.path.map((p) => p[0] as number),
      [4, 3.2, 2.72, 2.432],
      1e-12,
    );
    const swing = runNumeric(problemFor('quadratic1d', 1), { ...settings, lr: 1, steps: 4 });
    expect(swing.path.map((p) => p[0])).toEqual([4, 0, 4, 0, 4]);
    expect(swing.values).toEqual([6, 6, 6, 6, 6]);
  });
});

describe('run status and errors', () => {
  const gd = findOptimizer('gd');
  if (!gd) throw new Error('gd');
  const base = { optimizer: gd, convention: 'textbook' as const, hyper: resolveHyper(gd, 'textbook') };

  it('diverges with a message naming the step and suggesting a smaller rate', () => {
    const run = runNumeric(problemFor('quadratic1d', 1), { ...base, lr: 1.5, start: [4], steps: 200 });
    expect(run.status).toBe('diverged');
    const k = run.path.length - 1;
    expect(run.message?.en).toContain(`step ${k}`);
    expect(run.message?.en).toMatch(/smaller learning rate/);
    expect(run.message?.ko).toContain('학습률');
    expect(run.steps.length).toBe(k);
  });

  it('converges only when a tolerance is given, and runs exactly N steps otherwise', () => {
    const plain = runNumeric(problemFor('quadratic1d', 1), { ...base, lr: 0.5, start: [4], steps: 5 });
    expect(plain.status).toBe('max-steps');
    expect(plain.path.length).toBe(6);
    const tol = runNumeric(problemFor('quadratic1d', 1), { ...base, lr: 0.5, start: [4], steps: 5, tol: 1e-9 });
    expect(tol.status).toBe('converged');
    expect(tol.path.length).toBe(2);
  });

  it('rejects bad settings', () => {
    const p = problemFor('quadratic1d', 1);
    expect(() => runNumeric(p, { ...base, lr: 0, start: [4], steps: 1 })).toThrow(GradstepError);
    expect(() => runNumeric(p, { ...base, lr: -1, start: [4], steps: 1 })).toThrow(GradstepError);
    expect(() => runNumeric(p, { ...base, lr: Number.POSITIVE_INFINITY, start: [4], steps: 1 })).toThrow(GradstepError);
    expect(() => runNumeric(p, { ...base, lr: 0.1, start: [4, 1], steps: 1 })).toThrow(/1 coordinate/);
    expect(() => runNumeric(p, { ...base, lr: 0.1, start: [4], steps: -1 })).toThrow(GradstepError);
    const log: NumericProblem = { n: 1, f: (w) => Math.log(get(w, 0)), grad: (w) => Float64Array.of(1 / get(w, 0)) };
    expect(() => runNumeric(log, { ...base, lr: 0.1, start: [-1], steps: 1 })).toThrow(/undefined at the start/);
  });

  it('halves the rate when a step would raise the loss, and keeps the smaller rate', () => {
    const halving = findOptimizer('gd-halving');
    if (!halving) throw new Error('gd-halving');
    const run = runNumeric(problemFor('quadratic1d', 1), {
      optimizer: halving,
      convention: 'textbook',
      hyper: resolveHyper(halving, 'textbook'),
      lr: 1.5,
      start: [4],
      steps: 3,
    });
    expect(run.status).toBe('max-steps');
    // ε = 1.5 would go to 4 - 1.5·4 = -2 (f = 18 > 6); ε = 0.75 goes to 1 (f = 3).
    expect(run.steps[0]?.notes.length).toBe(1);
    expect(run.steps[0]?.stateAfter.eps).toEqual([0.75]);
    expect(run.path[1]).toEqual([1]);
    expect(run.values.every((v, i) => i === 0 || v <= (run.values[i - 1] as number))).toBe(true);
  });

  it('takes Newton steps with the Hessian and stops clearly on a singular one', () => {
    const newton = findOptimizer('newton');
    if (!newton) throw new Error('newton');
    const settings = { optimizer: newton, convention: 'textbook' as const, hyper: {} as never, lr: 1 };
    const bowl = runNumeric(problemFor('bowl', 2), { ...settings, start: [4, 4], steps: 1 });
    expect(bowl.path[1]).toEqual([2, 2]);
    const rosen = runNumeric(problemFor('rosenbrock', 2), { ...settings, start: [-1.2, 1], steps: 6 });
    expectClose(rosen.path[6] as number[], [1, 1], 1e-6);
    const flat: NumericProblem = {
      n: 1,
      f: (w) => get(w, 0) ** 3,
      grad: (w) => Float64Array.of(3 * get(w, 0) ** 2),
      hessian: (w) => Float64Array.of(6 * get(w, 0)),
    };
    const stop = runNumeric(flat, { ...settings, start: [0], steps: 3 });
    expect(stop.status).toBe('stopped');
    expect(stop.message?.en).toMatch(/singular/);
    const saddle: NumericProblem = {
      n: 1,
      f: (w) => -(get(w, 0) ** 2),
      grad: (w) => Float64Array.of(-2 * get(w, 0)),
      hessian: () => Float64Array.of(-2),
    };
    const up = runNumeric(saddle, { ...settings, start: [1], steps: 1 });
    expect(up.steps[0]?.notes[0]?.en).toMatch(/not positive definite/);
  });
});

describe('seeded shuffling', () => {
  it('is reproducible and a permutation', () => {
    const a = shuffleInPlace([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], mulberry32(42));
    const b = shuffleInPlace([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], mulberry32(42));
    const c = shuffleInPlace([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], mulberry32(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect([...a].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // mulberry32's first output for seed 1 (reference value of the published algorithm)
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
});
