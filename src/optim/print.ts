/**
 * The printers of a run: the update rule of an optimizer and convention in TeX, the same rule with
 * one step's numbers substituted, and the gradient at a step. They only write what the numeric core
 * computed; they compute nothing themselves.
 */
import { approx, type Expr, type Num, num, substitute } from '../expr/ast.js';
import { texSymbol, toTex } from '../expr/print-tex.js';
import { formatNumber, texMatrix, texNumber, texOperand, texVector, texVectorOperand } from '../util/format.js';
import { HYPER_SETTINGS } from './hyper.js';
import type { NumericStep } from './run.js';
import type { Variant } from './types.js';

/** Substituted gradient TeX longer than this shows only the value. */
const MAX_SUBSTITUTED_TEX = 400;

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

/** What the TeX of one run is written with. */
export interface TexContext {
  readonly n: number;
  readonly variant: Variant;
  /** `x` for one variable, `\mathbf{w}` for several. */
  readonly paramSymbol: string;
  readonly gSymbol: string;
  /** Newton's method at its own ε = 1 writes no ε. */
  readonly lrIsUnit: boolean;
}

export function texContext(vars: readonly string[], variant: Variant, lrIsUnit: boolean): TexContext {
  const n = vars.length;
  return {
    n,
    variant,
    paramSymbol: n === 1 ? texSymbol(vars[0] as string) : '\\mathbf{w}',
    gSymbol: n === 1 ? 'g' : '\\mathbf{g}',
    lrIsUnit,
  };
}

function symbolOf(ctx: TexContext, id: string): string {
  const spec = ctx.variant.state.find((s) => s.id === id) ?? ctx.variant.extras?.find((e) => e.id === id);
  if (!spec) return id;
  const scalar = 'scalar' in spec && spec.scalar;
  const matrix = 'matrix' in spec && spec.matrix;
  return ctx.n === 1 || scalar || matrix ? spec.symbol : bold(spec.symbol);
}

/** The symbols of the general form (ε, α, v…), by the keys the equations use. */
export function generalSymbols(ctx: TexContext): Record<string, string> {
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
  for (const setting of Object.values(HYPER_SETTINGS)) if (setting.hyper) s[setting.hyper.id] = setting.hyper.symbol;
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

/** Whether the equations are written with g (then g = ∇f(w) is stated first). */
function usesG(ctx: TexContext): boolean {
  const marker = '\u0001';
  const s = { ...generalSymbols(ctx), g: marker };
  return ctx.variant.equations.some((eq) => eq.rhs(s, false).includes(marker));
}

/** The update rule in the lesson's notation. */
export function ruleTex(ctx: TexContext): string {
  const s = generalSymbols(ctx);
  const lines = ctx.variant.equations.map(
    (eq) => `${lhsOf(ctx, eq.target, undefined)} &${eq.op === 'update' ? '\\leftarrow' : '='} ${eq.rhs(s, false)}`,
  );
  return aligned(usesG(ctx) ? [`${ctx.gSymbol} &= \\nabla f(${ctx.paramSymbol}^{(k)})`, ...lines] : lines);
}

/**
 * The symbols of one step, as numbers: the keys of `generalSymbols` with this step's values
 * (`number` writes a scalar; the default is the shown, rounded form).
 */
export function stepSymbols(
  ctx: TexContext,
  step: NumericStep,
  lr: number,
  hyper: Readonly<Record<string, number>>,
  number: (value: number) => string = texOperand,
): Record<string, string> {
  const vector = (values: readonly number[]) =>
    values.length === 1 ? number(values[0] as number) : texVectorOperand(values);
  const s: Record<string, string> = {
    mul: '\\cdot ',
    had: ctx.n === 1 ? '\\cdot ' : '\\odot ',
    w: vector(step.w),
    grad: vector(step.grad),
    g: vector(step.grad),
    eps: number(lr),
    k1: String(step.k + 1),
  };
  for (const [id, value] of Object.entries(hyper)) s[id] = number(value);
  for (const [id, value] of Object.entries(step.stateBefore)) s[id] = vector(value);
  return s;
}

/** The value an equation assigns at this step (the new point, a state or an extra). */
export function assigned(step: NumericStep, target: string): number[] | undefined {
  return target === 'w' ? step.next : (step.stateAfter[target] ?? step.extras[target] ?? step.stateBefore[target]);
}

/** The update rule with this step's numbers in, each line ending in the value it gives. */
export function substitutedTex(
  ctx: TexContext,
  step: NumericStep,
  lr: number,
  hyper: Readonly<Record<string, number>>,
): string {
  const s = stepSymbols(ctx, step, lr, hyper);
  const isMatrix = (id: string) => ctx.variant.extras?.find((e) => e.id === id)?.matrix === true;
  const operand = (values: readonly number[], id: string) =>
    isMatrix(id) ? texMatrix(values, ctx.n) : texVectorOperand(values);
  const lines: string[] = [];
  if (usesG(ctx)) lines.push(`${ctx.gSymbol} &= ${texVector(step.grad)}`);
  for (const eq of ctx.variant.equations) {
    const after = assigned(step, eq.target);
    const rhs = eq.rhs(s, true);
    const value = after ? (isMatrix(eq.target) ? texMatrix(after, ctx.n) : texVector(after)) : '?';
    lines.push(`${lhsOf(ctx, eq.target, step.k)} &= ${rhs ? `${rhs} = ` : ''}${value}`);
    // Later equations see this one's new value.
    if (after) s[eq.target] = operand(after, eq.target);
  }
  return aligned(lines);
}

function formatVectorPlain(values: readonly number[]): string {
  return values.length === 1 ? formatNumber(values[0] as number) : `(${values.map((v) => formatNumber(v)).join(', ')})`;
}

/** Rows as people count them (the data table's numbering): row 1 is the first. */
export function rowNumbers(indices: readonly number[]): number[] {
  return indices.map((i) => i + 1);
}

/**
 * `\nabla f(4) = 2\cdot 4-4 = 4`: the formula with the point (and the constants) substituted,
 * then the value; with data, the batch mean over its rows (numbered as in the data table).
 */
export function gradientAtTex(
  vars: readonly string[],
  gradExprs: readonly Expr[],
  constants: Readonly<Record<string, number>>,
  step: NumericStep,
  paramSymbol: string,
  columns: readonly string[],
): { tex: string; text: string } {
  const n = vars.length;
  const text = `grad f(${step.w.map((v) => formatNumber(v)).join(', ')}) = ${formatVectorPlain(step.grad)}`;
  if (step.batch) {
    const rows = rowNumbers(step.batch);
    const dataArgs = columns.map((c) => `${texSymbol(c)}_{i}`).join(', ');
    return {
      tex: `\\frac{1}{${rows.length}}\\sum_{i \\in \\{${rows.join(', ')}\\}} \\nabla_{${paramSymbol}} \\ell(${texVector(step.w)}; ${dataArgs}) = ${texVector(step.grad)}`,
      text: `mean over rows ${rows.join(', ')} of ${text}`,
    };
  }
  const at = n <= 3 ? step.w.map((v) => texNumber(v)).join(', ') : `${paramSymbol}^{(${step.k})}`;
  const value = texVector(step.grad);
  if (n > 3) return { tex: `\\nabla f(${at}) = ${value}`, text };
  const values: Record<string, Expr> = {};
  vars.forEach((p, i) => {
    values[p] = numberNode(step.w[i] as number);
  });
  for (const [name, v] of Object.entries(constants)) values[name] = numberNode(v);
  const parts = gradExprs.map((g) => toTex(substitute(g, values)));
  const middle = n === 1 ? (parts[0] as string) : `\\begin{pmatrix}${parts.join('\\\\')}\\end{pmatrix}`;
  if (middle === value || middle.length > MAX_SUBSTITUTED_TEX) return { tex: `\\nabla f(${at}) = ${value}`, text };
  return { tex: `\\nabla f(${at}) = ${middle} = ${value}`, text };
}

/** `\nabla f(x, y) = (…)`: the derived gradient (∇ℓ with data). */
export function gradientFormulaTex(vars: readonly string[], gradExprs: readonly Expr[], withData: boolean): string {
  const n = vars.length;
  const gradTex = gradExprs.map((e) => toTex(e));
  const args = n <= 3 ? vars.map(texSymbol).join(', ') : '\\mathbf{w}';
  const body = n === 1 ? gradTex[0] : `\\begin{pmatrix}${gradTex.join('\\\\')}\\end{pmatrix}`;
  return `\\nabla ${withData ? '\\ell' : 'f'}(${args}) = ${body}`;
}

/** The constants held fixed, as TeX: `a = 1,\quad b = -2`. */
export function constantsTex(constants: Readonly<Record<string, number>>): string {
  return Object.entries(constants)
    .map(([name, value]) => `${texSymbol(name)} = ${texNumber(value)}`)
    .join(',\\quad ');
}

/** The constants held fixed, as plain text: `a = 1, b = -2`. */
export function constantsText(constants: Readonly<Record<string, number>>): string {
  return Object.entries(constants)
    .map(([name, value]) => `${name} = ${formatNumber(value)}`)
    .join(', ');
}

/** `\mathbf{w} = (x, y)` for two or more variables. */
export function paramsTex(vars: readonly string[]): string | undefined {
  return vars.length >= 2 ? `\\mathbf{w} = (${vars.map(texSymbol).join(', ')})` : undefined;
}
