/**
 * What the checker says: pure functions from the facts of a check (mistake, step, values)
 * to text in every language, through the catalogues (src/i18n). No computing here.
 */
import type { FormName } from '../calculus/forms.js';
import type { Expr } from '../expr/ast.js';
import { toText } from '../expr/print-text.js';
import { type Localized, localizeAll, type Messages, messagesFor } from '../i18n/index.js';
import { formatNumber } from '../util/format.js';
import type { Counterexample } from './equivalence.js';
import type { Mutant } from './mistakes.js';
import { digitsToDistinguish } from './rich.js';
import type { UnsimplifiedReason } from './unsimplified.js';

/** A number as a student reads it: up to 6 significant digits, no exponent noise. */
export function formatValue(v: number | null, m: Messages = messagesFor('en'), digits?: number): string {
  return v === null || !Number.isFinite(v) ? m.verdicts.undefinedValue : formatNumber(v, digits);
}

export function formatPoint(at: Readonly<Record<string, number>>, m: Messages = messagesFor('en')): string {
  return Object.entries(at)
    .map(([k, v]) => `${k} = ${formatValue(v, m)}`)
    .join(', ');
}

const show = (e: Expr | undefined): string => (e ? toText(e) : '');

/** The message for a named mistake, pointing at its step. */
export function mistakeMessage(mutant: Mutant, context: { wrt: string; others: readonly string[] }): Localized {
  const { step } = mutant;
  const facts = {
    expr: show(step.expr),
    detail: show(mutant.detail),
    inner: show(step.rule === 'chain' ? step.u.expr : step.expr),
    wrt: context.wrt,
    others: context.others,
    held: step.rule === 'held-constant',
  };
  return localizeAll((m) => m.mistakes[mutant.id]({ ...facts, ruleProse: m.rules[step.rule].prose }));
}

export const verdictMessages = {
  correct: (form?: FormName): Localized =>
    localizeAll((m) => m.verdicts.correct({ form: form ? m.forms[form] : undefined })),
  unsimplified: (reason: UnsimplifiedReason, expected: string): Localized =>
    localizeAll((m) => m.verdicts.unsimplified({ reason: m.unsimplified[reason], expected })),
  incorrect: (c: Counterexample, diagnosis: Localized | undefined): Localized =>
    localizeAll((m, lang) => {
      // Enough digits that the two values do not print the same (12 vs 12.0000001).
      const digits = digitsToDistinguish(c.expected, c.answer);
      const verdict = m.verdicts.incorrect({
        at: formatPoint(c.at, m),
        expected: formatValue(c.expected, m, digits),
        answer: c.answer === null ? null : formatValue(c.answer, m, digits),
      });
      return diagnosis ? m.verdicts.join(verdict, diagnosis[lang]) : verdict;
    }),
  sameAsProblem: (): Localized => localizeAll((m) => m.verdicts.sameAsProblem()),
  invalid: (error: Localized): Localized => localizeAll((m, lang) => m.verdicts.invalid({ error: error[lang] })),
  unknownVariable: (name: string, vars: readonly string[]): Localized =>
    localizeAll((m) => m.verdicts.unknownVariable({ name, vars })),
  unevaluated: (found: string): Localized => localizeAll((m) => m.verdicts.unevaluated({ found })),
  undecided: (points: number): Localized => localizeAll((m) => m.verdicts.undecided({ points })),
  outOfRange: (): Localized => localizeAll((m) => m.verdicts.outOfRange()),
};
