/**
 * What the checker says, in every language gradstep speaks. Pure functions from
 * the facts of a check (mistake, step, values) to text; no computing here.
 */
import { RULES } from '../calculus/rules.js';
import type { Expr } from '../expr/ast.js';
import { toText } from '../expr/print-text.js';
import type { Localized } from '../i18n/index.js';
import { formatNumber } from '../util/format.js';
import type { Counterexample } from './equivalence.js';
import type { MistakeId, Mutant } from './mistakes.js';
import type { UnsimplifiedReason } from './unsimplified.js';

/** A number as a student reads it: up to 6 significant digits, no exponent noise. */
export function formatValue(v: number | null): string {
  return v === null || !Number.isFinite(v) ? 'undefined' : formatNumber(v);
}

export function formatPoint(at: Readonly<Record<string, number>>): string {
  return Object.entries(at)
    .map(([k, v]) => `${k} = ${formatValue(v)}`)
    .join(', ');
}

const show = (e: Expr | undefined): string => (e ? toText(e) : '');

/** The message for a named mistake, pointing at its step. */
export function mistakeMessage(mutant: Mutant, context: { wrt: string; others: readonly string[] }): Localized {
  const { step } = mutant;
  const expr = show(step.expr);
  const detail = show(mutant.detail);
  const inner = show(step.u?.expr ?? step.expr);
  const messages: Record<MistakeId, () => Localized> = {
    'chain-factor-missing': () => ({
      en: `The chain-rule factor is missing: after differentiating the outer function of ${expr}, multiply by the derivative of the inner function ${inner}, which is ${detail}.`,
      ko: `연쇄법칙의 인수가 빠졌습니다: ${expr}의 바깥 함수를 미분한 뒤 안쪽 함수 ${inner}의 도함수 ${detail}을(를) 곱해야 합니다.`,
    }),
    'product-as-product-of-derivatives': () => ({
      en: `The derivative of the product ${expr} was taken as the product of the derivatives. The product rule is (fg)′ = f′g + fg′.`,
      ko: `곱 ${expr}의 미분을 각 인수의 미분의 곱으로 계산했습니다. 곱의 법칙은 (fg)′ = f′g + fg′입니다.`,
    }),
    'product-term-dropped': () => ({
      en: `A term of the product rule is missing in the derivative of ${expr}: ${detail}. Differentiate each factor in turn, keep the others, and add all the terms.`,
      ko: `${expr}의 미분에서 곱의 법칙의 항 하나가 빠졌습니다: ${detail}. 인수를 하나씩 미분하고 나머지는 그대로 곱한 뒤 모든 항을 더해야 합니다.`,
    }),
    'quotient-sign-reversed': () => ({
      en: `The numerator of the quotient rule has its sign reversed for ${expr}: it is f′g − fg′, not fg′ − f′g.`,
      ko: `${expr}의 미분에서 몫의 법칙의 분자 부호가 뒤바뀌었습니다: fg′ − f′g가 아니라 f′g − fg′입니다.`,
    }),
    'quotient-as-ratio-of-derivatives': () => ({
      en: `The derivative of the quotient ${expr} was taken as f′/g′. The quotient rule is (f/g)′ = (f′g − fg′)/g².`,
      ko: `몫 ${expr}의 미분을 f′/g′로 계산했습니다. 몫의 법칙은 (f/g)′ = (f′g − fg′)/g²입니다.`,
    }),
    'power-rule-on-exponential': () => ({
      en: `The power rule was applied to the exponential ${expr}. The variable is in the exponent, so (aᵘ)′ = aᵘ·ln a·u′ (and (eᵘ)′ = eᵘ·u′), not u·a^(u−1).`,
      ko: `지수함수 ${expr}에 거듭제곱의 미분법을 적용했습니다. 변수가 지수에 있으므로 (aᵘ)′ = aᵘ·ln a·u′ (그리고 (eᵘ)′ = eᵘ·u′)이며, u·a^(u−1)이 아닙니다.`,
    }),
    'power-rule-on-variable-exponent': () => ({
      en: `The power rule was applied to ${expr}, but both the base and the exponent vary. Use logarithmic differentiation: (f^g)′ = f^g·(g·ln f)′.`,
      ko: `${expr}에 거듭제곱의 미분법을 적용했지만, 밑과 지수가 모두 변수에 따라 변합니다. 로그 미분법을 쓰세요: (f^g)′ = f^g·(g·ln f)′.`,
    }),
    'term-dropped': () => ({
      en: `A term is missing: the derivative of ${expr}, which is ${detail}.`,
      ko: `항 하나가 빠졌습니다: ${expr}의 도함수, 즉 ${detail}입니다.`,
    }),
    'trig-sign-error': () => ({
      en: `Sign error in the derivative of ${expr}. ${RULES[step.rule].prose.en}`,
      ko: `${expr}의 도함수에서 부호가 틀렸습니다. ${RULES[step.rule].prose.ko}`,
    }),
    'total-instead-of-partial': () => ({
      en: `This is the partial derivative of ${expr} with respect to ${context.wrt}: ${context.others.join(', ')} ${context.others.length === 1 ? 'is' : 'are'} held constant, so ${context.others.length === 1 ? 'its' : 'their'} derivative is 0. The answer treats ${context.others.join(', ')} as if ${context.others.length === 1 ? 'it changed' : 'they changed'} with ${context.wrt}.`,
      ko: `${expr}의 ${context.wrt}에 대한 편미분입니다: ${context.others.join(', ')}은(는) 상수로 취급하므로 그 미분은 0입니다. 답은 ${context.others.join(', ')}이(가) ${context.wrt}에 따라 변하는 것처럼 계산했습니다.`,
    }),
    'constant-kept': () =>
      step.rule === 'held-constant'
        ? {
            en: `${expr} does not contain ${context.wrt}, so in the partial derivative it is a constant and its derivative is 0; it was kept instead.`,
            ko: `${expr}에는 ${context.wrt}가 없으므로 편미분에서는 상수이고 그 미분은 0입니다. 그런데 그대로 남겨 두었습니다.`,
          }
        : {
            en: `The constant ${expr} was kept, but the derivative of a constant is 0.`,
            ko: `상수 ${expr}을(를) 그대로 남겼지만, 상수의 미분은 0입니다.`,
          },
  };
  return messages[mutant.id]();
}

const REASONS: Record<UnsimplifiedReason, Localized> = {
  'numeric-factors': { en: 'numbers in a product are not multiplied out', ko: '곱에 있는 수끼리 곱하지 않았습니다' },
  'numeric-terms': { en: 'numbers in a sum are not added up', ko: '합에 있는 수끼리 더하지 않았습니다' },
  'identity-element': {
    en: 'a + 0, a factor 1 or an exponent 1 is still written',
    ko: '+ 0, 곱하기 1, 지수 1 같은 것이 남아 있습니다',
  },
  'like-terms': { en: 'like terms are not collected', ko: '동류항을 정리하지 않았습니다' },
  'like-factors': { en: 'like factors are not combined', ko: '같은 밑의 인수를 묶지 않았습니다' },
  'foldable-constant': { en: 'a constant can still be evaluated', ko: '계산할 수 있는 상수가 남아 있습니다' },
  'double-negation': { en: 'a double minus is left in', ko: '이중 부호가 남아 있습니다' },
};

export const verdictMessages = {
  correct: (form?: Localized): Localized =>
    form
      ? { en: `Correct. Your answer is in the ${form.en}.`, ko: `정답입니다. 답은 ${form.ko}입니다.` }
      : { en: 'Correct.', ko: '정답입니다.' },
  unsimplified: (reason: UnsimplifiedReason, expected: string): Localized => ({
    en: `Correct, but not simplified: ${REASONS[reason].en}. Simplified: ${expected}.`,
    ko: `맞았지만 정리되지 않았습니다: ${REASONS[reason].ko}. 정리하면 ${expected}입니다.`,
  }),
  incorrect: (c: Counterexample, diagnosis: Localized | undefined): Localized => {
    const at = formatPoint(c.at);
    const en =
      c.answer === null
        ? `Not correct: at ${at} the derivative is ${formatValue(c.expected)}, but your answer is undefined there.`
        : `Not correct: at ${at} the derivative is ${formatValue(c.expected)}, but your answer gives ${formatValue(c.answer)}.`;
    const ko =
      c.answer === null
        ? `틀렸습니다: ${at}에서 도함수의 값은 ${formatValue(c.expected)}인데, 답은 그 점에서 정의되지 않습니다.`
        : `틀렸습니다: ${at}에서 도함수의 값은 ${formatValue(c.expected)}인데, 답의 값은 ${formatValue(c.answer)}입니다.`;
    return diagnosis ? { en: `${en} ${diagnosis.en}`, ko: `${ko} ${diagnosis.ko}` } : { en, ko };
  },
  sameAsProblem: (): Localized => ({
    en: 'Your answer is the original function itself, not its derivative.',
    ko: '답이 원래 함수 그대로이고, 도함수가 아닙니다.',
  }),
  invalid: (error: Localized): Localized => ({
    en: `Your answer could not be read: ${error.en}`,
    ko: `답을 읽을 수 없습니다: ${error.ko}`,
  }),
  unknownVariable: (name: string, vars: readonly string[]): Localized => ({
    en: `Your answer uses '${name}', which is not a variable of the problem (${vars.join(', ')}).`,
    ko: `답에 문제의 변수(${vars.join(', ')})가 아닌 '${name}'이(가) 있습니다.`,
  }),
  unevaluated: (found: string): Localized => ({
    en: `Your answer still contains a derivative (${found}). Carry out the differentiation and write the result.`,
    ko: `답에 아직 미분 기호(${found})가 남아 있습니다. 미분을 끝까지 계산해서 결과를 쓰세요.`,
  }),
  undecided: (points: number): Localized => ({
    en: `Could not decide: the derivative is defined at too few sample points (${points}) to compare.`,
    ko: `판정할 수 없습니다: 비교할 수 있는 표본점(${points}개)이 너무 적습니다.`,
  }),
};
