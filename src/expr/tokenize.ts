/**
 * The first pass over what a person typed: characters → tokens, each with its
 * range in the original text. Unicode as people paste it (`−`, `×`, `²`, `√`,
 * `π`, `θ`) becomes ordinary tokens here; anything that is not part of a
 * formula (quotes, brackets, `=`, `.` outside a number, `!` …) is rejected here,
 * before any parser sees it. Runs in one linear scan and bounds nesting, so
 * hostile input fails fast.
 */
import type { SourceRange } from '../errors.js';
import { type Construct, parseErrors } from './messages.js';

export type Op = '+' | '-' | '*' | '/' | '^' | ',';

export type RawToken =
  | { readonly kind: 'num'; readonly text: string; readonly range: SourceRange }
  /** A run of ASCII letters, digits and `_` starting with a letter or `_`; `glued` when `(` follows at once. */
  | { readonly kind: 'ident'; readonly text: string; readonly range: SourceRange; readonly glued: boolean }
  /** One Greek letter, by name (`θ` → 'theta', `π` → 'pi'). */
  | { readonly kind: 'greek'; readonly name: string; readonly range: SourceRange }
  | { readonly kind: 'op'; readonly op: Op; readonly range: SourceRange }
  | { readonly kind: 'lparen' | 'rparen' | 'bar'; readonly range: SourceRange }
  /** A run of superscript characters: `²` → '2', `⁻¹` → '-1'. */
  | { readonly kind: 'sup'; readonly exponent: string; readonly range: SourceRange }
  | { readonly kind: 'root'; readonly fn: 'sqrt' | 'cbrt'; readonly range: SourceRange };

/** Greek letters by character; the names are also accepted when typed out. */
export const GREEK_LETTERS: ReadonlyMap<string, string> = new Map([
  ['α', 'alpha'],
  ['β', 'beta'],
  ['γ', 'gamma'],
  ['δ', 'delta'],
  ['ε', 'epsilon'],
  ['ϵ', 'epsilon'],
  ['ζ', 'zeta'],
  ['η', 'eta'],
  ['θ', 'theta'],
  ['ϑ', 'theta'],
  ['ι', 'iota'],
  ['κ', 'kappa'],
  ['λ', 'lambda'],
  ['μ', 'mu'],
  ['ν', 'nu'],
  ['ξ', 'xi'],
  ['π', 'pi'],
  ['ρ', 'rho'],
  ['σ', 'sigma'],
  ['ς', 'sigma'],
  ['τ', 'tau'],
  ['υ', 'upsilon'],
  ['φ', 'phi'],
  ['ϕ', 'phi'],
  ['χ', 'chi'],
  ['ψ', 'psi'],
  ['ω', 'omega'],
  ['Γ', 'Gamma'],
  ['Δ', 'Delta'],
  ['Θ', 'Theta'],
  ['Λ', 'Lambda'],
  ['Ξ', 'Xi'],
  ['Σ', 'Sigma'],
  ['Υ', 'Upsilon'],
  ['Φ', 'Phi'],
  ['Ψ', 'Psi'],
  ['Ω', 'Omega'],
]);

/** Greek names a person may type out; `pi` is the constant and handled apart. */
export const GREEK_NAMES: ReadonlySet<string> = new Set([...GREEK_LETTERS.values()].filter((n) => n !== 'pi'));

const SUPERSCRIPTS: ReadonlyMap<string, string> = new Map([
  ['⁰', '0'],
  ['¹', '1'],
  ['²', '2'],
  ['³', '3'],
  ['⁴', '4'],
  ['⁵', '5'],
  ['⁶', '6'],
  ['⁷', '7'],
  ['⁸', '8'],
  ['⁹', '9'],
  ['⁻', '-'],
  ['⁺', '+'],
]);

const OPERATORS: ReadonlyMap<string, Op> = new Map([
  ['+', '+'],
  ['-', '-'],
  ['−', '-'], // U+2212 minus sign
  ['–', '-'], // en dash, as word processors turn a typed minus into
  ['*', '*'],
  ['×', '*'],
  ['·', '*'],
  ['⋅', '*'],
  ['∙', '*'],
  ['∗', '*'],
  ['/', '/'],
  ['÷', '/'],
  ['∕', '/'],
  ['^', '^'],
  [',', ','],
]);

/** Characters that start a construct gradstep refuses, and which construct. */
const REFUSED: ReadonlyMap<string, Construct> = new Map([
  ['"', 'string'],
  ["'", 'string'],
  ['`', 'string'],
  ['[', 'brackets'],
  [']', 'brackets'],
  ['{', 'braces'],
  ['}', 'braces'],
  ['=', 'assignment'],
  ['<', 'comparison'],
  ['>', 'comparison'],
  ['≤', 'comparison'],
  ['≥', 'comparison'],
  ['≠', 'comparison'],
  ['.', 'accessor'],
  ['!', 'factorial'],
  ['%', 'percent'],
  [':', 'range'],
  ['?', 'conditional'],
  [';', 'block'],
  ['&', 'logical'],
  ['~', 'logical'],
]);

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c);
const isSpace = (c: string): boolean => /\s/.test(c);

/** Length of the number starting at `i` (digits, one `.`, an exponent only when digits follow), or 0. */
function numberLength(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigit(text[j] as string)) j++;
  let digits = j - i;
  if (text[j] === '.') {
    j++;
    const fracStart = j;
    while (j < text.length && isDigit(text[j] as string)) j++;
    digits += j - fracStart;
  }
  if (digits === 0) return 0;
  if (text[j] === 'e' || text[j] === 'E') {
    let k = j + 1;
    if (text[k] === '+' || text[k] === '-') k++;
    if (isDigit(text[k] ?? '')) {
      while (k < text.length && isDigit(text[k] as string)) k++;
      j = k;
    }
  }
  return j - i;
}

/** The one character (or surrogate pair) at `i`, for messages. */
function charAt(text: string, i: number): string {
  const code = text.codePointAt(i) ?? 0;
  return String.fromCodePoint(code);
}

/**
 * Splits `text` into tokens. Throws a GradstepError at the first character that
 * cannot start a token, and when parentheses nest deeper than `maxDepth`.
 */
export function tokenize(text: string, maxDepth: number): RawToken[] {
  const tokens: RawToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const numLength = numberLength(text, i);
    if (numLength > 0) {
      const end = i + numLength;
      // `1.2.3` or `2.x`: a second dot would be property access.
      if (text[end] === '.') throw parseErrors.notAllowed('accessor', { start: end, end: end + 1 });
      tokens.push({ kind: 'num', text: text.slice(i, end), range: { start: i, end } });
      i = end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < text.length && isIdentPart(text[j] as string)) j++;
      tokens.push({ kind: 'ident', text: text.slice(i, j), range: { start: i, end: j }, glued: text[j] === '(' });
      i = j;
      continue;
    }
    // Python's power `x**2`.
    if (c === '*' && text[i + 1] === '*') {
      tokens.push({ kind: 'op', op: '^', range: { start: i, end: i + 2 } });
      i += 2;
      continue;
    }
    const range = { start: i, end: i + 1 };
    const op = OPERATORS.get(c);
    if (op !== undefined) {
      tokens.push({ kind: 'op', op, range });
      i++;
      continue;
    }
    if (c === '(') {
      depth++;
      if (depth > maxDepth) throw parseErrors.tooDeep(maxDepth, range);
      tokens.push({ kind: 'lparen', range });
      i++;
      continue;
    }
    if (c === ')') {
      depth--;
      tokens.push({ kind: 'rparen', range });
      i++;
      continue;
    }
    if (c === '|') {
      tokens.push({ kind: 'bar', range });
      i++;
      continue;
    }
    const greek = GREEK_LETTERS.get(c);
    if (greek !== undefined) {
      tokens.push({ kind: 'greek', name: greek, range });
      i++;
      continue;
    }
    if (SUPERSCRIPTS.has(c)) {
      let j = i;
      let exponent = '';
      while (j < text.length) {
        const s = SUPERSCRIPTS.get(text[j] as string);
        if (s === undefined) break;
        exponent += s;
        j++;
      }
      if (!/^[-+]?\d+$/.test(exponent)) throw parseErrors.unexpectedCharacter(text.slice(i, j), { start: i, end: j });
      tokens.push({ kind: 'sup', exponent, range: { start: i, end: j } });
      i = j;
      continue;
    }
    if (c === '√' || c === '∛') {
      tokens.push({ kind: 'root', fn: c === '√' ? 'sqrt' : 'cbrt', range });
      i++;
      continue;
    }
    const construct = REFUSED.get(c);
    if (construct !== undefined) throw parseErrors.notAllowed(construct, range);
    const shown = charAt(text, i);
    throw parseErrors.unexpectedCharacter(shown, { start: i, end: i + shown.length });
  }
  return tokens;
}
