/**
 * Small built-in data sets for SGD demos, generated deterministically (seeded
 * noise), so every run of every demo sees the same rows.
 */
import { compile } from '../expr/compile.js';
import { parse } from '../expr/parse.js';
import type { Localized } from '../i18n/index.js';
import { localizeOptim } from '../i18n/optim.js';
import { mulberry32 } from '../util/prng.js';

export interface Dataset {
  readonly id: string;
  readonly name: Localized;
  /** Column names, which are the data variables of the per-sample loss. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
  /** A per-sample loss in the parameters and the columns, ready for `optimize`. */
  readonly loss: string;
  readonly params: readonly string[];
  /** The fitted model's prediction of the last column from the others, in the parameters (for drawing the fit). */
  readonly model: string;
  /** The parameters that generated the data (before noise). */
  readonly truth: Readonly<Record<string, number>>;
}

/** Roughly normal noise from the seeded generator (sum of uniforms). */
function noise(random: () => number, scale: number): number {
  let s = 0;
  for (let i = 0; i < 6; i++) s += random();
  return (s - 3) * scale;
}

function round(value: number, digits = 3): number {
  const p = 10 ** digits;
  return Math.round(value * p) / p;
}

function linearRows(): number[][] {
  const random = mulberry32(2024);
  const rows: number[][] = [];
  for (let i = 0; i < 20; i++) {
    const x = round(-2 + (4 * i) / 19, 3);
    rows.push([x, round(2 * x + 1 + noise(random, 0.3))]);
  }
  return rows;
}

function logisticRows(): number[][] {
  const random = mulberry32(7);
  const rows: number[][] = [];
  for (let i = 0; i < 16; i++) {
    const x = round(-3 + (6 * i) / 15 + noise(random, 0.2), 3);
    const p = 1 / (1 + Math.exp(-(1.5 * x - 0.5)));
    rows.push([x, random() < p ? 1 : 0]);
  }
  return rows;
}

export const DATASETS: readonly Dataset[] = [
  {
    id: 'line',
    name: localizeOptim((o) => o.datasets.line),
    columns: ['x', 'y'],
    rows: linearRows(),
    loss: '(w*x + b - y)^2',
    params: ['w', 'b'],
    model: 'w*x + b',
    truth: { w: 2, b: 1 },
  },
  {
    id: 'logistic',
    name: localizeOptim((o) => o.datasets.logistic),
    columns: ['x', 'y'],
    rows: logisticRows(),
    // Cross-entropy of the logistic model σ(wx + b), written with softplus so it stays finite.
    loss: 'ln(1 + exp(w*x + b)) - y*(w*x + b)',
    params: ['w', 'b'],
    model: '1/(1 + exp(-(w*x + b)))',
    truth: { w: 1.5, b: -0.5 },
  },
];

export function findDataset(id: string): Dataset | undefined {
  return DATASETS.find((d) => d.id === id);
}

/** A data set's model as a function of (parameters…, inputs…). */
export type DatasetModel = (...args: number[]) => number;

const compiledModels = new WeakMap<Dataset, DatasetModel>();

/**
 * The model of a data set compiled once, in the order (parameters…, inputs…), for drawing the fit;
 * the model text is the data set's own (never user text).
 */
export function datasetModel(dataset: Dataset): DatasetModel {
  let model = compiledModels.get(dataset);
  if (!model) {
    const names = [...dataset.params, ...dataset.columns.slice(0, -1)];
    model = compile(parse(dataset.model, { vars: names }).expr, names);
    compiledModels.set(dataset, model);
  }
  return model;
}
