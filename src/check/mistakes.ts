/**
 * Typical wrong derivations, made by mutating the correct step tree.
 *
 * A mutation replaces the result of one step (or of several) by what a student
 * who made that mistake would have written there. The ancestors are then
 * re-assembled from their substeps' results by the same formula their rule uses
 * (one small function per rule), so a mistake deep inside a chain propagates to
 * the final answer exactly as it would on paper.
 */
import { heldNames, type Step } from '../calculus/derivation.js';
import { RULE_OBJECTS, type Shape, TIDY } from '../calculus/rules.js';
import { tAdd, tDiv, tMul, tNeg, tPow, tSub } from '../calculus/tidy.js';
import { type Expr, MINUS_ONE, num, substitute } from '../expr/ast.js';
import { FUNCTIONS, isFunctionName } from '../expr/functions.js';

/** The mistakes the checker can name. */
export const MISTAKE_IDS = [
  'chain-factor-missing',
  'product-as-product-of-derivatives',
  'product-term-dropped',
  'quotient-sign-reversed',
  'quotient-as-ratio-of-derivatives',
  'power-rule-on-exponential',
  'power-rule-on-variable-exponent',
  'term-dropped',
  'trig-sign-error',
  'total-instead-of-partial',
  'constant-kept',
] as const;

export type MistakeId = (typeof MISTAKE_IDS)[number];

/**
 * When an answer matches several wrong derivations, the earlier mistake here is
 * named: the more specific explanation first (x²eˣ → 2x·eˣ is "product of
 * derivatives" even though dropping the term x²eˣ gives the same).
 */
export const MISTAKE_PRIORITY: readonly MistakeId[] = [
  'chain-factor-missing',
  'product-as-product-of-derivatives',
  'quotient-sign-reversed',
  'quotient-as-ratio-of-derivatives',
  'total-instead-of-partial',
  'power-rule-on-exponential',
  'power-rule-on-variable-exponent',
  'trig-sign-error',
  'product-term-dropped',
  'constant-kept',
  'term-dropped',
];

/** One wrong derivation: which mistake, at which step, and the final (wrong) answer it leads to. */
export interface Mutant {
  readonly id: MistakeId;
  /** The step where the mistake happens (for a UI to highlight). */
  readonly step: Step;
  /** The wrong final derivative (tidied, not simplified). */
  readonly result: Expr;
  /** Extra detail for the message, e.g. the dropped term or the missing factor. */
  readonly detail?: Expr;
}

// ------------------------------------------------------------------ re-assembly

const sq = (e: Expr): Expr => tPow(e, num(2));

/** Recomputes a step's result from (possibly wrong) substep results, by its rule's own law (`combine`). */
function reassemble(step: Step, subs: readonly Expr[]): Expr {
  return RULE_OBJECTS[step.rule].combine(step as Shape, subs, TIDY);
}

/** The final result of `root` with the results of the steps in `replaced` swapped in; undefined if it cannot be re-assembled. */
export function propagate(root: Step, replaced: ReadonlyMap<string, Expr>): Expr | undefined {
  const visit = (step: Step): Expr | undefined => {
    const own = replaced.get(step.id);
    if (own) return own;
    if (!containsTarget(step.id, replaced)) return step.result;
    const subs: Expr[] = [];
    for (const s of step.substeps) {
      const r = visit(s);
      if (!r) return undefined;
      subs.push(r);
    }
    return reassemble(step, subs);
  };
  return visit(root);
}

function containsTarget(id: string, replaced: ReadonlyMap<string, Expr>): boolean {
  const prefix = `${id}.`;
  for (const key of replaced.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

// ------------------------------------------------------------------ the mistakes, per step

/** A sign error is typical for the derivatives of trigonometric and hyperbolic functions and their inverses. */
function isTrigRule(rule: string): boolean {
  if (!isFunctionName(rule)) return false;
  const family = FUNCTIONS[rule].family;
  return family === 'trig' || family === 'inverse-trig' || family === 'hyperbolic' || family === 'inverse-hyperbolic';
}

const isOneExpr = (e: Expr): boolean => e.kind === 'num' && e.n === 1 && e.d === 1 && !e.approx;
const isZeroExpr = (e: Expr): boolean => e.kind === 'num' && e.n === 0;

/** The base and exponent of an exponential a^u (eᵘ written as exp(u) too). */
function exponentialParts(e: Expr): { base: Expr; exponent: Expr } | undefined {
  if (e.kind === 'pow') return { base: e.base, exponent: e.exp };
  if (e.kind === 'call' && e.fn === 'exp' && e.args[0])
    return { base: { kind: 'const', name: 'e' }, exponent: e.args[0] };
  return undefined;
}

/** The power rule applied where it does not apply: (a^u)′ "=" u·a^(u−1). */
function powerRuleOn(base: Expr, exponent: Expr): Expr {
  return tMul(exponent, tPow(base, tAdd(exponent, MINUS_ONE)));
}

interface LocalMistake {
  readonly id: MistakeId;
  /** Where the mistake shows, when not the mutated step itself (the dropped term of a sum). */
  readonly at?: Step;
  /** The step's wrong result (or, with `replace`, several steps' results). */
  readonly replace: ReadonlyMap<string, Expr>;
  readonly detail?: Expr;
}

function single(id: MistakeId, step: Step, result: Expr, detail?: Expr): LocalMistake {
  return { id, replace: new Map([[step.id, result]]), ...(detail ? { detail } : {}) };
}

/** The wrong results a student typically writes for this one step. */
function mistakesAt(step: Step): LocalMistake[] {
  const out: LocalMistake[] = [];
  const subs = step.substeps.map((s) => s.result);
  switch (step.rule) {
    case 'chain': {
      const [outer, inner] = step.substeps;
      if (!outer || !inner) break;
      const u = step.u;
      const back = (e: Expr): Expr => substitute(e, { [u.name]: u.expr });
      if (!isOneExpr(inner.result)) out.push(single('chain-factor-missing', step, back(outer.result), inner.result));
      if (outer.rule === 'exp' || outer.rule === 'exponential') {
        const parts = exponentialParts(step.expr);
        if (parts) out.push(single('power-rule-on-exponential', step, powerRuleOn(parts.base, parts.exponent)));
      }
      break;
    }
    case 'exp':
    case 'exponential': {
      const parts = exponentialParts(step.expr);
      if (parts) out.push(single('power-rule-on-exponential', step, powerRuleOn(parts.base, parts.exponent)));
      break;
    }
    case 'log-diff':
      if (step.expr.kind === 'pow') {
        out.push(single('power-rule-on-variable-exponent', step, powerRuleOn(step.expr.base, step.expr.exp)));
      }
      break;
    case 'constant-multiple': {
      // c·(inner sum): the inner derivative forgotten, as if c·u′ were c (a chain factor at the linear level).
      const [inner] = step.substeps;
      if (inner && inner.expr.kind === 'add' && !isOneExpr(inner.result)) {
        out.push(single('chain-factor-missing', step, step.factor, inner.result));
      }
      break;
    }
    case 'product': {
      out.push(single('product-as-product-of-derivatives', step, tMul(...subs)));
      if (step.expr.kind === 'mul') {
        const factors = step.expr.factors;
        const terms = factors.map((_, i) => tMul(...factors.map((f, j) => (j === i ? (subs[i] as Expr) : f))));
        terms.forEach((t, i) => {
          if (isZeroExpr(t)) return;
          out.push(single('product-term-dropped', step, tAdd(...terms.filter((_, j) => j !== i)), t));
        });
      }
      break;
    }
    case 'quotient': {
      const [top, bottom] = subs;
      if (step.expr.kind !== 'div' || !top || !bottom) break;
      const { num: f, den: g } = step.expr;
      out.push(single('quotient-sign-reversed', step, tDiv(tSub(tMul(f, bottom), tMul(top, g)), sq(g))));
      if (!isZeroExpr(bottom)) out.push(single('quotient-as-ratio-of-derivatives', step, tDiv(top, bottom)));
      break;
    }
    case 'sum':
      if (subs.length > 1) {
        subs.forEach((t, i) => {
          if (isZeroExpr(t)) return;
          const dropped = step.substeps[i] as Step;
          out.push({ ...single('term-dropped', step, tAdd(...subs.filter((_, j) => j !== i)), t), at: dropped });
        });
      }
      break;
    case 'constant':
    case 'held-constant':
      out.push(single('constant-kept', step, step.expr, step.expr));
      break;
    default:
      if (isTrigRule(step.rule)) out.push(single('trig-sign-error', step, tNeg(step.result)));
  }
  return out;
}

function walk(step: Step, visit: (s: Step) => void): void {
  visit(step);
  for (const s of step.substeps) walk(s, visit);
}

/**
 * Every typical wrong derivation of `root`, in tree order. `partialsOfOthers`
 * (the derivatives by the other variables) adds the "total instead of partial" mistake.
 */
export function mutants(root: Step, partialsOfOthers: readonly Expr[] = []): Mutant[] {
  const out: Mutant[] = [];
  const byId = new Map<string, Step>();
  const constants: Step[] = [];
  walk(root, (step) => {
    byId.set(step.id, step);
    if (step.rule === 'constant' || step.rule === 'held-constant') constants.push(step);
    for (const m of mistakesAt(step)) {
      const result = propagate(root, m.replace);
      if (result) out.push({ id: m.id, step: m.at ?? step, result, ...(m.detail ? { detail: m.detail } : {}) });
    }
  });
  // Several constant terms kept at once (3y² + 12x² − 5y² + 1 for ∂/∂x of 3xy² + 4x³ − 5y² + 1).
  const kept = constants.filter((s) => !isZeroExpr(s.expr));
  if (kept.length > 1) {
    const result = propagate(root, new Map(kept.map((s) => [s.id, s.expr])));
    if (result) out.push({ id: 'constant-kept', step: kept[0] as Step, result });
  }
  if (partialsOfOthers.length > 0) {
    const held = firstHeldStep(root) ?? root;
    out.push({ id: 'total-instead-of-partial', step: held, result: tAdd(root.result, ...partialsOfOthers) });
  }
  return out;
}

/** The first step that holds another variable constant: where a partial derivative differs from a total one. */
function firstHeldStep(root: Step): Step | undefined {
  let found: Step | undefined;
  walk(root, (s) => {
    if (!found && heldNames(s).length > 0) found = s;
  });
  return found;
}

/** Mutants ordered by priority of their mistake, then tree order. */
export function byPriority(list: readonly Mutant[]): Mutant[] {
  const rank = (m: Mutant): number => MISTAKE_PRIORITY.indexOf(m.id);
  return list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
    .map(({ m }) => m);
}
