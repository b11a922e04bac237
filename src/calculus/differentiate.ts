/**
 * The operations: differentiate (any order), gradient and Hessian. Each order is
 * its own derivation of the previous order's simplified answer; the answer is
 * always the root step's result, simplified — never a separate computation.
 */

import { GradstepError } from '../errors.js';
import { deeperThan, type Expr, freeVars } from '../expr/ast.js';
import { parse } from '../expr/parse.js';
import { toText } from '../expr/print-text.js';
import { simplify } from '../expr/simplify.js';
import { assertDefinedSomewhere, validateTree } from '../expr/validate.js';
import { Budget, countNodes, MAX_DEPTH, NODE_BUDGET, TIME_BUDGET_MS, tooLarge } from './budget.js';
import type {
  Derivation,
  Detail,
  DifferentiateOptions,
  Gradient,
  GradientOptions,
  Hessian,
  Step,
} from './derivation.js';
import { assignIds, deriveStep } from './derive.js';
import { atDetail } from './detail.js';
import { smallestForm } from './forms.js';

export const MAX_ORDER = 10;
/** The Hessian has n² entries: more variables than this is not a worksheet. */
export const MAX_VARS = 12;

interface Input {
  readonly expr: Expr;
  readonly vars: readonly string[];
}

function read(input: string | Expr, vars: readonly string[] | undefined): Input {
  if (typeof input === 'string') {
    const parsed = parse(input, vars ? { vars } : {});
    return { expr: parsed.expr, vars: vars ?? parsed.vars };
  }
  // A tree from code: well-formed first (only GradstepError from here on), then bounded.
  validateTree(input);
  // Count first: the count stops at the budget, the depth check walks the whole tree.
  if (countNodes(input, NODE_BUDGET) > NODE_BUDGET || deeperThan(input, MAX_DEPTH)) throw tooLarge();
  return { expr: input, vars: vars ?? freeVars(input) };
}

/** The input, refused when a part of it is undefined for every value (1/0, ln|tan π|). */
function readDefined(input: string | Expr, vars: readonly string[] | undefined): Input {
  const read_ = read(input, vars);
  assertDefinedSomewhere(read_.expr);
  return read_;
}

function defaultWrt(vars: readonly string[]): string {
  return vars.length === 1 ? (vars[0] as string) : 'x';
}

function badOption(what: string, value: unknown): GradstepError {
  return new GradstepError('calculus/bad-option', {
    en: `Invalid ${what}: ${String(value)}.`,
    ko: `${what === 'order' ? '미분 계수' : what} 값이 올바르지 않습니다: ${String(value)}.`,
  });
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Wraps a root step in a `simplify` step when simplification changes how the answer reads. */
function withSimplify(root: Step, simplified: Expr): Step {
  if (toText(simplified) === toText(root.result)) return root;
  return {
    id: '',
    rule: 'simplify',
    wrt: root.wrt,
    expr: root.expr,
    result: simplified,
    substeps: [root],
    before: root.result,
  };
}

function derivation(
  expr: Expr,
  vars: readonly string[],
  options: DifferentiateOptions,
  budget: Budget = new Budget(),
): Derivation {
  const wrt = options.wrt ?? defaultWrt(vars);
  if (!IDENTIFIER.test(wrt)) throw badOption('variable', wrt);
  const order = options.order ?? 1;
  if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER) throw badOption('order', order);
  const detail: Detail = options.detail ?? 'normal';
  if (detail !== 'full' && detail !== 'normal' && detail !== 'brief') throw badOption('detail', detail);

  const taken = new Set([...freeVars(expr), ...vars]);
  const full: Step[] = [];
  let current = expr;
  for (let k = 0; k < order; k++) {
    const raw = deriveStep(current, wrt, { budget, taken, inner: 0 });
    const simplified = smallestForm(simplify(raw.result));
    budget.charge(simplified);
    full.push(assignIds(withSimplify(raw, simplified), `s${k}`));
    current = simplified;
  }
  const steps = full.map((root) => atDetail(root, detail));
  return { expr, wrt, order, vars, detail, steps, full, result: current };
}

/** The derivative of `input` (text or tree) with its step-by-step derivation. */
export function differentiate(input: string | Expr, options: DifferentiateOptions = {}): Derivation {
  const { expr, vars } = readDefined(input, options.vars);
  return derivation(expr, vars, options);
}

function checkVars(vars: readonly string[]): void {
  if (vars.length > MAX_VARS) throw tooLarge();
  for (const v of vars) if (!IDENTIFIER.test(v)) throw badOption('variable', v);
}

/** Every first partial derivative, each with its own derivation (other variables held constant), and ∇f. */
export function gradient(input: string | Expr, options: GradientOptions = {}): Gradient {
  const { expr, vars } = readDefined(input, options.vars);
  checkVars(vars);
  const detail = options.detail ?? 'normal';
  const budget = new Budget(NODE_BUDGET * 4, TIME_BUDGET_MS * 4);
  const partials = vars.map((wrt) => derivation(expr, vars, { wrt, detail }, budget));
  return { expr, vars, partials, gradient: partials.map((p) => p.result) };
}

/** The gradient plus every second partial: `secondPartials[i][j]` differentiates ∂f/∂vᵢ by vⱼ. */
export function hessian(input: string | Expr, options: GradientOptions = {}): Hessian {
  const first = gradient(input, options);
  const detail = options.detail ?? 'normal';
  // One budget for all n² second partials, so a large Hessian stops as quickly as one derivation.
  const budget = new Budget(NODE_BUDGET * 4, TIME_BUDGET_MS * 4);
  const secondPartials = first.partials.map((p) =>
    first.vars.map((wrt) => derivation(p.result, first.vars, { wrt, detail }, budget)),
  );
  return { ...first, secondPartials, hessian: secondPartials.map((row) => row.map((d) => d.result)) };
}
