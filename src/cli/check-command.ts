// `gradstep check "<problem>" "<answer>"`: checks a derivative, names the mistake, shows a counterexample.
// `gradstep check --file answers.csv`: one verdict per row (columns problem, wrt, answer) and a summary.
import { closeSync, openSync, readSync } from 'node:fs';
import { type CheckResult, checkAnswer, type Verdict } from '../check/check.js';
import { formatPoint, formatValue } from '../check/messages.js';
import { GradstepError } from '../errors.js';
import { type CliMessages, cliMessagesFor } from '../i18n/cli.js';
import { type Lang, messagesFor } from '../i18n/index.js';
import { shorten } from '../util/visible.js';
import { langOption, parseArgs, reportError, splitVars } from './args.js';
import { LANG_OPTION, renderUsage } from './help.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The help text (the catalogue's words, literal flags). */
const usage = (lang: Lang) =>
  renderUsage(lang, (m) => {
    const { placeholders: p, commands, exit } = m.help;
    const c = commands.check;
    const o = c.options;
    return {
      synopsis: [
        `check "<${p.problem}>" "<${p.answer}>" [--wrt x] [--vars x,y] [--params a,b] [--order n] [${LANG_OPTION}] [--json]`,
        `check --file ${p.csv} [${LANG_OPTION}] [--json]`,
      ],
      about: c.about,
      options: [
        ['--wrt x', o.wrt],
        ['--vars x,y', o.vars],
        ['--params a,b', o.params],
        ['--order n', o.order],
        [LANG_OPTION, o.lang],
        ['--json', o.json],
        [`--file ${p.path}`, o.file],
      ],
      exit: exit({
        statuses: [
          [EXIT.ok, c.exit.correct],
          [EXIT.incorrect, c.exit.incorrect],
          [EXIT.badInput, c.exit.unreadable],
        ],
      }),
    };
  });

const KNOWN = ['wrt', 'vars', 'params', 'order', 'lang', 'file'];

/** The exit status of a verdict. */
export function exitStatus(verdict: Verdict): number {
  if (verdict === 'correct' || verdict === 'correct-unsimplified') return EXIT.ok;
  if (verdict === 'incorrect' || verdict === 'unevaluated') return EXIT.incorrect;
  return EXIT.badInput;
}

/** The JSON the command prints for one check. */
export function checkJson(r: CheckResult): Record<string, unknown> {
  return {
    verdict: r.verdict,
    correct: r.correct,
    ...(r.diagnosis
      ? {
          diagnosis: {
            id: r.diagnosis.id,
            step: r.diagnosis.step,
            stepExpr: r.diagnosis.stepExpr,
            messages: r.diagnosis.messages,
          },
        }
      : {}),
    message: r.message,
    messages: r.messages,
    ...(r.counterexample ? { counterexample: r.counterexample } : {}),
    expected: r.expected,
    ...(r.answer ? { answer: r.answer } : {}),
    problem: r.problem,
    wrt: r.wrt,
    vars: r.vars,
    order: r.order,
    ...(r.unsimplified ? { unsimplified: r.unsimplified } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

type RowVerdict = keyof CliMessages['verdicts'];

function checkText(r: CheckResult, lang: Lang): string {
  const m = messagesFor(lang);
  const cli = cliMessagesFor(lang);
  const labels = cli.labels;
  const label = (k: keyof typeof labels) => `${labels[k]}:`.padEnd(10);
  const lines = [`[${cli.verdicts[r.verdict]}] ${r.message}`, `  ${label('expected')}${r.expected.text}`];
  if (r.answer) lines.push(`  ${label('answer')}${r.answer.text}`);
  if (r.counterexample) {
    const c = r.counterexample;
    lines.push(
      `  ${label('at')}${formatPoint(c.at, m)}: ${labels.expected} ${formatValue(c.expected, m)}, ${labels.answer} ${formatValue(c.answer, m)}`,
    );
  }
  if (r.diagnosis) lines.push(`  ${label('mistake')}${r.diagnosis.id} (${r.diagnosis.stepExpr})`);
  if (r.error?.range) lines.push(`  ${label('characters')}${r.error.range.start}–${r.error.range.end}`);
  return lines.join('\n');
}

// ------------------------------------------------------------------ CSV

/** Splits CSV text into rows of fields (RFC 4180 quoting; a formula may hold commas inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const MAX_ROWS = 10_000;
/** Most bytes read from a CSV (10,000 rows of about 400 characters); reading stops there. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Most characters of a problem or answer echoed on a result line. */
const ECHO = 80;

/** Reads at most MAX_FILE_BYTES, in chunks: a huge file or /dev/zero stops at the cap. */
function readCapped(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw cannotRead(path);
  }
  try {
    const chunks: Buffer[] = [];
    const chunk = Buffer.alloc(64 * 1024);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch {
        throw cannotRead(path);
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) {
        throw new GradstepError('check/file-too-large', { max: MAX_FILE_BYTES });
      }
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function cannotRead(path: string): GradstepError {
  return new GradstepError('check/file', { path: shorten(path, 200) });
}

function runFile(path: string, lang: Lang, json: boolean, io: CliIO): number {
  const text = readCapped(path);
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = { problem: columns.indexOf('problem'), wrt: columns.indexOf('wrt'), answer: columns.indexOf('answer') };
  if (at.problem < 0 || at.answer < 0) {
    throw new GradstepError('check/csv-columns', {});
  }
  if (rows.length > MAX_ROWS) {
    throw new GradstepError('check/csv-too-long', { count: rows.length, max: MAX_ROWS });
  }
  const cli = cliMessagesFor(lang);
  const counts = new Map<RowVerdict, number>();
  const results: Record<string, unknown>[] = [];
  let worst: number = EXIT.ok;
  rows.forEach((row, i) => {
    const problem = row[at.problem]?.trim() ?? '';
    const wrt = at.wrt >= 0 ? row[at.wrt]?.trim() || undefined : undefined;
    const answer = row[at.answer]?.trim() ?? '';
    let verdict: RowVerdict;
    let line: string;
    let record: Record<string, unknown>;
    try {
      const r = checkAnswer({ problem, answer, lang, ...(wrt ? { wrt } : {}) });
      verdict = r.verdict;
      line = `${String(i + 1).padStart(3)}  ${cli.verdicts[r.verdict].padEnd(24)} d/d${r.wrt} ${shorten(problem, ECHO)}  ←  ${shorten(answer, ECHO)}${r.diagnosis ? `  [${r.diagnosis.id} @ ${r.diagnosis.step}]` : ''}`;
      record = { row: i + 1, ...checkJson(r) };
      worst = Math.max(worst, exitStatus(r.verdict));
    } catch (e) {
      if (!(e instanceof GradstepError)) throw e;
      verdict = 'invalid-problem';
      line = `${String(i + 1).padStart(3)}  ${cli.verdicts['invalid-problem'].padEnd(24)} ${shorten(problem, ECHO)}: ${e.localized(lang)}`;
      record = { row: i + 1, verdict, correct: false, message: e.localized(lang), error: e.toJSON() };
      worst = EXIT.badInput;
    }
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
    results.push(record);
    if (!json) io.out(line);
  });
  const summary = Object.fromEntries(counts);
  if (json) io.out(JSON.stringify({ rows: results, summary, total: rows.length }, null, 2));
  else {
    const verdicts = [...counts].map(([verdict, count]) => ({ verdict, count }));
    io.out(`\n${cli.summary({ rows: rows.length, verdicts })}`);
  }
  return worst;
}

export const checkCommand: Command = {
  usage,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json'], KNOWN);
      const json = flags.has('json');
      if (options.file !== undefined) {
        if (positional.length !== 0) {
          io.err(usage(lang));
          return EXIT.badInput;
        }
        return runFile(options.file, lang, json, io);
      }
      if (positional.length !== 2) {
        io.err(usage(lang));
        return EXIT.badInput;
      }
      const order = options.order === undefined ? undefined : Number(options.order);
      const vars = splitVars(options.vars);
      const params = splitVars(options.params);
      const r = checkAnswer({
        problem: positional[0] as string,
        answer: positional[1] as string,
        lang,
        ...(options.wrt !== undefined ? { wrt: options.wrt } : {}),
        ...(vars ? { vars } : {}),
        ...(params ? { params } : {}),
        ...(order !== undefined ? { order } : {}),
      });
      io.out(json ? JSON.stringify(checkJson(r), null, 2) : checkText(r, lang));
      return exitStatus(r.verdict);
    } catch (e) {
      return reportError(e, io, lang, 'check');
    }
  },
};
