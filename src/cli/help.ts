// The help texts' layout. Their words are the catalogues' (`cli.help`); flag names, command
// names and example expressions are literal and added here or by each command.
import { type CliMessages, cliMessagesFor } from '../i18n/cli.js';
import { LANGS, type Lang } from '../i18n/index.js';

/** The `--lang` option as a synopsis shows it: every language with a catalogue. */
export const LANG_OPTION = `--lang ${LANGS.join('|')}`;

/** One command's help, in one language. */
export interface UsageSpec {
  /** The synopsis lines, each after `gradstep `. */
  readonly synopsis: readonly string[];
  readonly about: string;
  /** The option as typed (`--wrt x`) and what it means (lines broken with `\n`). */
  readonly options: readonly (readonly [string, string])[];
  /** Example command lines, after `gradstep `. */
  readonly examples?: readonly string[];
  /** The line on exit statuses. */
  readonly exit?: string;
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** The terminal columns a text takes: Hangul and other wide characters take two. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** `text` padded with spaces to `width` terminal columns. */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

/** A two-column list (`  --wrt x   the variable …`); a description's further lines keep its column. */
export function optionLines(rows: readonly (readonly [string, string])[], minWidth = 12): string[] {
  const width = Math.max(minWidth, ...rows.map(([flag]) => columns(flag)));
  return rows.flatMap(([flag, text]) =>
    text.split('\n').map((line, i) => `  ${padColumns(i === 0 ? flag : '', width)}  ${line}`.trimEnd()),
  );
}

/** A command's whole help text in a language. */
export function renderUsage(lang: Lang, spec: (m: CliMessages) => UsageSpec): string {
  const m = cliMessagesFor(lang);
  const { headings } = m.help;
  const u = spec(m);
  const label = `${headings.usage}:`;
  const lines = u.synopsis.map((s, i) => `${i === 0 ? label : ' '.repeat(columns(label))} gradstep ${s}`);
  lines.push('', ...u.about.split('\n'), '', `${headings.options}:`, ...optionLines(u.options));
  if (u.examples?.length) lines.push('', `${headings.examples}:`, ...u.examples.map((e) => `  gradstep ${e}`));
  if (u.exit) lines.push('', u.exit);
  return lines.join('\n');
}
