/**
 * Small built-in data sets for SGD demos, generated deterministically (seeded
 * noise), so every run of every demo sees the same rows.
 */
import { type Localized, localizeAll } from '../i18n/index.js';
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
    name: localizeAll((m) => m.optim.datasets.line),
    columns: ['x', 'y'],
    rows: linearRows(),
    loss: '(w*x + b - y)^2',
    params: ['w', 'b'],
    model: 'w*x + b',
    truth: { w: 2, b: 1 },
  },
  {
    id: 'logistic',
    name: localizeAll((m) => m.optim.datasets.logistic),
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
