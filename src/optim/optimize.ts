/**
 * `optimize`: prepare → run → print. An objective is prepared once (prepare.ts: parse,
 * differentiate, simplify, compile); each run validates its settings (validate.ts), steps the
 * numeric core (run.ts) and records the trace with its TeX (record.ts, print.ts).
 */
import type { Expr } from '../expr/ast.js';
import { mulberry32, shuffleInPlace } from '../util/prng.js';
import type { Spelling } from './hyper.js';
import { isPrepared, type PreparedObjective, type PrepareOptions, prepareObjective } from './prepare.js';
import { recordTrace, type Trace } from './record.js';
import { MAX_STEPS, runNumeric } from './run.js';
import type { Convention, HyperId, OptimizerId } from './types.js';
import {
  bad,
  checkInteger,
  checkLearningRate,
  needsData,
  readConvention,
  readNumber,
  readNumbers,
  readOptimizer,
  resolveHyper,
} from './validate.js';

export type { PreparedObjective, PrepareOptions } from './prepare.js';
export type { Trace, TraceStep } from './record.js';
export type { DataTable } from './validate.js';

/**
 * One run's settings. Numbers may also come as number text ('0.1', as a page or a form holds
 * them); anything else is refused with a message naming its type.
 */
export interface RunOptions {
  /** One number per variable (or number text: `[4, 4]`, `['4', '4']`, `'4,4'`). */
  readonly start: readonly (number | string)[] | string;
  /** An optimizer id or alias (`sgd` = `gd`). */
  readonly optimizer: OptimizerId | string;
  /** The learning rate ε (Newton's method defaults to 1). */
  readonly lr?: number | string;
  /** By public name (`momentum`, `beta1`, `initialAccumulator`…), alias or id (`alpha`, `rho1`). */
  readonly hyper?: Readonly<Partial<Record<HyperId | string, number | string>>>;
  readonly convention?: Convention | string;
  /** Number of steps (default 10; with data, default epochs × batches per epoch). */
  readonly steps?: number | string;
  /** Stop as converged once the gradient's length is at most `tol`. */
  readonly tol?: number | string;
  /** With data: rows per mini-batch (default 4), passes over the data (default 1), shuffling seed (default 1). */
  readonly batchSize?: number | string;
  readonly epochs?: number | string;
  readonly seed?: number | string;
  /** Write the TeX of every step (default true); false keeps only the numbers. */
  readonly tex?: boolean;
  /** How messages name the settings: as these keys (default), as CLI flags or as element attributes. */
  readonly spelling?: Spelling;
}

export interface OptimizeOptions extends RunOptions, PrepareOptions {
  /** The function to minimise, or with `data` the per-sample loss. */
  readonly expr: string | Expr;
}

const DEFAULT_STEPS = 10;
/** Most steps written with TeX (about 6 KB and 100–200 µs a step); without TeX, MAX_STEPS of run.ts. */
export const MAX_TEX_STEPS = 2_000;
/**
 * With data, every step evaluates the loss on every row and the gradient on the batch, and the
 * trace keeps the batch's rows: steps × (rows + batch size) is bounded so a run stays near a second.
 */
export const MAX_ROW_EVALUATIONS = 1_000_000;

/** Per-epoch shuffles from one seeded stream, cut into batches; step k → its rows. */
function batchSchedule(rowCount: number, batchSize: number, seed: number) {
  const random = mulberry32(seed);
  const perEpoch = Math.ceil(rowCount / batchSize);
  const orders: number[][] = [];
  const orderOf = (epoch: number): number[] => {
    while (orders.length <= epoch) orders.push(shuffleInPlace([...Array(rowCount).keys()], random));
    return orders[epoch] as number[];
  };
  return {
    perEpoch,
    epochOf: (k: number) => Math.floor(k / perEpoch),
    rows: (k: number): number[] => {
      const order = orderOf(Math.floor(k / perEpoch));
      const start = (k % perEpoch) * batchSize;
      return order.slice(start, start + batchSize);
    },
  };
}

/** Refuses runs whose trace would take seconds or hundreds of MB (run.ts checks the step count itself). */
function checkWork(steps: number, withTex: boolean, rowsPerStep: number, spelling?: Spelling): void {
  if (!Number.isInteger(steps) || steps < 0) return; // runNumeric explains a bad step count
  if (withTex && steps > MAX_TEX_STEPS) {
    const off = spelling === 'flag' ? '--no-tex' : spelling === 'attribute' ? 'no TeX' : 'tex: false';
    throw bad('optim/too-many-steps', { steps, maxTex: MAX_TEX_STEPS, max: MAX_STEPS, off });
  }
  if (rowsPerStep > 0 && steps * rowsPerStep > MAX_ROW_EVALUATIONS) {
    const most = Math.floor(MAX_ROW_EVALUATIONS / rowsPerStep);
    throw bad('optim/too-many-steps', { steps, rowsPerStep, most, budget: MAX_ROW_EVALUATIONS });
  }
}

/** Runs an optimizer from a prepared objective (or prepares one from `expr` first) and records the trace. */
export function optimize(options: OptimizeOptions): Trace;
export function optimize(prepared: PreparedObjective, options: RunOptions): Trace;
export function optimize(first: OptimizeOptions | PreparedObjective, second?: RunOptions): Trace {
  const options: RunOptions = isPrepared(first) ? (second as RunOptions) : first;
  const spelling = options.spelling;
  // Settings first (cheap, and a bad one should not wait for a derivation), then the objective.
  const definition = readOptimizer(options.optimizer);
  const convention = readConvention(options.convention);
  const lr = readNumber('lr', options.lr, spelling) ?? definition.defaultLr;
  if (lr === undefined) {
    throw bad('optim/bad-learning-rate', { missingFor: definition.id });
  }
  checkLearningRate(lr, spelling);
  const hyper = resolveHyper(definition, convention, options.hyper ?? {}, spelling);
  const start = readNumbers('start', options.start, spelling);
  const tol = readNumber('tol', options.tol, spelling);
  const given = {
    steps: readNumber('steps', options.steps, spelling),
    batchSize: readNumber('batchSize', options.batchSize, spelling),
    epochs: readNumber('epochs', options.epochs, spelling),
    seed: readNumber('seed', options.seed, spelling),
  };
  const prepared = isPrepared(first) ? first : prepareObjective(first.expr, first);
  const rows = prepared.data?.rows ?? [];
  const hasData = rows.length > 0;
  for (const name of ['batchSize', 'epochs', 'seed'] as const) {
    if (given[name] !== undefined && !hasData) throw needsData(name, spelling);
  }
  checkInteger('batchSize', given.batchSize, 1, rows.length, spelling);
  checkInteger('epochs', given.epochs, 1, 10_000, spelling);
  checkInteger('seed', given.seed, 0, 2 ** 32 - 1, spelling);
  const batchSize = given.batchSize ?? Math.min(4, rows.length);
  const epochs = given.epochs ?? 1;
  const seed = given.seed ?? 1;
  const schedule = hasData ? batchSchedule(rows.length, batchSize, seed) : undefined;
  const steps = given.steps ?? (schedule ? schedule.perEpoch * epochs : DEFAULT_STEPS);
  const withTex = options.tex ?? true;
  checkWork(steps, withTex, hasData ? rows.length + batchSize : 0, spelling);

  const run = runNumeric(prepared.numeric(definition.needsHessian === true), {
    optimizer: definition,
    convention,
    lr,
    hyper,
    start,
    steps,
    ...(tol !== undefined ? { tol } : {}),
    ...(schedule ? { batches: schedule.rows } : {}),
  });
  return recordTrace(prepared, run, {
    definition,
    convention,
    lr,
    hyper: { ...hyper },
    withTex,
    ...(schedule ? { epochOf: schedule.epochOf, batching: { batchSize, epochs, seed } } : {}),
  });
}
