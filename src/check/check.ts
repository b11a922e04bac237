/**
 * The homework answer checker: is the student's derivative right, and if not,
 * which typical mistake explains it and where in the derivation does it happen?
 *
 * 1. Notation that still holds a derivative (`d/dx(…)`, `f'(x)`, `diff(…)`) is
 *    found in the text before parsing: such an answer is `unevaluated`.
 * 2. An answer that is the expected tree itself is `correct` at once; otherwise it
 *    is compared numerically on the real domain (`equivalence.ts`) — cheaper than
 *    simplifying it — and where too few real points exist, equal canonical forms
 *    (`simplify`) still decide `correct`. Where values overflow floating point (coefficients
 *    near 10³⁰⁸), the verdict is `out-of-range`, never "undefined there" (`magnitude.ts`).
 * 3. An equal answer is `correct-unsimplified` when it visibly holds unfinished
 *    work (`unsimplified.ts`).
 * 4. A different answer is matched against the typical wrong derivations
 *    (`mistakes.ts`); the first match names the mistake and its step.
 */
import { Budget, countNodes, NODE_BUDGET, TIME_BUDGET_MS } from '../calculus/budget.js';
import { type Derivation, positiveBases, type Step } from '../calculus/derivation.js';
import { differentiate } from '../calculus/differentiate.js';
import { type FormName, formOf } from '../calculus/forms.js';
import { isGradstepError, type SourceRange } from '../errors.js';
import { dependsOn, type Expr, equals, freeVars } from '../expr/ast.js';
import { parse } from '../expr/parse.js';
import { texSymbol, toTex } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import { simplify } from '../expr/simplify.js';
import { LANGS, type Lang, type Localized, localizeAll } from '../i18n/index.js';
import { formatNumber, texNumber } from '../util/format.js';
import {
  type Counterexample,
  compareWithSample,
  matchesValues,
  type Sample,
  sampleDomain,
  valuesAgree,
  valuesAt,
} from './equivalence.js';
import { holdsNonFiniteNumber, holdsUnderflowedNumber, overflowsAt, overflowsOnCandidates } from './magnitude.js';
import { mistakeMessage, verdictMessages } from './messages.js';
import { byPriority, type MistakeId, type Mutant, mutants } from './mistakes.js';
import { type MessagePart, type QuotedMath, richMessage } from './rich.js';
import { roundingError } from './rounding.js';
import { type UnsimplifiedReason, unsimplifiedReason } from './unsimplified.js';

/**
 * `out-of-range`: the values of the problem, its derivative or the answer at the sample
 * points exceed what floating point holds (about 1.8·10³⁰⁸), so the answer cannot be
 * compared numerically; it is not called wrong.
 */
export type Verdict =
  | 'correct'
  | 'correct-unsimplified'
  | 'incorrect'
  | 'invalid-answer'
  | 'unevaluated'
  | 'undecided'
  | 'out-of-range';

export interface CheckInput {
  /** The function to differentiate, as typed. */
  readonly problem: string;
  /** The variable to differentiate by (default: the only variable, else x, else the first of `vars`). */
  readonly wrt?: string;
  /** The variables of the problem (for reading `xy` as x·y, and for partials); every other name is a parameter. */
  readonly vars?: readonly string[];
  /** Names to read as parameters (constant symbols), also longer ones (`rate`). */
  readonly params?: readonly string[];
  /** 1 (default) for f′, 2 for f″, … */
  readonly order?: number;
  /** The student's derivative, as typed. */
  readonly answer: string;
  readonly lang?: Lang;
}

export interface Shown {
  readonly text: string;
  readonly tex: string;
}

export interface Diagnosis {
  readonly id: MistakeId;
  /** The id of the derivation step where the mistake happens (for a UI to highlight). */
  readonly step: string;
  /** The expression that step differentiates, as text. */
  readonly stepExpr: string;
  readonly messages: Localized;
}

export interface CheckResult {
  readonly verdict: Verdict;
  /** `message` split into text and the expressions it quotes, as TeX (for typesetting it). */
  readonly rich: readonly MessagePart[];
  /** `rich` in every language. */
  readonly richMessages: Readonly<Record<Lang, readonly MessagePart[]>>;
  /** `correct` or `correct-unsimplified`. */
  readonly correct: boolean;
  /** The main message in the requested language, and in every language. */
  readonly message: string;
  readonly messages: Localized;
  readonly problem: Shown;
  readonly wrt: string;
  readonly vars: readonly string[];
  /** The parameters (constant symbols) of the problem. */
  readonly params: readonly string[];
  readonly order: number;
  /** The expected derivative (simplified). */
  readonly expected: Shown;
  /** The answer as it was read; absent when it could not be read. */
  readonly answer?: Shown;
  readonly diagnosis?: Diagnosis;
  /**
   * For `incorrect`: the search for the likely mistake ran out of the check's budget
   * (`CHECK_BUDGET`) and was skipped; the verdict stands.
   */
  readonly diagnosisSkipped?: boolean;
  readonly counterexample?: Counterexample;
  /** Why an equal answer counts as unsimplified. */
  readonly unsimplified?: UnsimplifiedReason;
  /** For `invalid-answer`: the reading error and where it is in the answer. */
  readonly error?: { readonly code: string; readonly messages: Localized; readonly range?: SourceRange };
  /** For `unevaluated`: the derivative notation found in the answer. */
  readonly notation?: { readonly text: string; readonly range: SourceRange };
  /** Bases the expected derivative assumes positive (`a > 0` for aᵘ with a parameter a); the message says so too. */
  readonly assumptions?: readonly Shown[];
  /** For `correct`: the form of the expected answer the answer is written in (same terms and factors up to order). */
  readonly form?: FormName;
  /** How equality was decided: canonical forms, or the number of sample points. */
  readonly method?: 'exact' | 'numeric';
  readonly points?: number;
}

/**
 * The work one check may do after reading the answer: the same node and time budget
 * as one derivation. Mistake diagnosis spends what the comparison left; past it the
 * diagnosis is skipped ("diagnosis skipped") and the verdict is still given.
 */
export const CHECK_BUDGET = { nodes: NODE_BUDGET, ms: TIME_BUDGET_MS } as const;

/** Longer answers are refused by the parser; the notation scan stops there too. */
const MAX_ANSWER_LENGTH = 1000;

// ------------------------------------------------------------------ unevaluated notation

/** Derivative notation a finished answer must not contain; `usesD` patterns are skipped when d (or D) is a variable. */
const DERIVATIVE_NOTATION: readonly { re: RegExp; usesD?: 'd' | 'D' }[] = [
  { re: /\bd\s*[A-Za-z]?\s*\/\s*d\s*[A-Za-z]/, usesD: 'd' }, // d/dx, d / d x, dy/dx
  { re: /∂/ },
  { re: /\b(?:diff|derivative|deriv|differentiate)\s*\(/ },
  { re: /\bD\s*\(/, usesD: 'D' },
  { re: /[A-Za-z0-9)\]]\s*['′’]/ }, // f'(x), y', (x^2)'
  { re: /\bd\s*\(/, usesD: 'd' }, // d(x^2)
];

/** The first derivative notation in `text`, with its range. */
export function findDerivativeNotation(
  text: string,
  vars: readonly string[] = [],
): { text: string; range: SourceRange } | undefined {
  let best: { text: string; range: SourceRange } | undefined;
  for (const { re, usesD } of DERIVATIVE_NOTATION) {
    if (usesD && vars.includes(usesD)) continue;
    const m = re.exec(text);
    if (m && (!best || m.index < best.range.start)) {
      best = { text: m[0].trim(), range: { start: m.index, end: m.index + m[0].length } };
    }
  }
  return best;
}

// ------------------------------------------------------------------ the problem

/** A problem read once: its derivation, expected derivative and sample points, shared by every answer to it. */
export interface PreparedProblem {
  readonly expr: Expr;
  readonly shown: Shown;
  readonly wrt: string;
  readonly vars: readonly string[];
  /** The parameters (constant symbols): held constant, sampled like the variables. */
  readonly params: readonly string[];
  readonly order: number;
  readonly derivation: Derivation;
  readonly expected: Expr;
  readonly expectedShown: Shown;
  readonly sample: Sample;
  /** Bases the derivation assumes positive (aᵘ for a parameter a): every verdict says so. */
  readonly positiveBases: readonly Shown[];
}

function chooseWrt(wrt: string | undefined, vars: readonly string[]): string {
  if (wrt) return wrt;
  if (vars.length === 1) return vars[0] as string;
  if (vars.includes('x') || vars.length === 0) return 'x';
  return vars[0] as string;
}

/** Reads and differentiates the problem. Throws GradstepError when the problem cannot be read. */
export function prepareProblem(input: {
  problem: string;
  wrt?: string;
  vars?: readonly string[];
  params?: readonly string[];
  order?: number;
}): PreparedProblem {
  const names = { ...(input.vars ? { vars: input.vars } : {}), ...(input.params ? { params: input.params } : {}) };
  const parsed = parse(input.problem, names);
  const declared = input.vars ?? parsed.vars;
  const wrt = chooseWrt(input.wrt, declared);
  const vars = declared.includes(wrt) ? [...declared] : [...declared, wrt];
  const params = parsed.params.filter((q) => !vars.includes(q));
  const order = input.order ?? 1;
  const derivation = differentiate(parsed.expr, { wrt, order, vars, params, detail: 'full' });
  const expected = derivation.result;
  return {
    expr: parsed.expr,
    shown: { text: parsed.text, tex: parsed.tex },
    wrt,
    vars,
    params,
    order,
    derivation,
    expected,
    expectedShown: { text: toText(expected), tex: toTex(expected) },
    positiveBases: positiveBases(derivation).map((b) => ({ text: toText(b), tex: toTex(b) })),
    // Parameters are sampled like the variables: the answer must be right for every value of them.
    sample: sampleDomain(parsed.expr, expected, [...vars, ...params]),
  };
}

// ------------------------------------------------------------------ checking

function localize(messages: Localized, lang: Lang): string {
  return messages[lang];
}

/** Checks a student's derivative against the problem. Throws GradstepError only when the PROBLEM cannot be read. */
export function checkAnswer(input: CheckInput): CheckResult {
  const prepared = prepareProblem(input);
  return checkPrepared(prepared, input.answer, input.lang ?? 'en');
}

/** Checks an answer against an already prepared problem. */
export function checkPrepared(
  p: PreparedProblem,
  typed: string,
  lang: Lang = 'en',
  budget: { readonly nodes: number; readonly ms: number } = CHECK_BUDGET,
): CheckResult {
  const work = new Budget(budget.nodes, budget.ms);
  // "f'(x) = 2x" answers with its right-hand side; ranges still point into what was typed.
  const eq = typed.lastIndexOf('=');
  const offset = eq >= 0 && eq < MAX_ANSWER_LENGTH ? eq + 1 : 0;
  const answerText = typed.slice(offset);
  const shift = (r: SourceRange): SourceRange => ({ start: r.start + offset, end: r.end + offset });
  const base = {
    problem: p.shown,
    wrt: p.wrt,
    vars: p.vars,
    params: p.params,
    order: p.order,
    expected: p.expectedShown,
    ...(p.positiveBases.length
      ? { assumptions: p.positiveBases.map((b) => ({ text: `${b.text} > 0`, tex: `${b.tex} > 0` })) }
      : {}),
  };
  // aᵘ with a parameter a is differentiated assuming a > 0: every verdict says so after its message.
  const bases = p.positiveBases.map((b) => b.text);
  const withAssumption = (messages: Localized): Localized =>
    bases.length === 0
      ? messages
      : localizeAll((m, l) => m.verdicts.join(messages[l], m.derivation.assumption({ bases })));
  const finish = (
    verdict: Verdict,
    messages: Localized,
    extra: Partial<Omit<CheckResult, 'verdict' | 'message' | 'messages' | 'correct' | 'rich' | 'richMessages'>> = {},
    quoted: readonly QuotedMath[] = [],
  ): CheckResult => {
    messages = withAssumption(messages);
    const richMessages = {} as Record<Lang, readonly MessagePart[]>;
    for (const l of LANGS) richMessages[l] = richMessage(messages[l], quoted);
    return {
      verdict,
      correct: verdict === 'correct' || verdict === 'correct-unsimplified',
      message: localize(messages, lang),
      messages,
      rich: richMessages[lang],
      richMessages,
      ...base,
      ...extra,
    };
  };

  const notation = findDerivativeNotation(answerText.slice(0, MAX_ANSWER_LENGTH), p.vars);
  if (notation) {
    return finish('unevaluated', verdictMessages.unevaluated(notation.text), {
      notation: { text: notation.text, range: shift(notation.range) },
    });
  }

  let answer: Expr;
  let shown: Shown;
  try {
    const parsed = parse(answerText, { vars: p.vars, params: p.params });
    answer = parsed.expr;
    shown = { text: parsed.text, tex: parsed.tex };
  } catch (error) {
    if (!isGradstepError(error)) throw error;
    return finish('invalid-answer', verdictMessages.invalid(error.messages), {
      error: { code: error.code, messages: error.messages, ...(error.range ? { range: shift(error.range) } : {}) },
    });
  }
  const unknown = freeVars(answer).find((v) => !p.vars.includes(v) && !p.params.includes(v));
  if (unknown) {
    const messages = verdictMessages.unknownVariable(unknown, p.vars);
    const at = answerText.indexOf(unknown);
    return finish('invalid-answer', messages, {
      answer: shown,
      error: {
        code: 'check/unknown-variable',
        messages,
        ...(at >= 0 ? { range: shift({ start: at, end: at + unknown.length }) } : {}),
      },
    });
  }

  const equal = (method: 'exact' | 'numeric', points?: number): CheckResult => {
    const reason = unsimplifiedReason(answer);
    if (reason) {
      return finish(
        'correct-unsimplified',
        verdictMessages.unsimplified(reason, p.expectedShown.text),
        { answer: shown, unsimplified: reason, method, ...(points !== undefined ? { points } : {}) },
        [p.expectedShown],
      );
    }
    const form = formOfSafely(answer, p.expected);
    return finish('correct', verdictMessages.correct(form), {
      answer: shown,
      ...(form ? { form } : {}),
      method,
      ...(points !== undefined ? { points } : {}),
    });
  };

  // Values past floating point's range decide nothing: say so instead of calling the answer wrong.
  const outOfRange = (points: number): CheckResult =>
    finish('out-of-range', verdictMessages.outOfRange(), { answer: shown, method: 'numeric', points });
  // An expected derivative whose numbers overflowed when folded (2·1e308) is no reference.
  if (holdsNonFiniteNumber(p.expected)) return outOfRange(0);
  // A number that floating point rounds to 0 (1e-330) leaves a term the values cannot see.
  if (holdsUnderflowedNumber(p.expr) || holdsUnderflowedNumber(answer)) return outOfRange(0);
  // The same tree as the expected derivative needs no sampling.
  if (equals(answer, p.expected)) return equal('exact');
  const vars = p.sample.vars;
  const comparison = compareWithSample(p.sample, answer, {
    skip: (point) => overflowsAt(answer, vars, point),
    noise: (point) => roundingError(p.expected, vars, point) + roundingError(answer, vars, point),
  });
  if (comparison.kind === 'equal') return equal('numeric', comparison.points);
  if (comparison.kind === 'out-of-range') return outOfRange(comparison.points);
  if (comparison.kind === 'undecided') {
    // Too few real points to compare numerically: the canonical forms can still agree.
    if (equals(simplifySafely(answer), simplifySafely(p.expected))) return equal('exact');
    // Too few because the problem or its derivative overflows there, not because the domain is small.
    if (overflowsOnCandidates([p.expr, p.expected], p.sample.vars)) return outOfRange(comparison.points);
    return finish('undecided', verdictMessages.undecided(comparison.points), { answer: shown, method: 'numeric' });
  }

  const found = diagnoseSafely(p, answer, work);
  const mutant = found === 'skipped' ? undefined : found;
  const diagnosis = mutant ? toDiagnosis(p, mutant) : undefined;
  const sameAsProblem =
    found !== 'skipped' && !mutant && p.order === 1 && matchesValues(p.sample, valuesAt(p.sample, p.expr), answer);
  const explanation = diagnosis?.messages ?? (sameAsProblem ? verdictMessages.sameAsProblem() : undefined);
  const incorrect = verdictMessages.incorrect(comparison.counterexample, explanation);
  const messages: Localized =
    found === 'skipped' ? localizeAll((m, l) => m.verdicts.join(incorrect[l], m.verdicts.diagnosisSkipped)) : incorrect;
  return finish(
    'incorrect',
    messages,
    {
      answer: shown,
      counterexample: comparison.counterexample,
      method: 'numeric',
      ...(diagnosis ? { diagnosis } : {}),
      ...(found === 'skipped' ? { diagnosisSkipped: true } : {}),
    },
    [...(mutant ? mutantMath(mutant) : []), ...pointMath(comparison.counterexample.at)],
  );
}

/** The expressions a mistake's message quotes, as it prints them and as TeX. */
function mutantMath(m: Mutant): QuotedMath[] {
  return [m.step.expr, m.detail, m.step.rule === 'chain' ? m.step.u.expr : undefined]
    .filter((e): e is Expr => e !== undefined)
    .map((e) => ({ text: toText(e), tex: toTex(e) }));
}

/** The point of a counterexample, "x = 2", as TeX. */
function pointMath(at: Readonly<Record<string, number>>): QuotedMath[] {
  return Object.entries(at).map(([k, v]) => ({
    text: `${k} = ${formatNumber(v)}`,
    tex: `${texSymbol(k)} = ${texNumber(v)}`,
  }));
}

/** Naming the form is a bonus too: without it the verdict stands. */
function formOfSafely(answer: Expr, expected: Expr): FormName | undefined {
  try {
    return formOf(answer, expected);
  } catch (error) {
    if (isGradstepError(error)) return undefined;
    throw error;
  }
}

/** A diagnosis is a bonus: when the check's work budget runs out, the verdict stands without one. */
function diagnoseSafely(p: PreparedProblem, answer: Expr, budget: Budget): Mutant | undefined | 'skipped' {
  try {
    return diagnose(p, answer, budget);
  } catch (error) {
    if (isGradstepError(error)) return 'skipped';
    throw error;
  }
}

function simplifySafely(e: Expr): Expr {
  try {
    return simplify(e);
  } catch (error) {
    if (isGradstepError(error)) return e;
    throw error;
  }
}

/** The derivatives by the other variables the problem depends on (for "total instead of partial"). */
function otherPartials(p: PreparedProblem): Expr[] {
  if (p.order !== 1) return [];
  const others = p.vars.filter((v) => v !== p.wrt && dependsOn(p.expr, v));
  return others.map((v) => differentiate(p.expr, { wrt: v, vars: p.vars, params: p.params, detail: 'brief' }).result);
}

/** The most likely mistake that turns the correct derivation into `answer`, if any. */
export function diagnose(
  p: PreparedProblem,
  answer: Expr,
  budget = new Budget(CHECK_BUDGET.nodes, CHECK_BUDGET.ms),
): Mutant | undefined {
  const root = p.derivation.steps.at(-1) as Step | undefined;
  if (!root) return undefined;
  const answerValues = valuesAt(p.sample, answer);
  const seen: Expr[] = [];
  budget.spend(0);
  const candidates = byPriority(mutants(root, otherPartials(p)));
  for (const m of candidates) {
    // Each candidate costs its size (compared with those seen, then evaluated at every point).
    budget.spend(countNodes(m.result, budget.remaining + 1) * (1 + seen.length / 16));
    budget.checkTime();
    if (seen.some((s) => equals(s, m.result))) continue;
    seen.push(m.result);
    const values = valuesAt(p.sample, m.result);
    // A "mistake" that does not change the derivative explains nothing.
    if (valuesAgree(p.sample, p.sample.expected, values)) continue;
    if (valuesAgree(p.sample, answerValues, values)) return m;
  }
  return undefined;
}

function toDiagnosis(p: PreparedProblem, m: Mutant): Diagnosis {
  const others = p.vars.filter((v) => v !== p.wrt && dependsOn(p.expr, v));
  return {
    id: m.id,
    step: m.step.id,
    stepExpr: toText(m.step.expr),
    messages: mistakeMessage(m, { wrt: p.wrt, others }),
  };
}
