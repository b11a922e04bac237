/**
 * gradstep's public API: read what people type, differentiate with every step
 * shown, check answers, and run optimizers on the derived gradient. No DOM: runs
 * in Node and in browsers. The web components are in `gradstep/components`.
 */

// Derivatives with steps
export { MAX_DEPTH, NODE_BUDGET, TIME_BUDGET_MS } from './calculus/budget.js';
export { MAX_VARS } from './calculus/differentiate.js';
export * from './calculus/index.js';
// Checking answers
export {
  type CheckInput,
  type CheckResult,
  checkAnswer,
  checkPrepared,
  type Diagnosis,
  type PreparedProblem,
  prepareProblem,
  type Shown,
  type Verdict,
} from './check/check.js';
export type { Counterexample } from './check/equivalence.js';
export {
  checkDerivation,
  type DerivationCheckInput,
  type DerivationCheckResult,
  type LineReport,
  type LineStatus,
} from './check/lines.js';
export { MISTAKE_IDS, type MistakeId } from './check/mistakes.js';
// Errors and languages
export {
  type ErrorCode,
  type ErrorParams,
  formatError,
  GradstepError,
  type GradstepErrorJson,
  isGradstepError,
  type SourceRange,
} from './errors.js';
// Expressions
export * from './expr/ast.js';
export {
  type CompileBackend,
  type CompiledBatch,
  type CompiledFunction,
  type CompiledVector,
  type CompileOptions,
  canGenerateCode,
  compile,
  compileBatch,
  compileVector,
  MAX_COMPILE_DEPTH,
} from './expr/compile.js';
export {
  PARSE_DEFAULTS,
  type Parsed,
  type ParseOptions,
  parse,
  type ReadNote,
  type ReadNoteKind,
} from './expr/parse.js';
export { texDerivative, texPartial, texSymbol, toTex } from './expr/print-tex.js';
export { toText } from './expr/print-text.js';
export { canonicalKey, simplify } from './expr/simplify.js';
// Computation graphs and backpropagation
export * from './graph/index.js';
export {
  CATALOGUES,
  DEFAULT_LANG,
  isLang,
  josa,
  LANGS,
  type Lang,
  type Localized,
  localizeAll,
  type Messages,
  messagesFor,
  plural,
  toLang,
} from './i18n/index.js';
// Optimizers
export * from './optim/index.js';
export { MAX_ROW_EVALUATIONS, MAX_TEX_STEPS } from './optim/optimize.js';
export { MAX_STEPS } from './optim/run.js';
export { VERSION } from './version.js';
