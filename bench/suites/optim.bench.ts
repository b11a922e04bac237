// Adam on Rosenbrock: steps per second with the compiled derived gradient, against a
// hand-written JavaScript gradient and against mathjs `evaluate` of the gradient text per step.
import { evaluate as mathEvaluate } from 'mathjs';
import { gradient } from '../../src/calculus/index.js';
import { compile, compileVector } from '../../src/expr/compile.js';
import { parse } from '../../src/expr/parse.js';
import { toText } from '../../src/expr/print-text.js';
import { findOptimizer } from '../../src/optim/optimizers.js';
import { type NumericProblem, resolveHyper, runNumeric } from '../../src/optim/run.js';
import type { Vec } from '../../src/optim/types.js';
import { measure, table } from '../harness.js';

const ROSENBROCK = '(1 - x)^2 + 100*(y - x^2)^2';

export async function run(): Promise<string> {
  const expr = parse(ROSENBROCK, { vars: ['x', 'y'] }).expr;
  const partials = gradient(expr, { vars: ['x', 'y'] }).gradient;
  const f = compile(expr, ['x', 'y']);
  const g = compileVector(partials, ['x', 'y']);
  const compiled: NumericProblem = { n: 2, f: (w) => f(w[0] as number, w[1] as number), grad: (w) => g(w) };
  const hand: NumericProblem = {
    n: 2,
    f: (w) => {
      const [x, y] = [w[0] as number, w[1] as number];
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    },
    grad: (w: Vec) => {
      const [x, y] = [w[0] as number, w[1] as number];
      return Float64Array.of(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x));
    },
  };
  const texts = partials.map(toText);
  const viaMathjs: NumericProblem = {
    n: 2,
    f: (w) => mathEvaluate(ROSENBROCK, { x: w[0], y: w[1] }) as number,
    grad: (w) => Float64Array.from(texts.map((t) => mathEvaluate(t, { x: w[0], y: w[1] }) as number)),
  };
  const adam = findOptimizer('adam');
  if (!adam) throw new Error('adam');
  const settings = {
    optimizer: adam,
    convention: 'textbook' as const,
    lr: 0.01,
    hyper: resolveHyper(adam, 'textbook'),
    start: [-1.2, 1],
  };
  const STEPS = 1000;
  const few = 20;
  const timeCompiled = measure('compiled', () => runNumeric(compiled, { ...settings, steps: STEPS }));
  const timeHand = measure('hand', () => runNumeric(hand, { ...settings, steps: STEPS }));
  const timeMathjs = measure('mathjs', () => runNumeric(viaMathjs, { ...settings, steps: few }), { batches: 5 });
  const perSecond = (us: number, steps: number) => Math.round((steps * 1e6) / us);
  const compiledRate = perSecond(timeCompiled.medianUs, STEPS);
  const handRate = perSecond(timeHand.medianUs, STEPS);
  const mathjsRate = perSecond(timeMathjs.medianUs, few);
  return [
    '## Optimizers: Adam on Rosenbrock',
    '',
    `Steps per second (each step: gradient, update, f at the new point, trace record), ∇f = (${texts.join(', ')}) derived by gradstep. Baseline: the hand-written JavaScript gradient in the same run.`,
    '',
    table(
      ['gradient', 'steps / s', 'relative to hand-written'],
      [
        ['hand-written JavaScript (baseline)', handRate.toLocaleString('en'), '1.00'],
        ['derived and compiled (gradstep)', compiledRate.toLocaleString('en'), (compiledRate / handRate).toFixed(2)],
        [
          'mathjs `evaluate` of the gradient text per step',
          mathjsRate.toLocaleString('en'),
          (mathjsRate / handRate).toFixed(4),
        ],
      ],
    ),
  ].join('\n');
}
