/**
 * The expression tree every part of gradstep works on.
 *
 * Plain, immutable, JSON-serialisable objects. The parser produces trees that
 * keep the shape the person typed (`div`, `neg`, `sqrt` calls); the simplifier
 * produces a canonical shape (see `simplify.ts`). Printers accept both.
 */

import type { FunctionName } from './functions.js';

/** Functions the parser accepts and the calculus engine knows: one table, `functions.ts`. */
export { FUNCTION_NAMES, type FunctionName, isFunctionName } from './functions.js';

export type ConstantName = 'e' | 'pi';

/**
 * An exact rational `n/d` (d > 0, gcd(n, d) = 1, both safe integers).
 * `approx` marks a value that could not be held exactly (e.g. `1e400`, or a
 * decimal with more digits than a safe integer holds); `n` is then the float
 * and `d` is 1. `text` keeps a decimal as it was typed ("0.5") for printing.
 */
export interface Num {
  readonly kind: 'num';
  readonly n: number;
  readonly d: number;
  readonly approx?: true;
  readonly text?: string;
}

export interface Sym {
  readonly kind: 'sym';
  readonly name: string;
}

export interface Const {
  readonly kind: 'const';
  readonly name: ConstantName;
}

/** n-ary sum; subtraction is a term wrapped in `neg` (or with a negative coefficient). */
export interface Add {
  readonly kind: 'add';
  readonly terms: readonly Expr[];
}

/** n-ary product. */
export interface Mul {
  readonly kind: 'mul';
  readonly factors: readonly Expr[];
}

/** Unary minus, as typed. The canonical form uses a -1 coefficient instead. */
export interface Neg {
  readonly kind: 'neg';
  readonly arg: Expr;
}

/** A quotient as typed. The canonical form uses negative powers instead. */
export interface Div {
  readonly kind: 'div';
  readonly num: Expr;
  readonly den: Expr;
}

export interface Pow {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exp: Expr;
}

export interface Call {
  readonly kind: 'call';
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
}

export type Expr = Num | Sym | Const | Add | Mul | Neg | Div | Pow | Call;

// ---------------------------------------------------------------- constructors

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** The rational n/d in lowest terms. Falls back to an approximate float when n/d is not exact. */
export function num(n: number, d = 1): Num {
  if (!Number.isFinite(n) || !Number.isFinite(d) || d === 0) return approx(n / d);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) return approx(n / d);
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d) || 1;
  return { kind: 'num', n: n / g + 0, d: d / g };
}

/** A number that is not held exactly (a float). */
export function approx(value: number): Num {
  return { kind: 'num', n: value, d: 1, approx: true };
}

export const ZERO: Num = num(0);
export const ONE: Num = num(1);
export const MINUS_ONE: Num = num(-1);
export const HALF: Num = num(1, 2);

export function sym(name: string): Sym {
  return { kind: 'sym', name };
}

export function constant(name: ConstantName): Const {
  return { kind: 'const', name };
}

export const E: Const = constant('e');
export const PI: Const = constant('pi');

export function add(...terms: Expr[]): Add {
  return { kind: 'add', terms };
}

export function mul(...factors: Expr[]): Mul {
  return { kind: 'mul', factors };
}

export function neg(arg: Expr): Neg {
  return { kind: 'neg', arg };
}

export function div(numerator: Expr, denominator: Expr): Div {
  return { kind: 'div', num: numerator, den: denominator };
}

export function pow(base: Expr, exponent: Expr): Pow {
  return { kind: 'pow', base, exp: exponent };
}

export function call(fn: FunctionName, ...args: Expr[]): Call {
  return { kind: 'call', fn, args };
}

// ------------------------------------------------------------------- queries

export function isNum(e: Expr, n?: number, d = 1): e is Num {
  return e.kind === 'num' && (n === undefined || (e.n === n && e.d === d && !e.approx));
}

/** The direct children of a node, in order. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return [];
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
  }
}

/** The same node with new children (same count and order as `children`). */
export function withChildren(e: Expr, kids: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return e;
    case 'add':
      return { kind: 'add', terms: kids };
    case 'mul':
      return { kind: 'mul', factors: kids };
    case 'neg':
      return { kind: 'neg', arg: kids[0] as Expr };
    case 'div':
      return { kind: 'div', num: kids[0] as Expr, den: kids[1] as Expr };
    case 'pow':
      return { kind: 'pow', base: kids[0] as Expr, exp: kids[1] as Expr };
    case 'call':
      return { kind: 'call', fn: e.fn, args: kids };
  }
}

/** Number of nodes in the tree. */
export function size(e: Expr): number {
  // A switch rather than `children`, which allocates a list for every binary node (a hot path).
  switch (e.kind) {
    case 'num':
    case 'sym':
    case 'const':
      return 1;
    case 'neg':
      return 1 + size(e.arg);
    case 'div':
      return 1 + size(e.num) + size(e.den);
    case 'pow':
      return 1 + size(e.base) + size(e.exp);
    default: {
      let total = 1;
      for (const c of e.kind === 'add' ? e.terms : e.kind === 'mul' ? e.factors : e.args) total += size(c);
      return total;
    }
  }
}

/** Depth of the tree (a leaf has depth 1). */
export function depth(e: Expr): number {
  let deepest = 0;
  for (const c of children(e)) deepest = Math.max(deepest, depth(c));
  return deepest + 1;
}

/** Whether the tree is deeper than `limit` (iterative, so a very deep tree cannot overflow the stack here). */
export function deeperThan(e: Expr, limit: number): boolean {
  // Two parallel stacks (node, its depth): no pair allocated per node.
  const nodes: Expr[] = [e];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const x = nodes.pop() as Expr;
    const d = depths.pop() as number;
    if (d > limit) return true;
    switch (x.kind) {
      case 'num':
      case 'sym':
      case 'const':
        break;
      case 'neg':
        nodes.push(x.arg);
        depths.push(d + 1);
        break;
      case 'div':
        nodes.push(x.num, x.den);
        depths.push(d + 1, d + 1);
        break;
      case 'pow':
        nodes.push(x.base, x.exp);
        depths.push(d + 1, d + 1);
        break;
      default:
        for (const c of x.kind === 'add' ? x.terms : x.kind === 'mul' ? x.factors : x.args) {
          nodes.push(c);
          depths.push(d + 1);
        }
    }
  }
  return false;
}

/** The variable names that occur in `e`, sorted. */
export function freeVars(e: Expr): string[] {
  const names = new Set<string>();
  addNames(e, names);
  return [...names].sort();
}

function addNames(e: Expr, names: Set<string>): void {
  switch (e.kind) {
    case 'sym':
      names.add(e.name);
      return;
    case 'num':
    case 'const':
      return;
    case 'neg':
      addNames(e.arg, names);
      return;
    case 'div':
      addNames(e.num, names);
      addNames(e.den, names);
      return;
    case 'pow':
      addNames(e.base, names);
      addNames(e.exp, names);
      return;
    default:
      for (const c of e.kind === 'add' ? e.terms : e.kind === 'mul' ? e.factors : e.args) addNames(c, names);
  }
}

/** Whether `e` contains no name at all (only numbers, constants and operations on them). */
export function hasNoNames(e: Expr): boolean {
  switch (e.kind) {
    case 'sym':
      return false;
    case 'num':
    case 'const':
      return true;
    case 'neg':
      return hasNoNames(e.arg);
    case 'div':
      return hasNoNames(e.num) && hasNoNames(e.den);
    case 'pow':
      return hasNoNames(e.base) && hasNoNames(e.exp);
    default:
      for (const c of e.kind === 'add' ? e.terms : e.kind === 'mul' ? e.factors : e.args)
        if (!hasNoNames(c)) return false;
      return true;
  }
}

/** Whether `e` contains the variable `name`. */
export function dependsOn(e: Expr, name: string): boolean {
  switch (e.kind) {
    case 'sym':
      return e.name === name;
    case 'num':
    case 'const':
      return false;
    case 'neg':
      return dependsOn(e.arg, name);
    case 'div':
      return dependsOn(e.num, name) || dependsOn(e.den, name);
    case 'pow':
      return dependsOn(e.base, name) || dependsOn(e.exp, name);
    default:
      for (const c of e.kind === 'add' ? e.terms : e.kind === 'mul' ? e.factors : e.args)
        if (dependsOn(c, name)) return true;
      return false;
  }
}

/** Structural equality (numbers compare by value; `text` is ignored). */
export function equals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num': {
      const o = b as Num;
      return a.n === o.n && a.d === o.d && !a.approx === !o.approx;
    }
    case 'sym':
    case 'const':
      return a.name === (b as Sym | Const).name;
    // Binary nodes without `children`, which allocates a list for each (a hot path: every fixpoint round).
    case 'neg':
      return equals(a.arg, (b as Neg).arg);
    case 'div':
      return equals(a.num, (b as Div).num) && equals(a.den, (b as Div).den);
    case 'pow':
      return equals(a.base, (b as Pow).base) && equals(a.exp, (b as Pow).exp);
    case 'call':
      return a.fn === (b as Call).fn && equalLists(a.args, (b as Call).args);
    case 'add':
      return equalLists(a.terms, (b as Add).terms);
    case 'mul':
      return equalLists(a.factors, (b as Mul).factors);
  }
}

function equalLists(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equals(a[i] as Expr, b[i] as Expr)) return false;
  return true;
}

/** Replace every occurrence of the variable `name` by `value` (`substitute` for one variable, without a lookup table). */
export function substituteVar(e: Expr, name: string, value: Expr): Expr {
  switch (e.kind) {
    case 'sym':
      return e.name === name ? value : e;
    case 'num':
    case 'const':
      return e;
    default: {
      const kids = children(e);
      let next: Expr[] | undefined;
      for (let i = 0; i < kids.length; i++) {
        const c = kids[i] as Expr;
        const r = substituteVar(c, name, value);
        if (r !== c) {
          next ??= kids.slice(0, i);
          next.push(r);
        } else if (next) next.push(c);
      }
      return next ? withChildren(e, next) : e;
    }
  }
}

/** Replace every occurrence of the variables in `values` by the given trees. */
export function substitute(e: Expr, values: Readonly<Record<string, Expr>>): Expr {
  if (e.kind === 'sym') return Object.hasOwn(values, e.name) ? (values[e.name] as Expr) : e;
  const kids = children(e);
  if (kids.length === 0) return e;
  let changed = false;
  const next = kids.map((c) => {
    const r = substitute(c, values);
    if (r !== c) changed = true;
    return r;
  });
  return changed ? withChildren(e, next) : e;
}
