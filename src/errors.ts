import type { Construct } from './expr/messages.js';
import { type Lang, type Localized, localizeAll, messagesFor } from './i18n/index.js';
import type { ErrorTexts } from './i18n/messages.js';
import type { HyperId, HyperRange, OptimizerId } from './optim/types.js';

/** Character offsets `[start, end)` in the text the person typed. */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

type None = Record<string, never>;

/**
 * Every error code gradstep throws, with the parameters its message needs. The text lives
 * in the catalogues (`src/i18n/<lang>.ts`, section `errors`); adding a code here without a
 * message there is a type error.
 */
export interface ErrorParams {
  'parse/not-text': None;
  'parse/empty': None;
  'parse/too-long': { readonly length: number; readonly max: number };
  'parse/too-deep': { readonly max: number };
  'parse/too-many-nodes': { readonly max: number };
  /** `character`: a character gradstep does not read; the others come from the expression parser. */
  'parse/unexpected': {
    readonly kind: 'character' | 'end' | 'value' | 'paren' | 'operator' | 'other';
    readonly near: string;
  };
  'parse/not-allowed': { readonly construct: Construct; readonly detail?: string };
  /** Without `opener`: a closing parenthesis with no opening one. */
  'parse/unbalanced': { readonly opener?: string; readonly closer: string };
  /** `declared` undefined: every single letter is a variable. */
  'parse/unknown-name': {
    readonly unknown: readonly string[];
    readonly word: string;
    readonly declared?: readonly string[];
  };
  /** `inverse`: the name was written with ^-1 and has no inverse gradstep knows. */
  'parse/unknown-function': { readonly name: string; readonly inverse?: boolean };
  'parse/missing-argument': { readonly name: string };
  'parse/arity': { readonly name: string; readonly expected: 'one' | 'one-or-two'; readonly got: number };
  'parse/bad-variable': { readonly name: string; readonly why: 'syntax' | 'reserved' | 'function' | 'constant' };
  'parse/internal': None;
  'calculus/unknown-function': { readonly name: string };
  'calculus/bad-option': { readonly option: string; readonly value: string };
  'calculus/too-large': { readonly nodes: number; readonly ms: number };
  /** A negative constant base (as text) under a varying exponent. */
  'calculus/domain': { readonly base: string };
  'compile/unknown-variable': { readonly name: string; readonly vars: readonly string[] };
  'compile/bad-node': { readonly what: string };
  'compile/too-deep': { readonly max: number };
  'compile/duplicate-variable': { readonly name: string };
  'compile/bad-number': None;
  'compile/wrong-arity': { readonly what: 'coordinates' | 'columns'; readonly expected: number; readonly got: number };
  'compile/ragged-columns': None;
  'compile/short-output': { readonly have: number; readonly need: number };
  'print/too-deep': None;
  'simplify/too-deep': None;
  /** A tree built by code that is not a gradstep expression (`what` names the problem, never the caller's text). */
  'expr/bad-tree': { readonly what: string };
  /** A part without variables that has no real value (1/0, ln 0, √-1), as text. */
  'expr/undefined-everywhere': { readonly part: string };
  /** `near` undefined: unbalanced parentheses before a prime. */
  'check/unreadable-derivative': { readonly near?: string };
  'check/too-many-lines': { readonly count: number; readonly max: number };
  'check/line-too-long': { readonly length: number; readonly max: number };
  'check/unknown-variable': { readonly name: string };
  'check/file': { readonly path: string };
  'check/file-too-large': { readonly max: number };
  'check/csv-columns': None;
  'check/csv-too-long': { readonly count: number; readonly max: number };
  /** A command-line option that needs a number. */
  'cli/bad-option': { readonly option: string; readonly value: string };
  'cli/missing-option': { readonly option: string };
  /** Mistakes in the command line itself; `option` as typed without its dashes. */
  'cli/unknown-command': { readonly command: string };
  'cli/unknown-option': { readonly option: string };
  'cli/takes-no-value': { readonly option: string };
  'cli/needs-value': { readonly option: string };
  'cli/unknown-language': { readonly lang: string; readonly known: readonly string[] };
  'cli/conflicting-flags': { readonly first: string; readonly second: string };
  'cli/missing-expression': None;
  /** `key` and `known` as the user spells them (`--momentum`, `beta1`); `same`: two names of one hyper-parameter. */
  'optim/unknown-hyper':
    | { readonly optimizer: OptimizerId; readonly key: string; readonly known: readonly string[] }
    | { readonly optimizer: OptimizerId; readonly key: string; readonly same: string };
  /** `name`: as the user typed it (`--beta1`); `symbol`: the lesson's symbol as text (ρ₁). */
  'optim/bad-hyper': {
    readonly hyper: HyperId;
    readonly range: HyperRange;
    readonly value: number;
    readonly name: string;
    readonly symbol: string;
  };
  /** `missingFor`: the optimizer has no default learning rate and none was given; `name` as typed (`--lr`). */
  'optim/bad-learning-rate': { readonly value: number; readonly name?: string } | { readonly missingFor: OptimizerId };
  /** A setting that must be a number got something else: `type` is JavaScript's typeof (or `list`, `null`). */
  'optim/not-a-number': { readonly name: string; readonly type: string; readonly shown: string };
  /** Batch size, epochs or seed without data; `data` is how the data setting is spelled. */
  'optim/needs-data': { readonly name: string; readonly data: string };
  /** A named constant (`params`) without a finite number as its value. */
  'optim/bad-param': { readonly name: string; readonly value: string };
  /** Without `expected`: a coordinate is not a finite number. */
  'optim/bad-start': { readonly expected?: number; readonly got?: number };
  'optim/bad-steps': { readonly value: number; readonly max: number };
  'optim/bad-tolerance': { readonly value: number };
  'optim/undefined-at-start': { readonly point: string; readonly f: string };
  'optim/no-hessian': { readonly optimizer: OptimizerId };
  'optim/unknown-dataset': { readonly name: string };
  /** With `row`: that row (0-based; shown as row + 1, the data table's numbering) is not finite numbers; else the size is wrong. */
  'optim/bad-data': { readonly maxRows: number; readonly row?: number; readonly columns?: readonly string[] };
  'optim/no-parameters': None;
  /** A variable to optimise that is also a data column (`data`) or a named constant (`constant`). */
  'optim/parameter-is-data': { readonly name: string; readonly what?: 'data' | 'constant' };
  'optim/unknown-variable': { readonly names: readonly string[]; readonly params: readonly string[] };
  'optim/bad-setting': { readonly name: string; readonly min: number; readonly max: number; readonly value: number };
  /** With `rowsPerStep`: the data make the run too long; else the TeX trace would be. */
  'optim/too-many-steps':
    | { readonly steps: number; readonly maxTex: number; readonly max: number; readonly off?: string }
    | { readonly steps: number; readonly rowsPerStep: number; readonly most: number; readonly budget: number };
  'optim/unknown-optimizer': { readonly name: string; readonly known: readonly string[] };
  'optim/unknown-convention': { readonly name: string };
  'graph/too-large': { readonly max: number };
  'graph/bad-param': { readonly name: string };
  'graph/missing-value': { readonly name: string };
  'graph/bad-output': { readonly id: number };
  'graph/not-built': None;
  /** A point that is not `name=number` pairs (`text` shortened for the message). */
  'graph/bad-point': { readonly text: string };
}

/** The union of every error code, so callers can switch exhaustively. */
export type ErrorCode = keyof ErrorParams;

/** The codes only the command line raises: their text is the CLI's (src/i18n/cli.ts), not the elements'. */
export type CliErrorCode = Extract<ErrorCode, `cli/${string}`>;

/** The codes only the optimizers (src/optim) raise: their text is in src/i18n/optim.ts. */
export type OptimErrorCode = Extract<ErrorCode, `optim/${string}`>;

/** Every other code: its text is in every language's `Messages` (section `errors`). */
export type CoreErrorCode = Exclude<ErrorCode, CliErrorCode | OptimErrorCode>;

type AnyErrorText = (params: never) => string;
type ErrorTextSource = (lang: Lang) => Readonly<Partial<Record<ErrorCode, AnyErrorText>>>;

/** Catalogues outside `Messages` that word some codes (the CLI's and the optimizers', once loaded). */
const ERROR_TEXT_SOURCES: ErrorTextSource[] = [];

/**
 * Gives the codes `K` their text, by language, from a catalogue that is not part of `Messages`
 * (so that code which never raises them never loads it): src/i18n/cli.ts the `cli/*` texts,
 * src/i18n/optim.ts the `optim/*` texts.
 */
export function registerErrorTexts<K extends ErrorCode>(texts: (lang: Lang) => ErrorTexts<K>): void {
  if (!ERROR_TEXT_SOURCES.includes(texts)) ERROR_TEXT_SOURCES.push(texts);
}

/** The plain data of an error, as JSON carries it. */
export interface GradstepErrorJson {
  readonly code: ErrorCode;
  readonly params: ErrorParams[ErrorCode];
  /** The message in English (the JSON's default language). */
  readonly message: string;
  readonly messages: Localized;
  readonly range?: SourceRange;
}

/**
 * The one error type gradstep throws on bad input: a stable code with its parameters and
 * (for parse errors) the range of the input it concerns. Its text is made where it is
 * shown, in the language asked for: `error.localized('ko')`. `message` is the English text.
 */
export class GradstepError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];
  readonly range: SourceRange | undefined;

  constructor(code: C, params: ErrorParams[C], range?: SourceRange) {
    super(formatError(code, params, 'en'));
    this.name = 'GradstepError';
    this.code = code;
    this.params = params;
    this.range = range;
  }

  /** The message in the given language. */
  localized(lang: Lang): string {
    return formatError(this.code, this.params, lang);
  }

  /** The message in every language gradstep speaks. */
  get messages(): Localized {
    return localizeAll((_, lang) => formatError(this.code, this.params, lang));
  }

  toJSON(): GradstepErrorJson {
    return {
      code: this.code,
      params: this.params,
      message: this.message,
      messages: this.messages,
      ...(this.range ? { range: this.range } : {}),
    };
  }
}

/**
 * The text of an error in a language: from the language's `Messages`, else from a registered
 * catalogue. A code whose catalogue is not loaded (a `cli/*` code outside the CLI) reads as its code.
 */
export function formatError<C extends ErrorCode>(code: C, params: ErrorParams[C], lang: Lang): string {
  const core: Readonly<Partial<Record<ErrorCode, AnyErrorText>>> = messagesFor(lang).errors;
  let format = core[code];
  for (const source of ERROR_TEXT_SOURCES) format ??= source(lang)[code];
  return format ? (format as (p: ErrorParams[C]) => string)(params) : code;
}

export function isGradstepError(e: unknown): e is GradstepError {
  return e instanceof GradstepError;
}
