import { isHidden, visible } from '../util/visible.js';

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

/**
 * Output safe for a terminal: students' text can hold escape sequences (OSC 52 writes
 * the clipboard, OSC 8 disguises links, CSI clears the screen) and bidirectional
 * overrides. Human-readable text shows each such character as `<U+XXXX>`; JSON output
 * (which already escapes C0 controls) gets `\uXXXX` escapes for the rest (C1
 * controls, bidi overrides), so it stays valid JSON with the same values.
 */
export function terminalSafe(text: string): string {
  const trimmed = text.trimStart();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && isJson(text)) {
    return [...text]
      .map((ch) => (isHidden(ch) && ch !== '\n' ? `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}` : ch))
      .join('');
  }
  return visible(text, { keepLineBreaks: true });
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Wraps an IO so that everything written through it is {@link terminalSafe}. */
export function safeIO(io: CliIO): CliIO {
  return { out: (text) => io.out(terminalSafe(text)), err: (text) => io.err(terminalSafe(text)) };
}
