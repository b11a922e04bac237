/**
 * Printers of derivations: TeX for each step (general formula, the instance with
 * the functions substituted, the result) and for the whole derivation as an
 * aligned chain; plain text with prose in English or Korean; JSON of the tree.
 * They only read the step tree — nothing here differentiates.
 */
import { add, type Expr, freeVars, pow, sym } from '../expr/ast.js';
import type { Builders } from '../expr/functions.js';
import { texSymbol, toTex, toTexWith } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import { canonicalKey, simplify } from '../expr/simplify.js';
import { type Lang, messagesFor } from '../i18n/index.js';
import {
  assumedPositive,
  type Derivation,
  type Gradient,
  type Hessian,
  heldNames,
  positiveBases,
  type Simplification,
  type Step,
} from './derivation.js';
import { fullStep } from './detail.js';
import { operatorTex, PLAIN, RULE_OBJECTS, ruleFormula, type Shape, SIMPLIFY_FORMULA, TIDY } from './rules.js';
import { tMul } from './tidy.js';

// ------------------------------------------------------------ templates

/**
 * Derivatives still to be taken, as tree nodes: each is a symbol whose name no
 * person can type (`#0`, `#1`, …); `toTex` prints it as `\frac{d}{dx}\left(…\right)`
 * through its symbol hook, and sets the parentheses around it like around any atom.
 */
class Placeholders {
  private readonly tex: string[] = [];

  /** A placeholder standing for the (not yet evaluated) derivative of `e`. */
  derivative(e: Expr, wrt: string, partial: boolean): Expr {
    this.tex.push(`${operatorTex(wrt, partial)}\\left(${exprTex(e)}\\right)`);
    return sym(`#${this.tex.length - 1}`);
  }

  print(e: Expr): string {
    return toTexWith(e, (name) => (name.startsWith('#') ? this.tex[Number(name.slice(1))] : undefined));
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

/** Whether a step writes ∂ (a partial of a function of several variables, never by an inner variable). */
const usesPartial = (s: Step, partial: boolean): boolean => partial && !s.inner;

/**
 * The step's rule written out with its substeps' derivatives given by `part` (a
 * placeholder, an expanded form or a result), through the rule's own `combine`.
 * Undefined for a rule applied in one move (a leaf: constant, power, sin, …) and
 * for a sum of one term.
 */
function instance(view: Step, part: (sub: Step) => Expr, b: Builders): Expr | undefined {
  const step = fullStep(view);
  if (step.substeps.length === 0) return undefined;
  if (step.rule === 'sum' && step.substeps.length < 2) return undefined;
  // The outer part of a chain is applied in one move: f′(u) is written with u put back.
  const parts = step.substeps.map((s, i) => (step.rule === 'chain' && i === 0 ? s.result : part(s)));
  return RULE_OBJECTS[step.rule].combine(step as Shape, parts, b);
}

const hasPlaceholder = (e: Expr): boolean => freeVars(e).some((n) => n.startsWith('#'));

/** The keys of the sums that are factors of a product (or powers of them). */
const sumsOf = (e: Expr): string[] =>
  (e.kind === 'mul' ? e.factors : [e])
    .map((f) => (f.kind === 'pow' ? f.base : f))
    .filter((f) => f.kind === 'add')
    .map(canonicalKey);

/**
 * How a line is written once some derivatives are taken: products of results read
 * as a teacher writes them (x·(1/x) → 1, cos x·cos x → cos²x, 2x·x → 2x²), numbers
 * gathered, but a sum keeps its zero terms (`+ 0`), so a constant's derivative is
 * seen to vanish rather than silently dropped.
 */
const SHOWN: Builders = {
  ...TIDY,
  add: (...terms) => {
    const flat = terms.flatMap((t) => (t.kind === 'add' ? t.terms : [t]));
    return flat.length === 1 ? (flat[0] as Expr) : add(...flat);
  },
  mul: (...factors) => {
    const product = tMul(...factors);
    if (product.kind !== 'mul' || hasPlaceholder(product)) return product;
    try {
      // Factors gathered, but the sums the rules made kept: y·(ln x + 1 − 1/(x + 1)) of logarithmic
      // differentiation is not put over one denominator in the middle of a step.
      const simplified = simplify(product);
      const kept = sumsOf(simplified);
      return sumsOf(product).every((k) => kept.includes(k)) ? simplified : product;
    } catch {
      return product;
    }
  },
};

// ------------------------------------------------------------ one step

export interface StepTex {
  /** The rule's general formula, naming this step's variable. */
  readonly formula: string;
  /** The rule written out for this step, derivatives of the parts not yet taken ('' for a one-move rule). */
  readonly instance: string;
  readonly result: string;
  /** The whole line: `d/dx f = instance = result` (with u = … for the chain rule); never `A = A`. */
  readonly tex: string;
}

/** TeX of one step. `partial` writes ∂/∂x instead of d/dx. */
export function stepTex(step: Step, partial = false): StepTex {
  const holes = new Placeholders();
  const inst =
    step.rule === 'chain'
      ? undefined
      : instance(step, (s) => holes.derivative(s.expr, s.wrt, usesPartial(s, partial)), PLAIN);
  // The parts' derivatives put in, before tidying: `9x^{2} - 2 + 0` names the vanished constant.
  const filled = step.rule === 'chain' ? undefined : instance(step, (s) => s.result, SHOWN);
  const lhs = `${operatorTex(step.wrt, usesPartial(step, partial))}\\left(${exprTex(step.expr)}\\right)`;
  const result = toTex(step.result);
  const instanceTex = inst ? holes.print(inst) : step.rule === 'power' ? (powerInstance(step.expr) ?? '') : '';
  const middle: string[] = [];
  if (instanceTex) middle.push(instanceTex);
  if (filled) middle.push(toTex(filled));
  if (step.rule === 'chain') {
    // dy/dx = dy/du · du/dx = f′(u) · g′(x), then u substituted back.
    const [outer, inner] = step.substeps;
    const u = texSymbol(step.u.name);
    if (outer && inner) {
      middle.push(
        `\\frac{d}{d${u}}\\left(${exprTex(outer.expr)}\\right)\\cdot ${operatorTex(step.wrt, usesPartial(step, partial))}\\left(${toTex(inner.expr)}\\right)`,
      );
      middle.push(`${parenthesized(outer.result)}\\cdot ${parenthesized(inner.result)}`);
    }
  }
  const chainHead = step.rule === 'chain' ? `${texSymbol(step.u.name)} = ${toTex(step.u.expr)}:\\quad ` : '';
  const line = distinct([lhs, ...middle, result]).join(' = ');
  return { formula: ruleFormula(step, partial), instance: instanceTex, result, tex: chainHead + line };
}

/** TeX of a final simplification: the rules' result = the answer. */
export function simplificationTex(s: Simplification): StepTex {
  const before = toTex(s.before);
  const result = toTex(s.after);
  return { formula: SIMPLIFY_FORMULA, instance: '', result, tex: distinct([before, result]).join(' = ') };
}

function parenthesized(e: Expr): string {
  const t = toTex(e);
  return e.kind === 'add' || t.startsWith('-') ? `\\left(${t}\\right)` : t;
}

/** The lines without a repeat of the line before: a chain never reads `A = A`. */
function distinct(lines: readonly string[]): string[] {
  return lines.filter((l, i) => l !== lines[i - 1]);
}

// ------------------------------------------------------------ the whole derivation

/** Whether printing uses ∂: the function has more than one variable (parameters do not count). */
export function isPartial(d: Derivation): boolean {
  return d.vars.length > 1;
}

/**
 * The lines of the aligned chain for one root: the rule applied at the top with the
 * parts' derivatives pending, then each level of pending derivatives taken in turn
 * (tidied: 0 and 1 folded), then the result and the simplified answer.
 */
function chainLines(root: Step, simplified: Simplification | undefined, partial: boolean): string[] {
  const lines: string[] = [];
  for (let depth = 1; depth <= 64; depth++) {
    const holes = new Placeholders();
    let pending = false;
    const expand = (s: Step, level: number): Expr => {
      if (level === 0) {
        pending = true;
        return holes.derivative(s.expr, s.wrt, usesPartial(s, partial));
      }
      return instance(s, (sub) => expand(sub, level - 1), depth > 1 ? SHOWN : PLAIN) ?? s.result;
    };
    lines.push(holes.print(expand(root, depth)));
    if (!pending) break;
  }
  // The simplified answer follows the last expanded line; without one, the rules' result ends the chain.
  lines.push(toTex(simplified ? simplified.after : root.result));
  return distinct(lines);
}

/** The derivation as one `aligned` chain of equalities, every order in turn. */
export function derivationTex(d: Derivation): string {
  const partial = isPartial(d);
  const rows: string[] = [];
  d.full.forEach((root, k) => {
    const f = toTex(root.expr);
    const lhs = `${operatorTex(d.wrt, partial)}\\left(${f}\\right)`;
    const lines = chainLines(root, d.simplified[k], partial);
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
    if (s.rule === 'chain') out.push(`${texSymbol(s.u.name)} = ${toTex(s.u.expr)}`);
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
  if (step.rule === 'chain') notes.push(`${m.derivation.letWord} ${step.u.name} = ${toText(step.u.expr)}`);
  const held = heldNames(step);
  if (held.length > 0) notes.push(m.derivation.held({ names: held }));
  const base = assumedPositive(step);
  if (base) notes.push(m.derivation.assuming({ bases: [toText(base)] }));
  const note = notes.length ? ` (${notes.join('; ')})` : '';
  // A sum names the terms whose derivative vanished (`9*x^2 - 2 + 0`) before dropping them.
  const filled = step.rule === 'sum' ? instance(step, (s) => s.result, SHOWN) : undefined;
  const result = toText(step.result);
  const middle = filled && toText(filled) !== result ? `${toText(filled)} = ` : '';
  return `${m.rules[step.rule].name}${note}: d/d${step.wrt} [${toText(step.expr)}] = ${middle}${result}`;
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
    visit(root, indent);
    const simplified = d.simplified[k];
    if (simplified)
      lines.push(`${indent}${m.rules.simplify.name}: ${toText(simplified.before)} = ${toText(simplified.after)}`);
  });
  lines.push(`${m.derivation.answer}: ${toText(d.result)}`);
  const bases = positiveBases(d);
  if (bases.length > 0) lines.push(m.derivation.assumption({ bases: bases.map((b) => toText(b)) }));
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
  /** The step differentiates by an inner variable u (d/du). */
  readonly inner?: true;
  readonly substeps: readonly StepJson[];
}

export interface SimplificationJson {
  readonly before: string;
  readonly after: string;
  readonly tex: string;
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
  readonly params: readonly string[];
  readonly steps: readonly StepJson[];
  /** Bases the rules assumed positive (`a > 0` for aᵘ with a parameter a), as text and TeX. */
  readonly assumptions: readonly { readonly text: string; readonly tex: string }[];
  /** Per order: the final simplification of the rules' result, or null where it changes nothing. */
  readonly simplified: readonly (SimplificationJson | null)[];
}

export function stepJson(step: Step, lang: Lang = 'en', partial = false): StepJson {
  const words = messagesFor(lang).rules[step.rule];
  return {
    id: step.id,
    rule: step.rule,
    name: words.name,
    wrt: step.wrt,
    expr: toText(step.expr),
    result: toText(step.result),
    tex: stepTex(step, partial).tex,
    formula: ruleFormula(step, partial),
    prose: words.prose,
    ...(step.rule === 'chain' ? { u: { name: step.u.name, expr: toText(step.u.expr) } } : {}),
    ...(step.rule === 'held-constant' || step.rule === 'constant-multiple' ? { held: step.held } : {}),
    ...(step.inner ? { inner: true as const } : {}),
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
    params: d.params,
    detail: d.detail,
    result: toText(d.result),
    tex: derivationTex(d),
    resultTex: toTex(d.result),
    steps: d.steps.map((s) => stepJson(s, lang, partial)),
    // Bases the rules assumed positive (aᵘ for a parameter a): empty when there are none.
    assumptions: positiveBases(d).map((b) => ({ text: `${toText(b)} > 0`, tex: `${toTex(b)} > 0` })),
    simplified: d.simplified.map((s) =>
      s ? { before: toText(s.before), after: toText(s.after), tex: simplificationTex(s).tex } : null,
    ),
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
