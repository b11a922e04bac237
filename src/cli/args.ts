// Command-line arguments shared by every subcommand.
import { parseArgs as nodeParseArgs } from 'node:util';
import { GradstepError, isGradstepError } from '../errors.js';
import { cliMessagesFor } from '../i18n/cli.js';
import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../i18n/index.js';
import { type CliIO, EXIT } from './io.js';

export type OutputFormat = 'text' | 'tex' | 'json';

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string>;
  readonly flags: Set<string>;
}

/**
 * Reads the command line with Node's `util.parseArgs` (strict: unknown options, a value
 * given to a flag and an option without its value are refused). `flagNames` take no
 * value; `optionNames` take one, as `--name value` or `--name=value`. Anything that does
 * not start with `--` is a positional, so `--start -3,4` and an expression such as
 * `-x^2 + 1` read as a person means them (util.parseArgs alone would take them for short
 * options); after `--` every argument is a positional. An `--lang` option must name a language
 * with a catalogue.
 */
export function parseArgs(
  args: readonly string[],
  flagNames: readonly string[],
  optionNames: readonly string[] = [],
): ParsedArgs {
  const optionArgs: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      // Everything after `--` is positional, even what starts with `--`.
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) positional.push(arg);
    else if (optionNames.includes(arg.slice(2)) && i + 1 < args.length) optionArgs.push(`${arg}=${args[++i]}`);
    else optionArgs.push(arg);
  }
  const config: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of flagNames) config[name] = { type: 'boolean' };
  for (const name of optionNames) config[name] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = nodeParseArgs({
      args: [...optionArgs, '--', ...positional],
      options: config,
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw usageError(error);
  }
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') options[name] = value;
    else if (value === true) flags.add(name);
  }
  if (options.lang !== undefined && !isLang(options.lang)) {
    throw new GradstepError('cli/unknown-language', { lang: options.lang, known: LANGS });
  }
  return { positional, options, flags };
}

/** util.parseArgs's errors, as the CLI's own (worded by the catalogue where they are shown). */
function usageError(error: unknown): Error {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const name = /'--([^' =]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name)
    return new GradstepError('cli/unknown-option', { option: name });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    if (/does not take an argument/.test(message)) return new GradstepError('cli/takes-no-value', { option: name });
    return new GradstepError('cli/needs-value', { option: name });
  }
  return error instanceof Error ? error : new Error(message);
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
    const where = e.range ? cliMessagesFor(lang).where(e.range) : '';
    io.err(`gradstep ${command}: ${e.localized(lang)}${where}`);
    return EXIT.badInput;
  }
  throw e;
}
