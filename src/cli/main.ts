import { GradstepError } from '../errors.js';
import { type CliCommandName, cliMessagesFor } from '../i18n/cli.js';
import type { Lang } from '../i18n/index.js';
import { VERSION } from '../version.js';
import { langOption } from './args.js';
import { checkCommand } from './check-command.js';
import { diffCommand } from './diff-command.js';
import { gradCommand } from './grad-command.js';
import { graphCommand } from './graph-command.js';
import { LANG_OPTION, optionLines } from './help.js';
import { type CliIO, EXIT, processIO, safeIO } from './io.js';
import { optimizeCommand } from './optimize-command.js';
import { parseCommand } from './parse-command.js';

/**
 * A subcommand: its help text in a language and how it runs. Its summary line is the
 * catalogue's (`cli.help.commands.<name>.summary`).
 */
export interface Command {
  usage(lang: Lang): string;
  run(args: string[], io: CliIO): Promise<number> | number;
}

/** The subcommands, one entry each; each lives in its own file and has its help in every catalogue. */
export const COMMANDS: Readonly<Record<CliCommandName, Command>> = {
  parse: parseCommand,
  diff: diffCommand,
  grad: gradCommand,
  check: checkCommand,
  optimize: optimizeCommand,
  graph: graphCommand,
};

const isCommand = (name: string): name is CliCommandName => Object.hasOwn(COMMANDS, name);

/** `gradstep --help` in a language. */
export function usage(lang: Lang = 'en'): string {
  const h = cliMessagesFor(lang).help;
  const names = Object.keys(COMMANDS) as CliCommandName[];
  const { placeholders: p, headings } = h;
  return [
    h.tagline({ version: VERSION }),
    '',
    `${headings.usage}: gradstep <${p.command}> [${p.options}]`,
    '',
    `${headings.commands}:`,
    ...optionLines(names.map((n) => [n, h.commands[n].summary])),
    '',
    `${headings.options}:`,
    ...optionLines([
      ['-h, --help', h.global.help],
      ['-v, --version', h.global.version],
      [LANG_OPTION, h.global.lang],
    ]),
  ].join('\n');
}

const HELP = new Set(['-h', '--help', 'help']);

/** `--lang ko` (or `--lang=ko`) given before the command: taken out, to be passed on after it. */
function leadingLang(argv: readonly string[]): [string[], string[]] {
  const rest = [...argv];
  const lang: string[] = [];
  for (;;) {
    const first = rest[0];
    if (first?.startsWith('--lang=')) lang.push(...rest.splice(0, 1));
    else if (first === '--lang' && rest.length > 1) lang.push(...rest.splice(0, 2));
    else return [lang, rest];
  }
}

export async function run(argv: string[], given: CliIO = processIO): Promise<number> {
  // Nothing a command prints can act on the terminal (escape sequences, bidi overrides).
  const io = safeIO(given);
  const lang = langOption(argv);
  const [langArgs, [first, ...others]] = leadingLang(argv);
  const rest = [...others, ...langArgs];
  if (first === undefined || HELP.has(first)) {
    io.out(usage(lang));
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(VERSION);
    return EXIT.ok;
  }
  if (!isCommand(first)) {
    io.err(`gradstep: ${new GradstepError('cli/unknown-command', { command: first }).localized(lang)}`);
    return EXIT.badInput;
  }
  const command = COMMANDS[first];
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(command.usage(lang));
    return EXIT.ok;
  }
  return command.run(rest, io);
}
