// prepare → run → print: one prepared objective for many runs, settings named as the user typed
// them, the update rules' TeX checked against the numeric steps, and the lesson's demos.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { optimizeCommand } from '../src/cli/optimize-command.js';
import { GradstepError } from '../src/errors.js';
import {
  findDataset,
  hyperFieldsOf,
  kebab,
  OPTIMIZERS,
  optimize,
  prepareObjective,
  RISING_STEPS,
  resolveHyper,
  runNumeric,
  SETTINGS,
} from '../src/optim/index.js';
import { assigned, stepSymbols, texContext } from '../src/optim/print.js';
import type { Convention } from '../src/optim/types.js';
import { captureIO } from './support/cli.js';

const message = (fn: () => unknown): { code: string; en: string; ko: string } => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GradstepError);
    const error = e as GradstepError;
    return { code: error.code, en: error.localized('en'), ko: error.localized('ko') };
  }
  throw new Error('expected a GradstepError');
};

const cli = (args: string[]) => {
  const io = captureIO();
  const status = optimizeCommand.run(args, io) as number;
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('prepareObjective', () => {
  it('reads, differentiates and compiles once, and exposes the derivations', () => {
    const prepared = prepareObjective('3(x - 2)^2 + (y - 2)^2');
    expect(prepared.vars).toEqual(['x', 'y']);
    expect(prepared.gradient.partials.map((p) => p.wrt)).toEqual(['x', 'y']);
    expect(prepared.gradient.partials[0]?.steps.length).toBeGreaterThan(0);
    expect(prepared.f([2, 2])).toBe(0);
    expect(prepared.f([4, 4])).toBe(16);
    const a = optimize(prepared, { optimizer: 'gd', start: [4, 4], lr: 0.1, steps: 3 });
    const b = optimize({ expr: '3(x - 2)^2 + (y - 2)^2', optimizer: 'gd', start: [4, 4], lr: 0.1, steps: 3 });
    expect(a.path).toEqual(b.path);
    expect(a.steps[0]?.tex.substituted).toBe(b.steps[0]?.tex.substituted);
    // The Hessian is derived when Newton's method first needs it.
    expect(prepared.hessian().matrix.map((row) => row.length)).toEqual([2, 2]);
    expect(optimize(prepared, { optimizer: 'newton', start: [4, 4], steps: 1 }).path[1]).toEqual([2, 2]);
  });

  it('never counts data columns as variables, with or without vars', () => {
    const line = findDataset('line');
    if (!line) throw new Error('line');
    const without = prepareObjective('(w*x + b - y)^2', { data: 'line' });
    expect(without.vars).toEqual(['b', 'w']);
    const withVars = prepareObjective('(w*x + b - y)^2', { vars: ['w', 'b'], data: 'line' });
    expect(withVars.vars).toEqual(['w', 'b']);
    expect(withVars.data?.columns).toEqual(['x', 'y']);
    // f is the mean loss over every row
    const mean =
      line.rows.reduce((s, [x, y]) => s + (2 * (x as number) + 1 - (y as number)) ** 2, 0) / line.rows.length;
    expect(withVars.f([2, 1])).toBeCloseTo(mean, 12);
    expect(message(() => prepareObjective('(w*x + b - y)^2', { vars: ['w', 'x'], data: 'line' })).en).toMatch(
      /'x' is both a variable to optimise and a data column/,
    );
  });

  it('holds named constants fixed at their values', () => {
    const prepared = prepareObjective('a*x^2 - 4x', { vars: ['x'], params: { a: 2 } });
    expect(prepared.vars).toEqual(['x']);
    const trace = optimize(prepared, { optimizer: 'gd', start: [3], lr: 0.1, steps: 1 });
    // f' = 2ax − 4 = 8 at x = 3 with a = 2
    expect(trace.steps[0]?.grad).toEqual([8]);
    expect(trace.steps[0]?.gradient.tex).toContain('= 8');
    expect(trace.constants).toEqual({ a: 2 });
    expect(message(() => prepareObjective('a*x^2', { vars: ['x'] })).code).toMatch(/^(parse|optim)\//);
    expect(message(() => prepareObjective('x^2', { params: { a: Number.NaN } })).code).toBe('optim/bad-param');
    // The same constants as text, as the CLI's --at and the elements' `at` give them.
    const fromText = prepareObjective('a*x^2 - 4x', { vars: ['x'], at: 'a = 2' });
    expect(fromText.params).toEqual({ a: 2 });
    expect(optimize(fromText, { optimizer: 'gd', start: [3], lr: 0.1, steps: 1 }).held).toEqual({
      text: 'a = 2',
      tex: 'a = 2',
    });
    expect(message(() => prepareObjective('a*x^2', { vars: ['x'], at: 'a=1,a=2' })).code).toBe('graph/bad-point');
  });
});

describe('settings named as the user typed them', () => {
  it('are described once: attributes, flags and form fields come from the one table', () => {
    const fields = hyperFieldsOf('adagrad', 'keras');
    expect(fields.map((f) => [f.name, f.attribute, f.flag, f.defaultValue])).toEqual([
      ['delta', 'delta', '--delta', 1e-7],
      ['initialAccumulator', 'initial-accumulator', '--initial-accumulator', 0.1],
    ]);
    expect(hyperFieldsOf('adam', 'textbook').map((f) => `${f.name}=${f.text}`)).toEqual([
      'beta1=ρ₁',
      'beta2=ρ₂',
      'delta=δ',
    ]);
    // The elements' documented attributes are exactly the table's, so the docs cannot drift from it.
    for (const file of ['components/gs-optimizer.ts', 'components/gs-optimizer-race.ts']) {
      const documented = [...readFileSync(file, 'utf8').matchAll(/^ \* @attr ([a-z0-9-]+)/gm)].map((m) => m[1]);
      for (const setting of SETTINGS) expect(documented, `${file} ${setting.name}`).toContain(kebab(setting.name));
    }
    // and the CLI knows every flag
    const usage = optimizeCommand.usage('en');
    for (const setting of SETTINGS) expect(usage).toContain(`--${kebab(setting.name)} `);
  });

  it('names --beta1, not rho1, on the command line', () => {
    const r = cli(['x^2', '--optimizer', 'adam', '--lr', '0.1', '--start', '1', '--beta1', '1']);
    expect(r.status).toBe(2);
    expect(r.err).toContain('--beta1 (ρ₁, the first-moment decay rate) must be in [0, 1); got 1.');
    expect(r.err).not.toContain('rho1');
    const alias = cli(['x^2', '--optimizer', 'adam', '--lr', '0.1', '--start', '1', '--rho1', '2']);
    expect(alias.err).toContain('--rho1 (ρ₁');
    const wrong = cli(['x^2', '--optimizer', 'adam', '--lr', '0.1', '--start', '1', '--momentum', '0.5']);
    expect(wrong.err).toContain('Adam has no hyper-parameter --momentum (it has: --beta1, --beta2, --delta)');
  });

  it('names attributes for the elements and keys for JavaScript', () => {
    const attr = message(() =>
      optimize({ expr: 'x^2', optimizer: 'adam', start: [1], lr: 0.1, hyper: { beta2: '1.5' }, spelling: 'attribute' }),
    );
    expect(attr.en).toMatch(/^beta2 \(ρ₂, the second-moment decay rate\) must be in \[0, 1\); got 1\.5\./);
    const js = message(() =>
      optimize({ expr: 'x^2', optimizer: 'momentum', start: [1], lr: 0.1, hyper: { alpha: 1 } }),
    );
    expect(js.en).toMatch(/^alpha \(α, the momentum\)/);
    const batch = message(() =>
      optimize({ expr: 'x^2', optimizer: 'gd', start: [1], lr: 0.1, batchSize: 4, spelling: 'attribute' }),
    );
    expect(batch.code).toBe('optim/needs-data');
    expect(batch.en).toContain('batch-size applies only to SGD over data');
    expect(batch.en).not.toMatch(/from 1 to 1/);
  });

  it("accepts an lr of '0.1' as number text and refuses other types naming the type", () => {
    const text = optimize({ expr: 'x^2 - 4x + 6', optimizer: 'gd', start: ['4'], lr: '0.2', steps: '2' });
    expect(text.lr).toBe(0.2);
    expect(text.path[1]).toEqual([3.2]);
    const bool = message(() => optimize({ expr: 'x^2', optimizer: 'gd', start: [1], lr: true as never }));
    expect(bool.en).toBe('lr must be a number; got a boolean (true).');
    const junk = message(() => optimize({ expr: 'x^2', optimizer: 'gd', start: [1], lr: 'fast' }));
    expect(junk.en).toBe("lr must be a number; got the text 'fast'.");
    expect(junk.ko).toContain("문자열 'fast'");
  });

  it("reads Adagrad's initial accumulator from its flag", () => {
    const r = cli([
      'x^2',
      '--optimizer',
      'adagrad',
      '--lr',
      '0.1',
      '--start',
      '1',
      '--initial-accumulator',
      '0.5',
      '--steps',
      '1',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out) as {
      hyper: Record<string, number>;
      steps: { state: { before: { r: number[] } } }[];
    };
    expect(json.hyper.initialAccumulator).toBe(0.5);
    expect(json.steps[0]?.state.before.r).toEqual([0.5]);
  });

  it('gives --json --no-tex --steps 20000 as numbers only', () => {
    const r = cli([
      'x^2 - 4x + 6',
      '--optimizer',
      'gd',
      '--lr',
      '0.01',
      '--start',
      '4',
      '--json',
      '--no-tex',
      '--steps',
      '20000',
    ]);
    expect(r.status, r.err).toBe(0);
    const json = JSON.parse(r.out) as { path: number[][]; steps: Record<string, unknown>[] };
    expect(json.path.length).toBe(20001);
    expect(json.steps[0]).not.toHaveProperty('tex');
    expect(json.steps[0]).not.toHaveProperty('gradientTex');
    const withTex = cli(['x^2', '--optimizer', 'gd', '--lr', '0.01', '--start', '4', '--json', '--steps', '20000']);
    expect(withTex.status).toBe(2);
    expect(withTex.err).toContain('--no-tex');
  });
});

/** The shown TeX as a mathjs expression: \frac, \sqrt, ^{…}, \cdot, \left( \right). */
function texToMath(tex: string): string {
  let out = '';
  let i = 0;
  const group = (): string => {
    // reads {…} at i (balanced) and returns its converted inside
    if (tex[i] !== '{') throw new Error(`expected { at ${i} in ${tex}`);
    let depth = 0;
    const start = i;
    for (; i < tex.length; i++) {
      if (tex[i] === '{') depth++;
      else if (tex[i] === '}' && --depth === 0) break;
    }
    const inner = tex.slice(start + 1, i);
    i++;
    return texToMath(inner);
  };
  while (i < tex.length) {
    const rest = tex.slice(i);
    const command = /^\\([a-zA-Z]+|,)/.exec(rest);
    if (command) {
      i += command[0].length;
      const name = command[1];
      if (name === 'frac' || name === 'tfrac') {
        const a = group();
        const b = group();
        out += `((${a})/(${b}))`;
      } else if (name === 'sqrt') out += `sqrt(${group()})`;
      else if (name === 'cdot' || name === 'odot') out += '*';
      else if (name === 'left' || name === 'right' || name === ',') out += '';
      else throw new Error(`unknown TeX command \\${name}`);
      continue;
    }
    if (rest[0] === '^') {
      i++;
      out += `^(${group()})`;
      continue;
    }
    if (rest[0] === '{') {
      out += `(${group()})`;
      continue;
    }
    out += rest[0];
    i++;
  }
  return out;
}

describe('the formulas shown are the steps computed', () => {
  // Every optimizer and convention on one variable: each equation's right-hand side, as shown,
  // with this step's numbers (unrounded) substituted and evaluated, is the value the numeric step gave.
  for (const optimizer of OPTIMIZERS) {
    for (const convention of ['textbook', 'pytorch', 'keras'] as Convention[]) {
      it(`${optimizer.id} · ${convention}`, () => {
        const lr = optimizer.id === 'newton' ? 1 : optimizer.id === 'gd-halving' ? 2 : 0.1;
        const trace = optimize({
          expr: 'x^4/4 + x^2 - x',
          optimizer: optimizer.id,
          convention,
          start: [1.5],
          lr,
          steps: 4,
        });
        const variant = optimizer.conventions[convention];
        const ctx = texContext(trace.vars, variant, optimizer.defaultLr === lr);
        let checked = 0;
        for (const step of trace.steps) {
          const numeric = {
            k: step.k,
            w: step.w,
            f: step.f,
            grad: step.grad,
            gradNorm: step.gradNorm,
            stateBefore: step.state.before,
            stateAfter: step.state.after,
            extras: step.extras,
            next: step.next,
            fNext: step.fNext,
            notes: step.notes,
          };
          const s = stepSymbols(ctx, numeric, lr, trace.hyper, (v) => `(${String(v)})`);
          for (const eq of variant.equations) {
            const rhs = eq.rhs(s, true);
            const value = assigned(numeric, eq.target);
            expect(value, eq.target).toBeDefined();
            s[eq.target] = `(${String(value?.[0])})`;
            // ∇f at another point and ∇²f are computed, not substituted: nothing to evaluate.
            if (!rhs || rhs.includes('\\nabla')) continue;
            const shown = Number(evaluate(texToMath(rhs)));
            const expected = value?.[0] as number;
            expect(Math.abs(shown - expected), `${eq.target}: ${rhs}`).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(expected)),
            );
            checked++;
          }
        }
        expect(checked).toBeGreaterThan(0);
      });
    }
  }
});

describe("the lesson's demos show what they claim", () => {
  it('step halving on x² − 4x + 6 from 4 at ε = 1: ε visibly shrinks and f falls at every accepted step', () => {
    const trace = optimize({ expr: 'x^2 - 4x + 6', optimizer: 'gd-halving', start: [4], lr: 1, steps: 8 });
    expect(trace.rule).toContain('\\le f(x^{(k)}) - c \\tfrac{\\varepsilon}{2^{m}}');
    const rates = trace.steps.map((s) => s.state.after.eps?.[0]);
    expect(rates[0]).toBe(0.5);
    expect(trace.steps[0]?.notes[0]?.en).toMatch(/halve ε/);
    expect(trace.steps[0]?.tex.substituted).toContain('\\frac{1}{2^{1}}');
    for (const step of trace.steps) {
      if (step.gradNorm > 0) expect(step.fNext).toBeLessThan(step.f);
    }
    expect(trace.path[1]).toEqual([2]);
  });

  it('numbers SGD rows once, as the data table does, in the formula, the text and the batch', () => {
    const trace = optimize({
      expr: '(w*x + b - y)^2',
      vars: ['w', 'b'],
      data: 'line',
      optimizer: 'sgd',
      start: [0, 0],
      lr: 0.05,
      steps: 3,
    });
    for (const step of trace.steps) {
      const batch = step.batch;
      if (!batch) throw new Error('batch');
      expect(batch.numbers).toEqual(batch.rows.map((i) => i + 1));
      expect(step.gradient.tex).toContain(`i \\in \\{${batch.numbers.join(', ')}\\}`);
      expect(step.gradient.text).toContain(`rows ${batch.numbers.join(', ')}`);
    }
  });

  it('warns when the loss has risen for several steps in a row (ε = 1.1 on x² − 4x + 6)', () => {
    const trace = optimize({ expr: 'x^2 - 4x + 6', optimizer: 'gd', start: [4], lr: 1.1, steps: 20 });
    expect(trace.status).toBe('max-steps');
    expect(trace.warning?.step).toBe(RISING_STEPS);
    expect(trace.warning?.message.en).toMatch(/risen for 5 steps in a row.*ε = 1\.1 is probably too large/);
    expect(trace.steps[RISING_STEPS - 1]?.notes.at(-1)?.en).toBe(trace.warning?.message.en);
    expect(trace.steps.slice(0, RISING_STEPS - 1).every((s) => s.notes.length === 0)).toBe(true);
    // ε = 0.9 oscillates but shrinks: no warning
    expect(optimize({ expr: 'x^2 - 4x + 6', optimizer: 'gd', start: [4], lr: 0.9, steps: 20 }).warning).toBeUndefined();
  });

  it('does not blame the learning rate for a function with no minimum', () => {
    for (const [expr, start] of [
      ['-x^2', 1],
      ['x^3', -1],
    ] as const) {
      const trace = optimize({ expr, optimizer: 'gd', start: [start], lr: 0.1, steps: 2000, tex: false });
      expect(trace.status, expr).toBe('diverged');
      expect(trace.message?.en).toMatch(/no minimum/);
      expect(trace.message?.en).not.toMatch(/smaller learning rate/);
      expect(trace.warning).toBeUndefined();
    }
  });

  it('lands exactly on the minimum of |x| without reporting divergence', () => {
    const trace = optimize({ expr: '|x|', optimizer: 'gd', start: [1], lr: 0.25, steps: 10 });
    expect(trace.path.at(-1)).toEqual([0]);
    expect(trace.status).toBe('converged');
    expect(trace.message?.en).toMatch(/^Reached a minimum at step 4/);
    expect(trace.message?.en).not.toMatch(/Diverged|learning rate/);
    // a corner that is not a minimum stops, and still does not blame the rate
    // 2x + |x| has slope 3 right of 0 and 1 left of it: from 1.5 at ε = 0.25, 1.5 → 0.75 → 0
    const corner = optimize({ expr: '2x + |x|', optimizer: 'gd', start: [1.5], lr: 0.25, steps: 10 });
    expect(corner.path.at(-1)).toEqual([0]);
    expect(corner.status).toBe('stopped');
    expect(corner.message?.en).not.toMatch(/learning rate/);
  });

  it("writes Newton's substituted step with product signs", () => {
    const trace = optimize({ expr: 'x^2 - 4x + 6', optimizer: 'newton', start: [4], lr: 0.2, steps: 1 });
    expect(trace.steps[0]?.tex.substituted).toContain('0.2\\cdot 2^{-1}\\cdot 4');
    expect(() => katex.renderToString(trace.steps[0]?.tex.substituted ?? '', { throwOnError: true })).not.toThrow();
    const unit = optimize({ expr: 'x^2 - 4x + 6', optimizer: 'newton', start: [4], steps: 1 });
    expect(unit.lr).toBe(1);
    expect(unit.steps[0]?.tex.substituted).toContain('4 - 2^{-1}\\cdot 4');
  });

  it('keeps the numeric core usable on hand-written callbacks', () => {
    const gd = OPTIMIZERS[0];
    if (!gd) throw new Error('gd');
    const run = runNumeric(
      { n: 1, f: (w) => (w[0] as number) ** 2, grad: (w) => Float64Array.of(2 * (w[0] as number)) },
      { optimizer: gd, convention: 'textbook', hyper: resolveHyper(gd, 'textbook'), lr: 0.25, start: [1], steps: 2 },
    );
    expect(run.path).toEqual([[1], [0.5], [0.25]]);
  });
});
