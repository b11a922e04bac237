/**
 * The operations: differentiate (any order), gradient and Hessian. Each order is
 * its own derivation of the previous order's simplified answer; the answer is
 * always the root step's result, simplified — never a separate computation.
 */

import { type UnsimplifiedReason, unsimplifiedReasons } from '../check/unsimplified.js';
import { GradstepError } from '../errors.js';
import { deeperThan, type Expr, freeVars } from '../expr/ast.js';
import { parse } from '../expr/parse.js';
import { printsAlike } from '../expr/print-text.js';
import { assertDefinedSomewhere, validateTree } from '../expr/validate.js';
import { Budget, countNodes, MAX_DEPTH, NODE_BUDGET, TIME_BUDGET_MS, tooLarge } from './budget.js';
import type {
  Derivation,
  Detail,
  DifferentiateOptions,
  Gradient,
  GradientOptions,
  Hessian,
  Simplification,
  Step,
} from './derivation.js';
import { assignIds, deriveStep } from './derive.js';
import { atDetail } from './detail.js';
import { finalForm } from './forms.js';

export const MAX_ORDER = 10;
/** The Hessian has n² entries: more variables than this is not a worksheet. */
export const MAX_VARS = 12;

interface Input {
  readonly expr: Expr;
  readonly vars: readonly string[];
  readonly params: readonly string[];
}

interface Names {
  readonly vars?: readonly string[] | undefined;
  readonly params?: readonly string[] | undefined;
  readonly wrt?: string | undefined;
}

/**
 * Reads the input and sorts its names into variables and parameters. A variable
 * to differentiate by that is not among the declared ones is one all the same.
 */
function read(input: string | Expr, names: Names): Input {
  const declared =
    names.vars && names.wrt !== undefined && !names.vars.includes(names.wrt) ? [...names.vars, names.wrt] : names.vars;
  if (typeof input === 'string') {
    const parsed = parse(input, {
      ...(declared ? { vars: declared } : {}),
      ...(names.params ? { params: names.params } : {}),
    });
    return { expr: parsed.expr, vars: parsed.vars, params: parsed.params };
  }
  // A tree from code: well-formed first (only GradstepError from here on), then bounded.
  validateTree(input);
  // Count first: the count stops at the budget, the depth check walks the whole tree.
  if (countNodes(input, NODE_BUDGET) > NODE_BUDGET || deeperThan(input, MAX_DEPTH)) throw tooLarge();
  const free = freeVars(input);
  const params = names.params ?? [];
  const vars = declared ?? free.filter((v) => !params.includes(v));
  return { expr: input, vars, params: free.filter((v) => !vars.includes(v)) };
}

/** The input, refused when a part of it is undefined for every value (1/0, ln|tan π|). */
function readDefined(input: string | Expr, names: Names): Input {
  const read_ = read(input, names);
  assertDefinedSomewhere(read_.expr);
  return read_;
}

function defaultWrt(vars: readonly string[]): string {
  return vars.length === 1 ? (vars[0] as string) : 'x';
}

function badOption(what: string, value: unknown): GradstepError {
  return new GradstepError('calculus/bad-option', { option: what, value: String(value) });
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Whether two trees print alike: the same tree (numbers with the same typed text) does without printing either. */
function readsAlike(a: Expr, b: Expr): boolean {
  return sameTree(a, b) || printsAlike(a, b);
}

/** Node for node the same, numbers with the same value, exactness and typed text. */
function sameTree(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num': {
      const o = b as typeof a;
      return a.n === o.n && a.d === o.d && a.approx === o.approx && a.text === o.text;
    }
    case 'sym':
    case 'const':
      return a.name === (b as typeof a).name;
    case 'neg':
      return sameTree(a.arg, (b as typeof a).arg);
    case 'div':
      return sameTree(a.num, (b as typeof a).num) && sameTree(a.den, (b as typeof a).den);
    case 'pow':
      return sameTree(a.base, (b as typeof a).base) && sameTree(a.exp, (b as typeof a).exp);
    case 'add':
      return sameList(a.terms, (b as typeof a).terms);
    case 'mul':
      return sameList(a.factors, (b as typeof a).factors);
    case 'call':
      return a.fn === (b as typeof a).fn && sameList(a.args, (b as typeof a).args);
  }
}

function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameTree(a[i] as Expr, b[i] as Expr)) return false;
  return true;
}

/**
 * The record of one order's simplification. What it tidied up is found when first read
 * (by the step views); differentiating never needs it, so it costs nothing until then.
 */
function simplification(before: Expr, after: Expr): Simplification {
  let tidied: readonly UnsimplifiedReason[] | undefined;
  return {
    before,
    after,
    get tidied(): readonly UnsimplifiedReason[] {
      tidied ??= unsimplifiedReasons(before);
      return tidied;
    },
  };
}

function derivation(
  expr: Expr,
  vars: readonly string[],
  params: readonly string[],
  options: DifferentiateOptions,
  budget: Budget = new Budget(),
): Derivation {
  const wrt = options.wrt ?? defaultWrt(vars);
  if (!IDENTIFIER.test(wrt)) throw badOption('variable', wrt);
  const order = options.order ?? 1;
  if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER) throw badOption('order', order);
  const detail: Detail = options.detail ?? 'normal';
  if (detail !== 'full' && detail !== 'normal' && detail !== 'brief') throw badOption('detail', detail);

  const taken = new Set([...freeVars(expr), ...vars, ...params, wrt]);
  const full: Step[] = [];
  const simplified: (Simplification | undefined)[] = [];
  let current = expr;
  for (let k = 0; k < order; k++) {
    const root = deriveStep(current, wrt, { budget, taken, inner: 0 });
    // The answer as a textbook prints it; the other forms (smallest, factored, …) are computed on demand.
    const after = finalForm(root.result, current);
    budget.charge(after);
    full.push(assignIds(root, `s${k}`));
    // Recorded when simplification changes how the answer reads.
    simplified.push(readsAlike(after, root.result) ? undefined : simplification(root.result, after));
    current = after;
  }
  const steps = full.map((root) => atDetail(root, detail));
  return { expr, wrt, order, vars, params, detail, steps, full, simplified, result: current };
}

/** The derivative of `input` (text or tree) with its step-by-step derivation. */
export function differentiate(input: string | Expr, options: DifferentiateOptions = {}): Derivation {
  const { expr, vars, params } = readDefined(input, options);
  return derivation(expr, vars, params, options);
}

function checkVars(vars: readonly string[]): void {
  if (vars.length > MAX_VARS) throw tooLarge();
  for (const v of vars) if (!IDENTIFIER.test(v)) throw badOption('variable', v);
}

/** Every first partial derivative, each with its own derivation (other variables held constant), and ∇f. */
export function gradient(input: string | Expr, options: GradientOptions = {}): Gradient {
  const { expr, vars, params } = readDefined(input, options);
  checkVars(vars);
  const detail = options.detail ?? 'normal';
  const budget = new Budget(NODE_BUDGET * 4, TIME_BUDGET_MS * 4);
  const partials = vars.map((wrt) => derivation(expr, vars, params, { wrt, detail }, budget));
  return { expr, vars, params, partials, gradient: partials.map((p) => p.result) };
}

/** The gradient plus every second partial: `secondPartials[i][j]` differentiates ∂f/∂vᵢ by vⱼ. */
export function hessian(input: string | Expr, options: GradientOptions = {}): Hessian {
  const first = gradient(input, options);
  const detail = options.detail ?? 'normal';
  // One budget for all n² second partials, so a large Hessian stops as quickly as one derivation.
  const budget = new Budget(NODE_BUDGET * 4, TIME_BUDGET_MS * 4);
  const secondPartials = first.partials.map((p) =>
    first.vars.map((wrt) => derivation(p.result, first.vars, first.params, { wrt, detail }, budget)),
  );
  return { ...first, secondPartials, hessian: secondPartials.map((row) => row.map((d) => d.result)) };
}
