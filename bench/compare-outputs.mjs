import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commitEngine, compileEngine, git, removeAddedWorktrees } from './commit-engine.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}
const BASE = option('base', 'main');
const RANDOM = Number(option('random', '400'));
const SEED = Number(option('seed', '12'));
const KEEP = process.argv.includes('--keep');

const here = resolve('.');
const baseSha = git('rev-parse', `${BASE}^{commit}`);

const baseOut = commitEngine(baseSha, 'gradstep-outputs');
const headOut = resolve('dist/compare-outputs');
compileEngine(here, headOut);
const engines = [];
for (const out of [baseOut, headOut]) engines.push(await import(pathToFileURL(resolve(out, 'src/index.js')).href));

const describeError = (error) =>
  error && typeof error === 'object' && 'code' in error
    ? `error ${error.code}: ${error.message}`
    : `throw ${error instanceof Error ? error.message : String(error)}`;
function safe(fn) {
  try {
    return fn();
  } catch (error) {
    return describeError(error);
  }
}

let comparisons = 0;
const differences = [];
function same(label, fn) {
  const [a, b] = engines.map((e) => safe(() => fn(e)));
  comparisons++;
  if (a !== b) differences.push({ label, base: a, head: b });
}

/** All outputs of one problem: its derivations in three details and the forms of its answer. */
function problem(id, expr, wrt, vars, order = 1) {
  for (const detail of ['full', 'default', 'brief']) {
    same(`${id} differentiate ${detail}`, (e) => {
      const tree = e.parse(expr, vars ? { vars } : {}).expr;
      const d = e.differentiate(tree, { wrt, ...(vars ? { vars } : {}), order, detail });
      return [
        JSON.stringify(e.derivationJson(d, 'en')),
        JSON.stringify(e.derivationJson(d, 'ko')),
        e.derivationTex(d),
        e.derivationText(d, 'en'),
        e.derivationText(d, 'ko'),
      ].join('\n');
    });
  }
  same(`${id} forms`, (e) => {
    const tree = e.parse(expr, vars ? { vars } : {}).expr;
    const result = e.differentiate(tree, { wrt, ...(vars ? { vars } : {}), order }).result;
    const forms = e.answerForms(result).map((f) => `${f.name}: ${e.toText(f.expr)}`);
    return [...forms, String(e.formOf(result, result))].join('\n');
  });
}
function check(id, input) {
  for (const lang of ['en', 'ko']) {
    same(`${id} check ${lang} ${JSON.stringify(input.answer)}`, (e) =>
      JSON.stringify(e.checkAnswer({ ...input, lang })),
    );
  }
}
/** The engine's own answer for a problem, as text (from the base engine), to check as an answer. */
function ownAnswer(expr, wrt, vars, order = 1) {
  const e = engines[0];
  return safe(() => {
    const d = e.differentiate(e.parse(expr, vars ? { vars } : {}).expr, { wrt, ...(vars ? { vars } : {}), order });
    return [e.toText(d.result), ...e.answerForms(d.result).map((f) => e.toText(f.expr))];
  });
}

const derivatives = JSON.parse(readFileSync(resolve('fixtures/derivatives.json'), 'utf8')).problems;
for (const p of derivatives) {
  problem(p.id, p.expr, p.wrt, p.vars, p.order ?? 1);
  const own = ownAnswer(p.expr, p.wrt, p.vars, p.order ?? 1);
  if (Array.isArray(own)) {
    for (const answer of own) check(p.id, { problem: p.expr, wrt: p.wrt, vars: p.vars, order: p.order ?? 1, answer });
  }
}
const textbook = JSON.parse(readFileSync(resolve('fixtures/textbook.json'), 'utf8')).exercises;
for (const x of textbook) {
  problem(x.id, x.function, x.wrt, undefined, x.order ?? 1);
  const own = ownAnswer(x.function, x.wrt, undefined, x.order ?? 1);
  const answers = [...(x.answers ?? []), ...(Array.isArray(own) ? own : []), `${x.answers?.[0] ?? '0'} + 1`];
  for (const answer of answers) check(x.id, { problem: x.function, wrt: x.wrt, order: x.order ?? 1, answer });
}
const cases = JSON.parse(readFileSync(resolve('fixtures/answers.json'), 'utf8')).cases;
for (const c of cases) check(c.id, { problem: c.problem, wrt: c.wrt, vars: c.vars, answer: c.answer });

// Random expressions in x (and y, a parameter a), seeded.
let state = SEED >>> 0 || 1;
const rand = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const FNS = ['sin', 'cos', 'tan', 'exp', 'ln', 'sqrt', 'atan', 'sinh', 'cosh', 'asin', 'sec', 'cot'];
function randomExpr(depth) {
  if (depth <= 0 || rand() < 0.2) return pick(['x', 'x', 'y', 'a', '2', '3', '1/2', 'pi', 'e', '5']);
  const r = rand();
  const l = () => randomExpr(depth - 1);
  if (r < 0.2) return `(${l()} + ${l()})`;
  if (r < 0.3) return `(${l()} - ${l()})`;
  if (r < 0.5) return `${l()}*${l()}`;
  if (r < 0.6) return `(${l()})/(${l()})`;
  if (r < 0.7) return `(${l()})^${pick(['2', '3', '-1', '1/2', 'x'])}`;
  return `${pick(FNS)}(${l()})`;
}
for (let i = 0; i < RANDOM; i++) {
  const expr = randomExpr(1 + Math.floor(rand() * 4));
  const vars = ['x', 'y'];
  problem(`random-${i} ${expr}`, expr, 'x', vars);
  const own = ownAnswer(expr, 'x', vars);
  const answers = [...(Array.isArray(own) ? own : []), randomExpr(2), `2*(${Array.isArray(own) ? own[0] : 'x'})`];
  for (const answer of answers) check(`random-${i}`, { problem: expr, wrt: 'x', vars, answer });
}

for (const d of differences.slice(0, 20)) {
  console.log(`DIFFERENT ${d.label}\n  base: ${String(d.base).slice(0, 400)}\n  head: ${String(d.head).slice(0, 400)}`);
}
console.log(
  `${comparisons} comparisons of ${baseSha.slice(0, 7)} against this tree (${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no', '--', 'src') ? ' + uncommitted changes' : ''}): ${differences.length} differences`,
);
if (!KEEP) removeAddedWorktrees();
process.exitCode = differences.length ? 1 : 0;
