// Compiled evaluation: gradstep's `compile` against mathjs (evaluate of the same text, the
// baseline; and mathjs's own compile) and against a hand-written JavaScript function.
import { compile as mathCompile, evaluate as mathEvaluate } from 'mathjs';
import { add, call, type Expr, mul, neg, num, pow, sym } from '../../src/expr/ast.js';
import { compile, compileBatch } from '../../src/expr/compile.js';
import { formatUs, measure, table } from '../harness.js';

const x = sym('x');
const y = sym('y');

interface Case {
  readonly name: string;
  readonly text: string;
  readonly expr: Expr;
  readonly vars: string[];
  readonly hand: (a: number, b: number) => number;
}

const CASES: Case[] = [
  {
    name: 'lesson polynomial 3x³ − 2x + 1',
    text: '3*x^3 - 2*x + 1',
    expr: add(mul(num(3), pow(x, num(3))), neg(mul(num(2), x)), num(1)),
    vars: ['x'],
    hand: (a) => 3 * a * a * a - 2 * a + 1,
  },
  {
    name: 'x sin x',
    text: 'x*sin(x)',
    expr: mul(x, call('sin', x)),
    vars: ['x'],
    hand: (a) => a * Math.sin(a),
  },
  {
    name: 'Rosenbrock (1 − x)² + 100(y − x²)²',
    text: '(1 - x)^2 + 100*(y - x^2)^2',
    expr: add(pow(add(num(1), neg(x)), num(2)), mul(num(100), pow(add(y, neg(pow(x, num(2)))), num(2)))),
    vars: ['x', 'y'],
    hand: (a, b) => (1 - a) ** 2 + 100 * (b - a * a) ** 2,
  },
  {
    name: 'a derivative with repeats: 2x·e^{x²}·cos(e^{x²}) + sin(e^{x²})·ln(x²+1)',
    text: '2*x*exp(x^2)*cos(exp(x^2)) + sin(exp(x^2))*log(x^2 + 1)',
    expr: add(
      mul(num(2), x, call('exp', pow(x, num(2))), call('cos', call('exp', pow(x, num(2))))),
      mul(call('sin', call('exp', pow(x, num(2)))), call('ln', add(pow(x, num(2)), num(1)))),
    ),
    vars: ['x'],
    hand: (a) => {
      const e = Math.exp(a * a);
      return 2 * a * e * Math.cos(e) + Math.sin(e) * Math.log(a * a + 1);
    },
  },
];

export async function run(): Promise<string> {
  const rows: string[][] = [];
  let sink = 0;
  for (const c of CASES) {
    const compiled = compile(c.expr, c.vars);
    const mathCompiled = mathCompile(c.text);
    let i = 0;
    const point = () => {
      i = (i + 1) % 1000;
      return [0.1 + i * 0.001, 0.5 - i * 0.0005] as const;
    };
    const scope = (a: number, b: number) => (c.vars.length === 1 ? { x: a } : { x: a, y: b });
    const evaluateText = measure('mathjs evaluate', () => {
      const [a, b] = point();
      sink += mathEvaluate(c.text, scope(a, b)) as number;
    });
    const mathjsCompiled = measure('mathjs compile', () => {
      const [a, b] = point();
      sink += mathCompiled.evaluate(scope(a, b)) as number;
    });
    const ours = measure('gradstep compile', () => {
      const [a, b] = point();
      sink += compiled(a, b);
    });
    const hand = measure('hand-written', () => {
      const [a, b] = point();
      sink += c.hand(a, b);
    });
    rows.push([
      c.name,
      formatUs(evaluateText.medianUs),
      formatUs(mathjsCompiled.medianUs),
      formatUs(ours.medianUs),
      formatUs(hand.medianUs),
      `${(evaluateText.medianUs / ours.medianUs).toFixed(0)}×`,
      `${(hand.medianUs / ours.medianUs).toFixed(2)}`,
    ]);
  }
  // Plotting: 10,000 points at once.
  const rosen = CASES[2] as Case;
  const batch = compileBatch(rosen.expr, rosen.vars);
  const xs = Float64Array.from({ length: 10_000 }, (_, k) => -2 + k * 4e-4);
  const ys = Float64Array.from({ length: 10_000 }, (_, k) => 3 - k * 3e-4);
  const out = new Float64Array(10_000);
  const batched = measure('batch', () => {
    batch([xs, ys], out);
    sink += out[0] as number;
  });
  const handLoop = measure('hand loop', () => {
    for (let k = 0; k < 10_000; k++) out[k] = rosen.hand(xs[k] as number, ys[k] as number);
    sink += out[0] as number;
  });
  if (Number.isNaN(sink)) console.error('unexpected NaN');
  return [
    '## Compiled evaluation (`compile`)',
    '',
    'Median time per evaluation at a point. Baseline: mathjs `evaluate` of the same text in the same run.',
    '',
    table(
      [
        'expression',
        'mathjs evaluate',
        'mathjs compile',
        'gradstep compile',
        'hand-written JS',
        'speed-up vs evaluate',
        'speed vs hand-written (1 = equal)',
      ],
      rows,
    ),
    '',
    `Batch (\`compileBatch\`, Rosenbrock, 10,000 points): ${formatUs(batched.medianUs)} vs a hand-written loop ${formatUs(handLoop.medianUs)} (${(handLoop.medianUs / batched.medianUs).toFixed(2)} of its speed).`,
  ].join('\n');
}
