/**
 * The command line's own words: one `CliMessages` catalogue per language (cli.en.ts, cli.ko.ts),
 * looked up only from src/cli, so the elements' bundles never carry them. The catalogue of
 * every language in `CATALOGUES` must be here too (a missing language or key is a type error).
 * Loading this module also gives `GradstepError` the text of the `cli/*` codes.
 */
import { type CliErrorCode, registerErrorTexts } from '../errors.js';
import { CLI_EN } from './cli.en.js';
import { CLI_KO } from './cli.ko.js';
import { DEFAULT_LANG, type Lang } from './index.js';
import type { ErrorTexts } from './messages.js';

/** The CLI's catalogue of every language gradstep speaks. */
export const CLI_CATALOGUES: Readonly<Record<Lang, CliMessages>> = { en: CLI_EN, ko: CLI_KO };

registerErrorTexts<CliErrorCode>((lang) => (CLI_CATALOGUES[lang] ?? CLI_CATALOGUES[DEFAULT_LANG]).errors);

/** The CLI's catalogue of a language. */
export function cliMessagesFor(lang: Lang): CliMessages {
  return CLI_CATALOGUES[lang] ?? CLI_CATALOGUES[DEFAULT_LANG];
}

/** The command line's labels, help texts and the texts of the errors only it raises. */
export interface CliMessages {
  /** The `cli/*` errors' texts. */
  readonly errors: ErrorTexts<CliErrorCode>;
  readonly verdicts: {
    readonly correct: string;
    readonly 'correct-unsimplified': string;
    readonly incorrect: string;
    readonly 'invalid-answer': string;
    readonly unevaluated: string;
    readonly undecided: string;
    readonly 'out-of-range': string;
    readonly 'invalid-problem': string;
  };
  readonly labels: {
    readonly expected: string;
    readonly answer: string;
    readonly at: string;
    readonly mistake: string;
    readonly characters: string;
    readonly read: string;
    /** `gradstep parse`'s lines: the normalised text, the TeX, the variables, the parameters, and "none". */
    readonly text: string;
    readonly tex: string;
    readonly vars: string;
    readonly params: string;
    readonly none: string;
  };
  /**
   * The last line of `check --file`: how many rows, and how many of each verdict (in the
   * order given, none with a zero count): `10 rows: 3 correct, 1 unreadable answer`.
   */
  readonly summary: (p: {
    readonly rows: number;
    readonly verdicts: readonly { readonly verdict: keyof CliMessages['verdicts']; readonly count: number }[];
  }) => string;
  /** ` (at 3–5)` after an error that points into the input. */
  readonly where: (p: { readonly start: number; readonly end: number }) => string;
  /** The help texts: `gradstep --help` and every `gradstep <command> --help`. */
  readonly help: CliHelpMessages;
  /** `gradstep optimize`'s text output. */
  readonly optimize: CliOptimizeMessages;
}

/** The CLI's subcommands (src/cli/main.ts); each has its help in every catalogue. */
export type CliCommandName = 'parse' | 'diff' | 'grad' | 'check' | 'optimize' | 'graph';

/** One command's help: its line in the command list, what it does, and what each option means. */
export interface CommandHelp<O extends string> {
  readonly summary: string;
  /** A paragraph (lines broken with `\n`). */
  readonly about: string;
  /** By option; a description may run over several lines (`\n`). */
  readonly options: Readonly<Record<O, string>>;
}

/**
 * Help texts. Flag names, command names and example expressions are literal (added by the CLI);
 * the words standing for a value in a synopsis (`<expr>`) are the catalogue's.
 */
export interface CliHelpMessages {
  /** The first line of `gradstep --help`. */
  readonly tagline: (p: { readonly version: string }) => string;
  /** Headings, each followed by a colon: `Usage`, `Commands`, `Options`, `Examples`. */
  readonly headings: {
    readonly usage: string;
    readonly commands: string;
    readonly options: string;
    readonly examples: string;
  };
  /** Words standing for a value in a synopsis: `<expr>`, `<command>`, `[options]`, `answers.csv`. */
  readonly placeholders: {
    readonly expr: string;
    readonly problem: string;
    readonly answer: string;
    readonly command: string;
    readonly options: string;
    readonly csv: string;
    readonly path: string;
  };
  /** The options every command reads. */
  readonly global: { readonly help: string; readonly version: string; readonly lang: string };
  /** An optimizer setting's usage line: what it is, its defaults by optimizer, its other flags. */
  readonly setting: (p: {
    readonly what: string;
    readonly defaults: string | undefined;
    readonly aliases: readonly string[];
  }) => string;
  /** The values a setting takes (`gd, momentum, …`), with the aliases (`sgd = gd`). */
  readonly choice: (p: {
    readonly what: string;
    readonly values: readonly string[];
    readonly aliases: readonly (readonly [string, string])[];
  }) => string;
  /** What the exit statuses mean. */
  readonly exit: (p: { readonly statuses: readonly (readonly [number, string])[] }) => string;
  readonly commands: {
    readonly parse: CommandHelp<'vars' | 'json' | 'lang'>;
    readonly diff: CommandHelp<'wrt' | 'order' | 'vars' | 'params' | 'detail' | 'lang' | 'output'>;
    readonly grad: CommandHelp<'vars' | 'params' | 'hessian' | 'lang' | 'output'>;
    readonly check: CommandHelp<'wrt' | 'vars' | 'params' | 'order' | 'lang' | 'json' | 'file'> & {
      readonly exit: { readonly correct: string; readonly incorrect: string; readonly unreadable: string };
    };
    readonly optimize: CommandHelp<'lang' | 'json' | 'tex'> & {
      readonly exit: { readonly done: string; readonly bad: string };
    };
    readonly graph: CommandHelp<'at' | 'params' | 'lang' | 'table' | 'dot' | 'json'>;
  };
}

/** `gradstep optimize`'s text output; numbers and points arrive formatted. */
export interface CliOptimizeMessages {
  /** The first line: the optimizer's name, its convention's name and its settings (`ε = 0.1, ρ = 0.9`). */
  readonly heading: (p: { readonly name: string; readonly convention: string; readonly settings: string }) => string;
  /** The function's other names with their fixed values (`a = 1, b = -2`). */
  readonly held: (p: { readonly values: string }) => string;
  /** After a step of SGD: the data rows of its mini-batch (1-based, as the data table numbers them). */
  readonly batch: (p: { readonly rows: readonly number[] }) => string;
  readonly warning: (p: { readonly step: number; readonly message: string }) => string;
  /** The last line: how the run ended (`status`: optim.status's words), and the run's message if any. */
  readonly status: (p: { readonly status: string; readonly message: string | undefined }) => string;
}
