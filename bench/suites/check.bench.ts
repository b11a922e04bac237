// The answer checker: time of one full check (read the problem, derive it, sample the
// domain, read the answer, decide, and for wrong answers match the typical mistakes) per
// case of the SymPy corpus fixtures/answers.json. Baseline in the same run: differentiating
// the problem alone (`differentiate`), which every check does once.
import { readFileSync } from 'node:fs';
import { differentiate } from '../../src/calculus/differentiate.js';
import { checkAnswer } from '../../src/check/check.js';
import { formatUs, measure, median, table } from '../harness.js';

interface Case {
  readonly id: string;
  readonly problem: string;
  readonly wrt: string;
  readonly vars: string[];
  readonly answer: string;
  readonly verdict: string;
}

const TARGET_US = 2000;

export async function run(): Promise<string> {
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/answers.json', import.meta.url), 'utf8')) as {
    cases: Case[];
  };
  const perCase: { c: Case; check: number; derive: number }[] = [];
  for (const c of fixture.cases) {
    const input = { problem: c.problem, wrt: c.wrt, vars: c.vars, answer: c.answer };
    const check = measure(c.id, () => checkAnswer(input), { batches: 7, minBatchMs: 10 });
    const derive = measure(c.id, () => differentiate(c.problem, { wrt: c.wrt, vars: c.vars, detail: 'full' }), {
      batches: 7,
      minBatchMs: 10,
    });
    perCase.push({ c, check: check.medianUs, derive: derive.medianUs });
  }
  const byVerdict = new Map<string, number[]>();
  for (const p of perCase) byVerdict.set(p.c.verdict, [...(byVerdict.get(p.c.verdict) ?? []), p.check]);
  const all = perCase.map((p) => p.check);
  const derives = perCase.map((p) => p.derive);
  const sorted = [...all].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] as number;
  const slowest = [...perCase].sort((a, b) => b.check - a.check).slice(0, 5);
  const rows = [
    [
      'all cases',
      String(all.length),
      formatUs(median(all)),
      formatUs(p90),
      formatUs(sorted.at(-1) as number),
      `${(median(all) / median(derives)).toFixed(1)}×`,
    ],
    ...[...byVerdict].map(([verdict, times]) => {
      const s = [...times].sort((a, b) => a - b);
      return [
        verdict,
        String(times.length),
        formatUs(median(times)),
        formatUs(s[Math.floor(s.length * 0.9)] as number),
        formatUs(s.at(-1) as number),
        '',
      ];
    }),
  ];
  return [
    '## check: answer checker per case (fixtures/answers.json)',
    '',
    `Median time of one \`checkAnswer\` call per corpus case; target ≤ ${formatUs(TARGET_US)} median. Baseline: \`differentiate\` of the problem alone, median ${formatUs(median(derives))}.`,
    '',
    table(['cases', 'n', 'median', 'p90', 'max', 'vs differentiate'], rows),
    '',
    `Median ${median(all) <= TARGET_US ? 'meets' : 'misses'} the ${formatUs(TARGET_US)} target. Slowest cases: ${slowest.map((s) => `${s.c.id} ${formatUs(s.check)}`).join(', ')}.`,
  ].join('\n');
}
