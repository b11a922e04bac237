import type { Localized } from '../i18n/index.js';

export type OptimizerId = 'gd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'gd-halving' | 'newton';

/** Whose formulas: the lesson's (Goodfellow et al.), torch.optim's, or Keras 3's. */
export type Convention = 'textbook' | 'pytorch' | 'keras';

export const CONVENTIONS: readonly Convention[] = ['textbook', 'pytorch', 'keras'];

/**
 * Hyper-parameter ids (also the JSON keys): α, ρ, ρ₁, ρ₂, δ, Adagrad's initial accumulator r₀ and
 * the Armijo constant c of step halving. Their public names (`momentum`, `beta1`…) are in hyper.ts.
 */
export type HyperId = 'alpha' | 'rho' | 'rho1' | 'rho2' | 'delta' | 'initialAccumulator' | 'armijo';

export type Hyper = Readonly<Partial<Record<HyperId, number>>>;

export type Vec = Float64Array;

/** Allowed values: [0, 1), (0, 1), (0, ∞) or [0, ∞). */
export type HyperRange = 'unit' | 'open-unit' | 'positive' | 'nonnegative';

export interface HyperSpec {
  readonly id: HyperId;
  /** The public name (`beta1` for ρ₁): the option key, attribute and CLI flag (hyper.ts). */
  readonly publicName: string;
  /** TeX symbol in the lesson's notation. */
  readonly symbol: string;
  /** The symbol as plain text (ρ₁). */
  readonly text: string;
  readonly name: Localized;
  readonly range: HyperRange;
}

export interface StateSpec {
  /** Key in the trace's state records. */
  readonly id: string;
  /** TeX letter (bold is added for vectors). */
  readonly symbol: string;
  readonly name: Localized;
  /** Scalar state (one value however many parameters), e.g. the halving rate. */
  readonly scalar?: true;
}

/** A quantity an update computes on the way (ŝ, r̂, the look-ahead gradient…), shown in the trace. */
export interface ExtraSpec {
  readonly id: string;
  readonly symbol: string;
  readonly scalar?: true;
  /** An n×n matrix (the Hessian). */
  readonly matrix?: true;
}

/** What one update sees. `grad` and `f` evaluate the same objective (same batch) at other points. */
export interface StepContext {
  readonly k: number;
  readonly n: number;
  readonly w: Vec;
  readonly g: Vec;
  readonly lr: number;
  readonly hyper: Readonly<Record<HyperId, number>>;
  readonly state: Readonly<Record<string, Vec>>;
  grad(point: Vec): Vec;
  f(point: Vec): number;
  hessian(point: Vec): Vec;
}

export interface StepResult {
  readonly w: Vec;
  readonly state: Readonly<Record<string, Vec>>;
  readonly extras?: Readonly<Record<string, Vec>>;
  readonly notes?: readonly Localized[];
  /** Ends the run (e.g. a singular Hessian); `w` is then the unchanged point. */
  readonly stop?: Localized;
}

/**
 * TeX pieces an equation is written with, by key: 'w' (w^(k)), 'grad' (∇f(w^(k))), 'g', 'eps',
 * 'k1' (k+1), hyper ids, state and extra ids, plus 'mul' (juxtaposition between symbols,
 * `\cdot` between numbers) and 'had' (component-wise product). In the general form they are
 * symbols; in the substituted form, the numbers of this step.
 */
export type Symbols = Readonly<Record<string, string>>;

export interface Equation {
  /** What it assigns: 'w', a state id or an extra id. */
  readonly target: string;
  /** `←` for an update, `=` for a definition. */
  readonly op: 'update' | 'define';
  /** The right-hand side; `sub` says whether the symbols are numbers (a rhs may then shorten itself). */
  readonly rhs: (s: Symbols, sub: boolean) => string;
}

/** One convention's form of an optimizer: defaults, state, equations and the numeric update. */
export interface Variant {
  readonly defaults: Hyper;
  readonly state: readonly StateSpec[];
  readonly extras?: readonly ExtraSpec[];
  readonly init?: (n: number, hyper: Readonly<Record<HyperId, number>>, lr: number) => Record<string, Vec>;
  readonly equations: readonly Equation[];
  readonly step: (ctx: StepContext) => StepResult;
  /** Where this convention's formula comes from. */
  readonly source: string;
}

export interface OptimizerDefinition {
  readonly id: OptimizerId;
  readonly aliases: readonly string[];
  readonly name: Localized;
  readonly summary: Localized;
  readonly hyper: readonly HyperSpec[];
  /** Learning rate when none is given (only Newton's method has one: 1). */
  readonly defaultLr?: number;
  readonly needsHessian?: true;
  readonly conventions: Readonly<Record<Convention, Variant>>;
}
