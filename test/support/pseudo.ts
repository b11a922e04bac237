export const OPEN = '⟦';
export const CLOSE = '⟧';

/**
 * A pseudo-language made from a catalogue's shape alone: every string, and every result of a
 * message function, bracketed ⟦…⟧. Shown anywhere, text outside brackets did not come from the
 * catalogue. Keys and types stay those of the catalogue (`Messages`, `CliMessages`).
 */
export function pseudo<T extends object>(base: T): T {
  const wrap = (value: unknown): unknown => {
    if (typeof value === 'string') return `${OPEN}${value}${CLOSE}`;
    if (typeof value === 'function')
      return (...args: unknown[]) => `${OPEN}${(value as (...a: unknown[]) => string)(...args)}${CLOSE}`;
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v)]));
    return value;
  };
  const out = wrap(base) as T;
  // The tag is an identifier for Intl, not shown text.
  return 'tag' in base ? { ...out, tag: base.tag } : out;
}

/** `text` with every bracketed part (nested too) taken out. */
export function outsideBrackets(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    if (next === rest) return rest;
    rest = next;
  }
}

/** Words of three or more letters left outside the brackets, other than the allowed ones. */
export function escapedWords(text: string, allowed: readonly string[] = []): string[] {
  let rest = outsideBrackets(text);
  for (const a of allowed) rest = rest.split(a).join(' ');
  const words = rest.match(/\p{L}{3,}/gu) ?? [];
  return words.filter((w) => !MATH_WORDS.has(w));
}

/** Function names and constants that appear in expressions, not in prose. */
const MATH_WORDS = new Set([
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'asin',
  'acos',
  'atan',
  'acot',
  'sinh',
  'cosh',
  'tanh',
  'exp',
  'log',
  'sqrt',
  'cbrt',
  'abs',
]);
