/**
 * Fuzzing the whole pipeline: random text and random expression trees through
 * parse → differentiate → gradient → hessian → checkAnswer → optimize.
 *
 * Every call must either succeed or throw a GradstepError with a code and a message
 * in English and Korean — never anything else — and must not hang (CALL_BOUND_MS).
 *
 * CI runs a few thousand cases per stage (tens of thousands in all, ~30 s on two busy
 * cores). The long mode runs GRADSTEP_FUZZ_RUNS cases per stage: `npm run fuzz`
 * (scripts/fuzz.mjs, 100,000 by default). The per-call bound catches a hang, not slowness: speed is
 * measured by `npm run bench`, never by a timed test (GRADSTEP_FUZZ_BOUND_MS changes it for a long run).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { differentiate, gradient, hessian } from '../src/calculus/index.js';
import { checkAnswer, type Verdict } from '../src/check/check.js';
import { GradstepError } from '../src/errors.js';
import { freeVars } from '../src/expr/ast.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';
import { CONVENTIONS, OPTIMIZER_IDS, optimize } from '../src/optim/index.js';
import { arbExpr } from './support/arbitraries.js';
import { cpuMsSince } from './support/cpu-time.js';

/**
 * The hang bound on one call, in CPU milliseconds of this process. It is there to catch a call that
 * does not stop (an unbounded loop, a blow-up past the engine's own node and time budgets), not to
 * time the engine: the fuzzed calls take 0.1–20 ms alone, but a 100 ms bound once failed at 102 ms
 * under the full suite's load (the process's CPU time includes its GC and compiler threads, and
 * caches are cold when other workers share the cores). 2 s is 100× the slowest call seen alone and
 * twice the engine's own largest budget (1 s for a Hessian, bombs.test.ts), so no load makes it
 * flake while a hang still fails within seconds. A call over it is run again (up to three times).
 */
const CALL_BOUND_MS = Number(process.env.GRADSTEP_FUZZ_BOUND_MS ?? '') || 2000;

const LONG_RUNS = Number(process.env.GRADSTEP_FUZZ_RUNS ?? '');
const LONG = Number.isInteger(LONG_RUNS) && LONG_RUNS > 0;
/** Cases for a stage: its CI count, or the long mode's count. */
const runs = (ci: number): number => (LONG ? LONG_RUNS : ci);
/** Per-test timeout: CI keeps the config's; the long mode may take hours. */
const TIMEOUT = LONG ? 24 * 3600 * 1000 : 60_000;

const HANGUL = /[\uac00-\ud7a3]/;

interface Outcome<T> {
  readonly value?: T;
  readonly error?: GradstepError;
}

interface Stats {
  ok: number;
  refused: number;
  slowest: number;
  slowestInput: string;
}

const stats = new Map<string, Stats>();

function record(stage: string, ok: boolean, ms: number, input: string): void {
  const s = stats.get(stage) ?? { ok: 0, refused: 0, slowest: 0, slowestInput: '' };
  if (ok) s.ok++;
  else s.refused++;
  if (ms > s.slowest) {
    s.slowest = ms;
    s.slowestInput = input;
  }
  stats.set(stage, s);
}

function attempt<T>(fn: () => T): { outcome: Outcome<T>; ms: number; raw?: unknown } {
  const start = process.cpuUsage();
  try {
    const value = fn();
    return { outcome: { value }, ms: cpuMsSince(start) };
  } catch (error) {
    const ms = cpuMsSince(start);
    if (error instanceof GradstepError) return { outcome: { error }, ms };
    return { outcome: {}, ms, raw: error };
  }
}

/**
 * Runs `fn` under the contract: a value, or a GradstepError with a code and a message in
 * each language; within CALL_BOUND_MS. Anything else fails the property with the input.
 */
function guarded<T>(stage: string, input: string, fn: () => T): Outcome<T> {
  let run = attempt(fn);
  const times = [run.ms];
  while (run.ms > CALL_BOUND_MS && times.length < 3) {
    run = attempt(fn);
    times.push(run.ms);
  }
  if (run.ms > CALL_BOUND_MS) {
    const list = times.map((t) => `${t.toFixed(0)} ms`).join(', ');
    throw new Error(`${stage} took ${list} (bound ${CALL_BOUND_MS} ms) on ${input}`);
  }
  if (run.raw !== undefined) {
    const what = run.raw instanceof Error ? `${run.raw.name}: ${run.raw.message}` : String(run.raw);
    throw new Error(`${stage} threw a non-GradstepError (${what}) on ${input}`);
  }
  const error = run.outcome.error;
  if (error) {
    if (!/^[a-z]+\/[a-z-]+$/.test(error.code)) throw new Error(`${stage}: odd error code '${error.code}' on ${input}`);
    if (!(error.messages.en.trim().length > 0 && error.message === error.messages.en)) {
      throw new Error(`${stage}: error ${error.code} without an English message on ${input}`);
    }
    if (!HANGUL.test(error.messages.ko)) {
      throw new Error(`${stage}: error ${error.code} without a Korean message ('${error.messages.ko}') on ${input}`);
    }
  }
  record(stage, error === undefined, run.ms, input);
  return run.outcome;
}

const show = (s: string): string => JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}…` : s);

// ------------------------------------------------------------------ arbitraries

/** Pieces people (and attackers) type, so random strings often get past the first character. */
const TOKENS = [
  ..."xyzt0123456789.+-*/^()|,=! '",
  'x',
  'x',
  'y',
  '2',
  '(',
  ')',
  ...['sin', 'cos', 'tan', 'ln', 'log', 'exp', 'sqrt', 'abs', 'asin', 'sinh', 'cbrt', 'log10', 'sec'],
  ...['e', 'pi', 'π', '√', '²', '³', '−', '·', '×', '÷', '∂', 'd/dx', 'E', 'i', 'Infinity', 'NaN'],
  ...['1e308', '1e-320', '0.0000001', '99999999999999999999', '1/0', '0^0', '(-1)^(1/3)'],
  ...['__proto__', 'constructor', 'import', 'evaluate', 'createUnit', '[', ']', '{', '}', ';', ':', '"', '\\'],
];

const arbMathString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const VARS2 = ['x', 'y'];
const arbTree2 = arbExpr({ vars: VARS2, maxDepth: 4 });
const arbTree3 = arbExpr({ vars: ['x', 'y', 'z'], maxDepth: 3 });
/**
 * Second derivatives of depth-4 trees reach hundreds of nodes and 50–200 ms on a busy core (the engine's own
 * budget for a Hessian is 1 s, tested in bombs.test.ts): the Hessian and optimizer stages use depth 3.
 */
const arbTree2Small = arbExpr({ vars: VARS2, maxDepth: 3 });

const arbNumberish: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, 1e300, -1e300, 1e-300, 5e-324, Number.NaN, Infinity, -Infinity, 1e15),
  },
);

const arbLearningRate: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0.001, 0.01, 0.1, 0.5, 1) },
  { weight: 2, arbitrary: fc.double({ min: 1e-6, max: 10, noNaN: true }) },
  { weight: 1, arbitrary: arbNumberish },
);

const arbOptimizer = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<string>(...OPTIMIZER_IDS, 'sgd') },
  { weight: 1, arbitrary: fc.constantFrom('', 'Adam', 'constructor', '__proto__', 'toString') },
);

// ------------------------------------------------------------------ properties

beforeAll(() => {
  // Load and warm every module, so the first case is not charged with start-up.
  differentiate('sin(x)^2 + e^(x y)', { wrt: 'x' });
  hessian('x^2 y + ln(y)');
  checkAnswer({ problem: 'x^3', answer: '3x^2' });
  optimize({ expr: 'x^2 + y^2', start: [1, 1], optimizer: 'adam', lr: 0.1, steps: 3 });
}, 60_000);

describe('fuzzing: every call succeeds or throws a GradstepError (en + ko), within the bound', () => {
  it(
    'random text → parse',
    () => {
      fc.assert(
        fc.property(arbMathString, (text) => {
          const parsed = guarded('parse(text)', show(text), () => parse(text));
          if (parsed.value) expect(typeof parsed.value.text).toBe('string');
        }),
        { numRuns: runs(12_000) },
      );
    },
    TIMEOUT,
  );

  it(
    'random text → differentiate, gradient and checkAnswer',
    () => {
      fc.assert(
        fc.property(arbMathString, arbMathString, (text, answer) => {
          const input = `${show(text)} / answer ${show(answer)}`;
          const d = guarded('differentiate(text)', input, () => differentiate(text, { detail: 'full' }));
          if (!d.value) return;
          const vars = freeVars(d.value.expr);
          if (vars.length >= 1 && vars.length <= 3) guarded('gradient(text)', input, () => gradient(text));
          const check = guarded('checkAnswer(text)', input, () => checkAnswer({ problem: text, answer }));
          if (check.value) expect(check.value.messages.ko.length).toBeGreaterThan(0);
        }),
        { numRuns: runs(5_000) },
      );
    },
    TIMEOUT,
  );

  it(
    'random trees → text → parse, and differentiate the tree and its text',
    () => {
      fc.assert(
        fc.property(arbTree2, fc.constantFrom(...VARS2), fc.constantFrom(1, 1, 1, 2), (tree, wrt, order) => {
          const text = toText(tree);
          const input = show(text);
          guarded('parse(toText(tree))', input, () => parse(text));
          const d = guarded('differentiate(tree)', input, () =>
            differentiate(tree, { wrt, order, vars: VARS2, detail: 'full' }),
          );
          if (d.value) expect(d.value.result.kind).toBeTypeOf('string');
          guarded('differentiate(toText(tree))', input, () => differentiate(text, { wrt, vars: VARS2 }));
        }),
        { numRuns: runs(4_000) },
      );
    },
    TIMEOUT,
  );

  it(
    'random trees → gradient (3 variables) and hessian (2 variables)',
    () => {
      fc.assert(
        fc.property(arbTree3, arbTree2Small, (three, two) => {
          const g = guarded('gradient(tree)', show(toText(three)), () =>
            gradient(three, { vars: ['x', 'y', 'z'], detail: 'full' }),
          );
          if (g.value) expect(g.value.gradient).toHaveLength(3);
          const h = guarded('hessian(tree)', show(toText(two)), () => hessian(two, { vars: VARS2 }));
          if (h.value) expect(h.value.hessian.flat()).toHaveLength(4);
        }),
        { numRuns: runs(1_500) },
      );
    },
    TIMEOUT,
  );

  it(
    'random trees → checkAnswer (the problem against a random answer, and against a slightly wrong one)',
    () => {
      const verdicts = new Set<Verdict>();
      fc.assert(
        fc.property(arbTree2, arbTree2, (problemTree, answerTree) => {
          const problem = toText(problemTree);
          const answer = toText(answerTree);
          const input = `${show(problem)} / answer ${show(answer)}`;
          const r = guarded('checkAnswer(tree)', input, () =>
            checkAnswer({ problem, answer, vars: VARS2, wrt: 'x', lang: 'ko' }),
          );
          if (!r.value) return;
          verdicts.add(r.value.verdict);
          expect(r.value.message).toBe(r.value.messages.ko);
          // E + E² + 1 differs from E by at least its own size at every real point: never correct.
          // (E + 1 is not enough: with E near 1e10, say d/dx 4^17.5·e^x, it is within the relative tolerance.)
          const e = `(${r.value.expected.text})`;
          const wrong = `${e} + ${e}^2 + 1`;
          const w = guarded('checkAnswer(expected + 1)', `${show(problem)} / ${show(wrong)}`, () =>
            checkAnswer({ problem, answer: wrong, vars: VARS2, wrt: 'x' }),
          );
          // Where no real point exists (sqrt(-x^2)), canonical forms decide, and there E² = -1 formally.
          if (w.value && r.value.verdict !== 'undecided') expect(w.value.correct).toBe(false);
        }),
        { numRuns: runs(1_500) },
      );
      // The fuzzer reaches the checker's real work, not only its refusals.
      expect(verdicts.has('incorrect')).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'random trees and settings → optimize (a few steps)',
    () => {
      fc.assert(
        fc.property(
          arbTree2Small,
          arbOptimizer,
          fc.constantFrom(...CONVENTIONS),
          arbLearningRate,
          fc.tuple(arbNumberish, arbNumberish),
          fc.integer({ min: 0, max: 8 }),
          fc.boolean(),
          (tree, optimizer, convention, lr, start, steps, tex) => {
            const input = `${show(toText(tree))} ${optimizer}/${convention} lr=${lr} start=${start} steps=${steps}`;
            const r = guarded('optimize', input, () =>
              optimize({ expr: tree, vars: VARS2, start, optimizer, convention, lr, steps, tex }),
            );
            const trace = r.value;
            if (!trace) return;
            expect(trace.steps.length).toBeLessThanOrEqual(steps);
            if (trace.status === 'diverged') {
              expect(trace.message?.en).toMatch(/^Diverged at step \d+/);
              expect(trace.message?.ko).toMatch(HANGUL);
            } else {
              // Not diverged: every point on the path is finite.
              expect(trace.path.flat().every(Number.isFinite)).toBe(true);
            }
          },
        ),
        { numRuns: runs(1_500) },
      );
    },
    TIMEOUT,
  );

  it('reaches real work in every stage, and reports where the time goes', () => {
    const lines: string[] = [];
    for (const [stage, s] of [...stats.entries()].sort()) {
      lines.push(
        `${stage}: ${s.ok} ok, ${s.refused} refused, slowest ${s.slowest.toFixed(1)} ms (${s.slowestInput.slice(0, 80)})`,
      );
      // A stage that only ever refuses is not being fuzzed.
      expect(s.ok, stage).toBeGreaterThan(0);
    }
    if (LONG) console.log(lines.join('\n'));
    expect(stats.size).toBeGreaterThanOrEqual(10);
  });
});
