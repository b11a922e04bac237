/**
 * Builds the full step tree of one derivative. Each case reads the shape of the
 * expression, picks the rule a textbook would use and records it as a step whose
 * result is assembled from its substeps' results — so the answer and the shown
 * work can never disagree.
 */

import { GradstepError } from '../errors.js';
import {
  call,
  dependsOn,
  type Expr,
  freeVars,
  isFunctionName,
  MINUS_ONE,
  num,
  ONE,
  pow,
  substitute,
  sym,
  ZERO,
} from '../expr/ast.js';
import type { Budget } from './budget.js';
import type { RuleId, Step } from './derivation.js';
import { exponentialOuter, FUNCTION_RULES, innerName, logBaseOuter, powerOuter } from './rules.js';
import { foldNumber, isOne, numNeg, tAdd, tDiv, tMul, tPow, tSub } from './tidy.js';

export interface DeriveContext {
  readonly budget: Budget;
  /** Names already used by the expression; inner-function names skip them. */
  readonly taken: ReadonlySet<string>;
  /** How many inner functions have been named so far (u_1, u_2, … in order of appearance). */
  inner: number;
}

type StepFields = Omit<Step, 'id' | 'substeps'> & { readonly substeps?: readonly Step[] };

/** A step with a placeholder id (ids are the tree paths, assigned once the tree is complete). */
function step(ctx: DeriveContext, fields: StepFields): Step {
  ctx.budget.charge(fields.result);
  return { id: '', substeps: [], ...fields };
}

const sq = (e: Expr): Expr => tPow(e, num(2));

/** The derivative of `e` with respect to `wrt`, as a tree of steps. */
export function deriveStep(e: Expr, wrt: string, ctx: DeriveContext): Step {
  if (!dependsOn(e, wrt)) {
    const held = freeVars(e);
    return held.length > 0
      ? step(ctx, { rule: 'held-constant', wrt, expr: e, result: ZERO, held })
      : step(ctx, { rule: 'constant', wrt, expr: e, result: ZERO });
  }
  const split = splitConstantFactor(e, wrt);
  if (split) return constantMultiple(e, split.factor, split.rest, wrt, ctx);
  switch (e.kind) {
    case 'sym':
      return step(ctx, { rule: 'variable', wrt, expr: e, result: ONE });
    case 'add': {
      const substeps = e.terms.map((t) => deriveStep(t, wrt, ctx));
      return step(ctx, { rule: 'sum', wrt, expr: e, result: tAdd(...substeps.map((s) => s.result)), substeps });
    }
    case 'mul':
      return product(e, e.factors, wrt, ctx);
    case 'div':
      return quotient(e, e.num, e.den, wrt, ctx);
    case 'pow':
      return power(e, e.base, e.exp, wrt, ctx);
    case 'call':
      return functionCall(e, wrt, ctx);
    default:
      // num, const and neg never reach here: constants are caught above, neg is a constant multiple.
      throw unknownShape(e.kind);
  }
}

function unknownShape(kind: string): GradstepError {
  return new GradstepError('calculus/unknown-function', { name: kind });
}

// ------------------------------------------------------------ constant multiple

/**
 * Every constant factor of `e`, pulled out at once: −f, c·f·g, f/c and c/g.
 * Returns undefined when there is none.
 */
function splitConstantFactor(e: Expr, wrt: string): { factor: Expr; rest: Expr } | undefined {
  switch (e.kind) {
    case 'neg': {
      const inner = splitConstantFactor(e.arg, wrt);
      return inner ? { factor: tMul(MINUS_ONE, inner.factor), rest: inner.rest } : { factor: MINUS_ONE, rest: e.arg };
    }
    case 'mul': {
      const constants = e.factors.filter((f) => !dependsOn(f, wrt));
      if (constants.length === 0) return undefined;
      const varying = e.factors.filter((f) => dependsOn(f, wrt));
      const rest = varying.length === 1 ? (varying[0] as Expr) : { kind: 'mul' as const, factors: varying };
      const inner = splitConstantFactor(rest, wrt);
      return inner
        ? { factor: tMul(...constants, inner.factor), rest: inner.rest }
        : { factor: tMul(...constants), rest };
    }
    case 'div': {
      if (!dependsOn(e.den, wrt)) {
        const inner = splitConstantFactor(e.num, wrt);
        const over = tDiv(ONE, e.den);
        return inner ? { factor: tMul(inner.factor, over), rest: inner.rest } : { factor: over, rest: e.num };
      }
      if (!dependsOn(e.num, wrt) && !isOne(e.num))
        return { factor: e.num, rest: { kind: 'div', num: ONE, den: e.den } };
      return undefined;
    }
    default:
      return undefined;
  }
}

function constantMultiple(e: Expr, factor: Expr, rest: Expr, wrt: string, ctx: DeriveContext): Step {
  const inner = deriveStep(rest, wrt, ctx);
  const held = freeVars(factor);
  return step(ctx, {
    rule: 'constant-multiple',
    wrt,
    expr: e,
    result: tMul(factor, inner.result),
    substeps: [inner],
    factor,
    ...(held.length > 0 ? { held } : {}),
  });
}

// ------------------------------------------------------------ products and quotients

function product(e: Expr, factors: readonly Expr[], wrt: string, ctx: DeriveContext): Step {
  if (factors.length === 1) return deriveStep(factors[0] as Expr, wrt, ctx);
  // The result holds n terms of n factors: charge that before building it.
  ctx.budget.spend(factors.length * factors.length);
  const substeps = factors.map((f) => deriveStep(f, wrt, ctx));
  const terms = factors.map((_, i) => tMul(...factors.map((f, j) => (j === i ? (substeps[i] as Step).result : f))));
  return step(ctx, { rule: 'product', wrt, expr: e, result: tAdd(...terms), substeps });
}

/** Whether 1/den reads better as a power: 1/x, 1/x², 1/√x. */
function asPower(den: Expr, wrt: string): Expr | undefined {
  if (den.kind === 'sym') return pow(den, MINUS_ONE);
  if (den.kind === 'pow' && !dependsOn(den.exp, wrt)) {
    const negated = den.exp.kind === 'num' ? numNeg(den.exp) : tMul(MINUS_ONE, den.exp);
    return pow(den.base, negated);
  }
  if (den.kind === 'call' && den.fn === 'sqrt' && den.args.length === 1) return pow(den.args[0] as Expr, num(-1, 2));
  if (den.kind === 'call' && den.fn === 'cbrt' && den.args.length === 1) return pow(den.args[0] as Expr, num(-1, 3));
  return undefined;
}

function quotient(e: Expr, f: Expr, g: Expr, wrt: string, ctx: DeriveContext): Step {
  if (!dependsOn(f, wrt)) {
    // Only 1/g reaches here (c/g is a constant multiple of it).
    const rewritten = asPower(g, wrt);
    if (rewritten) return rewrite(e, rewritten, wrt, ctx);
    const inner = deriveStep(g, wrt, ctx);
    return step(ctx, {
      rule: 'reciprocal',
      wrt,
      expr: e,
      result: tMul(MINUS_ONE, tDiv(inner.result, sq(g))),
      substeps: [inner],
    });
  }
  const top = deriveStep(f, wrt, ctx);
  const bottom = deriveStep(g, wrt, ctx);
  const numerator = tSub(tMul(top.result, g), tMul(f, bottom.result));
  return step(ctx, { rule: 'quotient', wrt, expr: e, result: tDiv(numerator, sq(g)), substeps: [top, bottom] });
}

function rewrite(e: Expr, rewritten: Expr, wrt: string, ctx: DeriveContext): Step {
  const inner = deriveStep(rewritten, wrt, ctx);
  return step(ctx, { rule: 'rewrite', wrt, expr: e, result: inner.result, substeps: [inner], rewritten });
}

// ------------------------------------------------------------ powers, exponentials, functions

/**
 * A rule for an outer function applied to `inner`: directly when `inner` is the
 * variable itself, otherwise through the chain rule with inner function u_k.
 */
function outerRule(
  e: Expr,
  rule: RuleId,
  inner: Expr,
  wrt: string,
  ctx: DeriveContext,
  build: (u: Expr) => Expr,
  derivative: (u: Expr) => Expr,
): Step {
  if (inner.kind === 'sym' && inner.name === wrt) return step(ctx, { rule, wrt, expr: e, result: derivative(inner) });
  let name = innerName(++ctx.inner);
  while (ctx.taken.has(name) || name === wrt) name = innerName(++ctx.inner);
  const u = sym(name);
  const outer = step(ctx, { rule, wrt: name, expr: build(u), result: derivative(u) });
  const innerStep = deriveStep(inner, wrt, ctx);
  const result = tMul(innerStep.result, substitute(outer.result, { [name]: inner }));
  return step(ctx, { rule: 'chain', wrt, expr: e, result, substeps: [outer, innerStep], u: { name, expr: inner } });
}

function power(e: Expr, base: Expr, exponent: Expr, wrt: string, ctx: DeriveContext): Step {
  if (!dependsOn(exponent, wrt)) {
    // A numeric exponent as typed (1/2, −3) is folded so the power rule can lower it: ½ − 1 = −½.
    const n = foldNumber(exponent) ?? exponent;
    return outerRule(
      e,
      'power',
      base,
      wrt,
      ctx,
      (u) => pow(u, n),
      (u) => powerOuter(u, n),
    );
  }
  if (!dependsOn(base, wrt)) {
    const rule = base.kind === 'const' && base.name === 'e' ? 'exp' : 'exponential';
    return outerRule(
      e,
      rule,
      exponent,
      wrt,
      ctx,
      (u) => pow(base, u),
      (u) => exponentialOuter(base, u),
    );
  }
  // f^g with both depending on the variable: ln y = g ln f, so y′ = y·(g ln f)′.
  const logForm = tMul(exponent, call('ln', base));
  const inner = deriveStep(logForm, wrt, ctx);
  return step(ctx, { rule: 'log-diff', wrt, expr: e, result: tMul(e, inner.result), substeps: [inner] });
}

function functionCall(e: Expr & { kind: 'call' }, wrt: string, ctx: DeriveContext): Step {
  const [arg, base] = e.args;
  if (arg === undefined || !isFunctionName(e.fn)) throw unknownFunction(e.fn);
  switch (e.fn) {
    case 'sqrt':
      return rewrite(e, pow(arg, num(1, 2)), wrt, ctx);
    case 'cbrt':
      return rewrite(e, pow(arg, num(1, 3)), wrt, ctx);
    case 'log': {
      if (base === undefined) {
        return outerRule(
          e,
          'ln',
          arg,
          wrt,
          ctx,
          (u) => call('ln', u),
          (u) => tDiv(ONE, u),
        );
      }
      // A base that varies: log_b u = ln u / ln b.
      if (dependsOn(base, wrt))
        return rewrite(e, { kind: 'div', num: call('ln', arg), den: call('ln', base) }, wrt, ctx);
      return outerRule(
        e,
        'log',
        arg,
        wrt,
        ctx,
        (u) => call('log', u, base),
        (u) => logBaseOuter(u, base),
      );
    }
    default: {
      const rule = FUNCTION_RULES[e.fn];
      if (!rule || e.args.length !== 1) throw unknownFunction(e.fn);
      const fn = e.fn;
      return outerRule(e, rule.id, arg, wrt, ctx, (u) => call(fn, u), rule.outer);
    }
  }
}

function unknownFunction(name: string): GradstepError {
  return new GradstepError('calculus/unknown-function', { name });
}

// ------------------------------------------------------------ ids

/** Labels the tree with path ids, in place: `prefix` for the root, `prefix.i` for its i-th substep, and so on. */
export function assignIds(root: Step, prefix: string): Step {
  // Steps are built bottom-up, so their path ids are only known once the tree is whole.
  // Every step object is fresh and appears once in its tree, so labelling in place is
  // safe and spares copying every step (a tenth of a derivation's time).
  const seen = new Set<Step>();
  const label = (s: Step, id: string): void => {
    if (seen.has(s)) throw new Error(`step object shared in a derivation tree at ${id}`);
    seen.add(s);
    (s as { id: string }).id = id;
    for (const [i, sub] of s.substeps.entries()) label(sub, `${id}.${i}`);
  };
  label(root, prefix);
  return root;
}
