/**
 * The name and prose of every differentiation rule, in English. Typed by RuleId:
 * a rule without its text here is a type error. The i18n catalogue composes these.
 */
import type { RuleMessages } from './messages.js';

const TRIG = 'Derivative of a trigonometric function';
const ATRIG = 'Derivative of an inverse trigonometric function';
const HYP = 'Derivative of a hyperbolic function';
const AHYP = 'Derivative of an inverse hyperbolic function';

export const RULES_EN: RuleMessages = {
  constant: { name: 'Constant rule', prose: 'The derivative of a constant is 0.' },
  variable: { name: 'Variable rule', prose: 'The derivative of the variable with respect to itself is 1.' },
  'held-constant': {
    name: 'Held constant',
    prose:
      'Every name other than the variable of this step is held constant, so a term without that variable differentiates to 0.',
  },
  'constant-multiple': { name: 'Constant multiple rule', prose: 'A constant factor comes out of the derivative.' },
  sum: {
    name: 'Sum and difference rule',
    prose: 'The derivative of a sum or difference is the sum or difference of the derivatives.',
  },
  power: { name: 'Power rule', prose: 'Bring the exponent down and lower it by one.' },
  rewrite: { name: 'Rewrite', prose: 'Rewrite the expression in an equivalent form that a rule applies to.' },
  product: {
    name: 'Product rule',
    prose: 'Differentiate one factor at a time, keeping the others, and add the results.',
  },
  quotient: {
    name: 'Quotient rule',
    prose:
      'Derivative of the numerator times the denominator, minus the numerator times the derivative of the denominator, over the denominator squared.',
  },
  reciprocal: { name: 'Reciprocal rule', prose: 'The derivative of 1/g is −g′/g².' },
  chain: {
    name: 'Chain rule',
    prose:
      'Name the inner function u, differentiate the outer function with respect to u, multiply by du/dx, and substitute u back.',
  },
  exponential: { name: 'Exponential rule', prose: 'The derivative of aᵘ is aᵘ ln a; for a = e it is eᵘ itself.' },
  'zero-power': {
    name: 'Power of zero',
    prose: '0 raised to a positive power is 0 wherever it is defined, so its derivative is 0.',
  },
  'log-diff': {
    name: 'Logarithmic differentiation',
    prose:
      'Take ln of both sides (ln f^g = g ln f; the log of a product or quotient is a sum of logs), differentiate both sides and multiply by y.',
  },
  simplify: { name: 'Simplify', prose: 'Collect terms and tidy the result.' },
  exp: { name: 'Exponential rule', prose: 'The derivative of eᵘ with respect to u is eᵘ itself.' },
  ln: { name: 'Natural logarithm rule', prose: 'The derivative of ln u is 1/u.' },
  log: { name: 'Logarithm rule', prose: 'The derivative of log_b u is 1/(u ln b).' },
  sin: { name: TRIG, prose: 'The derivative of sin u is cos u.' },
  cos: { name: TRIG, prose: 'The derivative of cos u is −sin u.' },
  tan: { name: TRIG, prose: 'The derivative of tan u is sec² u.' },
  sec: { name: TRIG, prose: 'The derivative of sec u is sec u tan u.' },
  csc: { name: TRIG, prose: 'The derivative of csc u is −csc u cot u.' },
  cot: { name: TRIG, prose: 'The derivative of cot u is −csc² u.' },
  asin: { name: ATRIG, prose: 'The derivative of arcsin u is 1/√(1 − u²).' },
  acos: { name: ATRIG, prose: 'The derivative of arccos u is −1/√(1 − u²).' },
  atan: { name: ATRIG, prose: 'The derivative of arctan u is 1/(1 + u²).' },
  acot: { name: ATRIG, prose: 'The derivative of arccot u is −1/(1 + u²).' },
  asec: { name: ATRIG, prose: 'The derivative of arcsec u is 1/(|u|√(u² − 1)), for |u| > 1.' },
  acsc: { name: ATRIG, prose: 'The derivative of arccsc u is −1/(|u|√(u² − 1)), for |u| > 1.' },
  sinh: { name: HYP, prose: 'The derivative of sinh u is cosh u.' },
  cosh: { name: HYP, prose: 'The derivative of cosh u is sinh u.' },
  tanh: { name: HYP, prose: 'The derivative of tanh u is 1/cosh² u.' },
  sech: { name: HYP, prose: 'The derivative of sech u is −sech u tanh u.' },
  csch: { name: HYP, prose: 'The derivative of csch u is −csch u coth u.' },
  coth: { name: HYP, prose: 'The derivative of coth u is −csch² u.' },
  asinh: { name: AHYP, prose: 'The derivative of arsinh u is 1/√(u² + 1).' },
  acosh: { name: AHYP, prose: 'The derivative of arcosh u is 1/√(u² − 1), for u > 1.' },
  atanh: { name: AHYP, prose: 'The derivative of artanh u is 1/(1 − u²), for |u| < 1.' },
  asech: { name: AHYP, prose: 'The derivative of arsech u is −1/(u√(1 − u²)), for 0 < u < 1.' },
  acsch: { name: AHYP, prose: 'The derivative of arcsch u is −1/(|u|√(1 + u²)), for u ≠ 0.' },
  acoth: { name: AHYP, prose: 'The derivative of arcoth u is 1/(1 − u²), for |u| > 1.' },
  abs: { name: 'Absolute value rule', prose: 'The derivative of |u| is u/|u|, defined where u ≠ 0.' },
  sgn: {
    name: 'Sign function rule',
    prose: 'sgn u is constant on each side of 0, so its derivative is 0 where u ≠ 0.',
  },
  sigmoid: { name: 'Sigmoid rule', prose: 'The derivative of the logistic sigmoid is σ(u)(1 − σ(u)).' },
  relu: {
    name: 'ReLU rule',
    prose:
      'ReLU u is u for u > 0 and 0 for u < 0, so its derivative is the unit step H(u); at u = 0 it has none (taken as 0).',
  },
  softplus: { name: 'Softplus rule', prose: 'The derivative of softplus u = ln(1 + eᵘ) is the sigmoid σ(u).' },
  step: {
    name: 'Unit step rule',
    prose: 'The unit step H(u) is constant on each side of 0, so its derivative is 0 where u ≠ 0.',
  },
};
