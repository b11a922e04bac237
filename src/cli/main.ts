import { VERSION } from '../version.js';
import { checkCommand } from './check-command.js';
import { diffCommand } from './diff-command.js';
import { gradCommand } from './grad-command.js';
import { graphCommand } from './graph-command.js';
import { type CliIO, EXIT, processIO, safeIO } from './io.js';
import { optimizeCommand } from './optimize-command.js';
import { parseCommand } from './parse-command.js';

/** A subcommand: its one-line summary, its usage text and how it runs. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: CliIO): Promise<number> | number;
}

/** The subcommands; each lives in its own file. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  parse: parseCommand,
  diff: diffCommand,
  grad: gradCommand,
  check: checkCommand,
  optimize: optimizeCommand,
  graph: graphCommand,
};

export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]?.summary}`);
  return [
    `gradstep ${VERSION} — derivatives that show their work, answer checking and optimizers, in the terminal`,
    '',
    'Usage: gradstep <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    "  -h, --help     show this help (or a command's: gradstep <command> --help)",
    '  -v, --version  print the version',
  ].join('\n');
}

export async function run(argv: string[], given: CliIO = processIO): Promise<number> {
  // Nothing a command prints can act on the terminal (escape sequences, bidi overrides).
  const io = safeIO(given);
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.out(usage());
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS[first];
  if (!command) {
    io.err(`gradstep: unknown command '${first}'. Run 'gradstep --help' for the list.`);
    return EXIT.badInput;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  return command.run(rest, io);
}
