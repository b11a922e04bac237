/** The differentiation engine: derivations as trees of named rule steps. */
export type {
  Derivation,
  Detail,
  DifferentiateOptions,
  Gradient,
  GradientOptions,
  Hessian,
  RuleId,
  Simplification,
  Step,
  StepRule,
} from './derivation.js';
export { assumedPositive, heldNames, positiveBases } from './derivation.js';
export { atDetail } from './detail.js';
export { differentiate, gradient, hessian, MAX_ORDER } from './differentiate.js';
export {
  answerForm,
  answerForms,
  FORM_LABELS,
  type FormName,
  formOf,
  type NamedForm,
  OTHER_FORMS,
  sameForm,
  textbookForm,
} from './forms.js';
export {
  type DerivationJson,
  derivationJson,
  derivationTex,
  derivationText,
  type GradientJson,
  gradientJson,
  gradientTex,
  gradientText,
  hessianTex,
  type SimplificationJson,
  type StepJson,
  type StepTex,
  simplificationTex,
  stepJson,
  stepTex,
  stepText,
} from './print.js';
export { RULE_OBJECTS, RULES, type Rule, type RuleInfo, ruleFormula } from './rules.js';
