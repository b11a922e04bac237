/**
 * The differentiation rules, one object each. A rule owns
 *
 * - `match`: whether it applies to an expression, and which sub-derivations it
 *   needs (the substeps, in order);
 * - `combine`: how the substeps' results make its result — the one statement of
 *   the rule's law. The engine calls it with the tidy builders, the printers with
 *   plain builders and placeholder nodes for the derivatives still to be taken,
 *   and the answer checker with deliberately wrong sub-results;
 * - `formula`: its general formula in TeX, naming the step's own variable.
 *
 * Names and prose live in `src/i18n/rules.*.ts`, keyed by rule id. Functions come
 * from the function table (`functions.ts`): each function with a derivative is one
 * rule made from its entry, and its formula is printed from that same derivative.
 */
import { GradstepError } from '../errors.js';
import {
  add,
  call,
  dependsOn,
  div,
  type Expr,
  equals,
  freeVars,
  mul,
  type Num,
  neg,
  num,
  pow,
  substitute,
  sym,
} from '../expr/ast.js';
import { compile } from '../expr/compile.js';
import {
  type Builders,
  FUNCTION_NAMES,
  FUNCTIONS,
  type FunctionName,
  type FunctionRuleId,
  functionRule,
} from '../expr/functions.js';
import { texSymbol, toTex } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import { type Localized, localizeAll } from '../i18n/index.js';
import type { Budget } from './budget.js';
import type { InnerFunction, RuleId, Step, StepRule } from './derivation.js';
import { foldNumber, isOne, numMul, numNeg, tAdd, tDiv, tMul, tNeg, tPow } from './tidy.js';

/** The builders the engine uses: light tidying (0 and 1 folded, numbers gathered). */
export const TIDY: Builders = { add: tAdd, mul: tMul, neg: tNeg, div: tDiv, pow: tPow, call, num };

/** Plain constructors: the shape of a rule as written, for the printers. */
export const PLAIN: Builders = { add, mul, neg, div, pow, call, num };

/** A step without its id, result and substeps: what `combine` and `formula` read. */
export type Shape<S extends Step = Step> = S extends Step ? Omit<S, 'id' | 'result' | 'substeps'> : never;

/** A sub-derivation a rule needs: the derivative of `expr` by `wrt`. */
export interface Need {
  readonly expr: Expr;
  readonly wrt: string;
  /** `wrt` is an inner variable (the outer part of a chain step). */
  readonly inner?: true;
}

export interface Plan {
  readonly shape: Shape;
  readonly needs: readonly Need[];
}

export interface MatchContext {
  readonly budget: Budget;
  /** A fresh inner-function name (u_1, u_2, …, skipping names in use). */
  fresh(): string;
}

export interface Rule {
  readonly id: StepRule;
  /** `brief`: shown in brief detail; `trivial`: folded away in normal detail (the parent's line says it). */
  readonly detail?: 'brief' | 'trivial';
  /** Whether the rule applies to `e` (by `wrt`), and what it needs. Only rules listed for `e.kind` are asked. */
  match(e: Expr, wrt: string, ctx: MatchContext): Plan | undefined;
  /** The rule's law: its result from the substeps' results. */
  combine(step: Shape, subs: readonly Expr[], b: Builders): Expr;
  /** The general formula in TeX, with the step's variable (∂ when `partial`). */
  formula(step: Shape, partial: boolean): string;
}

/** The derivative operator in TeX: d/dx, or ∂/∂x for a partial (never for an inner variable). */
export function operatorTex(wrt: string, partial: boolean): string {
  const v = texSymbol(wrt);
  return partial ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${v}}`;
}

const op = (s: Shape, partial: boolean): string => operatorTex(s.wrt, partial && !s.inner);
const isVar = (e: Expr | undefined, wrt: string): boolean => e?.kind === 'sym' && e.name === wrt;
const sub = (subs: readonly Expr[], i: number): Expr => subs[i] as Expr;
const squared = (e: Expr, b: Builders): Expr => b.pow(e, b.num(2));

function domainError(base: Expr): GradstepError {
  return new GradstepError('calculus/domain', { base: toText(base) });
}

// ------------------------------------------------------------ constants

const constant: Rule = {
  id: 'constant',
  detail: 'trivial',
  match: (e, wrt) =>
    !dependsOn(e, wrt) && freeVars(e).length === 0 ? { shape: shapeOf('constant', e, wrt), needs: [] } : undefined,
  combine: (_s, _subs, b) => b.num(0),
  formula: (s, partial) => `${op(s, partial)}c = 0`,
};

const heldConstant: Rule = {
  id: 'held-constant',
  match: (e, wrt) => {
    if (dependsOn(e, wrt)) return undefined;
    const held = freeVars(e);
    return held.length > 0 ? { shape: { rule: 'held-constant', wrt, expr: e, held }, needs: [] } : undefined;
  },
  combine: (_s, _subs, b) => b.num(0),
  // It names this step's variable and the names held: ∂/∂y c(x) = 0.
  formula: (s, partial) => {
    const held = s.rule === 'held-constant' ? s.held.map(texSymbol).join(', ') : 'c';
    return `${op(s, partial)}\\,c(${held}) = 0`;
  },
};

function shapeOf(
  rule: Exclude<StepRule, 'held-constant' | 'constant-multiple' | 'chain' | 'rewrite'>,
  expr: Expr,
  wrt: string,
): Shape {
  return { rule, wrt, expr } as Shape;
}

/**
 * Every constant factor of `e`, pulled out at once: −f, c·f·g, f/c and c/g.
 * Returns undefined when there is none.
 */
function splitConstantFactor(e: Expr, wrt: string): { factor: Expr; rest: Expr } | undefined {
  switch (e.kind) {
    case 'neg': {
      const inner = splitConstantFactor(e.arg, wrt);
      return inner ? { factor: tMul(num(-1), inner.factor), rest: inner.rest } : { factor: num(-1), rest: e.arg };
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
        const over = tDiv(num(1), e.den);
        return inner ? { factor: tMul(inner.factor, over), rest: inner.rest } : { factor: over, rest: e.num };
      }
      if (!dependsOn(e.num, wrt) && !isOne(e.num)) return { factor: e.num, rest: div(num(1), e.den) };
      return undefined;
    }
    default:
      return undefined;
  }
}

const constantMultiple: Rule = {
  id: 'constant-multiple',
  match: (e, wrt) => {
    const split = splitConstantFactor(e, wrt);
    if (!split) return undefined;
    return {
      shape: { rule: 'constant-multiple', wrt, expr: e, factor: split.factor, held: freeVars(split.factor) },
      needs: [{ expr: split.rest, wrt }],
    };
  },
  combine: (s, subs, b) => b.mul(s.rule === 'constant-multiple' ? s.factor : b.num(1), sub(subs, 0)),
  formula: () => "(c\\,f)' = c\\,f'",
};

// ------------------------------------------------------------ sums, products, quotients

const variable: Rule = {
  id: 'variable',
  detail: 'trivial',
  match: (e, wrt) => (isVar(e, wrt) ? { shape: shapeOf('variable', e, wrt), needs: [] } : undefined),
  combine: (_s, _subs, b) => b.num(1),
  formula: (s, partial) => `${op(s, partial)}${texSymbol(s.wrt)} = 1`,
};

const sum: Rule = {
  id: 'sum',
  match: (e, wrt) =>
    e.kind === 'add' ? { shape: shapeOf('sum', e, wrt), needs: e.terms.map((t) => ({ expr: t, wrt })) } : undefined,
  combine: (_s, subs, b) => b.add(...subs),
  formula: () => "(f \\pm g)' = f' \\pm g'",
};

const product: Rule = {
  id: 'product',
  detail: 'brief',
  match: (e, wrt, ctx) => {
    if (e.kind !== 'mul' || e.factors.length < 2) return undefined;
    // The result holds n terms of n factors: charge that before building it.
    ctx.budget.spend(e.factors.length * e.factors.length);
    return { shape: shapeOf('product', e, wrt), needs: e.factors.map((f) => ({ expr: f, wrt })) };
  },
  combine: (s, subs, b) => {
    const factors = s.expr.kind === 'mul' ? s.expr.factors : [];
    return b.add(...factors.map((_, i) => b.mul(...factors.map((f, j) => (j === i ? sub(subs, i) : f)))));
  },
  formula: () => "(fg)' = f'g + fg'",
};

/** Whether 1/den reads better as a power: 1/x, 1/x², 1/√x. */
function asPower(den: Expr, wrt: string): Expr | undefined {
  if (den.kind === 'sym') return pow(den, num(-1));
  if (den.kind === 'pow' && !dependsOn(den.exp, wrt)) {
    const negated = den.exp.kind === 'num' ? numNeg(den.exp) : tMul(num(-1), den.exp);
    return pow(den.base, negated);
  }
  if (den.kind === 'call' && den.fn === 'sqrt' && den.args.length === 1) return pow(den.args[0] as Expr, num(-1, 2));
  if (den.kind === 'call' && den.fn === 'cbrt' && den.args.length === 1) return pow(den.args[0] as Expr, num(-1, 3));
  return undefined;
}

const reciprocal: Rule = {
  id: 'reciprocal',
  match: (e, wrt) =>
    // Only 1/g reaches here (c/g is a constant multiple of it).
    e.kind === 'div' && !dependsOn(e.num, wrt) && !asPower(e.den, wrt)
      ? { shape: shapeOf('reciprocal', e, wrt), needs: [{ expr: e.den, wrt }] }
      : undefined,
  combine: (s, subs, b) => (s.expr.kind === 'div' ? b.neg(b.div(sub(subs, 0), squared(s.expr.den, b))) : b.num(0)),
  formula: () => "\\left(\\frac{1}{g}\\right)' = -\\frac{g'}{g^{2}}",
};

const quotient: Rule = {
  id: 'quotient',
  detail: 'brief',
  match: (e, wrt) =>
    e.kind === 'div' && dependsOn(e.num, wrt)
      ? {
          shape: shapeOf('quotient', e, wrt),
          needs: [
            { expr: e.num, wrt },
            { expr: e.den, wrt },
          ],
        }
      : undefined,
  combine: (s, subs, b) => {
    if (s.expr.kind !== 'div') return b.num(0);
    const { num: f, den: g } = s.expr;
    return b.div(b.add(b.mul(sub(subs, 0), g), b.neg(b.mul(f, sub(subs, 1)))), squared(g, b));
  },
  formula: () => "\\left(\\frac{f}{g}\\right)' = \\frac{f'g - fg'}{g^{2}}",
};

/** A power aᵘ with an exact positive number a ≠ 1 and a varying exponent: 3ʷ, 2^{x²}. */
function numberPower(f: Expr, wrt: string): { base: Num; exp: Expr } | undefined {
  if (f.kind !== 'pow' || !dependsOn(f.exp, wrt)) return undefined;
  const a = foldNumber(f.base);
  return a && a.n > 0 && a.n !== a.d ? { base: a, exp: f.exp } : undefined;
}

/**
 * A product or quotient of powers of numbers with the same exponent, as one power — the
 * law of exponents aᵘbᵘ = (ab)ᵘ, aᵘ/bᵘ = (a/b)ᵘ a textbook uses before differentiating:
 * 3ʷ/2ʷ = (3/2)ʷ, 2ˣ3ˣ4ˣ = 24ˣ. Other factors stay where they are.
 */
function sameExponentPowers(e: Expr, wrt: string): Expr | undefined {
  if (e.kind !== 'mul' && e.kind !== 'div') return undefined;
  const factorsOf = (x: Expr): readonly Expr[] => (x.kind === 'mul' ? x.factors : [x]);
  // Most products have no two such powers: leave them at once.
  const count = (x: Expr): number => factorsOf(x).filter((f) => numberPower(f, wrt)).length;
  if ((e.kind === 'div' ? count(e.num) + count(e.den) : count(e)) < 2) return undefined;
  const top = [...factorsOf(e.kind === 'div' ? e.num : e)];
  const bottom = e.kind === 'div' ? [...factorsOf(e.den)] : [];
  // Each group: the exponent, and where its members are (+1 above the line, −1 below).
  const groups: { exp: Expr; members: { list: Expr[]; f: Expr; sign: 1 | -1 }[] }[] = [];
  for (const [list, sign] of [
    [top, 1],
    [bottom, -1],
  ] as const) {
    for (const f of list) {
      const p = numberPower(f, wrt);
      if (!p) continue;
      const g = groups.find((h) => equals(h.exp, p.exp));
      if (g) g.members.push({ list, f, sign });
      else groups.push({ exp: p.exp, members: [{ list, f, sign }] });
    }
  }
  let changed = false;
  for (const g of groups) {
    if (g.members.length < 2) continue;
    let base: Num = num(1);
    for (const m of g.members) {
      const b = numberPower(m.f, wrt)?.base as Num;
      base = numMul(base, m.sign === 1 ? b : num(b.d, b.n));
    }
    if (base.approx) continue;
    // Below the line only when every member was (1/(2ˣ3ˣ) = 1/6ˣ); else above it, as (2/3)ˣ.
    const below = g.members.every((m) => m.sign === -1);
    const combined = below ? pow(num(base.d, base.n), g.exp) : pow(base, g.exp);
    const home = below ? bottom : top;
    const first = g.members.find((m) => m.list === home);
    for (const m of g.members) m.list.splice(m.list.indexOf(m.f), 1, ...(m === first ? [combined] : []));
    if (!first) home.push(combined);
    changed = true;
  }
  if (!changed) return undefined;
  const product = (list: readonly Expr[]): Expr =>
    list.length === 0 ? num(1) : list.length === 1 ? (list[0] as Expr) : mul(...list);
  const isUnit = (x: Expr): boolean => x.kind === 'pow' && x.base.kind === 'num' && x.base.n === x.base.d;
  const above = product(top.filter((f) => !isUnit(f)));
  const under = bottom.filter((f) => !isUnit(f));
  return under.length === 0 ? above : div(above, product(under));
}

/**
 * The equivalent form a rule applies to: √u = u^{1/2}, 1/x² = x^{-2}, log_b u = ln u / ln b for a varying b,
 * aᵘbᵘ = (ab)ᵘ.
 */
function rewritten(e: Expr, wrt: string): Expr | undefined {
  const combined = sameExponentPowers(e, wrt);
  if (combined) return combined;
  if (e.kind === 'div' && !dependsOn(e.num, wrt)) return asPower(e.den, wrt);
  if (e.kind !== 'call') return undefined;
  const [arg, base] = e.args;
  if (arg === undefined) return undefined;
  if (e.fn === 'sqrt') return pow(arg, num(1, 2));
  if (e.fn === 'cbrt') return pow(arg, num(1, 3));
  if (e.fn === 'log' && base !== undefined && dependsOn(base, wrt)) return div(call('ln', arg), call('ln', base));
  return undefined;
}

const rewrite: Rule = {
  id: 'rewrite',
  match: (e, wrt) => {
    const form = rewritten(e, wrt);
    return form
      ? { shape: { rule: 'rewrite', wrt, expr: e, rewritten: form }, needs: [{ expr: form, wrt }] }
      : undefined;
  },
  combine: (_s, subs) => sub(subs, 0),
  // The identities of the step's kind: the laws of exponents, or the forms a power rule applies to.
  formula: (s) =>
    sameExponentPowers(s.expr, s.wrt)
      ? 'a^{u}\\,b^{u} = (ab)^{u},\\quad \\frac{a^{u}}{b^{u}} = \\left(\\frac{a}{b}\\right)^{u}'
      : '\\sqrt[n]{x} = x^{1/n},\\quad \\frac{1}{x^{n}} = x^{-n},\\quad \\log_{b} u = \\frac{\\ln u}{\\ln b}',
};

// ------------------------------------------------------------ powers and exponentials

/** A numeric exponent as typed (1/2, −3) is folded so the power rule can lower it: ½ − 1 = −½. */
function exponentOf(e: Expr): Expr {
  return e.kind === 'pow' ? (foldNumber(e.exp) ?? e.exp) : num(1);
}

const power: Rule = {
  id: 'power',
  match: (e, wrt) =>
    e.kind === 'pow' && isVar(e.base, wrt) && !dependsOn(e.exp, wrt)
      ? { shape: shapeOf('power', e, wrt), needs: [] }
      : undefined,
  combine: (s, _subs, b) => {
    if (s.expr.kind !== 'pow') return b.num(0);
    const n = exponentOf(s.expr);
    const lowered = n.kind === 'num' && !n.approx ? b.num(n.n - n.d, n.d) : b.add(n, b.num(-1));
    return b.mul(n, b.pow(s.expr.base, lowered));
  },
  formula: (s, partial) => `${op(s, partial)}${texSymbol(s.wrt)}^{n} = n\\,${texSymbol(s.wrt)}^{n-1}`,
};

/** The value of a purely numeric base (`2`, `1 - 3`, `-π`, `e - 3`), when it has one. */
function baseValue(base: Expr): number | undefined {
  const n = foldNumber(base);
  if (n) return n.n / n.d;
  if (freeVars(base).length > 0) return undefined;
  const value = compile(base, [], { backend: 'closure' })();
  return Number.isFinite(value) ? value : undefined;
}

const zeroPower: Rule = {
  id: 'zero-power',
  match: (e, wrt) =>
    e.kind === 'pow' && baseValue(e.base) === 0 && dependsOn(e.exp, wrt)
      ? { shape: shapeOf('zero-power', e, wrt), needs: [] }
      : undefined,
  combine: (_s, _subs, b) => b.num(0),
  formula: (s, partial) => `${op(s, partial)}0^{u} = 0\\quad(u > 0)`,
};

const isE = (e: Expr): boolean => e.kind === 'const' && e.name === 'e';

const exponential: Rule = {
  id: 'exponential',
  match: (e, wrt) => {
    if (e.kind !== 'pow' || !isVar(e.exp, wrt) || dependsOn(e.base, wrt)) return undefined;
    const value = baseValue(e.base);
    if (value !== undefined && value < 0) throw domainError(e.base);
    return { shape: shapeOf('exponential', e, wrt), needs: [] };
  },
  combine: (s, _subs, b) => {
    if (s.expr.kind !== 'pow') return b.num(0);
    const a = s.expr.base;
    // 1ᵘ = 1 is constant: ln 1 = 0, said as 0 rather than left as ln(1).
    if (baseValue(a) === 1) return b.num(0);
    const same = b.pow(a, s.expr.exp);
    return isE(a) ? same : b.mul(same, b.call('ln', a));
  },
  formula: (s, partial) => {
    const u = texSymbol(s.wrt);
    return s.expr.kind === 'pow' && isE(s.expr.base)
      ? `${op(s, partial)}e^{${u}} = e^{${u}}`
      : `${op(s, partial)}a^{${u}} = a^{${u}}\\ln a`;
  },
};

/** A power f^g whose base and exponent both vary: what needs logarithmic differentiation. */
const isVaryingPower = (e: Expr, wrt: string): e is Expr & { kind: 'pow' } =>
  e.kind === 'pow' && dependsOn(e.base, wrt) && dependsOn(e.exp, wrt);

/** ln of one factor by the laws of logarithms: ln f^g = g ln f, ln eᵘ = u, ln aᵘ = u ln a, ln uⁿ = n ln u. */
function lnFactor(f: Expr): Expr {
  if (f.kind !== 'pow') return call('ln', f);
  return isE(f.base) ? f.exp : tMul(f.exp, call('ln', f.base));
}

/**
 * ln y, with the logs of products and quotients written as sums, for a y that logarithmic
 * differentiation is for: f^g itself, or a quotient with f^g above the line (x^x/(x + 1)),
 * as textbooks do. Above the line only powers that are never 0 (f^g, eᵘ, aᵘ), so y·(ln y)′
 * is defined wherever y′ is.
 */
function logOf(e: Expr, wrt: string): Expr | undefined {
  if (isVaryingPower(e, wrt)) return tMul(e.exp, call('ln', e.base));
  if (e.kind !== 'div' || !dependsOn(e.den, wrt)) return undefined;
  const above = e.num.kind === 'mul' ? e.num.factors : [e.num];
  const positive = (f: Expr) => f.kind === 'pow' && (isVaryingPower(f, wrt) || !dependsOn(f.base, wrt));
  if (!above.some((f) => isVaryingPower(f, wrt)) || !above.every(positive)) return undefined;
  const below = e.den.kind === 'mul' ? e.den.factors : [e.den];
  return tAdd(
    ...above.map((f) => lnFactor(f)),
    ...below.filter((f) => dependsOn(f, wrt)).map((f) => tNeg(lnFactor(f))),
  );
}

const logDiff: Rule = {
  id: 'log-diff',
  match: (e, wrt) => {
    const ln = logOf(e, wrt);
    return ln ? { shape: shapeOf('log-diff', e, wrt), needs: [{ expr: ln, wrt }] } : undefined;
  },
  // y′ = y·(ln y)′, with y written as the function itself.
  combine: (s, subs, b) => b.mul(s.expr, sub(subs, 0)),
  formula: (s) => (s.expr.kind === 'pow' ? "(f^{g})' = f^{g}\\,(g\\ln f)'" : "y' = y\\,(\\ln y)'"),
};

// ------------------------------------------------------------ the chain rule

/** An outer function applied to an inner one: f(g), g^n, a^g, log_b g — with the outer part rebuilt on u. */
function outerOf(e: Expr, wrt: string): { inner: Expr; build: (u: Expr) => Expr } | undefined {
  if (e.kind === 'pow') {
    if (!dependsOn(e.exp, wrt)) return { inner: e.base, build: (u) => pow(u, exponentOf(e)) };
    if (!dependsOn(e.base, wrt)) {
      const value = baseValue(e.base);
      if (value !== undefined && value < 0) throw domainError(e.base);
      return value === 0 ? undefined : { inner: e.exp, build: (u) => pow(e.base, u) };
    }
    return undefined;
  }
  if (e.kind === 'call') {
    const [arg, base] = e.args;
    if (arg === undefined || functionRule(e.fn) === undefined) return undefined;
    if (e.fn === 'log')
      return base !== undefined && !dependsOn(base, wrt)
        ? { inner: arg, build: (u) => call('log', u, base) }
        : undefined;
    if (e.args.length !== 1) return undefined;
    const fn = e.fn;
    return { inner: arg, build: (u) => call(fn, u) };
  }
  return undefined;
}

const chain: Rule = {
  id: 'chain',
  detail: 'brief',
  match: (e, wrt, ctx) => {
    const outer = outerOf(e, wrt);
    if (!outer || isVar(outer.inner, wrt)) return undefined;
    const name = ctx.fresh();
    const u: InnerFunction = { name, expr: outer.inner };
    return {
      shape: { rule: 'chain', wrt, expr: e, u },
      needs: [
        { expr: outer.build(sym(name)), wrt: name, inner: true },
        { expr: outer.inner, wrt },
      ],
    };
  },
  // dy/dx = dy/du · du/dx, with u substituted back.
  combine: (s, subs, b) => {
    const outer = s.rule === 'chain' ? substitute(sub(subs, 0), { [s.u.name]: s.u.expr }) : sub(subs, 0);
    return b.mul(outer, sub(subs, 1));
  },
  formula: (s, partial) => {
    const x = texSymbol(s.wrt);
    const d = partial ? '\\partial' : 'd';
    return `\\frac{${d}y}{${d}${x}} = \\frac{dy}{du}\\cdot\\frac{${d}u}{${d}${x}}`;
  },
};

// ------------------------------------------------------------ elementary functions

/** The derivative of log_b u for a base b that does not vary. */
function logBase(u: Expr, base: Expr, b: Builders): Expr {
  return b.div(b.num(1), b.mul(u, b.call('ln', base)));
}

/** The rule of one elementary function f: d/du f(u) = f′(u), from its table entry. */
function functionRuleOf(id: FunctionRuleId, names: readonly FunctionName[]): Rule {
  const derivative = (e: Expr, b: Builders): Expr => {
    if (e.kind !== 'call') return b.num(0);
    const [arg, base] = e.args as [Expr, Expr | undefined];
    if (e.fn === 'log') return base ? logBase(arg, base, b) : b.num(0);
    const d = FUNCTIONS[e.fn].derivative;
    return d ? d(arg, b) : b.num(0);
  };
  return {
    id,
    match: (e, wrt) => {
      if (e.kind !== 'call' || !names.includes(e.fn) || !isVar(e.args[0], wrt)) return undefined;
      if (e.fn === 'log' && (e.args[1] === undefined || dependsOn(e.args[1], wrt))) return undefined;
      return { shape: { rule: id, wrt, expr: e } as Shape, needs: [] };
    },
    combine: (s, _subs, b) => derivative(s.expr, b),
    // Printed from the very derivative the rule applies, so formula and rule cannot drift apart.
    formula: (s) => {
      const u = sym(s.inner ? s.wrt : 'u');
      const fn = s.expr.kind === 'call' ? s.expr.fn : (names[0] as FunctionName);
      const general = fn === 'log' ? call('log', u, sym('b')) : call(fn, u);
      return `\\frac{d}{d${texSymbol(u.name)}}${toTex(general)} = ${toTex(derivative(general, TIDY))}`;
    },
  };
}

const FUNCTION_RULE_LIST: readonly Rule[] = (() => {
  const byRule = new Map<FunctionRuleId, FunctionName[]>();
  for (const name of FUNCTION_NAMES) {
    const id = functionRule(name);
    if (id !== undefined) byRule.set(id, [...(byRule.get(id) ?? []), name]);
  }
  return [...byRule].map(([id, names]) => functionRuleOf(id, names));
})();

// ------------------------------------------------------------ the table

const STRUCTURAL: readonly Rule[] = [
  constant,
  heldConstant,
  constantMultiple,
  variable,
  sum,
  product,
  rewrite,
  reciprocal,
  quotient,
  zeroPower,
  power,
  exponential,
  logDiff,
  chain,
];

/** Every step rule by id. */
export const RULE_OBJECTS: Readonly<Record<StepRule, Rule>> = Object.fromEntries(
  [...STRUCTURAL, ...FUNCTION_RULE_LIST].map((r) => [r.id, r]),
) as Record<StepRule, Rule>;

/** The rules for an expression that does not contain the variable. */
export const CONSTANT_RULES: readonly Rule[] = [constant, heldConstant];

/** The rules asked first for an expression that contains the variable. */
export const FIRST_RULES: readonly Rule[] = [constantMultiple];

/** The rules asked next, by the kind of expression (in this order); a call then asks its function's rule. */
export const RULES_BY_KIND: Readonly<Record<Expr['kind'], readonly Rule[]>> = {
  num: [],
  const: [],
  neg: [],
  sym: [variable],
  add: [sum],
  mul: [rewrite, product],
  div: [rewrite, reciprocal, logDiff, quotient],
  pow: [zeroPower, power, exponential, logDiff, chain],
  call: [rewrite, chain],
};

/** The rule of each function, by the function's name (log₂ and log₁₀ share `log`'s). */
export const FUNCTION_RULE_OF: ReadonlyMap<FunctionName, Rule> = new Map(
  FUNCTION_NAMES.flatMap((name): [FunctionName, Rule][] => {
    const id = functionRule(name);
    const rule = id === undefined ? undefined : FUNCTION_RULE_LIST.find((r) => r.id === id);
    return rule ? [[name, rule]] : [];
  }),
);

// ------------------------------------------------------------ names and prose

/** A rule's name, prose and display flags, in every language. */
export interface RuleInfo {
  readonly id: RuleId;
  readonly name: Localized;
  readonly prose: Localized;
  readonly brief?: true;
  readonly trivial?: true;
}

/** Every rule's name and prose by id, in every language (from the catalogues' `rules`, i.e. `src/i18n/rules.*.ts`). */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(
  ([...Object.keys(RULE_OBJECTS), 'simplify'] as RuleId[]).map((id) => {
    const detail = id === 'simplify' ? 'brief' : RULE_OBJECTS[id].detail;
    const info: RuleInfo = {
      id,
      name: localizeAll((m) => m.rules[id].name),
      prose: localizeAll((m) => m.rules[id].prose),
      ...(detail === 'brief' ? { brief: true as const } : {}),
      ...(detail === 'trivial' ? { trivial: true as const } : {}),
    };
    return [id, info];
  }),
) as Record<RuleId, RuleInfo>;

/** The general formula of a step, in TeX (∂ when `partial`). */
export function ruleFormula(step: Step, partial = false): string {
  return RULE_OBJECTS[step.rule].formula(step as Shape, partial);
}

/** The TeX of the simplification "rule": the tidied result equals the answer. */
export const SIMPLIFY_FORMULA = "f' = \\dots";

/** A fresh symbol for the inner function of a chain step. */
export function innerName(index: number): string {
  return `u_${index}`;
}
