/**
 * Printers of derivations: TeX for each step (general formula, the instance with
 * the functions substituted, the result) and for the whole derivation as an
 * aligned chain; plain text with prose in English or Korean; JSON of the tree.
 * They only read the step tree — nothing here differentiates.
 */
import { add, div, type Expr, mul, neg, pow, substitute, sym } from '../expr/ast.js';
import { texSymbol, toTex } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import { type Lang, messagesFor } from '../i18n/index.js';
import type { Derivation, Gradient, Hessian, Step } from './derivation.js';
import { RULES } from './rules.js';

// ------------------------------------------------------------ templates

/**
 * A rule's instance as an expression in which the derivatives still to be taken
 * are placeholder symbols; `toTex` then sets the parentheses, and the
 * placeholders are replaced by `\frac{d}{dx}\left(…\right)`.
 */
class Placeholders {
  private readonly tex: string[] = [];

  /** A placeholder standing for the (not yet evaluated) derivative of `e`. */
  derivative(e: Expr, wrt: string, partial: boolean): Expr {
    this.tex.push(`${operator(wrt, partial)}\\left(${exprTex(e)}\\right)`);
    return sym(`Zq${this.tex.length - 1}qZ`);
  }

  print(e: Expr): string {
    return toTex(e).replace(/\\mathrm\{Zq(\d+)qZ\}/g, (_, i: string) => this.tex[Number(i)] ?? '');
  }
}

/**
 * A power with a negative or fractional exponent written as a power (x^{-2}, x^{\frac{1}{2}}),
 * where the textbook printer would write 1/x² or √x: the rewrite and power steps are about that form.
 */
function explicitPower(e: Expr): string | undefined {
  if (e.kind !== 'pow' || e.exp.kind !== 'num' || e.exp.approx || (e.exp.d === 1 && e.exp.n > 0)) return undefined;
  const base = toTex(e.base);
  const atom =
    e.base.kind === 'sym' || e.base.kind === 'const' || (e.base.kind === 'num' && e.base.n > 0 && e.base.d === 1);
  const q = e.exp;
  const k = q.d === 1 ? `${q.n}` : `${q.n < 0 ? '-' : ''}\\frac{${Math.abs(q.n)}}{${q.d}}`;
  return `${atom ? base : `\\left(${base}\\right)`}^{${k}}`;
}

function exprTex(e: Expr): string {
  return explicitPower(e) ?? toTex(e);
}

/** The power rule written out: n·x^{n−1} with the exponent shown as a power. */
function powerInstance(e: Expr): string | undefined {
  if (e.kind !== 'pow' || e.exp.kind !== 'num' || e.exp.approx || (e.exp.d === 1 && e.exp.n > 0)) return undefined;
  const n = e.exp;
  const lowered = pow(e.base, { kind: 'num', n: n.n - n.d, d: n.d });
  const coef = n.d === 1 ? `${n.n}` : `${n.n < 0 ? '-' : ''}\\frac{${Math.abs(n.n)}}{${n.d}}`;
  return `${coef}\\,${exprTex(lowered)}`;
}

function operator(wrt: string, partial: boolean): string {
  const v = texSymbol(wrt);
  return partial ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${v}}`;
}

/**
 * The step with its substeps' derivatives given by `part` (a placeholder, an
 * expanded form or a result): the rule written out for this instance. Undefined for
 * a rule applied in one move (a leaf: constant, power, sin, …).
 */
function instance(step: Step, part: (sub: Step) => Expr): Expr | undefined {
  const subs = step.substeps;
  const p = (i: number): Expr => part(subs[i] as Step);
  const e = step.expr;
  switch (step.rule) {
    case 'sum':
      return subs.length > 1 ? add(...subs.map((_, i) => p(i))) : undefined;
    case 'constant-multiple':
      return step.factor && subs.length === 1 ? mul(step.factor, p(0)) : undefined;
    case 'rewrite':
    case 'simplify':
      return subs.length === 1 ? p(0) : undefined;
    case 'product': {
      if (e.kind !== 'mul' || subs.length !== e.factors.length) return undefined;
      return add(...e.factors.map((_, i) => mul(...e.factors.map((f, j) => (i === j ? p(i) : f)))));
    }
    case 'quotient': {
      if (e.kind !== 'div' || subs.length !== 2) return undefined;
      return div(add(mul(p(0), e.den), neg(mul(e.num, p(1)))), pow(e.den, { kind: 'num', n: 2, d: 1 }));
    }
    case 'reciprocal': {
      if (e.kind !== 'div' || subs.length !== 1) return undefined;
      return neg(div(p(0), pow(e.den, { kind: 'num', n: 2, d: 1 })));
    }
    case 'chain': {
      const [outer] = subs;
      if (!outer || !step.u || subs.length !== 2) return undefined;
      return mul(substitute(outer.result, { [step.u.name]: step.u.expr }), p(1));
    }
    case 'log-diff':
      return subs.length === 1 ? mul(e, p(0)) : undefined;
    default:
      return undefined;
  }
}

// ------------------------------------------------------------ one step

export interface StepTex {
  /** The rule's general formula. */
  readonly formula: string;
  /** The rule written out for this step, derivatives of the parts not yet taken ('' for a one-move rule). */
  readonly instance: string;
  readonly result: string;
  /** The whole line: `d/dx f = instance = result` (with u = … for the chain rule). */
  readonly tex: string;
}

/** TeX of one step. `partial` writes ∂/∂x instead of d/dx. */
export function stepTex(step: Step, partial = false): StepTex {
  const holes = new Placeholders();
  const inst =
    step.rule === 'chain'
      ? undefined
      : instance(step, (s) => holes.derivative(s.expr, s.wrt, partial && !s.wrt.startsWith('u_')));
  const lhs = `${operator(step.wrt, partial && !step.wrt.startsWith('u_'))}\\left(${exprTex(step.expr)}\\right)`;
  const result = toTex(step.result);
  const instanceTex = inst ? holes.print(inst) : step.rule === 'power' ? (powerInstance(step.expr) ?? '') : '';
  const middle: string[] = [];
  if (instanceTex && instanceTex !== result) middle.push(instanceTex);
  if (step.rule === 'simplify' && step.before) middle.push(toTex(step.before));
  if (step.rule === 'chain' && step.u) {
    // dy/dx = dy/du · du/dx = f′(u) · g′(x), then u substituted back.
    const [outer, inner] = step.substeps;
    const u = texSymbol(step.u.name);
    if (outer && inner) {
      middle.push(
        `\\frac{d}{d${u}}\\left(${exprTex(outer.expr)}\\right)\\cdot ${operator(step.wrt, partial)}\\left(${toTex(inner.expr)}\\right)`,
      );
      middle.push(`${parenthesized(outer.result)}\\cdot ${parenthesized(inner.result)}`);
    }
  }
  const chainHead = step.u ? `${texSymbol(step.u.name)} = ${toTex(step.u.expr)}:\\quad ` : '';
  const line = [lhs, ...dedupe(middle), result].join(' = ');
  return { formula: RULES[step.rule].formula, instance: instanceTex, result, tex: chainHead + line };
}

function parenthesized(e: Expr): string {
  const t = toTex(e);
  return e.kind === 'add' || t.startsWith('-') ? `\\left(${t}\\right)` : t;
}

function dedupe(lines: readonly string[]): string[] {
  return lines.filter((l, i) => l !== lines[i - 1]);
}

// ------------------------------------------------------------ the whole derivation

/** Whether printing uses ∂: the function has more than one variable. */
export function isPartial(d: Derivation): boolean {
  return d.vars.length > 1;
}

/**
 * The lines of the aligned chain for one root: the rule applied at the top with the
 * parts' derivatives pending, then each level of pending derivatives taken in turn,
 * then the tidied result (and the simplified one).
 */
function chainLines(root: Step, partial: boolean): string[] {
  const lines: string[] = [];
  const top = root.rule === 'simplify' ? (root.substeps[0] ?? root) : root;
  for (let depth = 1; depth <= 64; depth++) {
    const holes = new Placeholders();
    let pending = false;
    const expand = (s: Step, level: number): Expr => {
      if (level === 0) {
        pending = true;
        return holes.derivative(s.expr, s.wrt, partial);
      }
      return instance(s, (sub) => expand(sub, level - 1)) ?? s.result;
    };
    lines.push(holes.print(expand(top, depth)));
    if (!pending) break;
  }
  lines.push(toTex(top.result));
  if (root !== top) lines.push(toTex(root.result));
  return dedupe(lines);
}

/** The derivation as one `aligned` chain of equalities, every order in turn. */
export function derivationTex(d: Derivation): string {
  const partial = isPartial(d);
  const rows: string[] = [];
  d.full.forEach((root, k) => {
    const f = k === 0 ? toTex(d.expr) : toTex(root.expr);
    const lhs = `${operator(d.wrt, partial)}\\left(${f}\\right)`;
    const lines = chainLines(root, partial);
    lines.forEach((line, i) => {
      rows.push(`${i === 0 ? lhs : ''} &= ${line}`);
    });
    const names = chainNames(root);
    if (names.length > 0) rows.push(`&\\quad ${names.join(',\\ ')}`);
  });
  return `\\begin{aligned}\n${rows.join(' \\\\\n')}\n\\end{aligned}`;
}

/** `u_1 = …` for every chain step under `root`, in order. */
function chainNames(root: Step): string[] {
  const out: string[] = [];
  const visit = (s: Step): void => {
    if (s.u) out.push(`${texSymbol(s.u.name)} = ${toTex(s.u.expr)}`);
    for (const c of s.substeps) visit(c);
  };
  visit(root);
  return out;
}

// ------------------------------------------------------------ prose and text

/** One line of prose for a step: rule name, what it does here, d/dx f = result. */
export function stepText(step: Step, lang: Lang = 'en'): string {
  const m = messagesFor(lang);
  const notes: string[] = [];
  if (step.u) notes.push(`${m.derivation.letWord} ${step.u.name} = ${toText(step.u.expr)}`);
  if (step.held && step.held.length > 0) notes.push(m.derivation.held({ names: step.held }));
  const note = notes.length ? ` (${notes.join('; ')})` : '';
  return `${m.rules[step.rule].name}${note}: d/d${step.wrt} [${toText(step.expr)}] = ${toText(step.result)}`;
}

/** The derivation as indented plain text, one step a line, then the answer. */
export function derivationText(d: Derivation, lang: Lang = 'en'): string {
  const m = messagesFor(lang);
  const lines: string[] = [];
  const visit = (s: Step, indent: string): void => {
    lines.push(`${indent}${stepText(s, lang)}`);
    for (const c of s.substeps) visit(c, `${indent}  `);
  };
  d.steps.forEach((root, k) => {
    if (d.order > 1) lines.push(m.derivation.order({ k: k + 1 }));
    const indent = d.order > 1 ? '  ' : '';
    // Read top to bottom as on paper: the rules first, then the simplification of their result.
    const inner = root.rule === 'simplify' ? root.substeps[0] : undefined;
    if (!inner || !root.before) {
      visit(root, indent);
      return;
    }
    visit(inner, indent);
    lines.push(`${indent}${m.rules.simplify.name}: ${toText(root.before)} = ${toText(root.result)}`);
  });
  lines.push(`${m.derivation.answer}: ${toText(d.result)}`);
  return lines.join('\n');
}

// ------------------------------------------------------------ JSON

export interface StepJson {
  readonly id: string;
  readonly rule: string;
  readonly name: string;
  readonly wrt: string;
  /** gradstep text (explicit `*`, readable by mathjs with the same meaning). */
  readonly expr: string;
  readonly result: string;
  readonly tex: string;
  readonly formula: string;
  readonly prose: string;
  readonly u?: { readonly name: string; readonly expr: string };
  readonly held?: readonly string[];
  readonly substeps: readonly StepJson[];
}

export interface DerivationJson {
  readonly expr: string;
  readonly wrt: string;
  readonly order: number;
  readonly vars: readonly string[];
  readonly detail: string;
  readonly result: string;
  readonly tex: string;
  readonly resultTex: string;
  readonly steps: readonly StepJson[];
}

export function stepJson(step: Step, lang: Lang = 'en', partial = false): StepJson {
  const rule = RULES[step.rule];
  const words = messagesFor(lang).rules[step.rule];
  return {
    id: step.id,
    rule: step.rule,
    name: words.name,
    wrt: step.wrt,
    expr: toText(step.expr),
    result: toText(step.result),
    tex: stepTex(step, partial).tex,
    formula: rule.formula,
    prose: words.prose,
    ...(step.u ? { u: { name: step.u.name, expr: toText(step.u.expr) } } : {}),
    ...(step.held ? { held: step.held } : {}),
    substeps: step.substeps.map((s) => stepJson(s, lang, partial)),
  };
}

/** The whole derivation as plain JSON data (the `steps` of its detail level). */
export function derivationJson(d: Derivation, lang: Lang = 'en'): DerivationJson {
  const partial = isPartial(d);
  return {
    expr: toText(d.expr),
    wrt: d.wrt,
    order: d.order,
    vars: d.vars,
    detail: d.detail,
    result: toText(d.result),
    tex: derivationTex(d),
    resultTex: toTex(d.result),
    steps: d.steps.map((s) => stepJson(s, lang, partial)),
  };
}

// ------------------------------------------------------------ gradient and Hessian

/** ∇f as a column vector: `\nabla f = \begin{pmatrix} f_x \\ f_y \end{pmatrix}`. */
export function gradientTex(g: Gradient): string {
  const entries = g.gradient.map((e) => toTex(e)).join(' \\\\ ');
  return `\\nabla f = \\begin{pmatrix} ${entries} \\end{pmatrix}`;
}

/** The Hessian matrix: `H = \begin{pmatrix} f_{xx} & f_{xy} \\ … \end{pmatrix}`. */
export function hessianTex(h: Hessian): string {
  const rows = h.hessian.map((row) => row.map((e) => toTex(e)).join(' & ')).join(' \\\\ ');
  return `H = \\begin{pmatrix} ${rows} \\end{pmatrix}`;
}

export interface GradientJson {
  readonly expr: string;
  readonly vars: readonly string[];
  readonly partials: Readonly<Record<string, DerivationJson>>;
  readonly gradient: { readonly text: readonly string[]; readonly tex: string };
  readonly hessian?: readonly (readonly string[])[];
  readonly hessianTex?: string;
}

export function gradientJson(g: Gradient | Hessian, lang: Lang = 'en'): GradientJson {
  const partials: Record<string, DerivationJson> = {};
  g.partials.forEach((p, i) => {
    partials[g.vars[i] as string] = derivationJson(p, lang);
  });
  const h = 'hessian' in g ? g : undefined;
  return {
    expr: toText(g.expr),
    vars: g.vars,
    partials,
    gradient: { text: g.gradient.map((e) => toText(e)), tex: gradientTex(g) },
    ...(h ? { hessian: h.hessian.map((row) => row.map((e) => toText(e))), hessianTex: hessianTex(h) } : {}),
  };
}

/** Plain text: each partial's derivation, then ∇f (and H). */
export function gradientText(g: Gradient | Hessian, lang: Lang = 'en'): string {
  const parts = g.partials.map((p, i) => `∂f/∂${g.vars[i]}:\n${derivationText(p, lang)}`);
  parts.push(`∇f = (${g.gradient.map((e) => toText(e)).join(', ')})`);
  if ('hessian' in g)
    parts.push(`H = [${g.hessian.map((row) => `[${row.map((e) => toText(e)).join(', ')}]`).join(', ')}]`);
  return parts.join('\n\n');
}
