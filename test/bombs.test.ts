/**
 * Size bombs through every entry point: each gives a clear GradstepError (or a capped
 * result) quickly, and memory stays bounded.
 *
 * Refusals must come within REFUSE_MS. Work the engine does before its own budget stops it
 * must end within that budget (250 ms for a derivation, 1 s for a gradient or Hessian) plus
 * SLACK_MS for a busy machine. A slow call is timed again (up to three times) before failing.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BUDGET, TIME_BUDGET_MS } from '../src/calculus/budget.js';
import { differentiate, gradient, hessian } from '../src/calculus/index.js';
import { checkAnswer } from '../src/check/check.js';
import { checkDerivation, MAX_LINES } from '../src/check/lines.js';
import { GradstepError } from '../src/errors.js';
import { add, call, type Expr, mul, num, size, sym } from '../src/expr/ast.js';
import { compile, MAX_COMPILE_DEPTH } from '../src/expr/compile.js';
import { PARSE_DEFAULTS, parse } from '../src/expr/parse.js';
import { MAX_ROW_EVALUATIONS, MAX_TEX_STEPS, optimize } from '../src/optim/optimize.js';
import { MAX_STEPS } from '../src/optim/run.js';
import { cpuMsSince } from './support/cpu-time.js';

const REFUSE_MS = 100;
const SLACK_MS = 400;
const DERIVATION_MS = TIME_BUDGET_MS + SLACK_MS;
const GRADIENT_MS = 4 * TIME_BUDGET_MS + SLACK_MS;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function heapMB(): number {
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

interface Timed<T> {
  readonly value?: T;
  readonly error?: unknown;
  readonly ms: number;
}

function once<T>(fn: () => T): Timed<T> {
  const start = process.cpuUsage();
  try {
    const value = fn();
    return { value, ms: cpuMsSince(start) };
  } catch (error) {
    return { error, ms: cpuMsSince(start) };
  }
}

/** Runs `fn` until it is within `boundMs` (at most three times) and returns the last run. */
function within<T>(boundMs: number, fn: () => T): Timed<T> {
  let run = once(fn);
  for (let k = 1; k < 3 && run.ms > boundMs; k++) run = once(fn);
  expect(run.ms, `took ${run.ms.toFixed(0)} ms, bound ${boundMs} ms`).toBeLessThanOrEqual(boundMs);
  return run;
}

/** `fn` throws a GradstepError with `code` (and a Korean message) within `boundMs`. */
function refuses(code: string | RegExp, fn: () => unknown, boundMs = REFUSE_MS): GradstepError {
  const run = within(boundMs, fn);
  expect(run.error, 'expected a GradstepError').toBeInstanceOf(GradstepError);
  const error = run.error as GradstepError;
  if (typeof code === 'string') expect(error.code).toBe(code);
  else expect(error.code).toMatch(code);
  expect(error.messages.en.length).toBeGreaterThan(10);
  expect(error.messages.ko).toMatch(/[\uac00-\ud7a3]/);
  return error;
}

function nested(fn: 'sin' | 'exp', depth: number, inner: Expr = sym('x')): Expr {
  let e = inner;
  for (let i = 0; i < depth; i++) e = call(fn, e);
  return e;
}

const MEGABYTE = 'x+'.repeat(500_000);
const PARENS = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
const TOWER = 'x^x^x^x^x^x^x';
const PRODUCT_500_TEXT = Array.from({ length: 500 }, (_, i) => `(x+${i + 1})`).join('*');
const PRODUCT_500_TREE = mul(...Array.from({ length: 500 }, (_, i) => add(sym('x'), num(i + 1))));
const SIN_500_TEXT = `${'sin('.repeat(500)}x${')'.repeat(500)}`;
const SIN_500_TREE = nested('sin', 500);

beforeAll(() => {
  differentiate('sin(x)^2 + e^(x y)', { wrt: 'x' });
  checkAnswer({ problem: 'x^3', answer: '3x^2' });
  optimize({ expr: 'x^2 + y^2', start: [1, 1], optimizer: 'adam', lr: 0.1, steps: 3 });
});

describe('size bombs: text the parser refuses before any work', () => {
  it.each<[string, string]>([
    ['a 1 MB string', MEGABYTE],
    ['10,000 nested parentheses', PARENS],
    ['a product of 500 factors as text', PRODUCT_500_TEXT],
    ['sin(sin(…)) 500 deep as text', SIN_500_TEXT],
  ])('%s: parse, differentiate, gradient, hessian, optimize and checkAnswer refuse it', (_, text) => {
    expect(text.length).toBeGreaterThan(PARSE_DEFAULTS.maxLength);
    refuses('parse/too-long', () => parse(text));
    refuses('parse/too-long', () => differentiate(text));
    refuses('parse/too-long', () => gradient(text));
    refuses('parse/too-long', () => hessian(text));
    refuses('parse/too-long', () => optimize({ expr: text, start: [1], optimizer: 'gd', lr: 0.1 }));
    refuses('parse/too-long', () => checkAnswer({ problem: text, answer: '1' }));
  });

  it('nesting is refused at its own limit when the length limit is lifted', () => {
    refuses('parse/too-deep', () => parse(PARENS, { maxLength: 1e6 }));
    refuses('parse/too-deep', () => parse(SIN_500_TEXT, { maxLength: 1e6 }));
    refuses('parse/too-deep', () => parse(`${'sin('.repeat(101)}x${')'.repeat(101)}`));
  });

  it('a 1 MB string of every other shape is refused as fast', () => {
    for (const text of ['9'.repeat(1e6), ' '.repeat(1e6), '√'.repeat(1e6), '|'.repeat(1e6), '\u0000'.repeat(1e6)]) {
      refuses('parse/too-long', () => parse(text));
    }
  });
});

describe('size bombs: trees and towers the engine bounds', () => {
  it('x^x^x^x^x^x^x: differentiated within the budget (first and second order), or refused', () => {
    const first = within(DERIVATION_MS, () => differentiate(TOWER, { detail: 'full' }));
    expect(first.error).toBeUndefined();
    expect(size(first.value?.result as Expr)).toBeLessThan(NODE_BUDGET);
    const second = within(DERIVATION_MS, () => differentiate(TOWER, { order: 2 }));
    if (second.error) expect(second.error).toMatchObject({ code: 'calculus/too-large' });
    refuses('calculus/too-large', () => differentiate(TOWER, { order: 10 }), DERIVATION_MS);
  });

  it('x^x^x^x^x^x^x: gradient, Hessian, check and Newton end within their budgets', () => {
    for (const run of [
      within(GRADIENT_MS, () => gradient(TOWER)),
      within(GRADIENT_MS, () => hessian(TOWER)),
      within(2 * GRADIENT_MS, () => checkAnswer({ problem: TOWER, answer: TOWER })),
      within(2 * GRADIENT_MS, () => checkAnswer({ problem: TOWER, answer: 'x', order: 3 })),
      within(GRADIENT_MS, () => optimize({ expr: TOWER, start: [1.1], optimizer: 'newton', steps: 5 })),
    ]) {
      if (run.error) expect(run.error).toMatchObject({ code: 'calculus/too-large' });
    }
    // A tower answer is read and judged (not correct), whatever its size.
    const answer = within(GRADIENT_MS, () => checkAnswer({ problem: TOWER, answer: `${TOWER}^x^x^x^x^x^x^x` }));
    expect(answer.value?.correct).toBe(false);
  });

  it('a product of 500 factors as a tree: refused by the node budget', () => {
    refuses('calculus/too-large', () => differentiate(PRODUCT_500_TREE), DERIVATION_MS);
    refuses('calculus/too-large', () => gradient(PRODUCT_500_TREE), GRADIENT_MS);
    refuses('calculus/too-large', () => hessian(PRODUCT_500_TREE), GRADIENT_MS);
    refuses(
      'calculus/too-large',
      () => optimize({ expr: PRODUCT_500_TREE, start: [1], optimizer: 'gd', lr: 0.1 }),
      GRADIENT_MS,
    );
  });

  it('sin(sin(…)) 500 deep as a tree: refused by the node budget', () => {
    refuses('calculus/too-large', () => differentiate(SIN_500_TREE), DERIVATION_MS);
    refuses('calculus/too-large', () => gradient(SIN_500_TREE), GRADIENT_MS);
    refuses(
      'calculus/too-large',
      () => optimize({ expr: SIN_500_TREE, start: [1], optimizer: 'gd', lr: 0.1 }),
      GRADIENT_MS,
    );
  });

  it('trees 100,000 deep and 200,000 wide are refused without overflowing the stack', () => {
    const deep = nested('exp', 100_000);
    const wide: Expr = { kind: 'add', terms: Array.from({ length: 200_000 }, (_, i) => mul(num(i + 1), sym('x'))) };
    for (const tree of [deep, wide]) {
      refuses('calculus/too-large', () => differentiate(tree));
      refuses('calculus/too-large', () => gradient(tree));
      refuses('calculus/too-large', () => hessian(tree));
      // Regression: optimize walked a tree from code (freeVars) before the engine's guard: RangeError.
      refuses('calculus/too-large', () => optimize({ expr: tree, start: [1], optimizer: 'gd', lr: 0.1 }));
    }
    // Regression: compile recursed once per level: RangeError past ~10,000 levels.
    refuses('compile/too-deep', () => compile(deep, ['x']));
    refuses('compile/too-deep', () => compile(nested('sin', MAX_COMPILE_DEPTH), ['x'], { backend: 'closure' }));
    let value = 1;
    for (let i = 0; i < MAX_COMPILE_DEPTH - 1; i++) value = Math.sin(value);
    expect(compile(nested('sin', MAX_COMPILE_DEPTH - 1), ['x'])(1)).toBe(value);
  });

  it('gradients with many variables: refused past 12 variables, bounded at 12', () => {
    const vars = Array.from({ length: 200 }, (_, i) => `v${i}`);
    refuses('calculus/too-large', () => gradient(vars.join('+'), { vars }));
    refuses('calculus/too-large', () => gradient(vars.slice(0, 13).join('*'), { vars: vars.slice(0, 13) }));
    const twelve = vars.slice(0, 12);
    const f = `sin(${twelve.join('*')})*exp(${twelve.join('+')})`;
    const g = within(GRADIENT_MS, () => gradient(f, { vars: twelve }));
    expect(g.value?.gradient).toHaveLength(12);
    const h = within(GRADIENT_MS, () => hessian(f, { vars: twelve }));
    if (h.error) expect(h.error).toMatchObject({ code: 'calculus/too-large' });
    else expect(h.value?.hessian.flat()).toHaveLength(144);
  });
});

describe('size bombs: answers and derivations to check', () => {
  it('huge answers are judged invalid or wrong, never thrown, within the bound', () => {
    const answers = [
      'x'.repeat(1e6),
      '2x+'.repeat(400),
      `${'('.repeat(10_000)}2x${')'.repeat(10_000)}`,
      `${'x+'.repeat(499)}x`,
      `${'sin('.repeat(99)}x${')'.repeat(99)}`,
      `${'1e308*'.repeat(100)}x`,
      `2x${' '.repeat(1e6)}`,
      `f'(x) = ${'x'.repeat(1e6)}`,
      `${'='.repeat(1e6)}2x`,
    ];
    for (const answer of answers) {
      const run = within(REFUSE_MS, () => checkAnswer({ problem: 'x^2', answer }));
      expect(run.error).toBeUndefined();
      expect(run.value?.correct).toBe(false);
      expect(run.value?.messages.ko.length).toBeGreaterThan(0);
    }
  });

  it('a derivation of too many or too long lines is refused at once', () => {
    refuses(/^check\//, () =>
      checkDerivation({ problem: 'x^2', lines: Array.from({ length: MAX_LINES + 1 }, () => '2x') }),
    );
    const long = within(REFUSE_MS, () => checkDerivation({ problem: 'x^2', lines: ['2x', 'x'.repeat(1e6)] }));
    if (long.error) expect(long.error).toBeInstanceOf(GradstepError);
  });
});

describe('size bombs: optimizer runs', () => {
  it('a 10⁶-step request is refused at once, with TeX or without', () => {
    const options = { expr: 'x^2', start: [1], optimizer: 'gd', lr: 0.01, steps: 1e6 };
    refuses('optim/too-many-steps', () => optimize(options));
    refuses('optim/bad-steps', () => optimize({ ...options, tex: false }));
    refuses('optim/bad-steps', () => optimize({ ...options, steps: Number.MAX_SAFE_INTEGER, tex: false }));
    refuses('optim/bad-steps', () => optimize({ ...options, steps: Infinity }));
  });

  it('TeX is written for at most MAX_TEX_STEPS steps (regression: 100,000 TeX steps took 10 s and 270 MB)', () => {
    const error = refuses('optim/too-many-steps', () =>
      optimize({ expr: 'x^2', start: [1], optimizer: 'gd', lr: 0.01, steps: MAX_TEX_STEPS + 1 }),
    );
    expect(error.messages.en).toContain('tex: false');
  });

  it('the largest runs allowed stay within a few seconds and tens of MB', () => {
    const rosenbrock = '(1-x)^2 + 100(y-x^2)^2';
    const before = heapMB();
    const withTex = within(4000, () =>
      optimize({ expr: rosenbrock, start: [-1, 1], optimizer: 'adam', lr: 0.001, steps: MAX_TEX_STEPS }),
    );
    expect(withTex.value?.steps).toHaveLength(MAX_TEX_STEPS);
    const numbers = within(6000, () =>
      optimize({ expr: rosenbrock, start: [-1, 1], optimizer: 'adam', lr: 0.001, steps: MAX_STEPS, tex: false }),
    );
    expect(numbers.value?.steps).toHaveLength(MAX_STEPS);
    // Both traces are still held here: what they take is what a caller would hold.
    expect(heapMB() - before).toBeLessThan(150);
  });

  it('SGD over large data is bounded by row evaluations (regression: 200 full-batch steps over 10,000 rows held 200 MB)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [i / 10_000, (2 * i) / 10_000 + 1]);
    const base = {
      expr: '(a*x + b - y)^2',
      vars: ['a', 'b'],
      data: { columns: ['x', 'y'], rows },
      start: [0, 0],
      optimizer: 'gd',
      lr: 0.1,
    };
    refuses('optim/too-many-steps', () => optimize({ ...base, steps: 200, batchSize: 10_000, tex: false }));
    refuses('optim/too-many-steps', () => optimize({ ...base, epochs: 10_000 }));
    const most = Math.floor(MAX_ROW_EVALUATIONS / (rows.length + 10_000));
    const run = within(4000, () => optimize({ ...base, steps: most, batchSize: 10_000, tex: false }));
    expect(run.value?.steps).toHaveLength(most);
  });
});

describe('memory stays bounded', () => {
  it('running every bomb again does not grow the heap', () => {
    const battery = (): void => {
      for (const text of [MEGABYTE, PARENS, PRODUCT_500_TEXT, SIN_500_TEXT]) {
        for (const fn of [() => differentiate(text), () => checkAnswer({ problem: 'x^2', answer: text })]) {
          try {
            fn();
          } catch {
            // refusals are the point
          }
        }
      }
      for (const tree of [PRODUCT_500_TREE, SIN_500_TREE]) {
        try {
          gradient(tree);
        } catch {
          // refused by the budget
        }
      }
      differentiate(TOWER);
      optimize({ expr: 'x^2 + y^2', start: [1, 1], optimizer: 'adam', lr: 0.1, steps: 200 });
    };
    battery();
    const before = heapMB();
    let peak = 0;
    for (let k = 0; k < 5; k++) {
      battery();
      peak = Math.max(peak, process.memoryUsage().heapUsed / 1e6 - before);
    }
    const retained = heapMB() - before;
    expect(retained).toBeLessThan(10);
    expect(peak).toBeLessThan(200);
  });
});
