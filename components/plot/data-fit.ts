/**
 * The data plot of SGD over a data set: the rows as points, the model fitted so
 * far as a curve (the parameters of the step shown), and the rows of the step's
 * mini-batch highlighted. Used by gs-optimizer when it runs with `data`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { compile } from '../../src/expr/compile.js';
import { parse } from '../../src/expr/parse.js';
import type { Lang } from '../../src/i18n/index.js';
import type { Dataset, Trace } from '../../src/optim/index.js';
import { formatNumber } from '../../src/optim/index.js';
import type { PlotMarker } from '../gs-plot.js';
import '../gs-plot.js';
import { UI } from '../shared/strings.js';

const cache = new WeakMap<Dataset, ((...a: number[]) => number) | null>();

/** The model as a function of (parameters…, inputs…), read once per data set. */
function modelOf(dataset: Dataset): ((...a: number[]) => number) | undefined {
  if (!cache.has(dataset)) {
    try {
      const names = [...dataset.params, ...dataset.columns.slice(0, -1)];
      cache.set(dataset, compile(parse(dataset.model, { vars: names }).expr, names));
    } catch {
      cache.set(dataset, null);
    }
  }
  return cache.get(dataset) ?? undefined;
}

/** The data plot for step `step` of a trace over `dataset` (one input column). */
export function dataFitTemplate(
  trace: Trace,
  dataset: Dataset,
  step: number,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (dataset.columns.length !== 2) return nothing;
  const model = modelOf(dataset);
  const w = trace.path[Math.min(step, trace.path.length - 1)];
  if (!model || !w) return nothing;
  // The parameters in the model's order (the trace may list them in another).
  const params = dataset.params.map((p) => w[trace.vars.indexOf(p)] ?? Number.NaN);
  const batch = new Set(step < trace.steps.length ? (trace.steps[step]?.batch?.rows ?? []) : []);
  const xs = dataset.rows.map((r) => r[0] as number);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo) * 0.08 || 1;
  const markers: PlotMarker[] = dataset.rows.map((r, i) => ({
    x: r[0] as number,
    y: r[1] as number,
    color: batch.has(i) ? 'var(--_accent)' : 'var(--_muted)',
    ...(batch.has(i) ? { size: 6 } : { size: 3.5 }),
  }));
  const shown = dataset.params.map((p, i) => `${p} = ${formatNumber(params[i] as number)}`).join(', ');
  return html`<gs-plot
    part="data"
    .curves=${[{ fn: (x: number) => model(...params, x), label: `${UI.modelAtStep[lang]} ${step}: ${shown}` }]}
    .markers=${markers}
    .xmin=${lo - pad}
    .xmax=${hi + pad}
    height="220"
    x-label=${dataset.columns[0] ?? 'x'}
    y-label=${dataset.columns[1] ?? 'y'}
    label="${UI.dataPlot[lang]}: ${dataset.rows.length} ${UI.dataRows[lang]}, ${batch.size} ${UI.dataBatch[lang]}"
  ></gs-plot>`;
}
