/**
 * Feedback typeset as math: a checker message split into text and the
 * expressions it quotes, each of which the checker knows as a tree and prints
 * here as TeX. The message itself stays plain text (for the CLI and screen
 * readers); elements render the parts, text as text and TeX through KaTeX.
 */

export type MessagePart = { readonly text: string } | { readonly tex: string };

/** An expression quoted in a message: as the message prints it, and as TeX. */
export interface QuotedMath {
  readonly text: string;
  readonly tex: string;
}

const WORD = /[A-Za-z0-9_.]/;

/**
 * Splits `message` at the quoted expressions (longest first, whole words only, so
 * a quoted `x` is not found inside "exponent"). Unquoted text stays one part.
 */
export function richMessage(message: string, quoted: readonly QuotedMath[]): MessagePart[] {
  const candidates = [...new Map(quoted.filter((q) => q.text.trim()).map((q) => [q.text, q])).values()].sort(
    (a, b) => b.text.length - a.text.length,
  );
  const parts: MessagePart[] = [];
  let rest = message;
  for (;;) {
    let best: { at: number; q: QuotedMath } | undefined;
    for (const q of candidates) {
      let from = 0;
      for (;;) {
        const at = rest.indexOf(q.text, from);
        if (at < 0) break;
        const before = rest[at - 1] ?? '';
        const after = rest[at + q.text.length] ?? '';
        // A sentence's full stop after an expression is not part of a number.
        const afterIsWord = WORD.test(after) && !(after === '.' && !/[0-9]/.test(rest[at + q.text.length + 1] ?? ''));
        if (!WORD.test(before) && !afterIsWord) {
          if (!best || at < best.at) best = { at, q };
          break;
        }
        from = at + 1;
      }
    }
    if (!best) break;
    if (best.at > 0) parts.push({ text: rest.slice(0, best.at) });
    parts.push({ tex: best.q.tex });
    rest = rest.slice(best.at + best.q.text.length);
  }
  if (rest) parts.push({ text: rest });
  return parts;
}

/** The digits that tell two values apart: 6 significant digits, more when they would print the same. */
export function digitsToDistinguish(a: number | null, b: number | null): number {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || a === b) return 6;
  for (let digits = 6; digits < 17; digits++) {
    if (Number(a.toPrecision(digits)) !== Number(b.toPrecision(digits))) return digits;
  }
  return 17;
}
