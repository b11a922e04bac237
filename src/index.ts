/**
 * gradstep's public API: read what people type, differentiate with every step
 * shown, check answers, and run optimizers on the derived gradient. No DOM: runs
 * in Node and in browsers. The web components are in `gradstep/components`.
 */

import type { Expr } from './expr/ast.js';
import { toTex as texOf } from './expr/print-tex.js';
import { toText as textOf } from './expr/print-text.js';
import { simplify as simplifyTree } from './expr/simplify.js';
import { validateTree } from './expr/tree-check.js';

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
export { texDerivative, texPartial, texSymbol } from './expr/print-tex.js';
export { canonicalKey } from './expr/simplify.js';

// The printers and the simplifier as the library offers them: a tree built in code is checked
// first, so only GradstepError comes out and no unknown name reaches TeX. Inside the engine the
// trees are its own, so its modules call the unchecked functions.
/** Textbook TeX for `e`. */
export function toTex(e: Expr): string {
  validateTree(e);
  return texOf(e);
}

/** Plain text for `e`, e.g. `3*x^3 - 2*x + 1`. */
export function toText(e: Expr): string {
  validateTree(e);
  return textOf(e);
}

/** The canonical textbook form of `e`. */
export function simplify(e: Expr): Expr {
  validateTree(e);
  return simplifyTree(e);
}
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
