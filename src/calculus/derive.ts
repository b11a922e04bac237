/**
 * Builds the full step tree of one derivative: for each expression, the first
 * rule (`rules.ts`) that matches it says which sub-derivations it needs, and its
 * `combine` assembles the step's result from theirs — so the answer and the shown
 * work can never disagree.
 */

import { GradstepError } from '../errors.js';
import { dependsOn, type Expr } from '../expr/ast.js';
import type { Budget } from './budget.js';
import type { Step } from './derivation.js';
import {
  CONSTANT_RULES,
  FIRST_RULES,
  FUNCTION_RULE_OF,
  innerName,
  type MatchContext,
  type Plan,
  RULE_OBJECTS,
  RULES_BY_KIND,
  type Rule,
  TIDY,
} from './rules.js';

export interface DeriveContext {
  readonly budget: Budget;
  /** Names already used by the expression (its variables and parameters); inner-function names skip them. */
  readonly taken: ReadonlySet<string>;
  /** How many inner functions have been named so far (u_1, u_2, … in order of appearance). */
  inner: number;
  /** What the rules' `match` may use (made once per derivation). */
  matching?: MatchContext;
}

function first(rules: readonly Rule[], e: Expr, wrt: string, ctx: MatchContext): Plan | undefined {
  for (const rule of rules) {
    const p = rule.match(e, wrt, ctx);
    if (p) return p;
  }
  return undefined;
}

function plan(e: Expr, wrt: string, ctx: MatchContext): Plan | undefined {
  if (!dependsOn(e, wrt)) return first(CONSTANT_RULES, e, wrt, ctx);
  const p = first(FIRST_RULES, e, wrt, ctx) ?? first(RULES_BY_KIND[e.kind], e, wrt, ctx);
  if (p || e.kind !== 'call') return p;
  return FUNCTION_RULE_OF.get(e.fn)?.match(e, wrt, ctx);
}

function matchingOf(ctx: DeriveContext): MatchContext {
  if (!ctx.matching) {
    ctx.matching = {
      budget: ctx.budget,
      fresh: () => {
        let name = innerName(++ctx.inner);
        while (ctx.taken.has(name)) name = innerName(++ctx.inner);
        return name;
      },
    };
  }
  return ctx.matching;
}

/** The derivative of `e` with respect to `wrt`, as a tree of steps (`inner`: wrt is an inner variable u). */
export function deriveStep(e: Expr, wrt: string, ctx: DeriveContext, inner = false): Step {
  // A product of one factor (a tree built by code) is that factor.
  if (e.kind === 'mul' && e.factors.length === 1) return deriveStep(e.factors[0] as Expr, wrt, ctx, inner);
  const p = plan(e, wrt, matchingOf(ctx));
  if (!p) throw unknownFunction(e);
  const substeps: Step[] = [];
  const results: Expr[] = [];
  for (const n of p.needs) {
    const s = deriveStep(n.expr, n.wrt, ctx, n.inner === true);
    substeps.push(s);
    results.push(s.result);
  }
  const result = RULE_OBJECTS[p.shape.rule].combine(p.shape, results, TIDY);
  ctx.budget.charge(result);
  // The step is the rule's fresh shape (id first), completed in place: inner, result, substeps.
  const step = p.shape as unknown as Record<string, unknown>;
  if (inner) step.inner = true;
  step.result = result;
  step.substeps = substeps;
  return step as unknown as Step;
}

function unknownFunction(e: Expr): GradstepError {
  const name = e.kind === 'call' ? String(e.fn) : e.kind;
  return new GradstepError('calculus/unknown-function', { name });
}

// ------------------------------------------------------------ ids

/** Labels the tree with path ids, in place: `prefix` for the root, `prefix.i` for its i-th substep, and so on. */
export function assignIds(root: Step, prefix: string): Step {
  // Steps are built bottom-up, so their path ids are only known once the tree is whole.
  // Every step object is fresh and appears once in its tree, so labelling in place is
  // safe and spares copying every step (a tenth of a derivation's time).
  // A rule's shape starts with the placeholder id '', so a step met a second time already has its id.
  const label = (s: Step, id: string): void => {
    if (s.id !== '') throw new Error(`step object shared in a derivation tree at ${id}`);
    (s as { id: string }).id = id;
    const subs = s.substeps;
    for (let i = 0; i < subs.length; i++) label(subs[i] as Step, `${id}.${i}`);
  };
  label(root, prefix);
  return root;
}
