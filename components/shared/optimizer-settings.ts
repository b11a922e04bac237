import type { HyperId, OptimizeOptions } from '../../src/optim/index.js';
import { splitVars } from './engine.js';

/** The attributes gs-optimizer and gs-optimizer-race share, as strings from the page. */
export interface OptimizerAttributes {
  expr: string;
  vars: string;
  start: string;
  optimizer: string;
  lr: string;
  steps: string;
  convention: string;
  momentum: string;
  rho: string;
  beta1: string;
  beta2: string;
  delta: string;
  tol: string;
  data: string;
  batchSize: string;
  epochs: string;
  seed: string;
}

const KEYS = [
  'expr',
  'vars',
  'start',
  'optimizer',
  'lr',
  'steps',
  'convention',
  'momentum',
  'rho',
  'beta1',
  'beta2',
  'delta',
  'tol',
  'data',
  'batchSize',
  'epochs',
  'seed',
] as const satisfies readonly (keyof OptimizerAttributes)[];

/** The setting names, for deciding when an element must re-run. */
export const OPTIMIZER_SETTING_KEYS: readonly (keyof OptimizerAttributes)[] = KEYS;

/** A plain copy of an element's settings (Lit properties are accessors, which a spread would miss). */
export function readSettings(
  source: OptimizerAttributes,
  changes: Partial<OptimizerAttributes> = {},
): OptimizerAttributes {
  const copy = {} as OptimizerAttributes;
  for (const key of KEYS) copy[key] = source[key];
  return { ...copy, ...changes };
}

/** Most steps an element will compute: a page attribute must not make the browser hang. */
export const MAX_ELEMENT_STEPS = 2000;

function num(text: string): number | undefined {
  if (!text.trim()) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A comma-separated list of numbers ("4" or "-1.2, 1"). */
export function parseNumberList(text: string): number[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map(Number);
}

/**
 * Turns attributes into optimize() options. Values are only converted here; the
 * engine validates them (and says what is wrong in the reader's language).
 */
export function toOptimizeOptions(a: OptimizerAttributes, overrides: Partial<OptimizeOptions> = {}): OptimizeOptions {
  const hyper: Partial<Record<HyperId, number>> = {};
  const pairs: [HyperId, string][] = [
    ['alpha', a.momentum],
    ['rho', a.rho],
    ['rho1', a.beta1],
    ['rho2', a.beta2],
    ['delta', a.delta],
  ];
  for (const [id, text] of pairs) {
    const value = num(text);
    if (value !== undefined) hyper[id] = value;
  }
  const vars = splitVars(a.vars);
  const lr = num(a.lr);
  const steps = num(a.steps);
  const tol = num(a.tol);
  const batchSize = num(a.batchSize);
  const epochs = num(a.epochs);
  const seed = num(a.seed);
  const convention = a.convention === 'pytorch' || a.convention === 'keras' ? a.convention : 'textbook';
  return {
    expr: a.expr,
    ...(vars.length ? { vars } : {}),
    start: parseNumberList(a.start),
    optimizer: a.optimizer || 'gd',
    ...(lr !== undefined ? { lr } : {}),
    hyper,
    convention,
    ...(steps !== undefined ? { steps: Math.min(MAX_ELEMENT_STEPS, Math.max(0, Math.trunc(steps))) } : {}),
    ...(tol !== undefined ? { tol } : {}),
    ...(a.data ? { data: a.data } : {}),
    ...(batchSize !== undefined ? { batchSize: Math.trunc(batchSize) } : {}),
    ...(epochs !== undefined ? { epochs: Math.min(200, Math.trunc(epochs)) } : {}),
    ...(seed !== undefined ? { seed: Math.trunc(seed) } : {}),
    ...overrides,
  };
}
