/**
 * Compiled evaluation: an expression tree becomes a plain JavaScript function.
 *
 * The generated source holds only numeric literals (formatted by `String(number)`),
 * positional parameters `a0, a1, …` (never the caller's variable names), and calls
 * to a fixed table of real-valued helpers — no text from the person ever reaches it.
 * Repeated subtrees (common in derivatives) are computed once.
 *
 * Semantics are real-valued: outside a function's real domain the result is NaN
 * (`sqrt(-1)`, `ln(-1)`, `(-8)^(1/2)`), never a complex number; odd roots of negatives
 * are real (`cbrt(-8)` = `(-8)^(1/3)` = -2 when the exponent is an exact rational with
 * an odd denominator).
 *
 * Where a page's Content-Security-Policy forbids `new Function`, compilation falls
 * back to a tree of closures with the same semantics (`backend` tells which was used).
 */

import { GradstepError } from '../errors.js';
import type { Expr, FunctionName } from './ast.js';
import { children, deeperThan, isFunctionName } from './ast.js';
import { FUNCTION_NAMES, FUNCTIONS } from './functions.js';

/** How a compiled function evaluates: generated JavaScript, or a closure tree when `new Function` is blocked. */
export type CompileBackend = 'function' | 'closure';

export interface CompileOptions {
  /** `auto` (default) uses generated JavaScript when allowed, closures otherwise. */
  readonly backend?: 'auto' | CompileBackend;
}

/** A compiled scalar function of the variables, in the order they were given. */
export type CompiledFunction = ((...args: number[]) => number) & { readonly backend: CompileBackend };

/** Evaluates the expression at every index of the columns (one column per variable) into `out`. */
export type CompiledBatch = ((columns: readonly Float64Array[], out?: Float64Array) => Float64Array) & {
  readonly backend: CompileBackend;
};

/** Evaluates several expressions at one point (sharing repeated subtrees), writing into `out`. */
export type CompiledVector = ((point: ArrayLike<number>, out?: Float64Array) => Float64Array) & {
  readonly backend: CompileBackend;
};

// ------------------------------------------------------------------ real-valued helpers

/** x^(p/q) for an odd q: the real root, so negative bases give real results. */
function oddRootPow(x: number, p: number, q: number): number {
  if (q === 3) return p === 1 ? Math.cbrt(x) : Math.cbrt(x) ** p;
  if (x >= 0) return x ** (p / q);
  const magnitude = (-x) ** (p / q);
  return p % 2 === 0 ? magnitude : -magnitude;
}

type HelperName = FunctionName | 'pow' | 'oddRootPow';

/** The helpers generated code may call, by the name it calls them: every function's compiled form (`functions.ts`). */
const HELPERS: Readonly<Record<HelperName, (...a: number[]) => number>> = {
  ...(Object.fromEntries(FUNCTION_NAMES.map((name) => [name, FUNCTIONS[name].evaluate])) as Record<
    FunctionName,
    (...a: number[]) => number
  >),
  pow: Math.pow,
  oddRootPow: oddRootPow as (...a: number[]) => number,
};

const arity = (fn: FunctionName): number => FUNCTIONS[fn].arity;

// ------------------------------------------------------------------ exact exponents

/** The value of a constant exponent as an exact fraction [p, q] (q > 0), when it is one. */
function exactRational(e: Expr): [number, number] | undefined {
  switch (e.kind) {
    case 'num':
      return e.approx ? undefined : [e.n, e.d];
    case 'neg': {
      const r = exactRational(e.arg);
      return r && [-r[0], r[1]];
    }
    case 'div': {
      const a = exactRational(e.num);
      const b = exactRational(e.den);
      if (!a || !b || b[0] === 0) return undefined;
      return reduce(a[0] * b[1], a[1] * b[0]);
    }
    case 'mul': {
      let acc: [number, number] | undefined = [1, 1];
      for (const f of e.factors) {
        const r = exactRational(f);
        if (!r || !acc) return undefined;
        acc = reduce(acc[0] * r[0], acc[1] * r[1]);
      }
      return acc;
    }
    default:
      return undefined;
  }
}

function reduce(p: number, q: number): [number, number] | undefined {
  if (!Number.isSafeInteger(p) || !Number.isSafeInteger(q) || q === 0) return undefined;
  if (q < 0) {
    p = -p;
    q = -q;
  }
  let a = Math.abs(p);
  let b = q;
  while (b) [a, b] = [b, a % b];
  const g = a || 1;
  return [p / g + 0, q / g];
}

// ------------------------------------------------------------------ checks

function unknownVariable(name: string, vars: readonly string[]): GradstepError {
  return new GradstepError('compile/unknown-variable', { name, vars });
}

function badNode(what: string): GradstepError {
  return new GradstepError('compile/bad-node', { what });
}

/** Deeper trees are refused: code generation and the closure backend recurse once per level. */
export const MAX_COMPILE_DEPTH = 1000;

/** Throws 'compile/too-deep' for a tree deeper than MAX_COMPILE_DEPTH (iterative, so it cannot overflow itself). */
function checkDepth(exprs: readonly Expr[]): void {
  if (exprs.some((e) => deeperThan(e, MAX_COMPILE_DEPTH))) {
    throw new GradstepError('compile/too-deep', { max: MAX_COMPILE_DEPTH });
  }
}

function checkVars(vars: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  vars.forEach((v, i) => {
    if (index.has(v)) {
      throw new GradstepError('compile/duplicate-variable', { name: v });
    }
    index.set(v, i);
  });
  return index;
}

/**
 * A float written so that JavaScript reads back exactly the same number. The type is
 * checked at run time too: a tree built by code could carry a string where a number
 * belongs, and only numbers may ever reach the generated source.
 */
function literal(value: number): string {
  if (typeof value !== 'number') throw notANumber();
  if (Number.isNaN(value)) return '(0/0)';
  if (value === Number.POSITIVE_INFINITY) return '(1/0)';
  if (value === Number.NEGATIVE_INFINITY) return '(-1/0)';
  if (Object.is(value, -0)) return '(-0)';
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}

function numValue(e: Expr & { kind: 'num' }): number {
  if (typeof e.n !== 'number' || typeof e.d !== 'number') throw notANumber();
  return e.approx ? e.n : e.n / e.d;
}

function notANumber(): GradstepError {
  return new GradstepError('compile/bad-number', {});
}

// ------------------------------------------------------------------ code generation

/**
 * Writes JavaScript for a set of expressions, hoisting every subtree that occurs more
 * than once into a `const`. Subtrees are hash-consed to ids so this stays linear.
 */
class CodeWriter {
  private readonly ids = new Map<string, number>();
  private readonly uses: number[] = [];
  private readonly nodeOf: Expr[] = [];
  private readonly idOfNode = new Map<Expr, number>();
  private readonly codeOf = new Map<number, string>();
  readonly lines: string[] = [];
  readonly helpers = new Set<HelperName>();
  private temps = 0;

  constructor(private readonly varIndex: ReadonlyMap<string, number>) {}

  /** Assigns structural ids bottom-up and counts how often each subtree occurs. */
  intern(e: Expr): number {
    const known = this.idOfNode.get(e);
    if (known !== undefined) {
      this.uses[known] = (this.uses[known] ?? 0) + 1;
      return known;
    }
    const kidIds = children(e).map((c) => this.intern(c));
    let key: string;
    switch (e.kind) {
      case 'num':
        key = `n${literal(numValue(e))}`;
        break;
      case 'sym':
        if (!this.varIndex.has(e.name)) throw unknownVariable(e.name, [...this.varIndex.keys()]);
        key = `s${this.varIndex.get(e.name)}`;
        break;
      case 'const':
        key = `c${e.name}`;
        break;
      case 'call':
        if (!isFunctionName(e.fn)) throw badNode(`the function '${String(e.fn)}'`);
        if (e.args.length !== arity(e.fn)) throw badNode(`${e.fn} with ${e.args.length} argument(s)`);
        key = `f${e.fn}(${kidIds.join(',')})`;
        break;
      case 'add':
      case 'mul':
      case 'neg':
      case 'div':
      case 'pow':
        key = `${e.kind}(${kidIds.join(',')})`;
        break;
      default:
        throw badNode(`a node of kind '${String((e as { kind: unknown }).kind)}'`);
    }
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.nodeOf.length;
      this.ids.set(key, id);
      this.nodeOf.push(e);
      this.uses.push(0);
    }
    this.uses[id] = (this.uses[id] ?? 0) + 1;
    this.idOfNode.set(e, id);
    return id;
  }

  /** The JavaScript expression for `e`, emitting hoisted `const`s for shared subtrees. */
  emit(e: Expr): string {
    const id = this.idOfNode.get(e);
    if (id === undefined) throw badNode('an expression that was not prepared');
    const cached = this.codeOf.get(id);
    if (cached !== undefined) return cached;
    const code = this.generate(e);
    const shared = (this.uses[id] ?? 0) > 1 && children(e).length > 0;
    if (!shared) {
      this.codeOf.set(id, code);
      return code;
    }
    const name = `t${this.temps++}`;
    this.lines.push(`const ${name} = ${code};`);
    this.codeOf.set(id, name);
    return name;
  }

  /** `code` itself when it is a name or a plain number, else a new `const` holding it. */
  private asName(code: string): string {
    if (/^(?:[at]\d+|\d[\d.e+]*)$/.test(code)) return code;
    const name = `t${this.temps++}`;
    this.lines.push(`const ${name} = ${code};`);
    return name;
  }

  private helper(name: HelperName): string {
    this.helpers.add(name);
    return `h_${name}`;
  }

  private generate(e: Expr): string {
    switch (e.kind) {
      case 'num':
        return literal(numValue(e));
      case 'sym':
        return `a${this.varIndex.get(e.name)}`;
      case 'const':
        return e.name === 'e' ? literal(Math.E) : literal(Math.PI);
      case 'add':
        return e.terms.length === 0 ? '0' : `(${e.terms.map((t) => this.emit(t)).join(' + ')})`;
      case 'mul':
        return e.factors.length === 0 ? '1' : `(${e.factors.map((f) => this.emit(f)).join(' * ')})`;
      case 'neg':
        return `(-${this.emit(e.arg)})`;
      case 'div':
        return `(${this.emit(e.num)} / ${this.emit(e.den)})`;
      case 'pow':
        return this.generatePow(e.base, e.exp);
      case 'call':
        return `${this.helper(e.fn)}(${e.args.map((a) => this.emit(a)).join(', ')})`;
    }
  }

  private generatePow(base: Expr, exponent: Expr): string {
    if (base.kind === 'const' && base.name === 'e') return `${this.helper('exp')}(${this.emit(exponent)})`;
    const r = exactRational(exponent);
    const b = this.emit(base);
    if (r) {
      const [p, q] = r;
      if (q === 1) {
        if (p === 1) return b;
        // Small integer powers as products: much faster than Math.pow and as accurate.
        if (Math.abs(p) >= 2 && Math.abs(p) <= 4) {
          const name = this.asName(b);
          const product = `(${Array.from({ length: Math.abs(p) }, () => name).join(' * ')})`;
          return p > 0 ? product : `(1 / ${product})`;
        }
        return `${this.helper('pow')}(${b}, ${literal(p)})`;
      }
      if (q === 2 && p === 1) return `${this.helper('sqrt')}(${b})`;
      if (q % 2 === 1) return `${this.helper('oddRootPow')}(${b}, ${literal(p)}, ${literal(q)})`;
      return `${this.helper('pow')}(${b}, ${literal(p / q)})`;
    }
    return `${this.helper('pow')}(${b}, ${this.emit(exponent)})`;
  }

  /** `const h_sin = H.sin; …` for the helpers the body used. */
  prelude(): string {
    return [...this.helpers].map((h) => `const h_${h} = H.${h};`).join('\n');
  }
}

// ------------------------------------------------------------------ backend detection

let functionAllowed: boolean | undefined;

/** Whether `new Function` works here (false under a Content-Security-Policy without 'unsafe-eval'). */
export function canGenerateCode(): boolean {
  if (functionAllowed === undefined) {
    try {
      functionAllowed = new Function('return 1')() === 1;
    } catch {
      functionAllowed = false;
    }
  }
  return functionAllowed;
}

function chooseBackend(options: CompileOptions | undefined): CompileBackend {
  const wanted = options?.backend ?? 'auto';
  if (wanted === 'closure') return 'closure';
  if (wanted === 'function' || canGenerateCode()) return 'function';
  return 'closure';
}

function params(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `a${i}`);
}

/**
 * Runs generated code, or returns undefined when the page forbids it. A policy can
 * arrive after the first compile (a CSP `<meta>` added later), so a failure here is
 * not cached as "allowed": it switches every later compile to closures.
 */
function generate<T>(source: string, helper?: unknown): T | undefined {
  try {
    return (
      helper === undefined
        ? new Function('H', `'use strict';\n${source}`)(HELPERS)
        : new Function('H', 'H_check', `'use strict';\n${source}`)(HELPERS, helper)
    ) as T;
  } catch {
    functionAllowed = false;
    return undefined;
  }
}

function tag<F extends object>(fn: F, backend: CompileBackend): F & { readonly backend: CompileBackend } {
  return Object.defineProperty(fn, 'backend', { value: backend, enumerable: true }) as F & {
    readonly backend: CompileBackend;
  };
}

function prepare(exprs: readonly Expr[], vars: readonly string[]): { writer: CodeWriter; results: string[] } {
  const writer = new CodeWriter(checkVars(vars));
  for (const e of exprs) writer.intern(e);
  const results = exprs.map((e) => writer.emit(e));
  return { writer, results };
}

// ------------------------------------------------------------------ public API

/**
 * Compiles `e` to a function of `vars` (positional, in that order).
 * Throws GradstepError ('compile/unknown-variable') when `e` uses a name not in `vars`.
 */
export function compile(e: Expr, vars: readonly string[], options?: CompileOptions): CompiledFunction {
  checkDepth([e]);
  if (chooseBackend(options) === 'function') {
    const { writer, results } = prepare([e], vars);
    const source = `${writer.prelude()}\nreturn function compiled(${params(vars.length).join(', ')}) {\n${writer.lines.join('\n')}\nreturn ${results[0]};\n};`;
    const generated = generate<(...args: number[]) => number>(source);
    if (generated) return tag(generated, 'function');
  }
  const ev = closureOf(e, checkVars(vars));
  const args = new Float64Array(vars.length);
  const fn = (...values: number[]): number => {
    for (let i = 0; i < args.length; i++) args[i] = values[i] ?? Number.NaN;
    return ev(args);
  };
  return tag(fn, 'closure');
}

/** The JavaScript source `compile` would generate (for inspection and tests). */
export function compiledSource(e: Expr, vars: readonly string[]): string {
  checkDepth([e]);
  const { writer, results } = prepare([e], vars);
  return `${writer.prelude()}\nfunction compiled(${params(vars.length).join(', ')}) {\n${writer.lines.join('\n')}\nreturn ${results[0]};\n}`;
}

/**
 * Compiles several expressions of the same variables into one function that evaluates
 * them all at a point, sharing repeated subtrees (e.g. a gradient's components).
 */
export function compileVector(
  exprs: readonly Expr[],
  vars: readonly string[],
  options?: CompileOptions,
): CompiledVector {
  checkDepth(exprs);
  const count = exprs.length;
  if (chooseBackend(options) === 'function') {
    const { writer, results } = prepare(exprs, vars);
    const reads = params(vars.length)
      .map((p, i) => `const ${p} = point[${i}];`)
      .join('\n');
    const writes = results.map((r, i) => `out[${i}] = ${r};`).join('\n');
    const source = `${writer.prelude()}\nconst check = H_check;\nreturn function compiledVector(point, out) {\ncheck(point, ${vars.length});\nif (out === undefined) out = new Float64Array(${count});\n${reads}\n${writer.lines.join('\n')}\n${writes}\nreturn out;\n};`;
    const generated = generate<(point: ArrayLike<number>, out?: Float64Array) => Float64Array>(source, checkPoint);
    if (generated) return tag(generated, 'function');
  }
  const index = checkVars(vars);
  const evs = exprs.map((e) => closureOf(e, index));
  const fn = (point: ArrayLike<number>, out?: Float64Array): Float64Array => {
    checkPoint(point, vars.length);
    const result = out ?? new Float64Array(count);
    for (let i = 0; i < count; i++) result[i] = (evs[i] as Evaluator)(point);
    return result;
  };
  return tag(fn, 'closure');
}

function checkPoint(point: ArrayLike<number>, length: number): void {
  if (point.length !== length) {
    throw new GradstepError('compile/wrong-arity', { what: 'coordinates', expected: length, got: point.length });
  }
}

function checkColumns(columns: readonly Float64Array[], count: number, out: Float64Array | undefined): number {
  if (columns.length !== count) {
    throw new GradstepError('compile/wrong-arity', { what: 'columns', expected: count, got: columns.length });
  }
  const length = columns[0]?.length ?? out?.length ?? 1;
  for (const c of columns) {
    if (c.length !== length) {
      throw new GradstepError('compile/ragged-columns', {});
    }
  }
  if (out && out.length < length) {
    throw new GradstepError('compile/short-output', { have: out.length, need: length });
  }
  return length;
}

/**
 * Compiles `e` for many points at once: `columns[j][i]` is variable j at point i;
 * the result (or `out`) receives the value at every point.
 */
export function compileBatch(e: Expr, vars: readonly string[], options?: CompileOptions): CompiledBatch {
  checkDepth([e]);
  if (chooseBackend(options) === 'function') {
    const { writer, results } = prepare([e], vars);
    const names = params(vars.length);
    const cols = names.map((_, j) => `const c${j} = columns[${j}];`).join('\n');
    const reads = names.map((p, j) => `const ${p} = c${j}[i];`).join('\n');
    const source = `${writer.prelude()}\nconst check = H_check;\nreturn function compiledBatch(columns, out) {\nconst length = check(columns, ${vars.length}, out);\nconst result = out === undefined ? new Float64Array(length) : out;\n${cols}\nfor (let i = 0; i < length; i++) {\n${reads}\n${writer.lines.join('\n')}\nresult[i] = ${results[0]};\n}\nreturn result;\n};`;
    const generated = generate<(columns: readonly Float64Array[], out?: Float64Array) => Float64Array>(
      source,
      checkColumns,
    );
    if (generated) return tag(generated, 'function');
  }
  const ev = closureOf(e, checkVars(vars));
  const point = new Float64Array(vars.length);
  const fn = (columns: readonly Float64Array[], out?: Float64Array): Float64Array => {
    const length = checkColumns(columns, vars.length, out);
    const result = out ?? new Float64Array(length);
    for (let i = 0; i < length; i++) {
      for (let j = 0; j < point.length; j++) point[j] = (columns[j] as Float64Array)[i] as number;
      result[i] = ev(point);
    }
    return result;
  };
  return tag(fn, 'closure');
}

// ------------------------------------------------------------------ closure backend

type Evaluator = (args: ArrayLike<number>) => number;

/** The same semantics as the generated code, as nested closures (no code generation). */
function closureOf(e: Expr, varIndex: ReadonlyMap<string, number>): Evaluator {
  const rec = (x: Expr): Evaluator => closureOf(x, varIndex);
  switch (e.kind) {
    case 'num': {
      const v = numValue(e);
      return () => v;
    }
    case 'sym': {
      const i = varIndex.get(e.name);
      if (i === undefined) throw unknownVariable(e.name, [...varIndex.keys()]);
      return (a) => a[i] as number;
    }
    case 'const': {
      const v = e.name === 'e' ? Math.E : Math.PI;
      return () => v;
    }
    case 'add': {
      const ts = e.terms.map(rec);
      return (a) => {
        let s = 0;
        for (const t of ts) s += t(a);
        return s;
      };
    }
    case 'mul': {
      const fs = e.factors.map(rec);
      return (a) => {
        let p = 1;
        for (const f of fs) p *= f(a);
        return p;
      };
    }
    case 'neg': {
      const x = rec(e.arg);
      return (a) => -x(a);
    }
    case 'div': {
      const n = rec(e.num);
      const d = rec(e.den);
      return (a) => n(a) / d(a);
    }
    case 'pow': {
      const b = rec(e.base);
      if (e.base.kind === 'const' && e.base.name === 'e') {
        const x = rec(e.exp);
        return (a) => Math.exp(x(a));
      }
      const r = exactRational(e.exp);
      if (r) {
        const [p, q] = r;
        if (q === 1) return (a) => b(a) ** p;
        if (q % 2 === 1) return (a) => oddRootPow(b(a), p, q);
        if (q === 2 && p === 1) return (a) => Math.sqrt(b(a));
        const v = p / q;
        return (a) => b(a) ** v;
      }
      const x = rec(e.exp);
      return (a) => b(a) ** x(a);
    }
    case 'call': {
      if (!isFunctionName(e.fn)) throw badNode(`the function '${String(e.fn)}'`);
      if (e.args.length !== arity(e.fn)) throw badNode(`${e.fn} with ${e.args.length} argument(s)`);
      const f = HELPERS[e.fn] as (...v: number[]) => number;
      if (e.args.length === 1) {
        const x = rec(e.args[0] as Expr);
        return (a) => f(x(a));
      }
      const xs = e.args.map(rec);
      return (a) => f(...xs.map((x) => x(a)));
    }
    default:
      throw badNode(`a node of kind '${String((e as { kind: unknown }).kind)}'`);
  }
}
