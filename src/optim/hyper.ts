/**
 * Every setting of an optimizer run, described once: its public name and the other names it
 * answers to, its TeX symbol, the values it allows and what it means. The CLI flags
 * (`--beta1`), the element attributes (`beta1`, `batch-size`), the playground's fields and the
 * error messages are all derived from this table; the defaults of the hyper-parameters, which
 * differ by optimizer and convention, live with each optimizer's variants (optimizers.ts).
 */
import type { Localized } from '../i18n/index.js';
import type { PlainSettingName } from '../i18n/messages.js';
import { localizeOptim } from '../i18n/optim.js';
import type { HyperId, HyperRange } from './types.js';

/** How a setting's value is read. */
export type SettingKind = 'number' | 'integer' | 'numbers' | 'names' | 'text';

export interface SettingSpec {
  /** The public name: the JavaScript property (camelCase) of `OptimizeOptions` and of the elements. */
  readonly name: string;
  /** Other names accepted (the library's internal keys, other libraries' names). */
  readonly aliases: readonly string[];
  readonly kind: SettingKind;
  /** A placeholder for the value in usage text (`ε`, `a,b`). */
  readonly value: string;
  readonly description: Localized;
  /** Read once, when the objective is prepared (which names are what, their values, the data), not by each run. */
  readonly prepares?: true;
  /** For hyper-parameters: the key in `Hyper` and the lesson's symbol and range. */
  readonly hyper?: { readonly id: HyperId; readonly symbol: string; readonly range: HyperRange };
}

type HyperSetting<N extends string> = SettingSpec & {
  readonly name: N;
  readonly hyper: NonNullable<SettingSpec['hyper']>;
};

function hyper<N extends string>(
  id: HyperId,
  name: N,
  aliases: readonly string[],
  symbol: string,
  value: string,
  range: HyperRange,
): HyperSetting<N> {
  // The description is the catalogue's name of the hyper-parameter (src/i18n/optim.<lang>.ts, hyper).
  const description = localizeOptim((o) => o.hyper[id]);
  return { name, aliases, kind: 'number', value, description, hyper: { id, symbol, range } };
}

/**
 * The closed interval a form field offers for each kind of range (a field cannot say "below 1"):
 * the engine still checks the exact range.
 */
export const HYPER_FIELD_BOUNDS: Readonly<Record<HyperRange, readonly [number, number]>> = {
  unit: [0, 0.999999],
  'open-unit': [1e-6, 0.999999],
  positive: [1e-12, 1e6],
  nonnegative: [0, 1e6],
};

/** The hyper-parameters, by id. */
export const HYPER_SETTINGS = {
  alpha: hyper('alpha', 'momentum', ['alpha'], '\\alpha', 'α', 'unit'),
  rho: hyper('rho', 'rho', [], '\\rho', 'ρ', 'unit'),
  rho1: hyper('rho1', 'beta1', ['rho1'], '\\rho_{1}', 'ρ₁', 'unit'),
  rho2: hyper('rho2', 'beta2', ['rho2'], '\\rho_{2}', 'ρ₂', 'unit'),
  delta: hyper('delta', 'delta', [], '\\delta', 'δ', 'positive'),
  initialAccumulator: hyper(
    'initialAccumulator',
    'initialAccumulator',
    ['r0', 'initialAccumulatorValue'],
    'r_{0}',
    'r₀',
    'nonnegative',
  ),
  armijo: hyper('armijo', 'armijo', ['c'], 'c', 'c', 'open-unit'),
} as const satisfies Record<HyperId, SettingSpec>;

function plain<N extends PlainSettingName>(
  name: N,
  kind: SettingKind,
  value: string,
  aliases: readonly string[] = [],
  prepares = false,
): SettingSpec & { readonly name: N } {
  // The description is the catalogue's (src/i18n/optim.<lang>.ts, settings).
  const description = localizeOptim((o) => o.settings[name]);
  return { name, aliases, kind, value, description, ...(prepares ? { prepares: true as const } : {}) };
}

/** Every setting an optimizer element or the CLI reads, in the order usage text lists them. */
export const SETTINGS = [
  plain('optimizer', 'text', 'id'),
  plain('lr', 'number', 'ε', ['learningRate']),
  plain('start', 'numbers', 'a,b'),
  plain('vars', 'names', 'x,y', [], true),
  plain('at', 'text', 'a=1,b=2', [], true),
  plain('steps', 'integer', 'N'),
  plain('convention', 'text', 'id'),
  HYPER_SETTINGS.alpha,
  HYPER_SETTINGS.rho,
  HYPER_SETTINGS.rho1,
  HYPER_SETTINGS.rho2,
  HYPER_SETTINGS.delta,
  HYPER_SETTINGS.initialAccumulator,
  HYPER_SETTINGS.armijo,
  plain('tol', 'number', 't'),
  plain('data', 'text', 'id', [], true),
  plain('batchSize', 'integer', 'B'),
  plain('epochs', 'integer', 'E'),
  plain('seed', 'integer', 'S'),
] as const satisfies readonly SettingSpec[];

export type SettingName = (typeof SETTINGS)[number]['name'];

/** The settings an objective is prepared from; a change to any other only re-runs it. */
export const PREPARE_SETTINGS: readonly SettingName[] = SETTINGS.filter((s: SettingSpec) => s.prepares).map(
  (s) => s.name,
);

/** `batchSize` → `batch-size`: the attribute and the CLI flag. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** How a setting is named back to the user: as typed in JavaScript, as a CLI flag or as an attribute. */
export type Spelling = 'option' | 'flag' | 'attribute';

export function spell(name: string, spelling: Spelling = 'option'): string {
  if (spelling === 'flag') return `--${kebab(name)}`;
  if (spelling === 'attribute') return kebab(name);
  return name;
}

/** The hyper-parameter a name (public, alias or id) stands for. */
export function findHyper(name: string): SettingSpec | undefined {
  return Object.values(HYPER_SETTINGS).find((s) => s.name === name || s.aliases.includes(name) || s.hyper?.id === name);
}
