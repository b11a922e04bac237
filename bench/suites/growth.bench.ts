// Cost growth with expression size: a sum of n terms (k·x^k), a product of n factors (x + k) and a
// chain sin(sin(…x…)) d deep, differentiated with every step and the answer simplified, for
// n, d = 10, 100, 1000 and the largest size the engine's budget accepts. Inputs are trees
// (text over 1000 characters is refused by the parser by design). Baselines in the same run:
// mathjs `derivative` on the same expression (pre-parsed) without simplification, and with its
// default simplification — one call in a child process, capped at MATHJS_CAP_MS.
import { spawnSync } from 'node:child_process';
import { derivative, type MathNode, parse as mathjsParse } from 'mathjs';
import { differentiate } from '../../src/calculus/differentiate.js';
import { isGradstepError } from '../../src/errors.js';
import { add, call, type Expr, mul, num, pow, size, sym } from '../../src/expr/ast.js';
import { toText } from '../../src/expr/print-text.js';
import { formatUs, measure, table } from '../harness.js';

const SIZES = [10, 100, 1000];
const MATHJS_CAP_MS = 10_000;
const x = sym('x');

interface Family {
  readonly name: string;
  readonly label: string;
  readonly build: (n: number) => Expr;
}

const FAMILIES: readonly Family[] = [
  {
    name: 'sum',
    label: 'sum of n terms k·x^k',
    build: (n) => add(...Array.from({ length: n }, (_, i) => mul(num(i + 1), pow(x, num(i + 1))))),
  },
  {
    name: 'product',
    label: 'product of n factors (x + k)',
    build: (n) => mul(...Array.from({ length: n }, (_, i) => add(x, num(i + 1)))),
  },
  {
    name: 'chain',
    label: 'chain sin(sin(…x…)), depth d',
    build: (n) => {
      let e: Expr = x;
      for (let i = 0; i < n; i++) e = call('sin', e);
      return e;
    },
  },
];

interface Ours {
  readonly us?: number;
  readonly nodes?: number;
  readonly refused?: string;
  readonly refusedMs?: number;
}

function ours(e: Expr): Ours {
  const start = performance.now();
  try {
    const d = differentiate(e, { wrt: 'x', detail: 'full' });
    const once = performance.now() - start;
    const m = measure('ours', () => differentiate(e, { wrt: 'x', detail: 'full' }), {
      batches: once > 50 ? 3 : 7,
      minBatchMs: 10,
    });
    return { us: m.medianUs, nodes: size(d.result) };
  } catch (error) {
    if (!isGradstepError(error)) throw error;
    return { refused: error.code, refusedMs: performance.now() - start };
  }
}

/** mathjs derivative without simplification, in process. */
function mathjsPlain(text: string): { us: number; nodes: number } | { failed: string } {
  let node: MathNode;
  try {
    node = mathjsParse(text);
  } catch (error) {
    return { failed: error instanceof Error ? error.name : String(error) }; // e.g. RangeError: its parser recurses
  }
  const result = derivative(node, 'x', { simplify: false });
  const m = measure('mathjs', () => derivative(node, 'x', { simplify: false }), { batches: 5, minBatchMs: 10 });
  return { us: m.medianUs, nodes: result.filter(() => true).length };
}

/** mathjs derivative with its default simplification: one call in a child process (it can take minutes). */
function mathjsSimplified(text: string): { ms?: number; nodes?: number; failed?: string } {
  const script = `
    import { derivative, parse } from 'mathjs';
    const node = parse(process.env.EXPR);
    const t0 = performance.now();
    const d = derivative(node, 'x');
    console.log(JSON.stringify({ ms: performance.now() - t0, nodes: d.filter(() => true).length }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, EXPR: text },
    timeout: MATHJS_CAP_MS,
    encoding: 'utf8',
  });
  if (run.signal) return {}; // killed at the cap
  if (run.status !== 0 || !run.stdout) return { failed: /RangeError/.test(run.stderr) ? 'RangeError' : 'error' };
  return JSON.parse(run.stdout) as { ms: number; nodes: number };
}

/** The largest n the engine accepts, by bisection between an accepted and a refused size. */
function limit(family: Family, accepted: number, refused: number): number {
  let [lo, hi] = [accepted, refused];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ours(family.build(mid)).refused) hi = mid;
    else lo = mid;
  }
  return lo;
}

export async function run(): Promise<string> {
  differentiate('sin(x)^2 + x^3', { wrt: 'x' }); // warm up
  const rows: string[][] = [];
  for (const family of FAMILIES) {
    let lastOk = 1;
    let firstRefused: number | undefined;
    const sizes = [...SIZES];
    for (let i = 0; i < sizes.length; i++) {
      const n = sizes[i] as number;
      const tree = family.build(n);
      const text = toText(tree);
      const o = ours(tree);
      if (o.refused) firstRefused ??= n;
      else lastOk = Math.max(lastOk, n);
      const plain = mathjsPlain(text);
      const simplified = mathjsSimplified(text);
      const ratio = o.us !== undefined && simplified.ms !== undefined ? (simplified.ms * 1000) / o.us : undefined;
      rows.push([
        family.label,
        String(n),
        String(size(tree)),
        o.us !== undefined ? formatUs(o.us) : `refused (${o.refused}) in ${(o.refusedMs ?? 0).toFixed(1)} ms`,
        o.nodes !== undefined ? String(o.nodes) : '—',
        'failed' in plain ? `fails (${plain.failed})` : `${formatUs(plain.us)} / ${plain.nodes}`,
        simplified.failed
          ? `fails (${simplified.failed})`
          : simplified.ms !== undefined
            ? `${formatUs(simplified.ms * 1000)} / ${simplified.nodes}`
            : `> ${MATHJS_CAP_MS / 1000} s`,
        ratio !== undefined ? `${ratio.toFixed(1)}×` : '—',
      ]);
      // After the first refusal, add the largest accepted size (found by bisection) once.
      if (firstRefused !== undefined && i === sizes.length - 1) {
        const most = limit(family, lastOk, firstRefused);
        if (!sizes.includes(most)) sizes.push(most);
      }
    }
  }
  return [
    '## Cost growth with expression size',
    '',
    `\`npm run bench -- growth\`. gradstep: \`differentiate(tree, { detail: 'full' })\` (every step, answer simplified), median. mathjs: \`derivative\` of the same expression pre-parsed, without simplification (in process, median) and with its default simplification (one call in a child process, capped at ${MATHJS_CAP_MS / 1000} s). Output size = nodes of the answer. The last row of each family is the largest size the budget (${'25,000'} nodes or 250 ms) accepts.`,
    '',
    table(
      [
        'expression',
        'n / d',
        'input nodes',
        'gradstep time',
        'gradstep answer nodes',
        'mathjs derivative (no simplify): time / nodes',
        'mathjs derivative (simplify): time / nodes',
        'mathjs simplify ÷ gradstep',
      ],
      rows,
    ),
  ].join('\n');
}
