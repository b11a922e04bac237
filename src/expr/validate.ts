/** Expressions that are undefined for every value of their variables. */
import { GradstepError } from '../errors.js';
import type { Expr } from './ast.js';
import { compile } from './compile.js';
import { toText } from './print-text.js';
import { simplify } from './simplify.js';

export { validateTree } from './tree-check.js';

function evaluate(e: Expr): number | undefined {
  try {
    return compile(e, [], { backend: 'closure' })();
  } catch {
    return undefined;
  }
}

function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'add':
      return e.terms;
    case 'mul':
      return e.factors;
    case 'neg':
      return [e.arg];
    case 'div':
      return [e.num, e.den];
    case 'pow':
      return [e.base, e.exp];
    case 'call':
      return e.args;
    default:
      return [];
  }
}

/** Poles at exactly zero: 1/0, ln 0, 0^-1, cot 0, csc 0 (overflow such as exp(1000) is not "undefined"). */
function isPoleAtZero(e: Expr, values: ReadonlyMap<Expr, number>): boolean {
  const zero = (x: Expr | undefined): boolean => x !== undefined && values.get(x) === 0;
  switch (e.kind) {
    case 'div':
      return zero(e.den);
    case 'pow':
      return zero(e.base) && (values.get(e.exp) ?? 0) < 0;
    case 'call':
      return (e.fn === 'ln' || e.fn === 'log' || e.fn === 'cot' || e.fn === 'csc') && zero(e.args[0]);
    default:
      return false;
  }
}

/**
 * The smallest part without variables that has no real value (NaN) or is a pole (1/0),
 * if any. One post-order walk; each part without variables is evaluated once.
 */
function undefinedIn(root: Expr): Expr | undefined {
  const values = new Map<Expr, number>();
  let found: Expr | undefined;
  // Returns whether `e` is free of variables.
  const walk = (e: Expr): boolean => {
    let constant = e.kind !== 'sym';
    for (const c of childrenOf(e)) {
      if (!walk(c)) constant = false;
      if (found) return false;
    }
    if (!constant) return false;
    const v = evaluate(e);
    if (v === undefined) return false;
    values.set(e, v);
    if (Number.isNaN(v) || (!Number.isFinite(v) && isPoleAtZero(e, values))) found = e;
    return true;
  };
  walk(root);
  return found;
}

/**
 * The part of `e` (as typed, or as simplified: tan(π) is exactly 0, so ln|tan π| is ln 0)
 * that is undefined whatever the variables are, if any.
 */
export function undefinedEverywhere(e: Expr): Expr | undefined {
  const direct = undefinedIn(e);
  if (direct) return direct;
  try {
    return undefinedIn(simplify(e));
  } catch {
    return undefined;
  }
}

/** Throws 'expr/undefined-everywhere' when a part of `e` has no real value for any value of the variables. */
export function assertDefinedSomewhere(e: Expr): void {
  const part = undefinedEverywhere(e);
  if (!part) return;
  const text = toText(part);
  const shownText = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  throw new GradstepError('expr/undefined-everywhere', { part: shownText });
}
