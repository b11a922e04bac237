/** Optimizers on the derived gradient: definitions as data, prepare → run → print, and traced runs. */

export { formatNumber, texNumber } from '../util/format.js';
export { mulberry32, shuffleInPlace } from '../util/prng.js';
export { DATASETS, type Dataset, type DatasetModel, datasetModel, findDataset } from './datasets.js';
export {
  findHyper,
  HYPER_FIELD_BOUNDS,
  HYPER_SETTINGS,
  kebab,
  PREPARE_SETTINGS,
  SETTINGS,
  type SettingKind,
  type SettingName,
  type SettingSpec,
  type Spelling,
  spell,
} from './hyper.js';
export {
  type DataTable,
  type OptimizeOptions,
  optimize,
  type RunOptions,
  type Trace,
  type TraceStep,
} from './optimize.js';
export { findOptimizer, HYPER_SPECS, type HyperField, hyperFieldsOf, OPTIMIZER_IDS, OPTIMIZERS } from './optimizers.js';
export {
  isPrepared,
  type PreparedData,
  type PreparedHessian,
  type PreparedObjective,
  type PrepareOptions,
  prepareObjective,
} from './prepare.js';
export {
  type NumericProblem,
  type NumericRun,
  type NumericStep,
  RISING_STEPS,
  resolveHyper,
  runNumeric,
  type Status,
} from './run.js';
export type { Convention, HyperId, OptimizerDefinition, OptimizerId, Variant } from './types.js';
export { CONVENTIONS } from './types.js';
