// Simplification time per expression: gradstep `simplify` against mathjs `simplify`, on the
// derivatives mathjs prints for the table and on ~20 typical derivatives (mathjs's own
// `derivative` output, as a person would get it today). Both sides start from a parsed tree.
import { derivative, parse as mathParse, simplify as mathSimplify } from 'mathjs';
import { parse } from '../../src/expr/parse.js';
import { toText } from '../../src/expr/print-text.js';
import { simplify } from '../../src/expr/simplify.js';
import { formatUs, measure, median, table } from '../harness.js';

/** The table: derivatives as mathjs prints them. */
const TABLE = [
  'y * (6 * x - 10)',
  '1 / 2 / sqrt(x)',
  'x ^ (-2 / 3) / 3',
  '20 * x ^ 3 + 2 - 6 * x',
  '0.6931471805599453 * 2 ^ x',
  '0.43429448190325176 / x',
  '-(sin(x) / cos(x))',
  '-(y / x ^ 2 / (y ^ 2 / x ^ 2 + 1))',
  '2 * (x ^ 2 * w - x * y)',
  '(4 * (1 - x ^ 2) + 2 * (x ^ 2 + 1)) * x / (x ^ 2 + 1) ^ 3',
  '2 * (sin(x) + x * cos(x)) + (x ^ 2 - 2) * sin(x) - 2 * x * cos(x)',
];

/** Typical functions whose mathjs derivatives (d/dx) make up the rest of the workload. */
const FUNCTIONS = [
  'x^3 * sin(x)',
  'exp(x^2)',
  'log(x^2 + 1)',
  'sqrt(1 - x^2)',
  'x / (x^2 + 1)',
  'sin(x)^2',
  'tan(x)',
  'atan(x / y)',
  'x^2 * y^3',
  '(2x - 1)^3',
  'exp(x) * cos(x)',
  '1 / (1 + exp(-x))',
  'x * log(x)',
  'sin(x) * cos(x)',
  'cbrt(x)',
  'asin(x)',
  'x * sinh(x)',
  '(x + 1) / (x - 1)',
  'exp(-x^2 / 2)',
  'sin(3x^2 + 1)',
  'x^2 / (x^2 + y^2)',
  '(1 - x)^2 + 100 * (y - x^2)^2',
];

const VARS = ['x', 'y', 'w'];

export async function run(): Promise<string> {
  const inputs = [
    ...TABLE,
    ...FUNCTIONS.map((f) => derivative(mathParse(f.replace(/(\d)([a-z(])/g, '$1*$2')), 'x').toString()),
  ];
  const rows: string[][] = [];
  const ratios: number[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const text of inputs) {
    const tree = parse(text, { vars: VARS }).expr;
    const node = mathParse(text);
    const mine = measure('gradstep', () => simplify(tree), { batches: 11, minBatchMs: 10 });
    const baseline = measure('mathjs', () => mathSimplify(node), { batches: 11, minBatchMs: 10 });
    ratios.push(baseline.medianUs / mine.medianUs);
    ours.push(mine.medianUs);
    theirs.push(baseline.medianUs);
    rows.push([
      `\`${text}\``,
      `\`${toText(simplify(tree))}\``,
      `${formatUs(mine.medianUs)} / ${formatUs(mine.maxUs)}`,
      `${formatUs(baseline.medianUs)} / ${formatUs(baseline.maxUs)}`,
      `${(baseline.medianUs / mine.medianUs).toFixed(0)}×`,
    ]);
  }
  const worstOurs = Math.max(...ours);
  const worstTheirs = Math.max(...theirs);
  return [
    '## simplify: gradstep vs mathjs',
    '',
    `${inputs.length} expressions (the issue's table, then mathjs's d/dx of ${FUNCTIONS.length} typical functions). ` +
      'Times are per call, median / slowest batch; both start from a parsed tree.',
    '',
    table(['input (as mathjs prints it)', 'gradstep result', 'gradstep', 'mathjs simplify', 'speed-up'], rows),
    '',
    `Median over expressions: gradstep ${formatUs(median(ours))}, mathjs ${formatUs(median(theirs))}; ` +
      `worst expression: gradstep ${formatUs(worstOurs)}, mathjs ${formatUs(worstTheirs)}; ` +
      `median speed-up ${median(ratios).toFixed(0)}×.`,
  ].join('\n');
}
