/**
 * The one shape every language's catalogue has. `src/i18n/en.ts`, `src/i18n/ko.ts` (and any
 * new language) implement `Messages`; a missing or misspelt key is a type error.
 *
 * Conventions (for everyone adding a string):
 * - Text that takes values is a function of one typed parameter object, e.g.
 *   `tooLong: ({ length, max }) => …`; the caller passes values, never pieces of sentences.
 * - Korean particles after a parameter come from `josa(word, '을/를')` (src/i18n/josa.ts);
 *   plurals from `plural(tag, n, { one, other })` (src/i18n/plural.ts).
 * - Code never branches on a language; it asks the catalogue (`messagesFor(lang)`), or
 *   `localizeAll(m => …)` for a value in every language.
 */
import type { RuleId } from '../calculus/derivation.js';
import type { FormName } from '../calculus/forms.js';
import type { MistakeId } from '../check/mistakes.js';
import type { UnsimplifiedReason } from '../check/unsimplified.js';
import type { CoreErrorCode, ErrorParams, OptimErrorCode } from '../errors.js';
import type { Construct } from '../expr/messages.js';
import type { ReadNoteKind } from '../expr/normalize.js';
import type { Convention, HyperId, HyperRange, OptimizerId } from '../optim/types.js';

/** A rule's name and what it says, as a teacher would say it. */
export interface RuleText {
  readonly name: string;
  readonly prose: string;
}

/** The rule table's words, by rule id (written by the engine's rules.<lang>.ts). */
export type RuleMessages = Readonly<Record<RuleId, RuleText>>;

/** The texts of some error codes, by code, from the error's own parameters. */
export type ErrorTexts<K extends keyof ErrorParams> = { readonly [C in K]: (params: ErrorParams[C]) => string };

/** Every error message but the command line's and the optimizers' own (src/i18n/cli.ts, optim.ts), by code. */
export type ErrorMessages = ErrorTexts<CoreErrorCode>;

/** What the parser tells the person about how it read their input. */
export interface NoteParams {
  'implicit-function-call': { readonly typed: string; readonly reading: string };
  'function-power': { readonly typed: string; readonly reading: string; readonly name: string };
  'inverse-function': { readonly typed: string; readonly inverse: string; readonly name: string };
  'split-name': { readonly word: string; readonly reading: string };
  'natural-log': Record<string, never>;
  'product-after-division': { readonly shown: string; readonly left: string; readonly right: string };
  'product-after-power': { readonly shown: string; readonly left: string; readonly right: string };
  'product-after-root': {
    readonly shown: string;
    readonly left: string;
    readonly right: string;
    readonly radicand: string;
  };
  'scientific-notation': { readonly text: string; readonly mantissa: string; readonly power: string };
}

export type NoteMessages = { readonly [K in ReadNoteKind]: (params: NoteParams[K]) => string };

/** The facts a mistake message may use (all expressions already printed as text). */
export interface MistakeParams {
  /** The expression of the step where the mistake happens. */
  readonly expr: string;
  /** The missing or wrong piece (the inner derivative, the dropped term, …). */
  readonly detail: string;
  /** The inner function of a chain step (else the step's expression). */
  readonly inner: string;
  /** The variable differentiated by. */
  readonly wrt: string;
  /** The other variables (held constant in a partial derivative). */
  readonly others: readonly string[];
  /** The prose of the step's rule, in the same language. */
  readonly ruleProse: string;
  /** The step is the "held constant" rule (a partial derivative). */
  readonly held: boolean;
}

export type MistakeMessages = { readonly [M in MistakeId]: (params: MistakeParams) => string };

/** What the answer checker says. `at` is a point already written out (`x = 1, y = 2`). */
export interface VerdictMessages {
  /** `form`: the name of the answer's form (`factored form`), when it is one of the named forms. */
  readonly correct: (p: { readonly form: string | undefined }) => string;
  readonly unsimplified: (p: { readonly reason: string; readonly expected: string }) => string;
  readonly incorrect: (p: { readonly at: string; readonly expected: string; readonly answer: string | null }) => string;
  readonly sameAsProblem: () => string;
  readonly invalid: (p: { readonly error: string }) => string;
  readonly unknownVariable: (p: { readonly name: string; readonly vars: readonly string[] }) => string;
  readonly unevaluated: (p: { readonly found: string }) => string;
  readonly undecided: (p: { readonly points: number }) => string;
  /** The values overflow floating point (coefficients near 10³⁰⁸): the answer is neither right nor wrong to the checker. */
  readonly outOfRange: () => string;
  /** Two sentences joined (the verdict, then the diagnosis). */
  readonly join: (first: string, second: string) => string;
  /** A value that is undefined at a point (NaN, ±∞). */
  readonly undefinedValue: string;
  /** Said after the verdict when the mistake diagnosis ran out of its budget. */
  readonly diagnosisSkipped: string;
}

/** What a refused attribute value is told (components/shared/limits.ts). `value` is already quoted-safe. */
export interface LimitParams {
  readonly attr: string;
  readonly value: string;
  readonly min: string;
  readonly max: string;
  /** Characters or values given (tooLong, tooMany). */
  readonly length: number;
  /** Most characters or values allowed (tooLong, tooMany). */
  readonly most: number;
}

export interface LimitMessages {
  readonly notNumber: (p: LimitParams) => string;
  readonly notFinite: (p: LimitParams) => string;
  readonly range: (p: LimitParams) => string;
  readonly integer: (p: LimitParams) => string;
  readonly tooLong: (p: LimitParams) => string;
  readonly tooMany: (p: LimitParams) => string;
  readonly order: (p: LimitParams) => string;
  /** Said after each of the above. */
  readonly ignored: string;
  /** A race's steps cut to fit its budget. */
  readonly raceBudget: (p: {
    readonly runs: number;
    readonly steps: number;
    readonly perRun: number;
    readonly budget: number;
  }) => string;
  /** Hints for an element with nothing to show yet. */
  readonly hints: { readonly expr: string; readonly problem: string; readonly optimizers: string };
}

/** The typesetting budget (components/shared/typeset.ts). */
export interface TypesetMessages {
  readonly tooLong: (p: { readonly length: number }) => string;
  readonly budget: string;
}

/** What the line-by-line checker says; `line` is 1-based. */
export interface LineMessages {
  readonly unreadable: (p: { readonly line: number; readonly error: string }) => string;
  readonly undecided: (p: { readonly line: number }) => string;
  /** The line's values (or the derivative's) leave floating point's range: it cannot be decided, not marked wrong. */
  readonly outOfRange: (p: { readonly line: number }) => string;
  readonly notDerivative: (p: {
    readonly line: number;
    readonly at: string;
    readonly expected: string;
    readonly got: string;
  }) => string;
  readonly notFollowing: (p: {
    readonly line: number;
    readonly previous: number;
    readonly at: string;
    readonly expected: string;
    readonly got: string;
  }) => string;
  readonly none: () => string;
  readonly broken: (p: { readonly line: number }) => string;
  readonly unfinished: () => string;
  readonly unsimplified: (p: { readonly expected: string }) => string;
  readonly correct: () => string;
}

/** The words of a printed derivation (text printer). */
export interface DerivationMessages {
  /** `x, y held constant`. */
  readonly held: (p: { readonly names: readonly string[] }) => string;
  /** The word before a substitution `u = …`. */
  readonly letWord: string;
  /** The heading of the k-th derivative of a higher-order derivation. */
  readonly order: (p: { readonly k: number }) => string;
  readonly answer: string;
  /** A step's note for bases assumed positive (`assumedPositive`): `assuming a > 0`. */
  readonly assuming: (p: { readonly bases: readonly string[] }) => string;
  /** The sentence a derivation or a check adds for them: why aᵘ needs a > 0. */
  readonly assumption: (p: { readonly bases: readonly string[] }) => string;
}

/** Every visible string of the `gs-` elements. */
export interface UiMessages {
  readonly readAs: string;
  /** Before the answer's other forms (factored, common denominator, …). */
  readonly alsoWrittenAs: string;
  readonly steps: string;
  readonly generalFormula: string;
  readonly heldConstant: string;
  /** After `a > 0` on a step: the base assumed positive. */
  readonly assumed: string;
  readonly tangentAt: string;
  readonly slope: string;
  readonly plotOf: string;
  readonly editExpression: string;
  readonly gradient: string;
  readonly hessian: string;
  readonly partialWrt: string;
  readonly check: string;
  readonly yourAnswer: string;
  readonly showSolution: string;
  readonly expected: string;
  readonly counterexample: string;
  readonly correct: string;
  readonly correctUnsimplified: string;
  readonly incorrect: string;
  readonly unevaluated: string;
  readonly invalid: string;
  /** gs-answer's validation message when it is required and empty. */
  readonly answerRequired: string;
  readonly previous: string;
  readonly next: string;
  readonly play: string;
  readonly pause: string;
  readonly reset: string;
  readonly step: string;
  readonly iteration: string;
  readonly history: string;
  readonly loss: string;
  readonly updateRule: string;
  readonly withNumbers: string;
  readonly gradientAt: string;
  /** The label of the function's other names and their fixed values (a = 1, b = −2). */
  readonly constantsLabel: string;
  readonly batch: string;
  /** gs-optimizer's data table: its summary, the row-number column, the marked rows and the epoch. */
  readonly data: string;
  readonly row: string;
  readonly inBatch: string;
  /** Before the number of a pass over the data. */
  readonly epoch: string;
  readonly lossPerStep: string;
  /** The accessible name of a box whose content is wider than the screen and scrolls sideways. */
  readonly scrollRegion: string;
  readonly keyboardHint: string;
  readonly internalError: string;
  readonly rotateHint: string;
  readonly surfaceOf: string;
  /** The 3-D surface's colour scale (its accessible name, before the range of z). */
  readonly colourScale: string;
  /** gs-optimizer's data plot (SGD over a data set): its name, "rows", "rows in this step's batch", the curve's legend before the step number. */
  readonly dataPlot: string;
  readonly dataRows: string;
  readonly dataBatch: string;
  readonly modelAtStep: string;
}

/** The optimizers' words. */
/** The optimizer settings that are not hyper-parameters (src/optim/hyper.ts). */
export type PlainSettingName =
  | 'optimizer'
  | 'lr'
  | 'start'
  | 'vars'
  | 'at'
  | 'steps'
  | 'convention'
  | 'tol'
  | 'data'
  | 'batchSize'
  | 'epochs'
  | 'seed';

export interface OptimMessages {
  /** The `optim/*` errors' texts. */
  readonly errors: ErrorTexts<OptimErrorCode>;
  /** What each plain setting is, for usage text and the playground (src/optim/hyper.ts). */
  readonly settings: Readonly<Record<PlainSettingName, string>>;
  readonly names: Readonly<Record<OptimizerId, string>>;
  /** Hyper-parameters, as a sentence names them (`decay rate`). */
  readonly hyper: Readonly<Record<HyperId, string>>;
  /** What a hyper-parameter's value must be. */
  readonly ranges: Readonly<Record<HyperRange, string>>;
  /** The conventions' names, as shown to people (the CLI's `--convention` takes the ids). */
  readonly conventions: Readonly<Record<Convention, string>>;
  /** How a run ended, in a few words. */
  readonly status: Readonly<Record<'max-steps' | 'converged' | 'diverged' | 'stopped', string>>;
  /** One sentence on what each optimizer does. */
  readonly summaries: Readonly<Record<OptimizerId, string>>;
  /** The optimizers' state variables. */
  readonly states: {
    readonly velocity: string;
    readonly momentumBuffer: string;
    readonly squaredGradient: string;
    readonly firstMoment: string;
    readonly secondMoment: string;
    readonly rateInUse: string;
  };
  /** The built-in data sets. */
  readonly datasets: { readonly line: string; readonly logistic: string };
  /** What a run says while and when it ends (src/optim/run.ts and the optimizers' steps). */
  readonly run: OptimRunMessages;
}

/** Numbers arrive formatted (`point`, `f`, `lr`…); step numbers as numbers. */
export interface OptimRunMessages {
  readonly converged: (p: { readonly k: number; readonly tol: string }) => string;
  /**
   * An optimizer's state (`state`, its TeX letter `symbol`) overflowed at step k, e.g. Adam's second
   * moment from g⊙g where the largest gradient component is `gradient`: the run stops there.
   */
  readonly overflow: (p: {
    readonly k: number;
    readonly state: string;
    readonly symbol: string;
    readonly gradient: string;
  }) => string;
  /** The gradient is undefined at a finite point: a minimum reached exactly (|x| at 0), or another corner. */
  readonly corner: (p: {
    readonly k: number;
    readonly point: string;
    readonly f: string;
    readonly minimum: boolean;
  }) => string;
  /** The loss has risen `steps` steps in a row, from step `start` to step `k`. */
  readonly rising: (p: {
    readonly steps: number;
    readonly start: number;
    readonly k: number;
    readonly from: string;
    readonly to: string;
    readonly newton: boolean;
    readonly lr: string;
    readonly smaller: string;
  }) => string;
  /** `advice`: a smaller rate, none (the loss fell without bound: no minimum), or Newton's own. */
  readonly diverged: (p: {
    readonly k: number;
    readonly why: 'gradient' | 'point' | 'loss' | 'growth';
    readonly kind: 'nan' | 'infinite';
    readonly point: string;
    readonly bound: string;
    readonly advice: 'rate' | 'no-minimum' | 'newton';
    readonly lr: string;
    readonly smaller: string;
  }) => string;
  /** Step halving: this ε does not pass the Armijo condition. */
  readonly halve: (p: {
    readonly rate: string;
    readonly from: string;
    readonly to: string;
    readonly bound: string;
  }) => string;
  /** Step halving gave up; with `eps` the rate was too large, without the point is stationary. */
  readonly noDecrease: (p: { readonly halvings: number; readonly eps?: string }) => string;
  readonly singular: (p: { readonly k: number }) => string;
  readonly indefinite: (p: { readonly k: number }) => string;
}

export interface Messages {
  /** The BCP 47 tag of the language (`en`, `ko`), also used for Intl. */
  readonly tag: string;
  /** The language's own name, for a language switch (`English`, `한국어`). */
  readonly name: string;
  readonly errors: ErrorMessages;
  /** Constructs the parser refuses, named for the person who typed them. */
  readonly constructs: Readonly<Record<Construct, string>>;
  readonly notes: NoteMessages;
  readonly rules: RuleMessages;
  readonly derivation: DerivationMessages;
  readonly mistakes: MistakeMessages;
  /** Why a correct answer is not simplified. */
  readonly unsimplified: Readonly<Record<UnsimplifiedReason, string>>;
  /** A derivation's final simplification: what it did (the same reasons, said as done), and its label. */
  readonly simplified: {
    readonly label: string;
    readonly did: Readonly<Record<UnsimplifiedReason, string>>;
    /** When it only rewrote the form (reordered, expanded, factored). */
    readonly rewrote: string;
    readonly join: (items: readonly string[]) => string;
  };
  readonly verdicts: VerdictMessages;
  /** The names of an answer's forms (src/calculus/forms.ts), as a noun phrase: `factored form`. */
  readonly forms: Readonly<Record<FormName, string>>;
  readonly lines: LineMessages;
  readonly ui: UiMessages;
  readonly graph: GraphMessages;
  readonly limits: LimitMessages;
  readonly typeset: TypesetMessages;
}

/** Computation graphs: the printers' words (lower case, inside labels) and gs-graph's. */
export interface GraphMessages {
  // Printers (CLI table, DOT labels).
  readonly node: string;
  readonly operation: string;
  readonly value: string;
  readonly adjoint: string;
  readonly edge: string;
  readonly local: string;
  readonly gradient: string;
  readonly param: string;
  readonly data: string;
  readonly constant: string;
  // The element.
  readonly graph: string;
  readonly legend: string;
  readonly start: string;
  readonly forward: string;
  readonly backward: string;
  readonly where: string;
  readonly seed: string;
  readonly chain: string;
  readonly sumParents: string;
  readonly locals: string;
  readonly backprop: string;
  readonly symbolic: string;
  readonly agree: string;
  readonly disagree: string;
  readonly descend: string;
  readonly loss: string;
  readonly table: string;
  readonly nodeHeader: string;
  readonly operationHeader: string;
  readonly valueHeader: string;
  readonly adjointHeader: string;
  readonly edgeHeader: string;
  readonly localHeader: string;
}
