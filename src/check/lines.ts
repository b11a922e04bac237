/**
 * Line-by-line checking of a student's own worked derivative.
 *
 * Each line is read (after an optional `… =` prefix); a derivative the line still
 * holds — `d/dx(…)`, `d/dx[…]` or `(…)'` — is a rule application in progress and is
 * evaluated by the engine, so `3(2x − 1)² · d/dx(2x − 1)` reads as 3(2x − 1)²·2.
 * Every line must then equal the previous one on the real domain; the first line
 * must equal the derivative. As long as all lines agree, "equal to the previous
 * line" and "equal to the derivative" are the same test, so each line is compared
 * with the expected derivative, and the first one that differs is where the work
 * breaks: it is reported with a counterexample against the line before it and,
 * when one matches, the typical mistake that explains it.
 */
import { differentiate } from '../calculus/differentiate.js';
import { GradstepError, isGradstepError, type SourceRange } from '../errors.js';
import { type Expr, freeVars } from '../expr/ast.js';
import { parse } from '../expr/parse.js';
import { toText } from '../expr/print-text.js';
import { type Lang, type Localized, localizeAll, type Messages } from '../i18n/index.js';
import {
  type CheckInput,
  type Diagnosis,
  diagnose,
  findDerivativeNotation,
  prepareProblem,
  type Shown,
} from './check.js';
import { type Comparison, type Counterexample, compareWithSample } from './equivalence.js';
import { holdsNonFiniteNumber, holdsUnderflowedNumber, overflowsAt, overflowsOnCandidates } from './magnitude.js';
import { formatPoint, formatValue, mistakeMessage } from './messages.js';
import { roundingError } from './rounding.js';
import { unsimplifiedReason } from './unsimplified.js';

export interface DerivationCheckInput extends Omit<CheckInput, 'answer'> {
  /** The student's lines, first to last (each may start with `y' =` or `=`). */
  readonly lines: readonly string[];
}

/**
 * `out-of-range`: the line's values (or the derivative's) leave floating point's range at the
 * sample points, so the line can be neither confirmed nor refuted; checking stops there.
 */
export type LineStatus = 'ok' | 'broken' | 'invalid' | 'out-of-range' | 'unchecked';

export interface LineReport {
  /** 0-based index in `lines`. */
  readonly index: number;
  readonly input: string;
  /** The line as read, with every derivative it held carried out. */
  readonly read?: Shown;
  readonly status: LineStatus;
  /** The line still applied a rule (held a derivative that was carried out). */
  readonly ruleApplication?: boolean;
  readonly messages?: Localized;
  readonly counterexample?: Counterexample;
  readonly diagnosis?: Diagnosis;
  readonly range?: SourceRange;
}

export interface DerivationCheckResult {
  /** Every line follows, and the last one is a finished derivative. */
  readonly correct: boolean;
  /** The index of the first line that does not follow (or cannot be read, or cannot be decided). */
  readonly firstBroken?: number;
  /** The last line has no derivative left in it. */
  readonly finished: boolean;
  /** The last line is finished but not simplified. */
  readonly simplified: boolean;
  readonly expected: Shown;
  readonly lines: readonly LineReport[];
  readonly message: string;
  readonly messages: Localized;
}

/** The most lines one check reads (a worked derivative, not a book). */
export const MAX_LINES = 60;
/** The longest line read (the parser's own limit). */
export const MAX_LINE_LENGTH = 1000;

// ------------------------------------------------------------------ carrying out derivatives in a line

function closingIndex(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']' };
  const want = pairs[text[open] as string];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === text[open]) depth++;
    else if (c === want && --depth === 0) return i;
  }
  return -1;
}

function openingIndex(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return -1;
}

const D_OPERATOR = /d\s*\/\s*d\s*([A-Za-z][A-Za-z0-9_]*?)\s*([([])/;
const PRIME = /\)\s*['′’]/;

interface Context {
  readonly wrt: string;
  readonly vars: readonly string[];
  readonly params: readonly string[];
}

function derivativeText(inner: string, wrt: string, ctx: Context): string {
  const resolved = carryOut(inner, ctx, 0).text;
  const result = differentiate(resolved, { wrt, vars: ctx.vars, params: ctx.params }).result;
  return `(${toText(result)})`;
}

/** `text` with every `d/dv(…)`, `d/dv[…]` and `(…)'` replaced by the derivative, in parentheses. */
function carryOut(text: string, ctx: Context, depth: number): { text: string; applied: boolean } {
  if (depth > 20) throw unreadable('too deeply nested', { start: 0, end: text.length });
  let current = text;
  let applied = false;
  for (let guard = 0; guard < 50; guard++) {
    const d = D_OPERATOR.exec(current);
    if (d) {
      const open = d.index + d[0].length - 1;
      const close = closingIndex(current, open);
      const variable = d[1] as string;
      if (close < 0) throw unreadable('unbalanced brackets after d/d', { start: d.index, end: current.length });
      const replacement = derivativeText(current.slice(open + 1, close), variable, ctx);
      current = current.slice(0, d.index) + replacement + current.slice(close + 1);
      applied = true;
      continue;
    }
    const p = PRIME.exec(current);
    if (p) {
      const open = openingIndex(current, p.index);
      if (open < 0) throw unreadable(undefined, { start: 0, end: p.index + 1 });
      const replacement = derivativeText(current.slice(open + 1, p.index), ctx.wrt, ctx);
      current = current.slice(0, open) + replacement + current.slice(p.index + p[0].length);
      applied = true;
      continue;
    }
    break;
  }
  return { text: current, applied };
}

/** `near` undefined: unbalanced parentheses before a prime. */
function unreadable(near: string | undefined, range: SourceRange): GradstepError {
  return new GradstepError('check/unreadable-derivative', near === undefined ? {} : { near }, range);
}

/** The right-hand side of a line such as `y' = 3(2x − 1)^2 · 2`. */
function rightHandSide(line: string): { text: string; offset: number } {
  const eq = line.lastIndexOf('=');
  if (eq < 0) return { text: line, offset: 0 };
  return { text: line.slice(eq + 1), offset: eq + 1 };
}

// ------------------------------------------------------------------ checking

/** Checks a worked derivative line by line and reports the first line where the work breaks. */
export function checkDerivation(input: DerivationCheckInput): DerivationCheckResult {
  const lang: Lang = input.lang ?? 'en';
  if (input.lines.length > MAX_LINES) {
    throw new GradstepError('check/too-many-lines', { count: input.lines.length, max: MAX_LINES });
  }
  const p = prepareProblem(input);
  const ctx: Context = { wrt: p.wrt, vars: p.vars, params: p.params };
  const reports: LineReport[] = [];
  let firstBroken: number | undefined;
  let lastExpr: Expr | undefined;
  let lastFinished = false;

  input.lines.forEach((line, index) => {
    if (firstBroken !== undefined) {
      reports.push({ index, input: line, status: 'unchecked' });
      return;
    }
    const line1 = index + 1;
    const rhs = rightHandSide(line);
    let expr: Expr;
    let read: Shown;
    let applied = false;
    try {
      if (line.length > MAX_LINE_LENGTH) {
        throw new GradstepError('check/line-too-long', { length: line.length, max: MAX_LINE_LENGTH });
      }
      const carried = carryOut(rhs.text, ctx, 0);
      applied = carried.applied;
      const left = findDerivativeNotation(carried.text, p.vars);
      if (left) throw unreadable(left.text, left.range);
      const parsed = parse(carried.text, { vars: p.vars, params: p.params });
      const unknown = freeVars(parsed.expr).find((v) => !p.vars.includes(v) && !p.params.includes(v));
      if (unknown) {
        throw new GradstepError('check/unknown-variable', { name: unknown });
      }
      expr = parsed.expr;
      read = { text: parsed.text, tex: parsed.tex };
    } catch (error) {
      if (!isGradstepError(error)) throw error;
      firstBroken = index;
      reports.push({
        index,
        input: line,
        status: 'invalid',
        messages: localizeAll((m, lang) => m.lines.unreadable({ line: line1, error: error.localized(lang) })),
        // A range points into the typed line only when no derivative was carried out before reading it.
        ...(error.range && !applied ? { range: shift(error.range, rhs.offset) } : {}),
      });
      return;
    }
    const comparison = compareLine(p, expr);
    if (comparison.kind === 'equal') {
      reports.push({ index, input: line, read, status: 'ok', ...(applied ? { ruleApplication: true } : {}) });
      lastExpr = expr;
      lastFinished = !applied;
      return;
    }
    firstBroken = index;
    if (comparison.kind === 'out-of-range') {
      reports.push({
        index,
        input: line,
        read,
        status: 'out-of-range',
        messages: localizeAll((m) => m.lines.outOfRange({ line: line1 })),
      });
      return;
    }
    if (comparison.kind === 'undecided') {
      reports.push({
        index,
        input: line,
        read,
        status: 'broken',
        messages: localizeAll((m) => m.lines.undecided({ line: line1 })),
      });
      return;
    }
    const c = comparison.counterexample;
    const mutant = applied ? undefined : diagnose(p, expr);
    const others = p.vars.filter((v) => v !== p.wrt);
    const mistake = mutant ? mistakeMessage(mutant, { wrt: p.wrt, others }) : undefined;
    const why = (m: Messages): string => {
      const at = formatPoint(c.at, m);
      const got = formatValue(c.answer, m);
      const expected = formatValue(c.expected, m);
      return index === 0
        ? m.lines.notDerivative({ line: line1, at, expected, got })
        : m.lines.notFollowing({ line: line1, previous: index, at, expected, got });
    };
    reports.push({
      index,
      input: line,
      read,
      status: 'broken',
      ...(applied ? { ruleApplication: true } : {}),
      messages: localizeAll((m, lang) => (mistake ? m.verdicts.join(why(m), mistake[lang]) : why(m))),
      counterexample: c,
      ...(mutant
        ? {
            diagnosis: {
              id: mutant.id,
              step: mutant.step.id,
              stepExpr: toText(mutant.step.expr),
              messages: mistake as Localized,
            },
          }
        : {}),
    });
  });

  const finished = firstBroken === undefined && lastFinished;
  const simplified = finished && lastExpr !== undefined && unsimplifiedReason(lastExpr) === undefined;
  const correct = firstBroken === undefined && finished && input.lines.length > 0;
  const messages = summary(reports, firstBroken, correct, finished, simplified, input.lines.length, p.expectedShown);
  return {
    correct,
    ...(firstBroken !== undefined ? { firstBroken } : {}),
    finished,
    simplified,
    expected: p.expectedShown,
    lines: reports,
    message: messages[lang],
    messages,
  };
}

/**
 * A line against the expected derivative, as `checkAnswer` compares an answer: points where
 * the line only overflows are set aside, rounding noise is allowed for, and values past
 * floating point's range make the line `out-of-range` rather than different or undecided.
 */
function compareLine(p: ReturnType<typeof prepareProblem>, expr: Expr): Comparison {
  if (holdsNonFiniteNumber(p.expected) || holdsUnderflowedNumber(p.expr) || holdsUnderflowedNumber(expr)) {
    return { kind: 'out-of-range', points: 0 };
  }
  const vars = p.sample.vars;
  const comparison = compareWithSample(p.sample, expr, {
    skip: (point) => overflowsAt(expr, vars, point),
    noise: (point) => roundingError(p.expected, vars, point) + roundingError(expr, vars, point),
  });
  if (comparison.kind === 'undecided' && overflowsOnCandidates([p.expr, p.expected], vars)) {
    return { kind: 'out-of-range', points: comparison.points };
  }
  return comparison;
}

function shift(range: SourceRange, offset: number): SourceRange {
  return { start: range.start + offset, end: range.end + offset };
}

function summary(
  reports: readonly LineReport[],
  firstBroken: number | undefined,
  correct: boolean,
  finished: boolean,
  simplified: boolean,
  count: number,
  expected: Shown,
): Localized {
  if (count === 0) return localizeAll((m) => m.lines.none());
  if (firstBroken !== undefined) {
    return reports[firstBroken]?.messages ?? localizeAll((m) => m.lines.broken({ line: firstBroken + 1 }));
  }
  if (!finished) return localizeAll((m) => m.lines.unfinished());
  if (correct && !simplified) return localizeAll((m) => m.lines.unsimplified({ expected: expected.text }));
  return localizeAll((m) => m.lines.correct());
}
