/** Optimizers on the derived gradient: definitions as data, the numeric core and traced runs. */

export { formatNumber, texNumber } from '../util/format.js';
export { mulberry32, shuffleInPlace } from '../util/prng.js';
export { DATASETS, type Dataset, findDataset } from './datasets.js';
export { type DataTable, type OptimizeOptions, optimize, type Trace, type TraceStep } from './optimize.js';
export { findOptimizer, HYPER_SPECS, OPTIMIZER_IDS, OPTIMIZERS } from './optimizers.js';
export {
  type NumericProblem,
  type NumericRun,
  type NumericStep,
  resolveHyper,
  runNumeric,
  type Status,
} from './run.js';
export type { Convention, HyperId, OptimizerDefinition, OptimizerId, Variant } from './types.js';
export { CONVENTIONS } from './types.js';
