/**
 * `optimize`: parse → differentiate (the calculus engine) → simplify → compile, run an
 * optimizer on the compiled gradient, and write every step as TeX twice — the general
 * update and the same with this step's numbers in.
 */
import { countNodes, MAX_DEPTH, NODE_BUDGET, tooLarge } from '../calculus/budget.js';
import { type Hessian, gradient as symbolicGradient, hessian as symbolicHessian } from '../calculus/index.js';
import { type ErrorCode, type ErrorParams, GradstepError } from '../errors.js';
import { approx, deeperThan, type Expr, freeVars, type Num, num, substitute } from '../expr/ast.js';
import { type CompileBackend, compile, compileVector } from '../expr/compile.js';
import { parse } from '../expr/parse.js';
import { texSymbol, toTex } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import type { Localized } from '../i18n/index.js';
import { formatNumber, texMatrix, texNumber, texOperand, texVector, texVectorOperand } from '../util/format.js';
import { mulberry32, shuffleInPlace } from '../util/prng.js';
import { findDataset } from './datasets.js';
import { findOptimizer, HYPER_SPECS, OPTIMIZER_IDS } from './optimizers.js';
import { MAX_STEPS, type NumericProblem, type NumericStep, resolveHyper, runNumeric, type Status } from './run.js';
import { CONVENTIONS, type Convention, type HyperId, type OptimizerId, type Variant, type Vec } from './types.js';

/** Rows of data for SGD: one column per data variable of the per-sample loss. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

export interface OptimizeOptions {
  /** The function to minimise, or with `data` the per-sample loss. */
  readonly expr: string | Expr;
  /** The parameters (the variables optimised), in the order of `start`. Default: the variables that occur, minus data columns. */
  readonly vars?: readonly string[];
  readonly start: readonly number[];
  /** An optimizer id or alias (`sgd` = `gd`). */
  readonly optimizer: OptimizerId | string;
  /** The learning rate ε (Newton's method defaults to 1). */
  readonly lr?: number;
  readonly hyper?: Readonly<Partial<Record<HyperId, number>>>;
  readonly convention?: Convention;
  /** Number of steps (default 10; with data, default epochs × batches per epoch). */
  readonly steps?: number;
  /** Stop as converged once the gradient's length is at most `tol`. */
  readonly tol?: number;
  /** SGD over data: a table, or the id of a built-in data set. */
  readonly data?: DataTable | string;
  readonly batchSize?: number;
  readonly epochs?: number;
  readonly seed?: number;
  /** Write the TeX of every step (default true); false keeps only the numbers. */
  readonly tex?: boolean;
}

export interface TraceStep {
  readonly k: number;
  /** w^(k) */
  readonly w: number[];
  /** f(w^(k)) (the mean loss over all rows, with data) */
  readonly f: number;
  /** The gradient used (the batch mean, with data) */
  readonly grad: number[];
  readonly gradNorm: number;
  /** `\nabla f(4) = 2\cdot 4-4 = 4` and its plain-text twin. */
  readonly gradient: { readonly tex: string; readonly text: string };
  readonly state: { readonly before: Record<string, number[]>; readonly after: Record<string, number[]> };
  /** Quantities computed on the way (ŝ, r̂, the look-ahead gradient, the Hessian…). */
  readonly extras: Record<string, number[]>;
  /** w^(k+1) and f(w^(k+1)) */
  readonly next: number[];
  readonly fNext: number;
  readonly tex: { readonly general: string; readonly substituted: string };
  readonly batch?: { readonly epoch: number; readonly rows: number[]; readonly data: number[][] };
  readonly notes: Localized[];
}

export interface Trace {
  readonly optimizer: OptimizerId;
  readonly name: Localized;
  readonly convention: Convention;
  readonly lr: number;
  readonly hyper: Record<string, number>;
  readonly vars: string[];
  readonly expr: { readonly text: string; readonly tex: string };
  /** ∇f: each partial (simplified) as text and TeX, and the whole as TeX. */
  readonly gradient: { readonly text: string[]; readonly tex: string[]; readonly formula: string };
  /** The update rule of this optimizer and convention, in TeX. */
  readonly rule: string;
  /** The parameter vector's components, e.g. `\mathbf{w} = (x, y)`, for n ≥ 2. */
  readonly params?: string;
  readonly status: Status;
  readonly message?: Localized;
  readonly path: number[][];
  readonly values: number[];
  readonly steps: TraceStep[];
  readonly backend: CompileBackend;
  readonly data?: {
    readonly columns: string[];
    readonly rows: number;
    readonly batchSize: number;
    readonly epochs: number;
    readonly seed: number;
  };
}

const DEFAULT_STEPS = 10;
const MAX_ROWS = 10_000;
/** Most steps written with TeX (about 6 KB and 100–200 µs a step); without TeX, MAX_STEPS of run.ts. */
export const MAX_TEX_STEPS = 2_000;
/**
 * With data, every step evaluates the loss on every row and the gradient on the batch, and the
 * trace keeps the batch's rows: steps × (rows + batch size) is bounded so a run stays near a second.
 */
export const MAX_ROW_EVALUATIONS = 1_000_000;
/** Substituted gradient TeX longer than this shows only the value. */
const MAX_SUBSTITUTED_TEX = 400;

const bad = <C extends ErrorCode>(code: C, params: ErrorParams[C]) => new GradstepError(code, params);

// ------------------------------------------------------------------ reading the problem

interface Problem {
  readonly expr: Expr;
  readonly params: string[];
  readonly columns: string[];
  readonly rows: readonly (readonly number[])[];
}

function readData(data: OptimizeOptions['data']): DataTable | undefined {
  if (data === undefined) return undefined;
  if (typeof data === 'string') {
    const found = findDataset(data);
    if (!found) throw bad('optim/unknown-dataset', { name: data });
    return found;
  }
  const { columns, rows } = data;
  if (columns.length === 0 || rows.length === 0 || rows.length > MAX_ROWS) {
    throw bad('optim/bad-data', { maxRows: MAX_ROWS });
  }
  for (const [i, row] of rows.entries()) {
    if (row.length !== columns.length || !row.every(Number.isFinite)) {
      throw bad('optim/bad-data', { maxRows: MAX_ROWS, row: i, columns });
    }
  }
  return data;
}

function readProblem(options: OptimizeOptions): Problem {
  const data = readData(options.data);
  const columns = data ? [...data.columns] : [];
  let expr: Expr;
  let declared: string[] | undefined = options.vars ? [...options.vars] : undefined;
  if (typeof options.expr === 'string') {
    const vars = declared ? [...declared, ...columns.filter((c) => !declared?.includes(c))] : undefined;
    const parsed = parse(options.expr, vars ? { vars } : {});
    expr = parsed.expr;
    declared ??= parsed.vars.filter((v) => !columns.includes(v));
  } else {
    expr = options.expr;
    // A tree from code is not bounded by the parser: refuse one too large for the engine before walking it.
    if (countNodes(expr, NODE_BUDGET) > NODE_BUDGET || deeperThan(expr, MAX_DEPTH)) throw tooLarge();
    declared ??= freeVars(expr).filter((v) => !columns.includes(v));
  }
  const params = declared;
  if (params.length === 0) {
    throw bad('optim/no-parameters', {});
  }
  const overlap = params.find((p) => columns.includes(p));
  if (overlap) {
    throw bad('optim/parameter-is-data', { name: overlap });
  }
  const unknown = freeVars(expr).filter((v) => !params.includes(v) && !columns.includes(v));
  if (unknown.length > 0) {
    throw bad('optim/unknown-variable', { names: unknown, params });
  }
  return { expr, params, columns, rows: data?.rows ?? [] };
}

// ------------------------------------------------------------------ compiled objective

interface Compiled {
  readonly numeric: NumericProblem;
  readonly backend: CompileBackend;
}

function compileProblem(
  problem: Problem,
  gradExprs: readonly Expr[],
  hessExprs: readonly Expr[] | undefined,
): Compiled {
  const { params, columns, rows } = problem;
  const n = params.length;
  const all = [...params, ...columns];
  const loss = compile(problem.expr, all);
  const gradVec = compileVector(gradExprs, all);
  const hessVec = hessExprs ? compileVector(hessExprs, all) : undefined;
  const point = new Float64Array(all.length);
  const scratch = new Float64Array(n);
  if (columns.length === 0) {
    return {
      backend: loss.backend,
      numeric: {
        n,
        f: (w) => loss(...w),
        grad: (w) => gradVec(w),
        ...(hessVec ? { hessian: (w: Vec) => hessVec(w) } : {}),
      },
    };
  }
  const load = (w: Vec, row: readonly number[]) => {
    point.set(w);
    for (let j = 0; j < row.length; j++) point[n + j] = row[j] as number;
  };
  const meanGrad = (w: Vec, indices: readonly number[]): Vec => {
    const sum = new Float64Array(n);
    for (const i of indices) {
      load(w, rows[i] as readonly number[]);
      gradVec(point, scratch);
      for (let j = 0; j < n; j++) sum[j] = (sum[j] as number) + (scratch[j] as number);
    }
    for (let j = 0; j < n; j++) sum[j] = (sum[j] as number) / indices.length;
    return sum;
  };
  const everyRow = rows.map((_, i) => i);
  return {
    backend: loss.backend,
    numeric: {
      n,
      f: (w) => {
        let total = 0;
        for (const row of rows) {
          load(w, row);
          total += loss(...point);
        }
        return total / rows.length;
      },
      grad: (w, batch) => meanGrad(w, batch ?? everyRow),
      ...(hessVec
        ? {
            hessian: (w: Vec) => {
              const sum = new Float64Array(n * n);
              for (const row of rows) {
                load(w, row);
                const h = hessVec(point);
                for (let j = 0; j < n * n; j++) sum[j] = (sum[j] as number) + (h[j] as number);
              }
              return sum.map((v) => v / rows.length);
            },
          }
        : {}),
    },
  };
}

/** Per-epoch shuffles from one seeded stream, cut into batches; step k → its rows. */
function batchSchedule(rowCount: number, batchSize: number, seed: number) {
  const random = mulberry32(seed);
  const perEpoch = Math.ceil(rowCount / batchSize);
  const orders: number[][] = [];
  const orderOf = (epoch: number): number[] => {
    while (orders.length <= epoch) orders.push(shuffleInPlace([...Array(rowCount).keys()], random));
    return orders[epoch] as number[];
  };
  return {
    perEpoch,
    epochOf: (k: number) => Math.floor(k / perEpoch),
    rows: (k: number): number[] => {
      const order = orderOf(Math.floor(k / perEpoch));
      const start = (k % perEpoch) * batchSize;
      return order.slice(start, start + batchSize);
    },
  };
}

// ------------------------------------------------------------------ TeX

/** `x` → `\mathbf{x}`, `\hat{s}` → `\hat{\mathbf{s}}`. */
function bold(symbol: string): string {
  if (/^[A-Za-z]$/.test(symbol)) return `\\mathbf{${symbol}}`;
  return symbol.replace(/\{([A-Za-z])\}/, '{\\mathbf{$1}}');
}

/** A value as a number node for substitution into a formula (readable digits). */
function numberNode(value: number): Num {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return num(value);
  const text = formatNumber(value);
  return text.includes('e') ? approx(value) : { ...approx(Number(text)), text };
}

interface TexContext {
  readonly n: number;
  readonly variant: Variant;
  readonly paramSymbol: string;
  readonly gSymbol: string;
  readonly lrIsUnit: boolean;
}

function symbolOf(ctx: TexContext, id: string): string {
  const spec = ctx.variant.state.find((s) => s.id === id) ?? ctx.variant.extras?.find((e) => e.id === id);
  if (!spec) return id;
  const scalar = 'scalar' in spec && spec.scalar;
  const matrix = 'matrix' in spec && spec.matrix;
  return ctx.n === 1 || scalar || matrix ? spec.symbol : bold(spec.symbol);
}

function generalSymbols(ctx: TexContext): Record<string, string> {
  const w = `${ctx.paramSymbol}^{(k)}`;
  const s: Record<string, string> = {
    mul: ' ',
    had: '\\odot ',
    w,
    grad: `\\nabla f(${w})`,
    g: ctx.gSymbol,
    eps: ctx.lrIsUnit ? '1' : '\\varepsilon',
    k1: 'k+1',
  };
  for (const spec of Object.values(HYPER_SPECS)) s[spec.id] = spec.symbol;
  for (const st of ctx.variant.state) s[st.id] = symbolOf(ctx, st.id);
  for (const ex of ctx.variant.extras ?? []) s[ex.id] = symbolOf(ctx, ex.id);
  return s;
}

function lhsOf(ctx: TexContext, target: string, k: number | undefined): string {
  if (target === 'w') return `${ctx.paramSymbol}^{(${k === undefined ? 'k+1' : k + 1})}`;
  return symbolOf(ctx, target);
}

function aligned(lines: readonly string[]): string {
  return lines.length === 1
    ? (lines[0] as string).replace('&', '')
    : `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

function generalTex(ctx: TexContext): string {
  const s = generalSymbols(ctx);
  const lines = ctx.variant.equations.map(
    (eq) => `${lhsOf(ctx, eq.target, undefined)} &${eq.op === 'update' ? '\\leftarrow' : '='} ${eq.rhs(s, false)}`,
  );
  return aligned(usesG(ctx) ? [`${ctx.gSymbol} &= \\nabla f(${ctx.paramSymbol}^{(k)})`, ...lines] : lines);
}

/** Whether the equations are written with g (then g = ∇f(w) is stated first). */
function usesG(ctx: TexContext): boolean {
  const marker = '\u0001';
  const s = { ...generalSymbols(ctx), g: marker };
  return ctx.variant.equations.some((eq) => eq.rhs(s, false).includes(marker));
}

function substitutedTex(ctx: TexContext, step: NumericStep, lr: number, hyper: Record<string, number>): string {
  const vector = (values: readonly number[] | undefined, id?: string): string => {
    if (!values) return '?';
    const spec = id ? ctx.variant.extras?.find((e) => e.id === id) : undefined;
    if (spec?.matrix) return texMatrix(values, ctx.n);
    return texVectorOperand(values);
  };
  const s: Record<string, string> = {
    mul: '\\cdot ',
    had: ctx.n === 1 ? '\\cdot ' : '\\odot ',
    w: vector(step.w),
    grad: vector(step.grad),
    g: vector(step.grad),
    eps: texOperand(lr),
    k1: String(step.k + 1),
  };
  for (const [id, value] of Object.entries(hyper)) s[id] = texOperand(value);
  for (const [id, value] of Object.entries(step.stateBefore)) s[id] = vector(value);
  const lines: string[] = [];
  if (usesG(ctx)) lines.push(`${ctx.gSymbol} &= ${texVector(step.grad)}`);
  for (const eq of ctx.variant.equations) {
    const after =
      eq.target === 'w'
        ? step.next
        : (step.stateAfter[eq.target] ?? step.extras[eq.target] ?? step.stateBefore[eq.target]);
    const rhs = eq.rhs(s, true);
    const spec = ctx.variant.extras?.find((e) => e.id === eq.target);
    const value = spec?.matrix && after ? texMatrix(after, ctx.n) : after ? texVector(after) : '?';
    lines.push(`${lhsOf(ctx, eq.target, step.k)} &= ${rhs ? `${rhs} = ` : ''}${value}`);
    // Later equations see this one's new value.
    if (after) s[eq.target] = vector(after, eq.target);
  }
  return aligned(lines);
}

/** `\nabla f(4) = 2\cdot 4-4 = 4`: the formula with the point substituted, then the value. */
function gradientAt(
  params: readonly string[],
  gradExprs: readonly Expr[],
  step: NumericStep,
  paramSymbol: string,
  columns: readonly string[],
): { tex: string; text: string } {
  const n = params.length;
  const text = `grad f(${step.w.map((v) => formatNumber(v)).join(', ')}) = ${formatVectorPlain(step.grad)}`;
  if (step.batch) {
    const rows = step.batch;
    const dataArgs = columns.map((c) => `${texSymbol(c)}_{i}`).join(', ');
    return {
      tex: `\\frac{1}{${rows.length}}\\sum_{i \\in \\{${rows.join(', ')}\\}} \\nabla_{${paramSymbol}} \\ell(${texVector(step.w)}; ${dataArgs}) = ${texVector(step.grad)}`,
      text: `mean over rows [${rows.join(', ')}] of ${text}`,
    };
  }
  const at = n <= 3 ? step.w.map((v) => texNumber(v)).join(', ') : `${paramSymbol}^{(${step.k})}`;
  const value = texVector(step.grad);
  if (n > 3) return { tex: `\\nabla f(${at}) = ${value}`, text };
  const values: Record<string, Expr> = {};
  params.forEach((p, i) => {
    values[p] = numberNode(step.w[i] as number);
  });
  const parts = gradExprs.map((g) => toTex(substitute(g, values)));
  const middle = n === 1 ? (parts[0] as string) : `\\begin{pmatrix}${parts.join('\\\\')}\\end{pmatrix}`;
  const same = middle === value;
  if (same || middle.length > MAX_SUBSTITUTED_TEX) return { tex: `\\nabla f(${at}) = ${value}`, text };
  return { tex: `\\nabla f(${at}) = ${middle} = ${value}`, text };
}

function formatVectorPlain(values: readonly number[]): string {
  return values.length === 1 ? formatNumber(values[0] as number) : `(${values.map((v) => formatNumber(v)).join(', ')})`;
}

// ------------------------------------------------------------------ optimize

function checkInteger(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw bad('optim/bad-setting', { name, min, max, value });
  }
}

/** Refuses runs whose trace would take seconds or hundreds of MB (run.ts checks the step count itself). */
function checkWork(steps: number, withTex: boolean, rowsPerStep: number): void {
  if (!Number.isInteger(steps) || steps < 0) return; // runNumeric explains a bad step count
  if (withTex && steps > MAX_TEX_STEPS) {
    throw bad('optim/too-many-steps', { steps, maxTex: MAX_TEX_STEPS, max: MAX_STEPS });
  }
  if (rowsPerStep > 0 && steps * rowsPerStep > MAX_ROW_EVALUATIONS) {
    const most = Math.floor(MAX_ROW_EVALUATIONS / rowsPerStep);
    throw bad('optim/too-many-steps', { steps, rowsPerStep, most, budget: MAX_ROW_EVALUATIONS });
  }
}

/** Runs an optimizer on the derived, compiled gradient and returns the full trace. */
export function optimize(options: OptimizeOptions): Trace {
  const definition = findOptimizer(String(options.optimizer));
  if (!definition) {
    throw bad('optim/unknown-optimizer', { name: String(options.optimizer), known: OPTIMIZER_IDS });
  }
  const convention = options.convention ?? 'textbook';
  if (!CONVENTIONS.includes(convention)) {
    throw bad('optim/unknown-convention', { name: String(convention) });
  }
  const lr = options.lr ?? definition.defaultLr;
  if (lr === undefined) {
    throw bad('optim/bad-learning-rate', { missingFor: definition.id });
  }
  const hyper = resolveHyper(definition, convention, options.hyper ?? {});
  const problem = readProblem(options);
  const { params, columns, rows } = problem;
  const n = params.length;

  const hasData = columns.length > 0;
  checkInteger('batchSize', options.batchSize, 1, Math.max(1, rows.length));
  checkInteger('epochs', options.epochs, 1, 10_000);
  checkInteger('seed', options.seed, 0, 2 ** 32 - 1);
  const batchSize = options.batchSize ?? (hasData ? Math.min(4, rows.length) : 0);
  const epochs = options.epochs ?? 1;
  const seed = options.seed ?? 1;
  const schedule = hasData ? batchSchedule(rows.length, batchSize, seed) : undefined;
  const steps = options.steps ?? (schedule ? schedule.perEpoch * epochs : DEFAULT_STEPS);
  const withTex = options.tex ?? true;
  checkWork(steps, withTex, hasData ? rows.length + batchSize : 0);

  const derived = definition.needsHessian
    ? symbolicHessian(problem.expr, { vars: params, detail: 'brief' })
    : symbolicGradient(problem.expr, { vars: params, detail: 'brief' });
  const gradExprs = derived.gradient;
  const hessExprs = definition.needsHessian ? (derived as Hessian).hessian.flat() : undefined;
  const compiled = compileProblem(problem, gradExprs, hessExprs);

  const run = runNumeric(compiled.numeric, {
    optimizer: definition,
    convention,
    lr,
    hyper,
    start: options.start,
    steps,
    ...(options.tol !== undefined ? { tol: options.tol } : {}),
    ...(schedule ? { batches: schedule.rows } : {}),
  });

  const variant = definition.conventions[convention];
  const paramSymbol = n === 1 ? texSymbol(params[0] as string) : '\\mathbf{w}';
  const ctx: TexContext = {
    n,
    variant,
    paramSymbol,
    gSymbol: n === 1 ? 'g' : '\\mathbf{g}',
    lrIsUnit: definition.defaultLr !== undefined && lr === definition.defaultLr,
  };
  const general = generalTex(ctx);
  const hyperRecord: Record<string, number> = { ...hyper };
  const traceSteps: TraceStep[] = run.steps.map((step) => ({
    k: step.k,
    w: step.w,
    f: step.f,
    grad: step.grad,
    gradNorm: step.gradNorm,
    gradient: withTex ? gradientAt(params, gradExprs, step, paramSymbol, columns) : { tex: '', text: '' },
    state: { before: step.stateBefore, after: step.stateAfter },
    extras: step.extras,
    next: step.next,
    fNext: step.fNext,
    tex: { general, substituted: withTex ? substitutedTex(ctx, step, lr, hyperRecord) : '' },
    ...(step.batch && schedule
      ? {
          batch: {
            epoch: schedule.epochOf(step.k),
            rows: step.batch,
            data: step.batch.map((i) => [...(rows[i] as readonly number[])]),
          },
        }
      : {}),
    notes: step.notes,
  }));

  const gradTex = gradExprs.map(toTex);
  const args = n <= 3 ? params.map(texSymbol).join(', ') : paramSymbol;
  return {
    optimizer: definition.id,
    name: definition.name,
    convention,
    lr,
    hyper: hyperRecord,
    vars: params,
    expr: { text: toText(problem.expr), tex: toTex(problem.expr) },
    gradient: {
      text: gradExprs.map(toText),
      tex: gradTex,
      formula: `\\nabla ${hasData ? '\\ell' : 'f'}(${args}) = ${n === 1 ? gradTex[0] : `\\begin{pmatrix}${gradTex.join('\\\\')}\\end{pmatrix}`}`,
    },
    rule: general,
    ...(n >= 2 ? { params: `\\mathbf{w} = (${params.map(texSymbol).join(', ')})` } : {}),
    status: run.status,
    ...(run.message ? { message: run.message } : {}),
    path: run.path,
    values: run.values,
    steps: traceSteps,
    backend: compiled.backend,
    ...(hasData ? { data: { columns, rows: rows.length, batchSize, epochs, seed } } : {}),
  };
}
