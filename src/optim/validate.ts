/**
 * Validation of what a caller gives an optimizer run: numbers (also as number text from a page or
 * a JavaScript caller), the optimizer and convention, hyper-parameters and data. Every message names
 * the setting the way the user wrote it (`--beta1`, `batch-size`, `beta1`), never a library key.
 */
import { type ErrorCode, type ErrorParams, GradstepError } from '../errors.js';
import { findDataset } from './datasets.js';
import { findHyper, type Spelling, spell } from './hyper.js';
import { findOptimizer, OPTIMIZER_IDS } from './optimizers.js';
import {
  CONVENTIONS,
  type Convention,
  type HyperId,
  type HyperRange,
  type OptimizerDefinition,
  type Variant,
} from './types.js';

/** Rows of data for SGD: one column per data variable of the per-sample loss. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

export const MAX_ROWS = 10_000;

export function bad<C extends ErrorCode>(code: C, params: ErrorParams[C]): GradstepError<C> {
  return new GradstepError(code, params);
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** What a value is, for a message: its type and a short form of it. */
function describe(value: unknown): { type: string; shown: string } {
  if (typeof value === 'string') return { type: 'string', shown: value.length > 40 ? `${value.slice(0, 40)}…` : value };
  if (value === null) return { type: 'null', shown: '' };
  if (Array.isArray(value)) return { type: 'list', shown: '' };
  const type = typeof value;
  return { type, shown: type === 'object' || type === 'function' ? '' : String(value) };
}

/**
 * A number setting: a number as it is (its range is checked where it is used), or number text
 * such as '0.1' (what a page attribute or a form field holds). Anything else is refused naming
 * its type, so that "got 0.1" never reads as if 0.1 itself were refused.
 */
export function readNumber(name: string, value: unknown, spelling?: Spelling): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  throw bad('optim/not-a-number', { name: spell(name, spelling), ...describe(value) });
}

/** A list of numbers (the start point): an array of numbers or number text. */
export function readNumbers(name: string, value: unknown, spelling?: Spelling): number[] {
  if (!Array.isArray(value)) {
    if (typeof value === 'string') return value.split(',').map((part) => readNumber(name, part, spelling) as number);
    throw bad('optim/bad-start', {});
  }
  return value.map((v) => readNumber(name, v, spelling) as number);
}

export function checkInteger(
  name: string,
  value: number | undefined,
  min: number,
  max: number,
  spelling?: Spelling,
): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw bad('optim/bad-setting', { name: spell(name, spelling), min, max, value });
  }
}

/** Checks the learning rate: positive and finite. */
export function checkLearningRate(lr: number, spelling?: Spelling): void {
  if (!(Number.isFinite(lr) && lr > 0)) {
    throw bad('optim/bad-learning-rate', { value: lr, ...(spelling ? { name: spell('lr', spelling) } : {}) });
  }
}

export function readOptimizer(id: unknown): OptimizerDefinition {
  const definition = typeof id === 'string' ? findOptimizer(id) : undefined;
  if (!definition) {
    throw bad('optim/unknown-optimizer', { name: String(id), known: OPTIMIZER_IDS });
  }
  return definition;
}

export function readConvention(convention: unknown): Convention {
  const value = convention ?? 'textbook';
  if (!CONVENTIONS.includes(value as Convention)) {
    throw bad('optim/unknown-convention', { name: String(value) });
  }
  return value as Convention;
}

function inRange(value: number, range: HyperRange): boolean {
  if (!Number.isFinite(value)) return false;
  if (range === 'unit') return value >= 0 && value < 1;
  if (range === 'open-unit') return value > 0 && value < 1;
  if (range === 'positive') return value > 0;
  return value >= 0;
}

/**
 * Merges hyper-parameters with the convention's defaults and checks every value. `given` may use
 * the public names (`beta1`), their aliases or the ids (`rho1`); messages name the key as given.
 */
export function resolveHyper(
  optimizer: OptimizerDefinition,
  convention: Convention,
  given: Readonly<Partial<Record<string, unknown>>> = {},
  spelling?: Spelling,
): Record<HyperId, number> {
  const variant: Variant = optimizer.conventions[convention];
  const typed = new Map<HyperId, string>();
  const values: Partial<Record<HyperId, number>> = {};
  const known = optimizer.hyper.map((h) => spell(h.publicName, spelling));
  for (const key of Object.keys(given)) {
    if (given[key] === undefined) continue;
    const id = findHyper(key)?.hyper?.id;
    if (!id || !optimizer.hyper.some((h) => h.id === id)) {
      throw bad('optim/unknown-hyper', { optimizer: optimizer.id, key: spell(key, spelling), known });
    }
    const before = typed.get(id);
    if (before !== undefined) {
      throw bad('optim/unknown-hyper', {
        optimizer: optimizer.id,
        key: spell(key, spelling),
        same: spell(before, spelling),
      });
    }
    typed.set(id, key);
    values[id] = readNumber(key, given[key], spelling);
  }
  const out: Partial<Record<HyperId, number>> = {};
  for (const spec of optimizer.hyper) {
    const value = values[spec.id] ?? variant.defaults[spec.id];
    if (value === undefined) continue;
    if (!inRange(value, spec.range)) {
      const name = spell(typed.get(spec.id) ?? spec.publicName, spelling);
      throw bad('optim/bad-hyper', { hyper: spec.id, range: spec.range, value, name, symbol: spec.text });
    }
    out[spec.id] = value;
  }
  return out as Record<HyperId, number>;
}

/** A data table by value or by the id of a built-in data set, checked. */
export function readData(data: DataTable | string | undefined): (DataTable & { readonly id?: string }) | undefined {
  if (data === undefined) return undefined;
  if (typeof data === 'string') {
    const found = findDataset(data);
    if (!found) throw bad('optim/unknown-dataset', { name: data });
    return found;
  }
  const { columns, rows } = data;
  if (columns.length === 0 || rows.length === 0 || rows.length > MAX_ROWS) {
    throw bad('optim/bad-data', { maxRows: MAX_ROWS });
  }
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length || !row.every(Number.isFinite)) {
      throw bad('optim/bad-data', { maxRows: MAX_ROWS, row: i, columns });
    }
  }
  return data;
}

/** A setting that means something only with data (batch size, epochs, seed) given without. */
export function needsData(name: string, spelling?: Spelling): GradstepError {
  return bad('optim/needs-data', { name: spell(name, spelling), data: spell('data', spelling) });
}
