// Backpropagation: build the computation graph of a 200-node loss, run the forward and the
// backward pass, against the symbolic route in the same run (derive ∇L with the engine,
// compile it, evaluate it: what gs-gradient's answer costs); and the gzip size of the
// lazily loaded <gs-graph> chunk against the optimizer stepper's chunk, built the same way.
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { differentiate } from '../../src/calculus/differentiate.js';
import { size } from '../../src/expr/ast.js';
import { compile } from '../../src/expr/compile.js';
import { parse } from '../../src/expr/parse.js';
import { backward, buildGraph, clearGraphCache } from '../../src/graph/graph.js';
import { formatUs, measure, table } from '../harness.js';
import { bundle, eagerFiles, gz } from './bundle.bench.js';

const TARGET_US = 1000;
const TARGET_CHUNK_KB = 25;
const ROWS = 12;

/** A mini-batch loss of a sigmoid neuron: one squared error per row, rows x_k, y_k as data. */
function batchLoss(rows: number): { text: string; vars: string[]; point: Record<string, number> } {
  const terms: string[] = [];
  const point: Record<string, number> = { w: 0.5, b: 0.1 };
  for (let k = 1; k <= rows; k++) {
    terms.push(`(1/(1 + e^(-(w*x${k} + b))) - y${k})^2`);
    point[`x${k}`] = ((k * 37) % 11) / 5 - 1;
    point[`y${k}`] = (k % 3) / 2;
  }
  return { text: `(${terms.join(' + ')}) / ${rows}`, vars: Object.keys(point), point };
}

/** Median CPU time per call (see `measure`'s `cpu` clock). */
function cpuMedianUs(fn: () => unknown, options: { batches?: number } = {}): number {
  return measure('cpu', fn, { ...options, clock: 'cpu' }).medianUs;
}

export async function run(): Promise<string> {
  const loss = batchLoss(ROWS);
  const expr = parse(loss.text, { vars: loss.vars }).expr;
  const nodes = size(expr);
  const params = ['w', 'b'];
  const options = { params, vars: loss.vars };

  const graph = buildGraph(expr, options);
  const full = measure('build + forward + backward', () => backward(buildGraph(expr, options), loss.point));
  const passes = measure('forward + backward on a built graph', () => backward(graph, loss.point));
  const cold = measure('build (cold template cache) + forward + backward', () => {
    clearGraphCache();
    return backward(buildGraph(expr, options), loss.point);
  });
  const fullCpu = cpuMedianUs(() => backward(buildGraph(expr, options), loss.point));
  const passesCpu = cpuMedianUs(() => backward(graph, loss.point));
  const coldCpu = cpuMedianUs(() => {
    clearGraphCache();
    return backward(buildGraph(expr, options), loss.point);
  });
  const args = loss.vars.map((v) => loss.point[v] as number);
  const symbolicRoute = () =>
    params.map((p) => compile(differentiate(expr, { wrt: p, vars: loss.vars }).result, loss.vars)(...args));
  const symbolic = measure('symbolic: derive ∂L/∂w and ∂L/∂b, compile, evaluate', symbolicRoute);
  const symbolicCpu = cpuMedianUs(symbolicRoute, { batches: 5 });

  // The lazy chunk: <gs-graph>'s module and whatever it imports that the page has not loaded already.
  const out = 'dist/bench-graph';
  await bundle('components/cdn.ts', out);
  const eager = new Set(eagerFiles(join(out, 'main.js')));
  const chunkOf = (prefix: string): number => {
    const name = readdirSync(join(out, 'chunks')).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (!name) throw new Error(`no ${prefix} chunk in the embed build`);
    return eagerFiles(join(out, 'chunks', name))
      .filter((f) => !eager.has(f))
      .reduce((s, f) => s + gz(f), 0);
  };
  const graphChunk = chunkOf('gs-graph-');
  const optimizerChunk = chunkOf('gs-optimizer-');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  return [
    '## Backpropagation (`npm run bench -- graph`)',
    '',
    `Load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ', ',
      )} on ${cpus().length} cores (above the core count, every figure includes time spent waiting for a core).`,
    '',
    `Loss: the squared error of a sigmoid neuron summed over ${ROWS} rows and divided by ${ROWS} (${nodes} AST nodes, ${graph.nodes.length} graph nodes, ${graph.edges.length} edges).`,
    '',
    table(
      ['measure', 'median', 'median CPU time', 'slowest batch', 'vs symbolic route', 'target'],
      [
        [
          full.name,
          formatUs(full.medianUs),
          formatUs(fullCpu),
          formatUs(full.maxUs),
          `${(symbolic.medianUs / full.medianUs).toFixed(1)}× faster (CPU time: ${(symbolicCpu / fullCpu).toFixed(1)}×)`,
          `≤ 1 ms: ${met(full.medianUs <= TARGET_US)}${full.medianUs > TARGET_US && fullCpu <= TARGET_US ? ` in wall time (CPU time ${formatUs(fullCpu)}: the rest is waiting for a core)` : ''}`,
        ],
        [passes.name, formatUs(passes.medianUs), formatUs(passesCpu), formatUs(passes.maxUs), '', ''],
        [cold.name, formatUs(cold.medianUs), formatUs(coldCpu), formatUs(cold.maxUs), '', ''],
        [symbolic.name, formatUs(symbolic.medianUs), formatUs(symbolicCpu), formatUs(symbolic.maxUs), '1', ''],
      ],
    ),
    '',
    table(
      ['lazy chunk (gzip, beyond what the embed script loads up front)', 'size', 'baseline (same build)', 'target'],
      [
        [
          '`<gs-graph>`',
          kb(graphChunk),
          `\`<gs-optimizer>\`: ${kb(optimizerChunk)} (${(graphChunk / optimizerChunk).toFixed(2)}×)`,
          `≤ ${TARGET_CHUNK_KB} KB: ${met(graphChunk <= TARGET_CHUNK_KB * 1024)}`,
        ],
      ],
    ),
  ].join('\n');
}
