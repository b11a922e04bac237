// `gradstep diff "<expr>"`: the derivative with its step-by-step derivation.

import type { Detail } from '../calculus/derivation.js';
import { differentiate } from '../calculus/differentiate.js';
import { derivationJson, derivationTex, derivationText } from '../calculus/print.js';
import { isGradstepError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

export type OutputFormat = 'text' | 'tex' | 'json';

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string>;
  readonly flags: Set<string>;
}

/** Splits `--name value`, `--name=value` and bare `--flag`s; `flagNames` take no value. */
export function parseArgs(args: readonly string[], flagNames: readonly string[]): ParsedArgs {
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
    if (flagNames.includes(name)) flags.add(name);
    else if (eq > 0) options[name] = arg.slice(eq + 1);
    else {
      const value = args[i + 1];
      if (value === undefined) throw new Error(`option --${name} needs a value`);
      options[name] = value;
      i++;
    }
  }
  return { positional, options, flags };
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
    const where = e.range ? ` (at ${e.range.start}–${e.range.end})` : '';
    io.err(`gradstep ${command}: ${e.localized(lang)}${where}`);
    return EXIT.badInput;
  }
  if (e instanceof Error && /needs a value|unknown option/.test(e.message)) {
    io.err(`gradstep ${command}: ${e.message}`);
    return EXIT.badInput;
  }
  throw e;
}

const USAGE = `Usage: gradstep diff "<expr>" [--wrt x] [--order n] [--vars x,y] [--detail full|normal|brief] [--lang en|ko] [--json|--tex|--text]

Differentiates the expression and shows every step (sum, product, quotient and chain rules, …).
  --wrt x        the variable to differentiate by (default: the only variable, or x)
  --order n      1 for f′ (default), 2 for f″, … up to 10
  --vars x,y     the variables (so 'xy' reads as x·y); others are held constant
  --detail       full (every step), normal (default), brief (chain, product, quotient, simplify)
  --lang en|ko   language of the step names and prose
  --json         the whole derivation as JSON; --tex: the aligned TeX chain; --text (default)`;

const KNOWN = ['wrt', 'order', 'vars', 'detail', 'lang'];

export const diffCommand: Command = {
  summary: 'differentiate an expression, showing every step',
  usage: USAGE,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      const { positional, options, flags } = parseArgs(args, ['json', 'tex', 'text']);
      lang = options.lang === 'ko' ? 'ko' : 'en';
      const unknown = Object.keys(options).find((k) => !KNOWN.includes(k));
      if (unknown) throw new Error(`unknown option --${unknown}`);
      if (positional.length !== 1) {
        io.err(USAGE);
        return EXIT.badInput;
      }
      if (options.lang !== undefined && options.lang !== 'en' && options.lang !== 'ko') {
        throw new Error(`unknown option --lang ${options.lang} (use en or ko)`);
      }
      const order = options.order === undefined ? undefined : Number(options.order);
      const d = differentiate(positional[0] as string, {
        ...(options.wrt !== undefined ? { wrt: options.wrt } : {}),
        ...(order !== undefined ? { order } : {}),
        ...(options.vars !== undefined ? { vars: splitVars(options.vars) } : {}),
        ...(options.detail !== undefined ? { detail: options.detail as Detail } : {}),
        lang,
      });
      const format = outputFormat(flags);
      if (format === 'json') io.out(JSON.stringify(derivationJson(d, lang), null, 2));
      else if (format === 'tex') io.out(derivationTex(d));
      else io.out(derivationText(d, lang));
      return EXIT.ok;
    } catch (e) {
      return reportError(e, io, lang, 'diff');
    }
  },
};
