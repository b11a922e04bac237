/**
 * prepare: read the objective once — parse, differentiate (the calculus engine), simplify and
 * compile — so that any number of runs (a race of optimizers, a slider moving ε) share one
 * derivation. The derivations are kept for display; the Hessian is derived on first need
 * (Newton's method) and then kept too.
 */
import { countNodes, MAX_DEPTH, NODE_BUDGET, tooLarge } from '../calculus/budget.js';
import type { Derivation } from '../calculus/derivation.js';
import { type Gradient, gradient as symbolicGradient } from '../calculus/index.js';
import { deeperThan, type Expr, freeVars } from '../expr/ast.js';
import { type CompileBackend, compile, compileVector } from '../expr/compile.js';
import { parse } from '../expr/parse.js';
import { readPoint } from '../expr/point.js';
import { validateTree } from '../expr/tree-check.js';
import type { NumericProblem } from './run.js';
import type { Vec } from './types.js';
import { bad, type DataTable, readData } from './validate.js';

export interface PrepareOptions {
  /** The variables optimised, in the order of a start point. Default: the names that occur, minus data columns and params. */
  readonly vars?: readonly string[];
  /** Named constants and their values (`a*x^2` with `{ a: 2 }`): held fixed, never optimised. */
  readonly params?: Readonly<Record<string, number>>;
  /** The same constants written as text (`a=1, b=-2`), as the CLI's `--at` and the elements' `at` give them. */
  readonly at?: string;
  /** SGD over data: a table, or the id of a built-in data set. Its columns are never optimisation variables. */
  readonly data?: DataTable | string;
}

/** The Hessian's second partials, derived from the gradient's partials. */
export interface PreparedHessian {
  /** `secondPartials[i][j]` differentiates ∂f/∂vars[i] by vars[j]. */
  readonly secondPartials: readonly (readonly Derivation[])[];
  readonly matrix: readonly (readonly Expr[])[];
}

export interface PreparedData {
  /** The built-in data set's id, when it is one. */
  readonly id?: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

export interface PreparedObjective {
  /** The function (with data: the per-sample loss), as read. */
  readonly expr: Expr;
  readonly vars: readonly string[];
  readonly params: Readonly<Record<string, number>>;
  readonly data?: PreparedData;
  /** The derivation of every partial and the simplified gradient (`gradient.gradient`). */
  readonly gradient: Gradient;
  /** The second partials (derived on the first call, then kept). */
  hessian(): PreparedHessian;
  /** The objective at a point of the variables: f(w), or with data the mean loss over every row. */
  f(w: readonly number[]): number;
  /** The compiled objective for the numeric core (with the Hessian when asked for). */
  numeric(withHessian?: boolean): NumericProblem;
  readonly backend: CompileBackend;
}

/** Whether a value is a prepared objective (rather than text or a tree). */
export function isPrepared(value: unknown): value is PreparedObjective {
  return typeof value === 'object' && value !== null && 'gradient' in value && 'numeric' in value;
}

function readParams(params: PrepareOptions['params'], at: PrepareOptions['at']): Record<string, number> {
  const out: Record<string, number> = at === undefined ? {} : readPoint(String(at));
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw bad('optim/bad-param', { name, value: String(value) });
    }
    out[name] = value;
  }
  return out;
}

/** Refuses a variable to optimise that is also a data column or a constant. */
function checkOverlap(vars: readonly string[], columns: readonly string[], constants: readonly string[]): void {
  for (const [list, what] of [
    [columns, 'data'],
    [constants, 'constant'],
  ] as const) {
    const overlap = vars.find((v) => list.includes(v));
    if (overlap) {
      throw bad('optim/parameter-is-data', { name: overlap, what });
    }
  }
}

/** Parses (text) or checks (a tree from code) the objective and works out which names are which. */
function readNames(input: string | Expr, options: PrepareOptions, columns: readonly string[], constants: string[]) {
  const others = [...columns, ...constants];
  let expr: Expr;
  let vars: string[] | undefined = options.vars ? [...options.vars] : undefined;
  if (vars) checkOverlap(vars, columns, constants);
  if (typeof input === 'string') {
    const names = vars ? [...vars, ...others.filter((c) => !vars?.includes(c))] : undefined;
    const parsed = parse(input, names ? { vars: names } : {});
    expr = parsed.expr;
    vars ??= parsed.vars.filter((v) => !others.includes(v));
  } else {
    expr = input;
    // A tree from code is not bounded by the parser: refuse one too large for the engine before walking it.
    if (countNodes(expr, NODE_BUDGET) > NODE_BUDGET || deeperThan(expr, MAX_DEPTH)) throw tooLarge();
    vars ??= freeVars(expr).filter((v) => !others.includes(v));
  }
  if (vars.length === 0) {
    throw bad('optim/no-parameters', {});
  }
  checkOverlap(vars, columns, constants);
  const known = [...(vars as string[]), ...others];
  const unknown = freeVars(expr).filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    throw bad('optim/unknown-variable', { names: unknown, params: vars });
  }
  return { expr, vars };
}

/** Reads, differentiates and compiles an objective once, for any number of runs. */
export function prepareObjective(input: string | Expr, options: PrepareOptions = {}): PreparedObjective {
  // A tree built in code is checked first: only GradstepError comes out (SECURITY.md).
  if (typeof input !== 'string') validateTree(input);
  const data = readData(options.data);
  const params = readParams(options.params, options.at);
  const constants = Object.keys(params);
  const columns = data ? [...data.columns] : [];
  const rows = data?.rows ?? [];
  const { expr, vars } = readNames(input, options, columns, constants);
  const n = vars.length;
  const gradient = symbolicGradient(expr, { vars, detail: 'brief' });

  // Compiled over (variables, columns, constants); the constants' values never change.
  const all = [...vars, ...columns, ...constants];
  const loss = compile(expr, all);
  const gradVec = compileVector(gradient.gradient, all);
  const point = new Float64Array(all.length);
  constants.forEach((c, j) => {
    point[n + columns.length + j] = params[c] as number;
  });
  const scratch = new Float64Array(n);
  const load = (w: ArrayLike<number>, row?: readonly number[]) => {
    for (let j = 0; j < n; j++) point[j] = w[j] as number;
    if (row) for (let j = 0; j < row.length; j++) point[n + j] = row[j] as number;
  };
  const f = (w: ArrayLike<number>): number => {
    if (rows.length === 0) {
      load(w);
      return loss(...point);
    }
    let total = 0;
    for (const row of rows) {
      load(w, row);
      total += loss(...point);
    }
    return total / rows.length;
  };
  const everyRow = rows.map((_, i) => i);
  const grad = (w: Vec, batch?: readonly number[]): Vec => {
    if (rows.length === 0) {
      load(w);
      return gradVec(point);
    }
    const indices = batch ?? everyRow;
    const sum = new Float64Array(n);
    for (const i of indices) {
      load(w, rows[i] as readonly number[]);
      gradVec(point, scratch);
      for (let j = 0; j < n; j++) sum[j] = (sum[j] as number) + (scratch[j] as number);
    }
    for (let j = 0; j < n; j++) sum[j] = (sum[j] as number) / indices.length;
    return sum;
  };

  let hessian: PreparedHessian | undefined;
  const prepareHessian = (): PreparedHessian => {
    if (!hessian) {
      // Each row differentiates one simplified partial again: the gradient itself is not re-derived.
      const secondPartials = gradient.gradient.map(
        (partial) => symbolicGradient(partial, { vars, detail: 'brief' }).partials,
      );
      hessian = { secondPartials, matrix: secondPartials.map((row) => row.map((d) => d.result)) };
    }
    return hessian;
  };
  let hessVec: ((w: Vec) => Vec) | undefined;
  const compiledHessian = (): ((w: Vec) => Vec) => {
    if (!hessVec) {
      const h = compileVector(prepareHessian().matrix.flat(), all);
      hessVec = (w) => {
        if (rows.length === 0) {
          load(w);
          return h(point);
        }
        const sum = new Float64Array(n * n);
        for (const row of rows) {
          load(w, row);
          const value = h(point);
          for (let j = 0; j < n * n; j++) sum[j] = (sum[j] as number) + (value[j] as number);
        }
        return sum.map((v) => v / rows.length);
      };
    }
    return hessVec;
  };
  const plain: NumericProblem = { n, f, grad };
  let withHessian: NumericProblem | undefined;

  return {
    expr,
    vars,
    params,
    ...(data ? { data: { ...('id' in data && data.id ? { id: data.id } : {}), columns, rows } } : {}),
    gradient,
    hessian: prepareHessian,
    f: (w) => f(w),
    numeric: (wanted = false) => {
      if (!wanted) return plain;
      withHessian ??= { n, f, grad, hessian: compiledHessian() };
      return withHessian;
    },
    backend: loss.backend,
  };
}
