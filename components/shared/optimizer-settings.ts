/**
 * The optimizer elements' settings, derived from their one description (src/optim/hyper.ts):
 * the attribute names, the Lit property declarations and the conversion to run options. The
 * elements never parse, derive or compile: they prepare an objective once (`prepareFromSettings`)
 * and run it (`runOptions`), here or in `raceRuns`.
 */
import type { PropertyDeclarations } from 'lit';
import {
  findOptimizer,
  kebab,
  type OptimizerDefinition,
  optimize,
  PREPARE_SETTINGS,
  type PreparedObjective,
  prepareObjective,
  type RunOptions,
  SETTINGS,
  type SettingName,
  type SettingSpec,
  type Trace,
} from '../../src/optim/index.js';
import { splitVars } from './engine.js';
import { type AttributeLimit, SHARED_LIMITS } from './limits.js';

/** The attributes gs-optimizer and gs-optimizer-race share, as strings from the page. */
export type OptimizerAttributes = { expr: string } & Record<SettingName, string>;

/** The setting names (properties), for deciding when an element must re-run. */
export const OPTIMIZER_SETTING_KEYS: readonly (keyof OptimizerAttributes)[] = ['expr', ...SETTINGS.map((s) => s.name)];

/** Lit property declarations of every setting: the property `batchSize` reads the attribute `batch-size`. */
export const OPTIMIZER_PROPERTIES: PropertyDeclarations = Object.fromEntries(
  OPTIMIZER_SETTING_KEYS.map((key) => [key, { attribute: kebab(key) }]),
);

/** Every setting empty (what an element starts with: the engine's defaults apply). */
export function blankSettings(): OptimizerAttributes {
  return Object.fromEntries(OPTIMIZER_SETTING_KEYS.map((key) => [key, ''])) as OptimizerAttributes;
}

/** A plain copy of an element's settings (Lit properties are accessors, which a spread would miss). */
export function readSettings(
  source: OptimizerAttributes,
  changes: Partial<OptimizerAttributes> = {},
): OptimizerAttributes {
  const copy = {} as OptimizerAttributes;
  for (const key of OPTIMIZER_SETTING_KEYS) copy[key] = source[key] ?? '';
  return { ...copy, ...changes };
}

/** Most steps an element will compute: a page attribute must not make the browser hang. */
export const MAX_ELEMENT_STEPS = 2000;
/** Most epochs an element will compute. */
const MAX_ELEMENT_EPOCHS = 200;

/** Whole-number settings whose sane size is known (the others: 0 to 10⁶). */
const INTEGER_BOUNDS: Partial<Record<SettingName, { readonly min: number; readonly max: number }>> = {
  steps: { min: 0, max: MAX_ELEMENT_STEPS },
  batchSize: { min: 1, max: 10_000 },
  epochs: { min: 1, max: MAX_ELEMENT_EPOCHS },
  seed: { min: 0, max: 2 ** 32 - 1 },
};

/** The limit of one setting, from its kind in the settings table (src/optim/hyper.ts). */
function settingLimit(setting: SettingSpec): AttributeLimit {
  switch (setting.kind) {
    case 'number':
      return { kind: 'number', min: -1e6, max: 1e6, fallback: '' };
    case 'integer': {
      const bounds = INTEGER_BOUNDS[setting.name as SettingName] ?? { min: 0, max: 1e6 };
      return { kind: 'number', ...bounds, integer: true, fallback: '' };
    }
    case 'numbers':
      return { kind: 'list', min: -1e6, max: 1e6, maxCount: 12, fallback: '' };
    case 'names':
      return SHARED_LIMITS.vars;
    case 'text':
      return { kind: 'text', maxLength: 200 };
  }
}

/**
 * The attribute limits of gs-optimizer and gs-optimizer-race, one for every setting of the
 * table in src/optim/hyper.ts (and the plot's domain). These are sanity bounds (finite, a
 * plausible size); the engine then checks each setting's own rule (a positive learning rate,
 * ρ below 1, …) and says what is wrong.
 */
export const OPTIMIZER_LIMITS: Readonly<Record<SettingName | 'domain', AttributeLimit>> = {
  ...(Object.fromEntries(SETTINGS.map((s) => [s.name, settingLimit(s)])) as Record<SettingName, AttributeLimit>),
  domain: SHARED_LIMITS.domain,
};

/** A comma-separated list of numbers ("4" or "-1.2, 1"). */
export function parseNumberList(text: string): number[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map(Number);
}

/** A whole-number attribute capped for the page ('5000' → 2000); other text goes to the engine to refuse. */
function capped(text: string, most: number): string {
  const n = Number(text);
  return Number.isFinite(n) && n > most ? String(most) : text;
}

/** What a prepared objective was read from: it is prepared again only when one of these changes. */
export function prepareKey(a: OptimizerAttributes): string {
  return [a.expr, ...PREPARE_SETTINGS.map((name) => a[name])].join('\u0000');
}

/** Prepares the objective the attributes describe: parsed, differentiated and compiled once. */
export function prepareFromSettings(a: OptimizerAttributes): PreparedObjective {
  const vars = splitVars(a.vars);
  return prepareObjective(a.expr, {
    ...(vars.length ? { vars } : {}),
    ...(a.at.trim() ? { at: a.at } : {}),
    ...(a.data.trim() ? { data: a.data.trim() } : {}),
  });
}

/**
 * Turns attributes into run options. Values are passed as the page wrote them (number text);
 * the engine reads and validates them and names the attribute in its messages. With
 * `only`, hyper-parameters that optimizer does not have are left out (a race shares them).
 */
export function runOptions(
  a: OptimizerAttributes,
  overrides: Partial<RunOptions> = {},
  only?: OptimizerDefinition,
): RunOptions {
  const hyper: Record<string, string> = {};
  const options: Record<string, unknown> = {
    optimizer: a.optimizer.trim() || 'gd',
    start: a.start,
    spelling: 'attribute',
  };
  for (const setting of SETTINGS) {
    const text = (a[setting.name] ?? '').trim();
    const spec: SettingSpec = setting;
    // The prepared objective has read the names, their values and the data already.
    if (!text || setting.name === 'optimizer' || spec.prepares) continue;
    if (spec.hyper) {
      const id = spec.hyper.id;
      if (!only || only.hyper.some((h) => h.id === id)) hyper[setting.name] = text;
    } else if (setting.name === 'steps') options.steps = capped(text, MAX_ELEMENT_STEPS);
    else if (setting.name === 'epochs') options.epochs = capped(text, MAX_ELEMENT_EPOCHS);
    else options[setting.name] = text;
  }
  return { ...(options as unknown as RunOptions), hyper, ...overrides };
}

/** One run of a race: its label and its trace, or what went wrong. */
export interface RaceRun {
  readonly label: string;
  readonly trace?: Trace;
  readonly error?: unknown;
}

export interface RaceConfig {
  readonly label: string;
  readonly overrides: Partial<RunOptions>;
}

/**
 * Runs every configuration of a race from one prepared objective: the expression is read,
 * differentiated and compiled once however many runs there are (the Hessian, too, once).
 */
export function raceRuns(
  prepared: PreparedObjective,
  a: OptimizerAttributes,
  configs: readonly RaceConfig[],
): RaceRun[] {
  return configs.map(({ label, overrides }) => {
    try {
      const id = String(overrides.optimizer ?? a.optimizer ?? 'gd');
      const trace = optimize(prepared, { ...runOptions(a, overrides, findOptimizer(id)), tex: false });
      return { label, trace };
    } catch (error) {
      return { label, error };
    }
  });
}
