import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commitEngine, compileEngine, git, removeAddedWorktrees } from './commit-engine.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}
const BASE = option('base', '3c93091');
const SUITE = option('suite', 'derive');
const ROUNDS = Number(option('rounds', '7'));
const PASSES = Number(option('passes', '3'));
const BATCH_MS = Number(option('batch-ms', '3'));
const ONLY = option('only', '');
const CLOCK = option('clock', 'cpu');
const KEEP = process.argv.includes('--keep');
if (SUITE !== 'derive' && SUITE !== 'check') throw new Error(`unknown suite ${SUITE} (derive or check)`);
if (CLOCK !== 'cpu' && CLOCK !== 'wall') throw new Error(`unknown clock ${CLOCK} (cpu or wall)`);

const here = resolve('.');
const baseSha = git('rev-parse', `${BASE}^{commit}`);
const HEAD = option('head', '');
const headSha = git('rev-parse', `${HEAD || 'HEAD'}^{commit}`);
const dirty = !HEAD && git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench') !== '';

const baseOut = commitEngine(baseSha, 'gradstep-compare');
let headOut = resolve('dist/compare');
if (HEAD) headOut = commitEngine(headSha, 'gradstep-compare');
else compileEngine(here, headOut);

const load = async (out, path) => import(pathToFileURL(resolve(out, path)).href);
const engines = [];
for (const [name, out] of [
  ['base', baseOut],
  ['this', headOut],
]) {
  const { parse } = await load(out, 'src/expr/parse.js');
  const { differentiate } = await load(out, 'src/calculus/differentiate.js');
  const { checkAnswer } = await load(out, 'src/check/check.js');
  engines.push({ name, parse, differentiate, checkAnswer });
}

/** One callable per engine for each problem of the suite's corpus. */
function problems() {
  if (SUITE === 'derive') {
    const { problems } = JSON.parse(readFileSync(resolve('fixtures/derivatives.json'), 'utf8'));
    return problems.map((p) => ({
      id: p.id,
      calls: engines.map((e) => {
        const tree = e.parse(p.expr, { vars: p.vars }).expr;
        const options = { wrt: p.wrt, vars: p.vars, order: p.order ?? 1, detail: 'full' };
        return () => e.differentiate(tree, options);
      }),
    }));
  }
  const { cases } = JSON.parse(readFileSync(resolve('fixtures/answers.json'), 'utf8'));
  return cases.map((c) => ({
    id: c.id,
    calls: engines.map((e) => {
      const input = { problem: c.problem, wrt: c.wrt, vars: c.vars, answer: c.answer };
      return () => e.checkAnswer(input);
    }),
  }));
}

/**
 * µs per call over one batch of n calls. `cpu` (the default) reads the process's CPU time
 * (user + system, all its threads), which the other jobs on a shared machine do not inflate the
 * way they inflate the wall clock; `wall` reads performance.now().
 */
function batch(fn, n) {
  if (CLOCK === 'wall') {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    return ((performance.now() - t0) * 1000) / n;
  }
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const us = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(v < 10 ? 2 : 1)} µs`);

const all = problems().filter((p) => p.id.includes(ONLY));
const usable = [];
for (const p of all) {
  try {
    for (const call of p.calls) call();
    usable.push(p);
  } catch (error) {
    console.error(`skipped ${p.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
// Warm every path of both engines before timing anything.
for (let pass = 0; pass < 3; pass++) for (const p of usable) for (const call of p.calls) call();

const startLoad = loadavg();
const started = new Date();
// Batch sizes first (one per problem, for both engines), then the rounds: --passes times over the
// whole corpus, --rounds rounds of each problem per pass, so each problem's samples are spread
// over the run rather than taken in one stretch of whatever load the machine has then.
const sizes = usable.map((p) => {
  let n = 1;
  while (batch(p.calls[0], n) * n < BATCH_MS * 1000 && n < 1e6) n *= 2;
  return n;
});
const samples = usable.map(() => ({ times: [[], []], ratios: [] }));
for (let pass = 0; pass < PASSES; pass++) {
  usable.forEach((p, i) => {
    const s = samples[i];
    for (let r = 0; r < ROUNDS; r++) {
      const first = (r + pass) % 2;
      const t = [0, 0];
      t[first] = batch(p.calls[first], sizes[i]);
      t[1 - first] = batch(p.calls[1 - first], sizes[i]);
      s.times[0].push(t[0]);
      s.times[1].push(t[1]);
      s.ratios.push(t[1] / t[0]);
    }
  });
}
const rows = usable.map((p, i) => {
  const s = samples[i];
  return { id: p.id, base: median(s.times[0]), head: median(s.times[1]), ratio: median(s.ratios) };
});
const endLoad = loadavg();

const sum = (xs) => xs.reduce((s, x) => s + x, 0);
const ratios = rows.map((r) => r.ratio);
const geo = Math.exp(sum(ratios.map(Math.log)) / ratios.length);
const worst = [...rows].sort((x, y) => y.ratio - x.ratio).slice(0, 8);
const slowest = (key) => rows.reduce((x, y) => (y[key] > x[key] ? y : x));
const line = (cells) => `| ${cells.join(' | ')} |`;
const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' ');
const what = SUITE === 'derive' ? '`differentiate` (full detail, from a parsed tree)' : '`checkAnswer` (from text)';
const thisName = HEAD
  ? headSha.slice(0, 7)
  : `this tree (${headSha.slice(0, 7)}${dirty ? ' + uncommitted changes' : ''})`;
const out = [
  `## Interleaved: ${what}, ${baseSha.slice(0, 7)} against ${thisName}`,
  '',
  `\`node bench/compare-commits.mjs --base ${BASE}${HEAD ? ` --head ${HEAD}` : ''} --suite ${SUITE} --passes ${PASSES} --rounds ${ROUNDS} --batch-ms ${BATCH_MS} --clock ${CLOCK}${ONLY ? ` --only ${ONLY}` : ''}\`, ${started.toISOString()}, node ${process.version}; load average ${fmtLoad(startLoad)} at the start, ${fmtLoad(endLoad)} at the end. ${usable.length} problems; ${PASSES} passes over them, ${ROUNDS} rounds of each problem per pass (${PASSES * ROUNDS} samples per problem and engine), alternating which engine goes first; times are ${CLOCK === 'cpu' ? 'CPU time of the process (user + system)' : 'wall-clock time'}.`,
  '',
  line(['measure', `base ${baseSha.slice(0, 7)}`, HEAD ? headSha.slice(0, 7) : 'this tree', 'this ÷ base']),
  line(['---', '---', '---', '---']),
  line([
    'median per-problem time',
    us(median(rows.map((r) => r.base))),
    us(median(rows.map((r) => r.head))),
    (median(rows.map((r) => r.head)) / median(rows.map((r) => r.base))).toFixed(3),
  ]),
  line(['median of the per-problem ratios', '', '', median(ratios).toFixed(3)]),
  line(['geometric mean of the per-problem ratios', '', '', geo.toFixed(3)]),
  line([
    'total (sum of per-problem medians)',
    us(sum(rows.map((r) => r.base))),
    us(sum(rows.map((r) => r.head))),
    (sum(rows.map((r) => r.head)) / sum(rows.map((r) => r.base))).toFixed(3),
  ]),
  line([
    'slowest problem',
    `${us(slowest('base').base)} (${slowest('base').id})`,
    `${us(slowest('head').head)} (${slowest('head').id})`,
    '',
  ]),
  line([
    'problems faster / slower here (ratio < 0.95 / > 1.05)',
    '',
    '',
    `${ratios.filter((r) => r < 0.95).length} / ${ratios.filter((r) => r > 1.05).length}`,
  ]),
  '',
  `Largest ratios: ${worst.map((r) => `${r.id} ${r.ratio.toFixed(2)}`).join(', ')}.`,
  '',
  '<details><summary>Per problem</summary>',
  '',
  line(['problem', 'base', 'this tree', 'ratio']),
  line(['---', '---', '---', '---']),
  ...rows.map((r) => line([r.id, us(r.base), us(r.head), r.ratio.toFixed(3)])),
  '',
  '</details>',
];
console.log(out.join('\n'));

if (!KEEP) removeAddedWorktrees();
