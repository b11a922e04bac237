/**
 * The rule table: one entry per step kind, with its name, its general formula in
 * TeX and its prose in every language. Function rules also carry the outer
 * derivative f′(u) they apply; `derive.ts` wraps them in the chain rule when the
 * argument is not the variable itself.
 */
import { call, div, type Expr, type FunctionName, MINUS_ONE, ONE, pow } from '../expr/ast.js';
import type { Localized } from '../i18n/index.js';
import type { RuleId } from './derivation.js';
import { tAdd, tMul, tNeg, tPow } from './tidy.js';

export interface Rule {
  readonly id: RuleId;
  readonly name: Localized;
  /** The general formula, in TeX. */
  readonly formula: string;
  /** What the rule says, as a teacher would say it. */
  readonly prose: Localized;
  /** Shown in `brief` detail (besides the root of each order). */
  readonly brief?: true;
  /** Folded away in `normal` detail: the parent's line already says it. */
  readonly trivial?: true;
}

/** A rule for an elementary function f: the derivative f′(u) of its outer part. */
export interface FunctionRule extends Rule {
  readonly fn: FunctionName;
  readonly outer: (u: Expr) => Expr;
}

const sq = (e: Expr): Expr => tPow(e, { kind: 'num', n: 2, d: 1 });
const one = ONE;

function rule(
  id: RuleId,
  en: string,
  ko: string,
  formula: string,
  proseEn: string,
  proseKo: string,
  flags: { brief?: true; trivial?: true } = {},
): Rule {
  return { id, name: { en, ko }, formula, prose: { en: proseEn, ko: proseKo }, ...flags };
}

function fnRule(
  id: RuleId,
  fn: FunctionName,
  en: string,
  ko: string,
  formula: string,
  proseEn: string,
  proseKo: string,
  outer: (u: Expr) => Expr,
): FunctionRule {
  return { ...rule(id, en, ko, formula, proseEn, proseKo), fn, outer };
}

const TRIG_EN = 'Derivative of a trigonometric function';
const TRIG_KO = '삼각함수의 미분';
const ATRIG_EN = 'Derivative of an inverse trigonometric function';
const ATRIG_KO = '역삼각함수의 미분';
const HYP_EN = 'Derivative of a hyperbolic function';
const HYP_KO = '쌍곡선함수의 미분';

/** The elementary functions, by the name the AST uses. `exp` shares the eᵘ rule; roots are rewritten as powers first. */
export const FUNCTION_RULES: Readonly<Partial<Record<FunctionName, FunctionRule>>> = {
  exp: fnRule(
    'exp',
    'exp',
    'Exponential rule',
    '지수함수의 미분',
    '\\frac{d}{du}e^{u} = e^{u}',
    'The derivative of eᵘ with respect to u is eᵘ itself.',
    'eᵘ를 u에 대해 미분하면 자기 자신 eᵘ이다.',
    (u) => call('exp', u),
  ),
  ln: fnRule(
    'ln',
    'ln',
    'Natural logarithm rule',
    '자연로그의 미분',
    '\\frac{d}{du}\\ln u = \\frac{1}{u}',
    'The derivative of ln u is 1/u.',
    'ln u를 미분하면 1/u이다.',
    (u) => div(one, u),
  ),
  log10: fnRule(
    'log',
    'log10',
    'Logarithm rule',
    '로그함수의 미분',
    '\\frac{d}{du}\\log_{b} u = \\frac{1}{u\\ln b}',
    'The derivative of log_b u is 1/(u ln b).',
    'log_b u를 미분하면 1/(u ln b)이다.',
    (u) => div(one, tMul(u, call('ln', { kind: 'num', n: 10, d: 1 }))),
  ),
  log2: fnRule(
    'log',
    'log2',
    'Logarithm rule',
    '로그함수의 미분',
    '\\frac{d}{du}\\log_{b} u = \\frac{1}{u\\ln b}',
    'The derivative of log_b u is 1/(u ln b).',
    'log_b u를 미분하면 1/(u ln b)이다.',
    (u) => div(one, tMul(u, call('ln', { kind: 'num', n: 2, d: 1 }))),
  ),
  sin: fnRule(
    'sin',
    'sin',
    TRIG_EN,
    TRIG_KO,
    '\\frac{d}{du}\\sin u = \\cos u',
    'The derivative of sin u is cos u.',
    'sin u를 미분하면 cos u이다.',
    (u) => call('cos', u),
  ),
  cos: fnRule(
    'cos',
    'cos',
    TRIG_EN,
    TRIG_KO,
    '\\frac{d}{du}\\cos u = -\\sin u',
    'The derivative of cos u is −sin u.',
    'cos u를 미분하면 −sin u이다.',
    (u) => tNeg(call('sin', u)),
  ),
  tan: fnRule(
    'tan',
    'tan',
    TRIG_EN,
    TRIG_KO,
    '\\frac{d}{du}\\tan u = \\sec^{2} u',
    'The derivative of tan u is sec² u.',
    'tan u를 미분하면 sec² u이다.',
    (u) => sq(call('sec', u)),
  ),
  sec: fnRule(
    'sec',
    'sec',
    TRIG_EN,
    TRIG_KO,
    '\\frac{d}{du}\\sec u = \\sec u\\tan u',
    'The derivative of sec u is sec u tan u.',
    'sec u를 미분하면 sec u tan u이다.',
    (u) => tMul(call('sec', u), call('tan', u)),
  ),
  csc: fnRule(
    'csc',
    'csc',
    TRIG_EN,
    TRIG_KO,
    '\\frac{d}{du}\\csc u = -\\csc u\\cot u',
    'The derivative of csc u is −csc u cot u.',
    'csc u를 미분하면 −csc u cot u이다.',
    (u) => tMul(MINUS_ONE, call('csc', u), call('cot', u)),
  ),
  cot: fnRule(
    'cot',
    'cot',
    TRIG_EN,
    TRIG_KO,
    '\\frac{d}{du}\\cot u = -\\csc^{2} u',
    'The derivative of cot u is −csc² u.',
    'cot u를 미분하면 −csc² u이다.',
    (u) => tNeg(sq(call('csc', u))),
  ),
  asin: fnRule(
    'asin',
    'asin',
    ATRIG_EN,
    ATRIG_KO,
    '\\frac{d}{du}\\arcsin u = \\frac{1}{\\sqrt{1-u^{2}}}',
    'The derivative of arcsin u is 1/√(1 − u²).',
    'arcsin u를 미분하면 1/√(1 − u²)이다.',
    (u) => div(one, call('sqrt', tAdd(one, tNeg(sq(u))))),
  ),
  acos: fnRule(
    'acos',
    'acos',
    ATRIG_EN,
    ATRIG_KO,
    '\\frac{d}{du}\\arccos u = -\\frac{1}{\\sqrt{1-u^{2}}}',
    'The derivative of arccos u is −1/√(1 − u²).',
    'arccos u를 미분하면 −1/√(1 − u²)이다.',
    (u) => tNeg(div(one, call('sqrt', tAdd(one, tNeg(sq(u)))))),
  ),
  atan: fnRule(
    'atan',
    'atan',
    ATRIG_EN,
    ATRIG_KO,
    '\\frac{d}{du}\\arctan u = \\frac{1}{1+u^{2}}',
    'The derivative of arctan u is 1/(1 + u²).',
    'arctan u를 미분하면 1/(1 + u²)이다.',
    (u) => div(one, tAdd(one, sq(u))),
  ),
  acot: fnRule(
    'acot',
    'acot',
    ATRIG_EN,
    ATRIG_KO,
    '\\frac{d}{du}\\operatorname{arccot} u = -\\frac{1}{1+u^{2}}',
    'The derivative of arccot u is −1/(1 + u²).',
    'arccot u를 미분하면 −1/(1 + u²)이다.',
    (u) => tNeg(div(one, tAdd(one, sq(u)))),
  ),
  sinh: fnRule(
    'sinh',
    'sinh',
    HYP_EN,
    HYP_KO,
    '\\frac{d}{du}\\sinh u = \\cosh u',
    'The derivative of sinh u is cosh u.',
    'sinh u를 미분하면 cosh u이다.',
    (u) => call('cosh', u),
  ),
  cosh: fnRule(
    'cosh',
    'cosh',
    HYP_EN,
    HYP_KO,
    '\\frac{d}{du}\\cosh u = \\sinh u',
    'The derivative of cosh u is sinh u.',
    'cosh u를 미분하면 sinh u이다.',
    (u) => call('sinh', u),
  ),
  tanh: fnRule(
    'tanh',
    'tanh',
    HYP_EN,
    HYP_KO,
    '\\frac{d}{du}\\tanh u = \\frac{1}{\\cosh^{2} u}',
    'The derivative of tanh u is 1/cosh² u.',
    'tanh u를 미분하면 1/cosh² u이다.',
    (u) => div(one, sq(call('cosh', u))),
  ),
  abs: fnRule(
    'abs',
    'abs',
    'Absolute value rule',
    '절댓값의 미분',
    '\\frac{d}{du}|u| = \\frac{u}{|u|}\\quad(u \\ne 0)',
    'The derivative of |u| is u/|u|, defined where u ≠ 0.',
    '|u|를 미분하면 u/|u|이다 (u ≠ 0인 곳에서).',
    (u) => div(u, call('abs', u)),
  ),
};

/** The outer derivative of log_b u for a base b that does not depend on the variable. */
export function logBaseOuter(u: Expr, base: Expr): Expr {
  return div(one, tMul(u, call('ln', base)));
}

/** The outer derivative of the power uⁿ: n·u^(n−1). */
export function powerOuter(u: Expr, n: Expr): Expr {
  const lowered: Expr = n.kind === 'num' && !n.approx ? { kind: 'num', n: n.n - n.d, d: n.d } : tAdd(n, MINUS_ONE);
  return tMul(n, tPow(u, lowered));
}

/** The outer derivative of aᵘ: aᵘ·ln a (eᵘ when a = e). */
export function exponentialOuter(a: Expr, u: Expr): Expr {
  if (a.kind === 'const' && a.name === 'e') return pow(a, u);
  return tMul(pow(a, u), call('ln', a));
}

const ALL: readonly Rule[] = [
  rule(
    'constant',
    'Constant rule',
    '상수의 미분',
    '\\frac{d}{dx}c = 0',
    'The derivative of a constant is 0.',
    '상수를 미분하면 0이다.',
    { trivial: true },
  ),
  rule(
    'variable',
    'Variable rule',
    '변수의 미분',
    '\\frac{d}{dx}x = 1',
    'The derivative of the variable with respect to itself is 1.',
    '변수를 자기 자신에 대해 미분하면 1이다.',
    { trivial: true },
  ),
  rule(
    'held-constant',
    'Held constant',
    '상수로 취급',
    '\\frac{\\partial}{\\partial x}c(y) = 0',
    'In a partial derivative the other variables are held constant, so a term without the variable differentiates to 0.',
    '편미분에서는 다른 변수를 상수로 취급하므로, 미분하는 변수가 없는 항을 미분하면 0이다.',
  ),
  rule(
    'constant-multiple',
    'Constant multiple rule',
    '상수배의 법칙',
    "(c\\,f)' = c\\,f'",
    'A constant factor comes out of the derivative.',
    '상수배는 미분 밖으로 꺼낼 수 있다.',
  ),
  rule(
    'sum',
    'Sum and difference rule',
    '합과 차의 법칙',
    "(f \\pm g)' = f' \\pm g'",
    'The derivative of a sum or difference is the sum or difference of the derivatives.',
    '합(차)의 미분은 각 항을 미분한 것의 합(차)이다.',
  ),
  rule(
    'power',
    'Power rule',
    '거듭제곱의 미분법',
    '\\frac{d}{dx}x^{n} = n\\,x^{n-1}',
    'Bring the exponent down and lower it by one.',
    '지수를 앞으로 내리고 지수를 1 줄인다.',
  ),
  rule(
    'rewrite',
    'Rewrite',
    '식 변형',
    '\\sqrt[n]{x} = x^{1/n},\\quad \\frac{1}{x^{n}} = x^{-n}',
    'Rewrite the expression in an equivalent form that a rule applies to.',
    '법칙을 적용할 수 있도록 같은 값의 다른 꼴로 바꾸어 쓴다.',
  ),
  rule(
    'product',
    'Product rule',
    '곱의 법칙',
    "(fg)' = f'g + fg'",
    'Differentiate one factor at a time, keeping the others, and add the results.',
    '인수를 하나씩 미분하고 나머지는 그대로 곱한 뒤 모두 더한다.',
    { brief: true },
  ),
  rule(
    'quotient',
    'Quotient rule',
    '몫의 법칙',
    "\\left(\\frac{f}{g}\\right)' = \\frac{f'g - fg'}{g^{2}}",
    'Derivative of the numerator times the denominator, minus the numerator times the derivative of the denominator, over the denominator squared.',
    '(분자의 미분 × 분모 − 분자 × 분모의 미분) ÷ 분모의 제곱이다.',
    { brief: true },
  ),
  rule(
    'reciprocal',
    'Reciprocal rule',
    '역수의 미분법',
    "\\left(\\frac{1}{g}\\right)' = -\\frac{g'}{g^{2}}",
    'The derivative of 1/g is −g′/g².',
    '1/g를 미분하면 −g′/g²이다.',
  ),
  rule(
    'chain',
    'Chain rule',
    '연쇄법칙',
    '\\frac{dy}{dx} = \\frac{dy}{du}\\cdot\\frac{du}{dx}',
    'Name the inner function u, differentiate the outer function with respect to u, multiply by du/dx, and substitute u back.',
    '안쪽 함수를 u로 두고, 바깥 함수를 u에 대해 미분한 것에 du/dx를 곱한 다음 u를 원래 식으로 되돌린다.',
    { brief: true },
  ),
  rule(
    'exponential',
    'Exponential rule',
    '지수함수의 미분',
    '\\frac{d}{du}a^{u} = a^{u}\\ln a',
    'The derivative of aᵘ is aᵘ ln a.',
    'aᵘ를 미분하면 aᵘ ln a이다.',
  ),
  rule(
    'log',
    'Logarithm rule',
    '로그함수의 미분',
    '\\frac{d}{du}\\log_{b} u = \\frac{1}{u\\ln b}',
    'The derivative of log_b u is 1/(u ln b).',
    'log_b u를 미분하면 1/(u ln b)이다.',
  ),
  rule(
    'log-diff',
    'Logarithmic differentiation',
    '로그 미분법',
    "(f^{g})' = f^{g}\\,(g\\ln f)'",
    'Write y = f^g, so ln y = g ln f; differentiate both sides and multiply by y.',
    'y = f^g로 두면 ln y = g ln f이다. 양변을 미분한 뒤 y를 곱한다.',
  ),
  rule('simplify', 'Simplify', '정리', "f' = \\dots", 'Collect terms and tidy the result.', '결과를 정리한다.', {
    brief: true,
  }),
];

/** Every rule by id. */
export const RULES: Readonly<Record<RuleId, Rule>> = (() => {
  const table: Partial<Record<RuleId, Rule>> = {};
  for (const r of ALL) table[r.id] = r;
  for (const r of Object.values(FUNCTION_RULES)) if (r && !table[r.id]) table[r.id] = r;
  return table as Record<RuleId, Rule>;
})();

/** A fresh symbol for the inner function of a chain step. */
export function innerName(index: number): string {
  return `u_${index}`;
}
