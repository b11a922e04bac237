/**
 * `gradstep parse "<expr>" [--vars x,y] [--json] [--lang en|ko]`: shows how
 * gradstep reads an expression — the normalised text, the TeX and notes such
 * as "read 'sin 2x' as sin(2·x)" — or the error with a caret under the part of
 * the input it concerns (exit status 2).
 */
import { GradstepError } from '../errors.js';
import { parse } from '../expr/parse.js';
import { cliMessagesFor } from '../i18n/cli.js';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/index.js';
import { visible } from '../util/visible.js';
import { langOption, parseArgs, splitVars } from './args.js';
import { columns, LANG_OPTION, padColumns, renderUsage } from './help.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The help text (the catalogue's words; flags and examples literal). */
const usage = (lang: Lang) =>
  renderUsage(lang, (m) => {
    const { placeholders: p, commands } = m.help;
    const o = commands.parse.options;
    return {
      synopsis: [`parse "<${p.expr}>" [--vars x,y] [--json] [${LANG_OPTION}]`],
      about: commands.parse.about,
      options: [
        ['--vars x,y', o.vars],
        ['--json', o.json],
        [LANG_OPTION, o.lang],
      ],
      examples: ['parse "3x^3 - 2x + 1"', 'parse "sin 2x" --json', 'parse "w1 x + b" --vars w1,x,b'],
    };
  });

interface ParseArgs {
  readonly expression: string;
  readonly vars: string[] | undefined;
  readonly json: boolean;
  readonly lang: Lang;
}

/** Reads the arguments with the shared `parseArgs`; a GradstepError is a usage error. */
function readArgs(args: readonly string[]): ParseArgs | GradstepError {
  let read: ReturnType<typeof parseArgs>;
  try {
    read = parseArgs(args, ['json'], ['vars', 'lang']);
  } catch (error) {
    if (error instanceof GradstepError) return error;
    throw error;
  }
  const { positional, options, flags } = read;
  // Anything that is not an option, even `-x^2`, is part of the expression.
  if (positional.length === 0) return new GradstepError('cli/missing-expression', {});
  return {
    expression: positional.join(' '),
    vars: splitVars(options.vars),
    json: flags.has('json'),
    lang: isLang(options.lang) ? options.lang : DEFAULT_LANG,
  };
}

/**
 * The input on one line and a caret line under `start..end`. Control, bidi-override and
 * invisible characters are shown by code point (`<U+202E>`), and the caret follows them.
 */
export function caretLines(input: string, start: number, end: number): string[] {
  // Escape first, remembering where each input character lands in the shown line.
  const at: number[] = [];
  let escaped = '';
  for (let i = 0; i < input.length; i++) {
    at[i] = escaped.length;
    const ch = input[i] as string;
    escaped += ch === '\r' || ch === '\n' || ch === '\t' ? ' ' : visible(ch);
  }
  at[input.length] = escaped.length;
  const pos = (i: number) => at[Math.max(0, Math.min(i, input.length))] as number;
  let shown = escaped;
  let from = pos(start);
  let to = Math.max(from + 1, end > input.length ? shown.length + 1 : pos(end));
  // Long input: show a window around the range so a terminal line stays readable.
  const WINDOW = 100;
  if (shown.length > WINDOW) {
    const left = Math.max(0, from - 30);
    const right = Math.min(shown.length, left + WINDOW);
    const prefix = left > 0 ? '…' : '';
    shown = `${prefix}${shown.slice(left, right)}${right < shown.length ? '…' : ''}`;
    from = from - left + prefix.length;
    to = Math.min(to - left + prefix.length, shown.length + 1);
  }
  return [`  ${shown}`, `  ${' '.repeat(from)}${'^'.repeat(Math.max(1, to - from))}`];
}

function runParse(args: string[], io: CliIO): number {
  const parsed = readArgs(args);
  if (parsed instanceof GradstepError) {
    const lang = langOption(args);
    io.err(`gradstep parse: ${parsed.localized(lang)}\n\n${usage(lang)}`);
    return EXIT.badInput;
  }
  const { expression, vars, json, lang } = parsed;
  try {
    const result = parse(expression, vars === undefined ? {} : { vars });
    if (json) {
      io.out(JSON.stringify(result, null, 2));
      return EXIT.ok;
    }
    const labels = cliMessagesFor(lang).labels;
    const rows: [string, string][] = [
      [labels.text, result.text],
      [labels.tex, result.tex],
      [labels.vars, result.vars.join(', ') || labels.none],
    ];
    if (result.params.length > 0) rows.push([labels.params, result.params.join(', ')]);
    for (const note of result.notes) rows.push([labels.read, note.messages[lang]]);
    // One column for the values (a longer label, such as params, just takes more room).
    const width = Math.max(6, ...[labels.text, labels.tex, labels.vars, labels.read].map((l) => columns(l) + 1));
    const lines = rows.map(([label, value]) => `${padColumns(`${label}:`, width)} ${value}`);
    io.out(lines.join('\n'));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof GradstepError)) throw error;
    if (json) {
      io.out(JSON.stringify({ input: expression, error: error.toJSON() }, null, 2));
      return EXIT.badInput;
    }
    const lines = [`gradstep parse: ${error.localized(lang)}`];
    if (error.range) lines.push(...caretLines(expression, error.range.start, error.range.end));
    io.err(lines.join('\n'));
    return EXIT.badInput;
  }
}

export const parseCommand: Command = {
  usage,
  run: runParse,
};
