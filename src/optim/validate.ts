/**
 * Validation of what a caller gives an optimizer run: numbers (also as number text from a page or
 * a JavaScript caller), the optimizer and convention, hyper-parameters and data. Every message names
 * the setting the way the user wrote it (`--beta1`, `batch-size`, `beta1`), never a library key.
 */
import { GradstepError } from '../errors.js';
import type { Localized } from '../i18n/index.js';
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

export function bad(code: string, en: string, ko: string): GradstepError {
  return new GradstepError(code, { en, ko });
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** What a value is, for a message: `the text 'abc'`, `a boolean (true)`. */
function describe(value: unknown): Localized {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return { en: `the text '${shown}'`, ko: `문자열 '${shown}'` };
  }
  if (value === null) return { en: 'null', ko: 'null' };
  if (Array.isArray(value)) return { en: 'a list', ko: '목록' };
  const type = typeof value;
  const shown = type === 'object' || type === 'function' ? '' : ` (${String(value)})`;
  return { en: `a ${type}${shown}`, ko: `${type} 값${shown}` };
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
  const what = describe(value);
  const shown = spell(name, spelling);
  throw bad(
    'optim/not-a-number',
    `${shown} must be a number; got ${what.en}.`,
    `${shown} 값은 수여야 합니다. 받은 값: ${what.ko}.`,
  );
}

/** A list of numbers (the start point): an array of numbers or number text. */
export function readNumbers(name: string, value: unknown, spelling?: Spelling): number[] {
  if (!Array.isArray(value)) {
    if (typeof value === 'string') return value.split(',').map((part) => readNumber(name, part, spelling) as number);
    const what = describe(value);
    const shown = spell(name, spelling);
    throw bad(
      'optim/bad-start',
      `${shown} must be a list of numbers; got ${what.en}.`,
      `${shown} 값은 수의 목록이어야 합니다. 받은 값: ${what.ko}.`,
    );
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
    const shown = spell(name, spelling);
    throw bad(
      'optim/bad-setting',
      `${shown} must be a whole number from ${min} to ${max}; got ${value}.`,
      `${shown} 값은 ${min}부터 ${max}까지의 정수여야 합니다. 받은 값: ${value}.`,
    );
  }
}

/** Checks the learning rate: positive and finite. */
export function checkLearningRate(lr: number, spelling?: Spelling): void {
  if (!(Number.isFinite(lr) && lr > 0)) {
    const shown = spelling ? `${spell('lr', spelling)} ` : '';
    throw bad(
      'optim/bad-learning-rate',
      `The learning rate ${shown}ε must be a positive, finite number; got ${lr}.`,
      `학습률 ${shown}ε은 유한한 양수여야 합니다. 받은 값: ${lr}.`,
    );
  }
}

export function readOptimizer(id: unknown): OptimizerDefinition {
  const definition = typeof id === 'string' ? findOptimizer(id) : undefined;
  if (!definition) {
    throw bad(
      'optim/unknown-optimizer',
      `Unknown optimizer '${String(id)}'. Choose one of: ${OPTIMIZER_IDS.join(', ')} (or sgd).`,
      `'${String(id)}'라는 최적화 방법은 없습니다. 다음 중에서 고르세요: ${OPTIMIZER_IDS.join(', ')} (또는 sgd).`,
    );
  }
  return definition;
}

export function readConvention(convention: unknown): Convention {
  const value = convention ?? 'textbook';
  if (!CONVENTIONS.includes(value as Convention)) {
    throw bad(
      'optim/unknown-convention',
      `Unknown convention '${String(value)}': use textbook, pytorch or keras.`,
      `'${String(value)}'라는 표기 규칙은 없습니다. textbook, pytorch, keras 중에서 고르세요.`,
    );
  }
  return value as Convention;
}

const RULE: Record<HyperRange, Localized> = {
  unit: { en: 'in [0, 1)', ko: '[0, 1) 범위의 수' },
  'open-unit': { en: 'in (0, 1)', ko: '(0, 1) 범위의 수' },
  positive: { en: 'positive and finite', ko: '유한한 양수' },
  nonnegative: { en: 'zero or more, and finite', ko: '0 이상의 유한한 수' },
};

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
  const list = optimizer.hyper.map((h) => spell(h.publicName, spelling)).join(', ');
  for (const key of Object.keys(given)) {
    if (given[key] === undefined) continue;
    const id = findHyper(key)?.hyper?.id;
    if (!id || !optimizer.hyper.some((h) => h.id === id)) {
      const shown = spell(key, spelling);
      throw bad(
        'optim/unknown-hyper',
        `${optimizer.name.en} has no hyper-parameter ${shown} (${list ? `it has: ${list}` : 'it has none'}).`,
        `${optimizer.name.ko}에는 ${shown} 하이퍼파라미터가 없습니다 (${list ? `있는 것: ${list}` : '하나도 없습니다'}).`,
      );
    }
    const before = typed.get(id);
    if (before !== undefined) {
      throw bad(
        'optim/unknown-hyper',
        `${spell(before, spelling)} and ${spell(key, spelling)} name the same hyper-parameter: give one.`,
        `${spell(before, spelling)}와(과) ${spell(key, spelling)}는 같은 하이퍼파라미터입니다. 하나만 주세요.`,
      );
    }
    typed.set(id, key);
    values[id] = readNumber(key, given[key], spelling);
  }
  const out: Partial<Record<HyperId, number>> = {};
  for (const spec of optimizer.hyper) {
    const value = values[spec.id] ?? variant.defaults[spec.id];
    if (value === undefined) continue;
    if (!inRange(value, spec.range)) {
      const shown = spell(typed.get(spec.id) ?? spec.publicName, spelling);
      const rule = RULE[spec.range];
      throw bad(
        'optim/bad-hyper',
        `${shown} (${spec.text}, the ${spec.name.en}) must be ${rule.en}; got ${value}.`,
        `${shown}(${spec.text}, ${spec.name.ko}) 값은 ${rule.ko}여야 합니다. 받은 값: ${value}.`,
      );
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
    if (!found)
      throw bad(
        'optim/unknown-dataset',
        `There is no built-in data set '${data}'.`,
        `'${data}'라는 내장 데이터 세트가 없습니다.`,
      );
    return found;
  }
  const { columns, rows } = data;
  if (columns.length === 0 || rows.length === 0 || rows.length > MAX_ROWS) {
    throw bad(
      'optim/bad-data',
      `The data need at least one column and between 1 and ${MAX_ROWS} rows.`,
      `데이터에는 열이 하나 이상, 행이 1개에서 ${MAX_ROWS}개 사이로 있어야 합니다.`,
    );
  }
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length || !row.every(Number.isFinite)) {
      throw bad(
        'optim/bad-data',
        `Row ${i + 1} must hold ${columns.length} finite numbers (${columns.join(', ')}).`,
        `${i + 1}번 행에는 유한한 수가 ${columns.length}개 (${columns.join(', ')}) 있어야 합니다.`,
      );
    }
  }
  return data;
}

/** A setting that means something only with data (batch size, epochs, seed) given without. */
export function needsData(name: string, spelling?: Spelling): GradstepError {
  const shown = spell(name, spelling);
  const data = spell('data', spelling);
  return bad(
    'optim/needs-data',
    `${shown} applies only to SGD over data, and this run has none: give ${data} (a built-in data set such as line), or leave ${shown} out.`,
    `${shown}은(는) 데이터에 대한 SGD에만 쓰이는데 이 실행에는 데이터가 없습니다. ${data}(예: 내장 데이터 세트 line)를 주거나 ${shown}을(를) 빼세요.`,
  );
}
