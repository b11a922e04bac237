// Command-line arguments shared by every subcommand.
import { isGradstepError } from '../errors.js';
import { DEFAULT_LANG, isLang, LANGS, type Lang, messagesFor } from '../i18n/index.js';
import { type CliIO, EXIT } from './io.js';

export type OutputFormat = 'text' | 'tex' | 'json';

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string>;
  readonly flags: Set<string>;
}

/** A mistake in the command line itself (not in an expression): printed as it is, exit status 2. */
export class UsageError extends Error {}

/**
 * Splits `--name value`, `--name=value` and bare `--flag`s. `flagNames` take no value;
 * `optionNames` take one; any other `--name` is refused before a value is consumed.
 * An `--lang` option must name a language with a catalogue.
 */
export function parseArgs(
  args: readonly string[],
  flagNames: readonly string[],
  optionNames: readonly string[] = [],
): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (flagNames.includes(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (!optionNames.includes(name)) {
      throw new UsageError(`unknown option --${name}`);
    } else if (eq > 0) options[name] = arg.slice(eq + 1);
    else {
      const value = args[i + 1];
      if (value === undefined) throw new UsageError(`option --${name} needs a value`);
      options[name] = value;
      i++;
    }
  }
  if (options.lang !== undefined && !isLang(options.lang)) {
    throw new UsageError(`unknown language --lang ${options.lang} (use ${LANGS.join(', ')})`);
  }
  return { positional, options, flags };
}

/** The --lang option's language (English when absent or unreadable). */
export function langOption(args: readonly string[]): Lang {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = at < 0 ? undefined : args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  return isLang(value) ? value : DEFAULT_LANG;
}

export function outputFormat(flags: Set<string>): OutputFormat {
  if (flags.has('json')) return 'json';
  if (flags.has('tex')) return 'tex';
  return 'text';
}

export function splitVars(text: string | undefined): string[] | undefined {
  return text === undefined
    ? undefined
    : text
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
}

/** Prints a bad-input error (a GradstepError in the chosen language) and returns the exit status. */
export function reportError(e: unknown, io: CliIO, lang: Lang, command: string): number {
  if (isGradstepError(e)) {
    const where = e.range ? messagesFor(lang).cli.where(e.range) : '';
    io.err(`gradstep ${command}: ${e.localized(lang)}${where}`);
    return EXIT.badInput;
  }
  if (e instanceof UsageError) {
    io.err(`gradstep ${command}: ${e.message}`);
    return EXIT.badInput;
  }
  throw e;
}
