/**
 * 미분 법칙의 이름과 설명(한국어). RuleId로 형식이 정해져 있어, 빠진 법칙은 타입 오류가 된다.
 * i18n 카탈로그가 이것을 합친다.
 */
import type { RuleMessages } from './messages.js';

const TRIG = '삼각함수의 미분';
const ATRIG = '역삼각함수의 미분';
const HYP = '쌍곡선함수의 미분';
const AHYP = '역쌍곡선함수의 미분';

export const RULES_KO: RuleMessages = {
  constant: { name: '상수의 미분', prose: '상수를 미분하면 0이다.' },
  variable: { name: '변수의 미분', prose: '변수를 자기 자신에 대해 미분하면 1이다.' },
  'held-constant': {
    name: '상수로 취급',
    prose: '이 단계에서 미분하는 변수가 아닌 이름은 모두 상수로 취급하므로, 그 변수가 없는 항을 미분하면 0이다.',
  },
  'constant-multiple': { name: '상수배의 법칙', prose: '상수배는 미분 밖으로 꺼낼 수 있다.' },
  sum: { name: '합과 차의 법칙', prose: '합(차)의 미분은 각 항을 미분한 것의 합(차)이다.' },
  power: { name: '거듭제곱의 미분법', prose: '지수를 앞으로 내리고 지수를 1 줄인다.' },
  rewrite: { name: '식 변형', prose: '법칙을 적용할 수 있도록 같은 값의 다른 꼴로 바꾸어 쓴다.' },
  product: { name: '곱의 법칙', prose: '인수를 하나씩 미분하고 나머지는 그대로 곱한 뒤 모두 더한다.' },
  quotient: { name: '몫의 법칙', prose: '(분자의 미분 × 분모 − 분자 × 분모의 미분) ÷ 분모의 제곱이다.' },
  reciprocal: { name: '역수의 미분법', prose: '1/g를 미분하면 −g′/g²이다.' },
  chain: {
    name: '연쇄법칙',
    prose: '안쪽 함수를 u로 두고, 바깥 함수를 u에 대해 미분한 것에 du/dx를 곱한 다음 u를 원래 식으로 되돌린다.',
  },
  exponential: { name: '지수함수의 미분', prose: 'aᵘ를 미분하면 aᵘ ln a이다. a = e이면 eᵘ 자기 자신이다.' },
  'zero-power': { name: '0의 거듭제곱', prose: '0의 양의 거듭제곱은 정의되는 곳에서 항상 0이므로 미분하면 0이다.' },
  'log-diff': {
    name: '로그 미분법',
    prose: '양변에 자연로그를 취한다(ln f^g = g ln f, 곱과 몫의 로그는 로그의 합과 차). 양변을 미분한 뒤 y를 곱한다.',
  },
  simplify: { name: '정리', prose: '결과를 정리한다.' },
  exp: { name: '지수함수의 미분', prose: 'eᵘ를 u에 대해 미분하면 자기 자신 eᵘ이다.' },
  ln: { name: '자연로그의 미분', prose: 'ln u를 미분하면 1/u이다.' },
  log: { name: '로그함수의 미분', prose: 'log_b u를 미분하면 1/(u ln b)이다.' },
  sin: { name: TRIG, prose: 'sin u를 미분하면 cos u이다.' },
  cos: { name: TRIG, prose: 'cos u를 미분하면 −sin u이다.' },
  tan: { name: TRIG, prose: 'tan u를 미분하면 sec² u이다.' },
  sec: { name: TRIG, prose: 'sec u를 미분하면 sec u tan u이다.' },
  csc: { name: TRIG, prose: 'csc u를 미분하면 −csc u cot u이다.' },
  cot: { name: TRIG, prose: 'cot u를 미분하면 −csc² u이다.' },
  asin: { name: ATRIG, prose: 'arcsin u를 미분하면 1/√(1 − u²)이다.' },
  acos: { name: ATRIG, prose: 'arccos u를 미분하면 −1/√(1 − u²)이다.' },
  atan: { name: ATRIG, prose: 'arctan u를 미분하면 1/(1 + u²)이다.' },
  acot: { name: ATRIG, prose: 'arccot u를 미분하면 −1/(1 + u²)이다.' },
  asec: { name: ATRIG, prose: 'arcsec u를 미분하면 1/(|u|√(u² − 1))이다 (|u| > 1).' },
  acsc: { name: ATRIG, prose: 'arccsc u를 미분하면 −1/(|u|√(u² − 1))이다 (|u| > 1).' },
  sinh: { name: HYP, prose: 'sinh u를 미분하면 cosh u이다.' },
  cosh: { name: HYP, prose: 'cosh u를 미분하면 sinh u이다.' },
  tanh: { name: HYP, prose: 'tanh u를 미분하면 1/cosh² u이다.' },
  sech: { name: HYP, prose: 'sech u를 미분하면 −sech u tanh u이다.' },
  csch: { name: HYP, prose: 'csch u를 미분하면 −csch u coth u이다.' },
  coth: { name: HYP, prose: 'coth u를 미분하면 −csch² u이다.' },
  asinh: { name: AHYP, prose: 'arsinh u를 미분하면 1/√(u² + 1)이다.' },
  acosh: { name: AHYP, prose: 'arcosh u를 미분하면 1/√(u² − 1)이다 (u > 1).' },
  atanh: { name: AHYP, prose: 'artanh u를 미분하면 1/(1 − u²)이다 (|u| < 1).' },
  asech: { name: AHYP, prose: 'arsech u를 미분하면 −1/(u√(1 − u²))이다 (0 < u < 1).' },
  acsch: { name: AHYP, prose: 'arcsch u를 미분하면 −1/(|u|√(1 + u²))이다 (u ≠ 0).' },
  acoth: { name: AHYP, prose: 'arcoth u를 미분하면 1/(1 − u²)이다 (|u| > 1).' },
  abs: { name: '절댓값의 미분', prose: '|u|를 미분하면 u/|u|이다 (u ≠ 0인 곳에서).' },
  sgn: { name: '부호함수의 미분', prose: 'sgn u는 0의 양쪽에서 각각 상수이므로 u ≠ 0인 곳에서 미분하면 0이다.' },
  sigmoid: { name: '시그모이드의 미분', prose: '로지스틱 시그모이드를 미분하면 σ(u)(1 − σ(u))이다.' },
  relu: {
    name: 'ReLU의 미분',
    prose:
      'ReLU u는 u > 0에서 u, u < 0에서 0이므로 미분하면 단위 계단함수 H(u)이다. u = 0에서는 미분계수가 없다(0으로 둔다).',
  },
  softplus: { name: '소프트플러스의 미분', prose: 'softplus u = ln(1 + eᵘ)를 미분하면 시그모이드 σ(u)이다.' },
  step: {
    name: '단위 계단함수의 미분',
    prose: '단위 계단함수 H(u)는 0의 양쪽에서 각각 상수이므로 u ≠ 0인 곳에서 미분하면 0이다.',
  },
};
