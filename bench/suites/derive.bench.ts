// Differentiation: one full derivation (parse, the step tree, simplification of the answer)
// per problem of the SymPy corpus fixtures/derivatives.json, against mathjs `derivative`
// (which parses and simplifies too) on the same text in the same run.
import { readFileSync } from 'node:fs';
import { derivative } from 'mathjs';
import { differentiate } from '../../src/calculus/differentiate.js';
import { formatUs, measure, median, table } from '../harness.js';

interface Problem {
  readonly id: string;
  readonly expr: string;
  readonly wrt: string;
  readonly vars: string[];
  readonly order?: number;
}

const TARGET_MEDIAN_US = 100;
const TARGET_SLOWEST_US = 2000;
const TARGET_RATIO = 10;

function mathjsDerivative(p: Problem): () => unknown {
  return () => {
    let d = derivative(p.expr, p.wrt);
    for (let k = 1; k < (p.order ?? 1); k++) d = derivative(d, p.wrt);
    return d;
  };
}

export async function run(): Promise<string> {
  const corpus = JSON.parse(readFileSync(new URL('../../fixtures/derivatives.json', import.meta.url), 'utf8')) as {
    problems: Problem[];
  };
  const rows: { id: string; ours: number; mathjs: number | undefined }[] = [];
  for (const p of corpus.problems) {
    const options = { wrt: p.wrt, vars: p.vars, order: p.order ?? 1, detail: 'full' as const };
    const ours = measure(p.id, () => differentiate(p.expr, options), { batches: 9, minBatchMs: 10 });
    let theirs: number | undefined;
    try {
      mathjsDerivative(p)();
      theirs = measure(p.id, mathjsDerivative(p), { batches: 5, minBatchMs: 10 }).medianUs;
    } catch {
      theirs = undefined; // mathjs cannot differentiate this one (e.g. log with a base argument)
    }
    rows.push({ id: p.id, ours: ours.medianUs, mathjs: theirs });
  }
  const ours = rows.map((r) => r.ours);
  const both = rows.filter((r) => r.mathjs !== undefined) as { id: string; ours: number; mathjs: number }[];
  const ratios = both.map((r) => r.mathjs / r.ours);
  const slowest = rows.reduce((a, b) => (b.ours > a.ours ? b : a));
  const slowestMathjs = both.reduce((a, b) => (b.mathjs > a.mathjs ? b : a));
  const medianOurs = median(ours);
  const medianMathjs = median(both.map((r) => r.mathjs));
  const medianRatio = median(ratios);
  const summary = table(
    ['measure', 'gradstep differentiate', 'mathjs derivative', 'target'],
    [
      ['median per problem', formatUs(medianOurs), formatUs(medianMathjs), `≤ ${formatUs(TARGET_MEDIAN_US)}`],
      [
        'slowest problem',
        `${formatUs(slowest.ours)} (${slowest.id})`,
        `${formatUs(slowestMathjs.mathjs)} (${slowestMathjs.id})`,
        `≤ ${formatUs(TARGET_SLOWEST_US)}`,
      ],
      ['median speed-up (mathjs ÷ gradstep, per problem)', `${medianRatio.toFixed(1)}×`, '', `≥ ${TARGET_RATIO}×`],
      ['smallest speed-up', `${Math.min(...ratios).toFixed(1)}×`, '', ''],
    ],
  );
  const verdict = [
    medianOurs <= TARGET_MEDIAN_US ? 'median: met' : 'median: MISSED',
    slowest.ours <= TARGET_SLOWEST_US ? 'slowest: met' : 'slowest: MISSED',
    medianRatio >= TARGET_RATIO ? 'speed-up: met' : 'speed-up: MISSED',
  ].join(', ');
  const detail = table(
    ['problem', 'gradstep', 'mathjs', 'ratio'],
    rows.map((r) => [
      r.id,
      formatUs(r.ours),
      r.mathjs === undefined ? 'n/a' : formatUs(r.mathjs),
      r.mathjs === undefined ? '' : `${(r.mathjs / r.ours).toFixed(1)}×`,
    ]),
  );
  return [
    '## Differentiation (derivation + steps + simplification) vs mathjs `derivative`',
    '',
    `${corpus.problems.length} problems from fixtures/derivatives.json (${both.length} that mathjs can differentiate are compared); full detail, answer simplified. ${verdict}.`,
    '',
    summary,
    '',
    '<details><summary>Per problem</summary>',
    '',
    detail,
    '',
    '</details>',
  ].join('\n');
}
