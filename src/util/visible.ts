/**
 * Makes text safe to show to a person: control characters (C0, DEL, C1),
 * bidirectional embeddings, overrides and isolates, and invisible format
 * characters are written as a visible `<U+XXXX>` instead of acting on the
 * terminal or on the text around them. Newlines and tabs are kept only when
 * `keepLineBreaks` is set.
 *
 * Used by every human-readable CLI output and by the elements' attribute messages.
 */
export function visible(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  const keep = options.keepLineBreaks === true;
  return text.replace(HIDDEN, (ch) => (keep && (ch === '\n' || ch === '\t') ? ch : codePointName(ch)));
}

/** `U+200B` for a character (upper-case hex, at least four digits). */
export function codePointName(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** True if the character would not be seen, or would act on what surrounds it. */
export function isHidden(ch: string): boolean {
  HIDDEN.lastIndex = 0;
  const hit = HIDDEN.test(ch);
  HIDDEN.lastIndex = 0;
  return hit;
}

/**
 * C0 controls, DEL and C1 controls (ESC starts terminal sequences such as OSC 52 and OSC 8),
 * the Arabic letter mark, zero-width and direction marks, line/paragraph separators,
 * bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069), word joiner
 * and invisible operators (U+2060–U+2064), the BOM and interlinear annotation characters.
 */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Shortens text for an echo: at most `max` characters, then "…(+N)" with the count left out. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}…(+${text.length - max})`;
}
