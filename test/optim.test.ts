// optimize(): the symbolic path (parse → calculus → simplify → compile) against the numpy
// reference sequences, the lesson's runs, the traces' TeX, SGD over data and bad settings.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { GradstepError } from '../src/errors.js';
import { DATASETS, findDataset, optimize } from '../src/optim/index.js';
import type { Convention } from '../src/optim/types.js';

interface FixtureRun {
  fn: string;
  expr: string;
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
interface LessonRun extends Omit<FixtureRun, 'convention' | 'hyper'> {
  gradients: number[];
}
const fixture = JSON.parse(readFileSync('fixtures/optimizers.json', 'utf8')) as {
  runs: FixtureRun[];
  lessonRuns: LessonRun[];
};

function expectClose(actual: readonly number[], expected: readonly number[], rel = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (const [i, a] of actual.entries()) {
    const e = expected[i] as number;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(rel * Math.max(1e-12, Math.abs(e)));
  }
}

const numeric = (h: Record<string, number | string>) =>
  Object.fromEntries(Object.entries(h).filter(([, v]) => typeof v === 'number')) as Record<string, number>;

function rendersInKatex(tex: string): void {
  expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
}

describe('every optimizer × convention on the derived, compiled gradient', () => {
  for (const run of fixture.runs) {
    it(`${run.optimizer} · ${run.convention} on ${run.fn}`, () => {
      // Hyper-parameters are left to the convention's defaults, which must be the fixture's.
      const trace = optimize({
        expr: run.expr,
        vars: run.vars,
        start: run.start,
        optimizer: run.optimizer,
        convention: run.convention,
        lr: run.lr,
        steps: run.steps,
        tex: false,
      });
      expect(trace.hyper).toMatchObject(numeric(run.hyper));
      expect(trace.status).toBe('max-steps');
      for (const [i, p] of trace.path.entries()) expectClose(p, run.path[i] as number[]);
      expectClose(trace.values, run.values);
    });
  }
});

describe("the lesson's runs", () => {
  for (const run of fixture.lessonRuns) {
    it(`${run.expr} from ${run.start[0]} with ε = ${run.lr}`, () => {
      const trace = optimize({ expr: run.expr, start: run.start, optimizer: 'gd', lr: run.lr, steps: run.steps });
      expect(trace.path.length).toBe(run.steps + 1);
      for (const [i, p] of trace.path.entries()) expectClose(p, run.path[i] as number[]);
      expectClose(
        trace.steps.map((s) => s.grad[0] as number),
        run.gradients.slice(0, run.steps),
      );
    });
  }

  it('shows 4 → 3.2 → 2.72 with the numbers in, as the lesson writes it', () => {
    const trace = optimize({ expr: 'x^2 - 4x + 6', start: [4], optimizer: 'gd', lr: 0.2, steps: 10 });
    expect(trace.path.slice(0, 4).map((p) => p[0])).toEqual([4, 3.2, 2.72, expect.closeTo(2.432, 12)]);
    expect(trace.gradient.formula).toBe('\\nabla f(x) = 2x-4');
    expect(trace.rule).toBe('x^{(k+1)} \\leftarrow x^{(k)} - \\varepsilon \\nabla f(x^{(k)})');
    const first = trace.steps[0];
    expect(first?.gradient.tex).toBe('\\nabla f(4) = 2\\cdot 4-4 = 4');
    expect(first?.tex.substituted).toBe('x^{(1)} = 4 - 0.2\\cdot 4 = 3.2');
    expect(trace.steps[1]?.tex.substituted).toBe('x^{(2)} = 3.2 - 0.2\\cdot 2.4 = 2.72');
  });

  it('oscillates 4, 0, 4 with ε = 1', () => {
    const trace = optimize({ expr: 'x^2 - 4x + 6', start: [4], optimizer: 'gd', lr: 1, steps: 6 });
    expect(trace.path.map((p) => p[0])).toEqual([4, 0, 4, 0, 4, 0, 4]);
    expect(trace.status).toBe('max-steps');
  });
});

describe('traces', () => {
  it('writes every optimizer and convention as TeX that KaTeX renders, with no hole left unfilled', () => {
    for (const optimizer of ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'gd-halving', 'newton']) {
      for (const convention of ['textbook', 'pytorch', 'keras'] as const) {
        for (const [expr, start] of [
          ['x sin x', [2.5]],
          ['3(x - 2)^2 + (y - 2)^2', [4, 4]],
          ['x^2 + y^2 + z^2 + w^2', [1, -2, 3, 0.5]],
        ] as const) {
          const trace = optimize({ expr, start, optimizer, convention, lr: 0.1, steps: 2 });
          rendersInKatex(trace.rule);
          rendersInKatex(trace.gradient.formula);
          for (const step of trace.steps) {
            for (const tex of [step.tex.general, step.tex.substituted, step.gradient.tex]) {
              expect(tex).not.toMatch(/undefined|\?|NaN/);
              rendersInKatex(tex);
            }
          }
        }
      }
    }
  });

  it('uses vector notation with component-wise substitution for two parameters', () => {
    const trace = optimize({
      expr: '3(x - 2)^2 + (y - 2)^2',
      start: [4, 4],
      optimizer: 'momentum',
      lr: 0.05,
      steps: 2,
    });
    expect(trace.params).toBe('\\mathbf{w} = (x, y)');
    expect(trace.rule).toContain(
      '\\mathbf{v} &\\leftarrow \\alpha \\mathbf{v} - \\varepsilon \\nabla f(\\mathbf{w}^{(k)})',
    );
    const step = trace.steps[0];
    expect(step?.gradient.tex).toBe(
      '\\nabla f(4, 4) = \\begin{pmatrix}6(4-2)\\\\2(4-2)\\end{pmatrix} = \\begin{pmatrix}12\\\\4\\end{pmatrix}',
    );
    expect(step?.tex.substituted).toContain(
      '\\mathbf{v} &= 0.9\\cdot \\begin{pmatrix}0\\\\0\\end{pmatrix} - 0.05\\cdot \\begin{pmatrix}12\\\\4\\end{pmatrix} = \\begin{pmatrix}-0.6\\\\-0.2\\end{pmatrix}',
    );
    expect(step?.tex.substituted).toContain(
      '\\mathbf{w}^{(1)} &= \\begin{pmatrix}4\\\\4\\end{pmatrix} + \\begin{pmatrix}-0.6\\\\-0.2\\end{pmatrix}',
    );
    expect(step?.state.before).toEqual({ v: [0, 0] });
    expect(step?.state.after.v?.[0]).toBeCloseTo(-0.6, 15);
  });

  it('records Adam’s bias-corrected moments and shows k + 1 as a number', () => {
    const trace = optimize({ expr: 'x^2', start: [1], optimizer: 'adam', lr: 0.1, steps: 1 });
    const step = trace.steps[0];
    // s = 0.1·2 = 0.2, ŝ = 0.2/(1 − 0.9) = 2; r = 0.001·4, r̂ = 4: w = 1 − 0.1·2/(1e-8 + 2)
    expect(step?.extras.sHat?.[0]).toBeCloseTo(2, 12);
    expect(step?.extras.rHat?.[0]).toBeCloseTo(4, 12);
    expect(step?.next[0]).toBeCloseTo(1 - 0.2 / (1e-8 + 2), 14);
    expect(step?.tex.substituted).toContain('1 - 0.9^{1}');
  });

  it('reports divergence naming the step and suggesting a smaller learning rate', () => {
    const trace = optimize({ expr: 'x^2 - 4x + 6', start: [4], optimizer: 'gd', lr: 1.5, steps: 500 });
    expect(trace.status).toBe('diverged');
    expect(trace.message?.en).toMatch(/^Diverged at step \d+/);
    expect(trace.message?.en).toContain('smaller learning rate');
    expect(trace.steps.length).toBeLessThan(500);
  });

  it('converges only with a tolerance', () => {
    const options = { expr: '3(x - 2)^2 + (y - 2)^2', start: [4, 4], optimizer: 'newton', steps: 5 } as const;
    expect(optimize(options).status).toBe('max-steps');
    const done = optimize({ ...options, tol: 1e-10 });
    expect(done.status).toBe('converged');
    expect(done.path.at(-1)).toEqual([2, 2]);
  });

  it('stops Newton clearly on a singular Hessian', () => {
    const trace = optimize({ expr: 'x^4', start: [0], optimizer: 'newton', steps: 3 });
    expect(trace.status).toBe('stopped');
    expect(trace.message?.en).toMatch(/singular/);
  });
});

describe('SGD over data', () => {
  const line = findDataset('line');
  if (!line) throw new Error('line data set');

  it('ships deterministic data sets', () => {
    expect(DATASETS.map((d) => d.id)).toEqual(['line', 'logistic']);
    expect(line.rows.length).toBe(20);
    expect(line.rows[0]?.[0]).toBe(-2);
    // generated deterministically: the same rows as a fixed snapshot of the first three
    expect(line.rows.slice(0, 3).map((r) => r.length)).toEqual([2, 2, 2]);
  });

  it('uses the mean of the per-sample gradients over each shuffled batch, reproducibly', () => {
    const options = {
      expr: '(w*x + b - y)^2',
      vars: ['w', 'b'],
      data: { columns: line.columns, rows: line.rows },
      start: [0, 0],
      optimizer: 'sgd',
      lr: 0.05,
      batchSize: 5,
      epochs: 3,
      seed: 11,
    } as const;
    const a = optimize(options);
    const b = optimize(options);
    expect(a.path).toEqual(b.path);
    expect(a.steps.length).toBe(12);
    const first = a.steps[0];
    const rows = first?.batch?.rows ?? [];
    expect(rows.length).toBe(5);
    // hand-computed mean gradient of (wx + b − y)² at w = b = 0 over the batch rows
    const gw = rows.reduce((s, i) => s + 2 * -(line.rows[i]?.[1] as number) * (line.rows[i]?.[0] as number), 0) / 5;
    const gb = rows.reduce((s, i) => s + 2 * -(line.rows[i]?.[1] as number), 0) / 5;
    expectClose(first?.grad ?? [], [gw, gb], 1e-12);
    expect(first?.batch?.data).toEqual(rows.map((i) => line.rows[i]));
    // each epoch visits every row once
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen = a.steps.filter((s) => s.batch?.epoch === epoch).flatMap((s) => s.batch?.rows ?? []);
      expect([...seen].sort((p, q) => p - q)).toEqual([...Array(20).keys()]);
    }
    const other = optimize({ ...options, seed: 12 });
    expect(other.steps[0]?.batch?.rows).not.toEqual(rows);
    // it learns the line
    const long = optimize({ ...options, epochs: 60 });
    expect(long.path.at(-1)?.[0]).toBeCloseTo(2, 0);
    expect(long.path.at(-1)?.[1]).toBeCloseTo(1, 0);
    expect(long.values.at(-1)).toBeLessThan(long.values[0] as number);
    expect(long.data).toEqual({ columns: ['x', 'y'], rows: 20, batchSize: 5, epochs: 60, seed: 11 });
  });

  it('runs a built-in data set by id', () => {
    const trace = optimize({
      expr: 'ln(1 + exp(w*x + b)) - y*(w*x + b)',
      vars: ['w', 'b'],
      data: 'logistic',
      start: [0, 0],
      optimizer: 'adam',
      lr: 0.1,
      epochs: 5,
    });
    expect(trace.status).toBe('max-steps');
    expect(trace.values.at(-1)).toBeLessThan(trace.values[0] as number);
  });
});

describe('bad settings', () => {
  const base = { expr: 'x^2 - 4x + 6', start: [4], optimizer: 'gd', lr: 0.1 } as const;
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(GradstepError);
      return (e as GradstepError).code;
    }
    throw new Error('expected a GradstepError');
  };

  it('gives clear errors', () => {
    expect(code(() => optimize({ ...base, lr: 0 }))).toBe('optim/bad-learning-rate');
    expect(code(() => optimize({ ...base, lr: Number.NaN }))).toBe('optim/bad-learning-rate');
    expect(code(() => optimize({ ...base, optimizer: 'rmsprop', hyper: { rho: 1 } }))).toBe('optim/bad-hyper');
    expect(code(() => optimize({ ...base, start: [1, 2] }))).toBe('optim/bad-start');
    expect(code(() => optimize({ ...base, expr: 'ln(x)', start: [-1] }))).toBe('optim/undefined-at-start');
    expect(code(() => optimize({ ...base, expr: 'sqrt(x)', start: [-4] }))).toBe('optim/undefined-at-start');
    expect(code(() => optimize({ ...base, optimizer: 'lbfgs' }))).toBe('optim/unknown-optimizer');
    expect(code(() => optimize({ ...base, convention: 'jax' as Convention }))).toBe('optim/unknown-convention');
    expect(code(() => optimize({ ...base, expr: 'x^2 +' }))).toMatch(/^parse\//);
    expect(code(() => optimize({ ...base, optimizer: 'gd', lr: undefined }))).toBe('optim/bad-learning-rate');
    expect(code(() => optimize({ ...base, data: 'nope' }))).toBe('optim/unknown-dataset');
  });
});
