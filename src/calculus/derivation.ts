/**
 * The shape of a derivation: a tree of steps computed once, then printed by
 * `print.ts` and checked by the answer checker. Computing and printing are separate.
 */
import type { UnsimplifiedReason } from '../check/unsimplified.js';
import type { Expr } from '../expr/ast.js';
import type { Lang } from '../i18n/index.js';

/** Every step kind the engine produces; each has one entry in the rule table (`rules.ts`). */
export type RuleId =
  | 'constant'
  | 'variable'
  | 'held-constant'
  | 'constant-multiple'
  | 'sum'
  | 'power'
  | 'rewrite'
  | 'product'
  | 'quotient'
  | 'reciprocal'
  | 'chain'
  | 'exp'
  | 'exponential'
  | 'ln'
  | 'log'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'sec'
  | 'csc'
  | 'cot'
  | 'asin'
  | 'acos'
  | 'atan'
  | 'acot'
  | 'sinh'
  | 'cosh'
  | 'tanh'
  | 'abs'
  | 'log-diff'
  | 'simplify';

/** How much of the tree a view shows. */
export type Detail = 'full' | 'normal' | 'brief';

/**
 * One step: `d/d(wrt) expr = result`, justified by `rule` and its substeps.
 * Invariant (checked by the property tests): `result` is the derivative of `expr`
 * with respect to `wrt`, for every step of every tree.
 */
export interface Step {
  /** Stable path id: `s0` is the root of the first order, `s0.1` its second substep, … (kept when a view folds steps). */
  readonly id: string;
  readonly rule: RuleId;
  /** The variable this step differentiates by: the derivation's variable, or the inner name `u_k` of a chain step's outer part. */
  readonly wrt: string;
  readonly expr: Expr;
  /** The derivative of `expr`, lightly tidied (trivial 0/1 folded), not simplified. */
  readonly result: Expr;
  readonly substeps: readonly Step[];
  /** Chain rule: the inner function and its name (u_1, u_2, … distinct in one derivation). */
  readonly u?: { readonly name: string; readonly expr: Expr };
  /** Partials: the variables held constant in this step. */
  readonly held?: readonly string[];
  /** Constant multiple: the constant factor pulled out. */
  readonly factor?: Expr;
  /** Rewrite: the equivalent form that is differentiated instead (√x = x^{1/2}, 1/x² = x^{-2}). */
  readonly rewritten?: Expr;
  /** Simplify: the form before simplification (the result of its only substep). */
  readonly before?: Expr;
  /** Simplify: what it tidied up in `before` (empty when it only rewrote the form). */
  readonly tidied?: readonly UnsimplifiedReason[];
}

export interface DifferentiateOptions {
  /** The variable to differentiate by. Default: the only variable, or x. */
  readonly wrt?: string;
  /** 1 (default) for f′, 2 for f″, … */
  readonly order?: number;
  /** The variables of the expression (for parsing `xy` as x·y, and for partials). */
  readonly vars?: readonly string[];
  /** How much of the tree the `steps` show. Default `normal`. */
  readonly detail?: Detail;
  /** Language for prose when printing. Default `en`. */
  readonly lang?: Lang;
}

export interface Derivation {
  /** The function being differentiated (as parsed). */
  readonly expr: Expr;
  readonly wrt: string;
  readonly order: number;
  /** The variables of the expression (the given `vars`, or its free variables). */
  readonly vars: readonly string[];
  readonly detail: Detail;
  /** One root step per order: f′, f″, … at the chosen detail; each root's result is that order's simplified answer. */
  readonly steps: readonly Step[];
  /** The same roots with every step (the view `steps` is folded from these). */
  readonly full: readonly Step[];
  /** The final answer: the last root's result, simplified. */
  readonly result: Expr;
}

export interface GradientOptions {
  readonly vars?: readonly string[];
  readonly detail?: Detail;
  readonly lang?: Lang;
}

export interface Gradient {
  readonly expr: Expr;
  readonly vars: readonly string[];
  /** One first-order derivation per variable, in the order of `vars`. */
  readonly partials: readonly Derivation[];
  /** ∇f: the simplified partials, in the order of `vars`. */
  readonly gradient: readonly Expr[];
}

export interface Hessian extends Gradient {
  /** Second partials: `derivations[i][j]` is ∂/∂vars[j] of the i-th partial. */
  readonly secondPartials: readonly (readonly Derivation[])[];
  /** The matrix of simplified second partials. */
  readonly hessian: readonly (readonly Expr[])[];
}
