/**
 * gradstep's public API: read what people type, differentiate with every step
 * shown, check answers, and run optimizers on the derived gradient. No DOM: runs
 * in Node and in browsers. The web components are in `gradstep/components`.
 */

import {
  answerForm as answerFormOf,
  answerForms as answerFormsOf,
  type FormName,
  formOf as formOfTree,
  type NamedForm,
  sameForm as sameFormOf,
  textbookForm as textbookFormOf,
} from './calculus/forms.js';
import { type Expr, freeVars as freeVarsOf } from './expr/ast.js';
import {
  type CompiledBatch,
  type CompiledFunction,
  type CompiledVector,
  type CompileOptions,
  compileBatch as compileBatchOf,
  compile as compileOf,
  compileVector as compileVectorOf,
} from './expr/compile.js';
import { toTex as texOf } from './expr/print-tex.js';
import { toText as textOf } from './expr/print-text.js';
import { canonicalKey as canonicalKeyOf, simplify as simplifyTree } from './expr/simplify.js';
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

// The other entries that take a tree, checked the same way (a local export shadows the
// module's own in `export *`): compiling, comparing forms, the canonical key, the names.
/** Compiles `e` to a function of `vars` (positional). */
export function compile(e: Expr, vars: readonly string[], options?: CompileOptions): CompiledFunction {
  validateTree(e);
  return compileOf(e, vars, options);
}

/** Compiles `e` to evaluate over columns of values. */
export function compileBatch(e: Expr, vars: readonly string[], options?: CompileOptions): CompiledBatch {
  validateTree(e);
  return compileBatchOf(e, vars, options);
}

/** Compiles several expressions evaluated together at one point. */
export function compileVector(
  exprs: readonly Expr[],
  vars: readonly string[],
  options?: CompileOptions,
): CompiledVector {
  if (!Array.isArray(exprs)) validateTree(exprs);
  for (const e of exprs) validateTree(e);
  return compileVectorOf(exprs, vars, options);
}

/** A key equal for trees with the same canonical form. */
export function canonicalKey(e: Expr): string {
  validateTree(e);
  return canonicalKeyOf(e);
}

/** The names that occur in `e`, sorted. */
export function freeVars(e: Expr): string[] {
  validateTree(e);
  return freeVarsOf(e);
}

/** The textbook form of a rule's raw result (see `calculus/forms.ts`). */
export function textbookForm(raw: Expr, question?: Expr): Expr {
  validateTree(raw);
  if (question !== undefined) validateTree(question);
  return textbookFormOf(raw, question);
}

/** `answer` rewritten in the named form. */
export function answerForm(answer: Expr, name: FormName): Expr {
  validateTree(answer);
  return answerFormOf(answer, name);
}

/** The other common forms of `answer`. */
export function answerForms(answer: Expr): readonly NamedForm[] {
  validateTree(answer);
  return answerFormsOf(answer);
}

/** Whether two trees are written in the same form (same terms and factors up to order). */
export function sameForm(a: Expr, b: Expr): boolean {
  validateTree(a);
  validateTree(b);
  return sameFormOf(a, b);
}

/** The form of `expected` that `answer` is written in, if any. */
export function formOf(answer: Expr, expected: Expr): FormName | undefined {
  validateTree(answer);
  validateTree(expected);
  return formOfTree(answer, expected);
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
