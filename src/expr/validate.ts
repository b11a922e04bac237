/** Expressions that are undefined for every value of their variables. */
import { GradstepError } from '../errors.js';
import { children, type Expr } from './ast.js';
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

/** A variable-free part's value: sums, products, negations and quotients from their parts' values. */
function constantValue(e: Expr, values: ReadonlyMap<Expr, number>): number | undefined {
  const of = (c: Expr): number => values.get(c) ?? Number.NaN;
  switch (e.kind) {
    case 'add':
      return e.terms.reduce((sum, t) => sum + of(t), 0);
    case 'mul':
      return e.factors.reduce((product, f) => product * of(f), 1);
    case 'neg':
      return -of(e.arg);
    case 'div':
      return of(e.num) / of(e.den);
    default:
      // Powers and functions keep the compiler's real-valued semantics (a real cube root of −8).
      return evaluate(e);
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
 * if any, and whether the tree has a function of constants (only such a part can simplify
 * to something undefined where floating point does not say so, as tan π = 0 does). One post-order walk; number literals
 * are read directly and each larger part without variables is evaluated once.
 */
function undefinedIn(root: Expr): { readonly found: Expr | undefined; readonly compound: boolean } {
  const values = new Map<Expr, number>();
  let found: Expr | undefined;
  let compound = false;
  // Returns whether `e` is free of variables.
  const walk = (e: Expr): boolean => {
    if (e.kind === 'num') {
      values.set(e, e.n / e.d);
      return true;
    }
    if (e.kind === 'const') {
      // What the compiler gives for e and π, without compiling them.
      values.set(e, e.name === 'e' ? Math.E : Math.PI);
      return true;
    }
    let constant = e.kind !== 'sym';
    for (const c of children(e)) {
      if (!walk(c)) constant = false;
      if (found) return false;
    }
    if (!constant) return false;
    // Only a function of constants folds exactly where floating point does not (tan π = 0).
    if (e.kind === 'call') compound = true;
    const v = constantValue(e, values);
    if (v === undefined) return false;
    values.set(e, v);
    if (Number.isNaN(v) || (!Number.isFinite(v) && isPoleAtZero(e, values))) found = e;
    return true;
  };
  walk(root);
  return { found, compound };
}

/**
 * The part of `e` (as typed, or as simplified: tan(π) is exactly 0, so ln|tan π| is ln 0)
 * that is undefined whatever the variables are, if any. The simplified tree is looked at only
 * when a variable-free part could fold to something undefined, which keeps this off the hot
 * path of ordinary input.
 */
export function undefinedEverywhere(e: Expr): Expr | undefined {
  const direct = undefinedIn(e);
  if (direct.found || !direct.compound) return direct.found;
  try {
    return undefinedIn(simplify(e)).found;
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
