/** Where a CLI command writes; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit statuses shared by every subcommand. */
export const EXIT = { ok: 0, incorrect: 1, badInput: 2 } as const;
