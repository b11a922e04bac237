/**
 * `gradstep parse "<expr>" [--vars x,y] [--json] [--lang en|ko]`: shows how
 * gradstep reads an expression — the normalised text, the TeX and notes such
 * as "read 'sin 2x' as sin(2·x)" — or the error with a caret under the part of
 * the input it concerns (exit status 2).
 */
import { GradstepError } from '../errors.js';
import { parse } from '../expr/parse.js';
import { type Lang, messagesFor, toLang } from '../i18n/index.js';
import { visible } from '../util/visible.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

const USAGE = `Usage: gradstep parse "<expr>" [--vars x,y] [--json] [--lang en|ko]

Shows how gradstep reads an expression: the normalised text, the TeX, and how
the input was read (implicit products, functions without parentheses, …).

Options:
  --vars x,y     the variables (default: every single letter is a variable); with them, other names are parameters
  --json         print the result (or the error) as JSON
  --lang en|ko   language of messages (default: en)

Examples:
  gradstep parse "3x^3 - 2x + 1"
  gradstep parse "sin 2x" --json
  gradstep parse "w1 x + b" --vars w1,x,b`;

interface ParseArgs {
  readonly expression: string;
  readonly vars: string[] | undefined;
  readonly json: boolean;
  readonly lang: Lang;
}

/** Reads the arguments; a string is a usage error. */
function readArgs(args: readonly string[]): ParseArgs | string {
  const words: string[] = [];
  let vars: string[] | undefined;
  let json = false;
  let lang: Lang = 'en';
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    const [flag, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string | undefined]) : [arg];
    const value = (): string | undefined => inline ?? args[++k];
    if (arg === '--') {
      words.push(...args.slice(k + 1));
      break;
    } else if (flag === '--json') json = true;
    else if (flag === '--vars') {
      const list = value();
      if (list === undefined) return '--vars needs a list of names, e.g. --vars x,y';
      vars = list
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
    } else if (flag === '--lang') {
      const tag = value();
      if (tag === undefined) return '--lang needs en or ko';
      lang = toLang(tag);
    } else if (arg.startsWith('--')) return `unknown option '${flag}'`;
    // Anything else, even `-x^2`, is part of the expression.
    else words.push(arg);
  }
  if (words.length === 0) return 'missing the expression to parse';
  return { expression: words.join(' '), vars, json, lang };
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
  if (typeof parsed === 'string') {
    io.err(`gradstep parse: ${parsed}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const { expression, vars, json, lang } = parsed;
  try {
    const result = parse(expression, vars === undefined ? {} : { vars });
    if (json) {
      io.out(JSON.stringify(result, null, 2));
      return EXIT.ok;
    }
    const lines = [`text:  ${result.text}`, `tex:   ${result.tex}`, `vars:  ${result.vars.join(', ') || '(none)'}`];
    if (result.params.length > 0) lines.push(`params: ${result.params.join(', ')}`);
    const read = `${messagesFor(lang).cli.labels.read}:`.padEnd(6);
    for (const note of result.notes) lines.push(`${read} ${note.messages[lang]}`);
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
  summary: 'show how an expression is read: normalised text, TeX, notes',
  usage: USAGE,
  run: runParse,
};
