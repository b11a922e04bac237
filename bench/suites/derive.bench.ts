// Differentiation: one full derivation (the step tree, then simplification of the answer)
// per problem of the SymPy corpus fixtures/derivatives.json, against mathjs `derivative`
// (which simplifies too) in the same run. Both start from an already parsed expression, as
// the issue asks for derivation + steps + simplification; parsing is reported on its own.
import { readFileSync } from 'node:fs';
import { derivative, type MathNode, parse as mathjsParse } from 'mathjs';
import { differentiate } from '../../src/calculus/differentiate.js';
import { finalForm, smallestForm } from '../../src/calculus/forms.js';
import { parse } from '../../src/expr/parse.js';
import { simplify } from '../../src/expr/simplify.js';
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
  const node: MathNode = mathjsParse(p.expr);
  return () => {
    let d = derivative(node, p.wrt);
    for (let k = 1; k < (p.order ?? 1); k++) d = derivative(d, p.wrt);
    return d;
  };
}

export async function run(): Promise<string> {
  const corpus = JSON.parse(readFileSync(new URL('../../fixtures/derivatives.json', import.meta.url), 'utf8')) as {
    problems: Problem[];
  };
  const rows: { id: string; ours: number; mathjs: number | undefined }[] = [];
  // The final answer step on its own, same run: the textbook form (the default answer) against
  // the smallest form it replaced (simplify, then the shortening rewrites), on the same raw results.
  const finalSteps: { textbook: number; smallest: number }[] = [];
  const parseTimes: number[] = [];
  // Warm up every code path once, so the first problem does not pay for the JIT.
  for (const p of corpus.problems) differentiate(p.expr, { wrt: p.wrt, vars: p.vars, order: p.order ?? 1 });
  for (const p of corpus.problems) {
    const options = { wrt: p.wrt, vars: p.vars, order: p.order ?? 1, detail: 'full' as const };
    parseTimes.push(measure(p.id, () => parse(p.expr, { vars: p.vars }), { batches: 5, minBatchMs: 5 }).medianUs);
    const tree = parse(p.expr, { vars: p.vars }).expr;
    const ours = measure(p.id, () => differentiate(tree, options), { batches: 9, minBatchMs: 10 });
    let theirs: number | undefined;
    try {
      mathjsDerivative(p)();
      theirs = measure(p.id, mathjsDerivative(p), { batches: 5, minBatchMs: 10 }).medianUs;
    } catch {
      theirs = undefined; // mathjs cannot differentiate this one (e.g. log with a base argument)
    }
    rows.push({ id: p.id, ours: ours.medianUs, mathjs: theirs });
    const d = differentiate(tree, options);
    const raw = d.simplified[0]?.before ?? (d.full[0]?.result as NonNullable<(typeof d.full)[0]>['result']);
    finalSteps.push({
      textbook: measure(p.id, () => finalForm(raw, tree), { batches: 5, minBatchMs: 5 }).medianUs,
      smallest: measure(p.id, () => smallestForm(simplify(raw)), { batches: 5, minBatchMs: 5 }).medianUs,
    });
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
      ['(not included above) parsing the text, median', formatUs(median(parseTimes)), '', ''],
      [
        'final answer step: textbook form ÷ the smallest form it replaced (same raw results), median per problem',
        `${median(finalSteps.map((f) => f.textbook / f.smallest)).toFixed(2)}× (total ${(
          finalSteps.reduce((a, f) => a + f.textbook, 0) / finalSteps.reduce((a, f) => a + f.smallest, 0)
        ).toFixed(2)}×)`,
        '',
        '≤ 1.5×',
      ],
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
    `${corpus.problems.length} problems from fixtures/derivatives.json (${both.length} that mathjs can differentiate are compared); both from parsed expressions, full detail, answer simplified. ${verdict}.`,
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
