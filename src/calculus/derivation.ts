/**
 * The shape of a derivation: a tree of steps computed once, then printed by
 * `print.ts` and checked by the answer checker. Computing and printing are separate.
 */
import type { UnsimplifiedReason } from '../check/unsimplified.js';
import { type Expr, equals, freeVars } from '../expr/ast.js';
import type { FunctionRuleId } from '../expr/functions.js';

/** The rules that are not the derivative of one elementary function. */
export type StructuralRuleId =
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
  | 'exponential'
  | 'zero-power'
  | 'log-diff';

/** The rule of a step: a structural rule, or the derivative of an elementary function (its table entry's rule). */
export type StepRule = StructuralRuleId | FunctionRuleId;

/** Every rule with a name and prose (`src/i18n/rules.*.ts`): the step rules, and the final simplification. */
export type RuleId = StepRule | 'simplify';

/** How much of the tree a view shows. */
export type Detail = 'full' | 'normal' | 'brief';

/**
 * What every step has: `d/d(wrt) expr = result`, justified by `rule` and its substeps.
 * Invariant (checked by the property tests): `result` is the derivative of `expr`
 * with respect to `wrt`, for every step of every tree.
 */
interface StepBase<R extends StepRule> {
  /** Stable path id: `s0` is the root of the first order, `s0.1` its second substep, … (kept when a view folds steps). */
  readonly id: string;
  readonly rule: R;
  /** The variable this step differentiates by: the derivation's variable, or a chain step's inner variable. */
  readonly wrt: string;
  /** `wrt` is the inner variable u of a chain step (written d/du, never ∂/∂u). */
  readonly inner?: true;
  readonly expr: Expr;
  /** The derivative of `expr`, lightly tidied (trivial 0/1 folded), not simplified. */
  readonly result: Expr;
  readonly substeps: readonly Step[];
}

/** The inner function of a chain step and its name (u_1, u_2, … distinct in one derivation). */
export interface InnerFunction {
  readonly name: string;
  readonly expr: Expr;
}

export type HeldConstantStep = StepBase<'held-constant'> & {
  /** The names held constant: every name of `expr` (none of them is `wrt`). */
  readonly held: readonly string[];
};
export type ConstantMultipleStep = StepBase<'constant-multiple'> & {
  /** The constant factor pulled out. */
  readonly factor: Expr;
  /** The names in the factor, held constant (may be none). */
  readonly held: readonly string[];
};
export type ChainStep = StepBase<'chain'> & { readonly u: InnerFunction };
export type RewriteStep = StepBase<'rewrite'> & {
  /** The equivalent form that is differentiated instead (√x = x^{1/2}, 1/x² = x^{-2}). */
  readonly rewritten: Expr;
};
export type PlainStep = StepBase<Exclude<StepRule, 'held-constant' | 'constant-multiple' | 'chain' | 'rewrite'>>;

/** One step, typed by its rule: a chain step always has its u, a held-constant step its names. */
export type Step = HeldConstantStep | ConstantMultipleStep | ChainStep | RewriteStep | PlainStep;

/** The names a step holds constant (empty for most steps). */
export function heldNames(step: Step): readonly string[] {
  return step.rule === 'held-constant' || step.rule === 'constant-multiple' ? step.held : [];
}

/**
 * The base an exponential step assumes positive: d/du aᵘ = aᵘ ln a holds, and aᵘ is a real
 * function of u, only for a > 0. A numeric base is checked instead (a negative one is a domain
 * error, e needs nothing); a base with a parameter or another variable in it (`a`, `a − 1`, `y`)
 * is assumed positive, and the assumption is said wherever the step is shown.
 */
export function assumedPositive(step: Step): Expr | undefined {
  if (step.rule !== 'exponential' || step.expr.kind !== 'pow') return undefined;
  const base = step.expr.base;
  return freeVars(base).length > 0 ? base : undefined;
}

/** Every base the derivation's steps assume positive (`assumedPositive`), once each, in order. */
export function positiveBases(d: { readonly full: readonly Step[] }): Expr[] {
  const out: Expr[] = [];
  const visit = (s: Step): void => {
    const base = assumedPositive(s);
    if (base && !out.some((b) => equals(b, base))) out.push(base);
    for (const c of s.substeps) visit(c);
  };
  for (const root of d.full) visit(root);
  return out;
}

/** The final simplification of one order's result: the rules give `before`, the answer is `after`. */
export interface Simplification {
  readonly before: Expr;
  readonly after: Expr;
  /** What it tidied up in `before` (empty when it only rewrote the form: reordered, expanded, factored). */
  readonly tidied?: readonly UnsimplifiedReason[];
}

export interface DifferentiateOptions {
  /** The variable to differentiate by. Default: the only variable, or x. */
  readonly wrt?: string;
  /** 1 (default) for f′, 2 for f″, … */
  readonly order?: number;
  /**
   * The variables of the expression (for parsing `xy` as x·y, and for partials).
   * With them, every other name is a parameter: a constant symbol, held constant.
   */
  readonly vars?: readonly string[];
  /** Names to read as parameters (constant symbols) even without `vars`, and longer ones (`rate`). */
  readonly params?: readonly string[];
  /** How much of the tree the `steps` show. Default `normal`. */
  readonly detail?: Detail;
}

export interface Derivation {
  /** The function being differentiated (as parsed). */
  readonly expr: Expr;
  readonly wrt: string;
  readonly order: number;
  /** The variables of the expression (the given `vars`, or its free variables). */
  readonly vars: readonly string[];
  /** The parameters: names in the expression that are not variables, held constant throughout. */
  readonly params: readonly string[];
  readonly detail: Detail;
  /** One root step per order: f′, f″, … at the chosen detail; each root's result is the rules' (tidied) result. */
  readonly steps: readonly Step[];
  /** The same roots with every step (the view `steps` is folded from these). */
  readonly full: readonly Step[];
  /** Per order: the simplification of the root's result into that order's answer; undefined where it changes nothing. */
  readonly simplified: readonly (Simplification | undefined)[];
  /** The final answer: the last root's result, simplified. */
  readonly result: Expr;
}

export interface GradientOptions {
  /** The variables, in order; every other name is a parameter. Default: the names that occur, sorted. */
  readonly vars?: readonly string[];
  /** Names to read as parameters (constant symbols), with or without `vars`. */
  readonly params?: readonly string[];
  readonly detail?: Detail;
}

export interface Gradient {
  readonly expr: Expr;
  readonly vars: readonly string[];
  /** The parameters (held constant in every partial). */
  readonly params: readonly string[];
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
