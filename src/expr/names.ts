/**
 * Name resolution: which letters are variables, constants or functions.
 *
 * By default every single letter (and Greek letter) is a variable; with
 * declared variables only those are. A run of letters that is not one known
 * name is split into known names, fewest pieces first (`xy` → x·y,
 * `sinx` → sin x, `xlnx` → x·ln x, `sin2x` → sin 2x); a run that cannot be
 * split, or that reads like a word rather than a product (`inch`, `import`),
 * is rejected with the names that are unknown.
 */
import type { SourceRange } from '../errors.js';
import { type Localized, localizeAll } from '../i18n/index.js';
import { FUNCTION_NAMES, FUNCTIONS, type FunctionName } from './functions.js';
import { parseErrors } from './messages.js';
import { GREEK_LETTERS, GREEK_NAMES, type Op, type RawToken } from './tokenize.js';

/** `log` stays open until its arity is known: one argument is ln, two is log base b. */
export type TypedFunction = FunctionName | 'log';

/** Function names a person may type, and the function each one means: from the function table. */
export const FUNCTION_ALIASES: ReadonlyMap<string, TypedFunction> = new Map<string, TypedFunction>(
  FUNCTION_NAMES.flatMap((name) =>
    [name, ...FUNCTIONS[name].aliases].map((typed): [string, TypedFunction] => [typed, name]),
  ),
);

/**
 * Names of functions people know from elsewhere that gradstep does not support:
 * rejected as unknown functions instead of being split into letters.
 */
const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'floor',
  'ceil',
  'round',
  'sinc',
  'max',
  'min',
  'mod',
  'nthroot',
  'pow',
  'erf',
  'factorial',
  'gcd',
  'lcm',
  'sum',
  'prod',
  'derivative',
  'integrate',
  'simplify',
  'evaluate',
  'compile',
  'import',
  'createUnit',
  'constructor',
]);

/** Words mathjs treats as operators or literals: never usable as variable names. */
const RESERVED: ReadonlySet<string> = new Set([
  'mod',
  'to',
  'in',
  'and',
  'or',
  'xor',
  'not',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'end',
]);

const MAX_LETTER_RUN = 3;

/** The longest function or Greek name ('heaviside', 'epsilon'): a split tries pieces up to this length. */
const LONGEST_KNOWN = Math.max(...[...FUNCTION_ALIASES.keys(), ...GREEK_NAMES].map((n) => n.length));

export type Token =
  | { readonly kind: 'num'; readonly text: string; readonly range: SourceRange }
  | { readonly kind: 'var'; readonly name: string; readonly range: SourceRange }
  | { readonly kind: 'const'; readonly name: 'e' | 'pi'; readonly range: SourceRange }
  | {
      readonly kind: 'func';
      readonly fn: TypedFunction;
      readonly typed: string;
      readonly range: SourceRange;
      /** A logarithm's base written as a subscript (`log_3 x`, `log_b(x)`): a number, or a name. */
      readonly base?: { readonly kind: 'num' | 'var' | 'const'; readonly text: string };
    }
  | { readonly kind: 'op'; readonly op: Op; readonly range: SourceRange }
  | { readonly kind: 'lparen' | 'rparen' | 'bar'; readonly range: SourceRange }
  | { readonly kind: 'sup'; readonly exponent: string; readonly range: SourceRange }
  | { readonly kind: 'root'; readonly fn: 'sqrt' | 'cbrt'; readonly range: SourceRange };

export interface SplitNote {
  readonly range: SourceRange;
  readonly word: string;
  readonly reading: Localized;
}

/**
 * Which names are variables and which are parameters (constant symbols).
 *
 * With declared variables, any other single letter or Greek letter is a
 * parameter: a constant symbol, held constant when differentiating (`a t^2 + b t`
 * with variable t). Without declared variables every single letter is a variable,
 * except the declared parameters. Longer parameter names must be declared.
 */
export interface Scope {
  /** Declared variable names (Greek letters by name), or undefined for "every single letter". */
  readonly declared: ReadonlySet<string> | undefined;
  readonly declaredList: readonly string[] | undefined;
  /** Declared parameter names (constant symbols); may be empty. */
  readonly params: ReadonlySet<string>;
}

const VALID_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Checks and normalises declared names (`θ` → 'theta'). */
function checkNames(names: readonly string[]): string[] {
  const list: string[] = [];
  for (const raw of names) {
    if (typeof raw !== 'string') throw parseErrors.badVariable(String(raw), 'syntax');
    const name = raw.trim().length === 1 ? (GREEK_LETTERS.get(raw.trim()) ?? raw.trim()) : raw.trim();
    if (!VALID_NAME.test(name)) throw parseErrors.badVariable(raw, 'syntax');
    if (RESERVED.has(name)) throw parseErrors.badVariable(raw, 'reserved');
    if (FUNCTION_ALIASES.has(name)) throw parseErrors.badVariable(raw, 'function');
    if (name === 'pi') throw parseErrors.badVariable(raw, 'constant');
    if (!list.includes(name)) list.push(name);
  }
  return list;
}

/** The scope of declared variables and parameters; a name declared as both is a variable. */
export function makeScope(vars: readonly string[] | undefined, params: readonly string[] = []): Scope {
  const paramList = checkNames(params);
  if (vars === undefined) return { declared: undefined, declaredList: undefined, params: new Set(paramList) };
  const list = checkNames(vars);
  return { declared: new Set(list), declaredList: list, params: new Set(paramList.filter((p) => !list.includes(p))) };
}

/** A parameter is read like a variable (a symbol) but is not one of the derivation's variables. */
type PieceKind = 'var' | 'param' | 'const' | 'func' | 'num';

interface Piece {
  readonly kind: PieceKind;
  readonly text: string;
}

/** What a whole word names, if it is one known name. */
function lookup(word: string, scope: Scope): PieceKind | undefined {
  if (scope.declared?.has(word)) return 'var';
  if (scope.params.has(word)) return 'param';
  if (FUNCTION_ALIASES.has(word)) return 'func';
  if (word === 'e' || word === 'pi') return 'const';
  if (GREEK_NAMES.has(word) || (word.length === 1 && word !== '_')) {
    return scope.declared === undefined ? 'var' : 'param';
  }
  return undefined;
}

function longestNameLength(scope: Scope): number {
  let longest = LONGEST_KNOWN;
  for (const name of scope.declared ?? []) longest = Math.max(longest, name.length);
  for (const name of scope.params) longest = Math.max(longest, name.length);
  return longest;
}

/**
 * Splits `word` into the fewest known pieces (ties: longer first piece). Digits
 * may only follow a function name (`sin2x`). Returns undefined if impossible.
 */
function split(word: string, scope: Scope): Piece[] | undefined {
  const n = word.length;
  const maxLen = longestNameLength(scope);
  interface Best {
    readonly count: number;
    /** Pieces that are implicit parameters (undeclared letters): a declared name is preferred. */
    readonly implicit: number;
    readonly length: number;
    readonly kind: PieceKind;
  }
  // best[flag][p]: the best split of word[p..] when the piece before p is (flag 1) or is not (0) a function.
  const best: (Best | undefined)[][] = [new Array(n + 1), new Array(n + 1)];
  const done: Best = { count: 0, implicit: 0, length: 0, kind: 'num' };
  (best[0] as (Best | undefined)[])[n] = done;
  (best[1] as (Best | undefined)[])[n] = done;
  for (let p = n - 1; p >= 0; p--) {
    for (const flag of [0, 1] as const) {
      let chosen: Best | undefined;
      const consider = (length: number, kind: PieceKind): void => {
        const rest = best[kind === 'func' ? 1 : 0]?.[p + length];
        if (rest === undefined) return;
        const count = rest.count + 1;
        const implicit = rest.implicit + (kind === 'param' && !scope.params.has(word.slice(p, p + length)) ? 1 : 0);
        if (
          chosen === undefined ||
          count < chosen.count ||
          (count === chosen.count &&
            (implicit < chosen.implicit || (implicit === chosen.implicit && length > chosen.length)))
        )
          chosen = { count, implicit, length, kind };
      };
      const c = word[p] as string;
      if (c >= '0' && c <= '9') {
        if (flag === 1) {
          let q = p;
          while (q < n && (word[q] as string) >= '0' && (word[q] as string) <= '9') q++;
          consider(q - p, 'num');
        }
      } else {
        for (let length = Math.min(maxLen, n - p); length >= 1; length--) {
          const piece = word.slice(p, p + length);
          // Inside a word `sigma` splits as a function does (`sigmax` as `sinx`); see `sigmoidPieces`.
          const kind = isSigmoidName(piece, scope) ? 'func' : lookup(piece, scope);
          if (kind !== undefined) consider(length, kind);
        }
      }
      (best[flag] as (Best | undefined)[])[p] = chosen;
    }
  }
  const pieces: Piece[] = [];
  let flag = 0;
  for (let p = 0; p < n; ) {
    const step = best[flag]?.[p];
    if (step === undefined) return undefined;
    pieces.push({ kind: step.kind, text: word.slice(p, p + step.length) });
    flag = step.kind === 'func' ? 1 : 0;
    p += step.length;
  }
  return pieces;
}

/** The parts of `word` no known name covers, scanning greedily, for the error message. */
function unknownParts(word: string, scope: Scope): string[] {
  const maxLen = longestNameLength(scope);
  const parts: string[] = [];
  let pending = '';
  for (let p = 0; p < word.length; ) {
    let matched = 0;
    for (let length = Math.min(maxLen, word.length - p); length >= 1; length--) {
      if (lookup(word.slice(p, p + length), scope) !== undefined) {
        matched = length;
        break;
      }
    }
    if (matched === 0) {
      pending += word[p];
      p++;
    } else {
      if (pending) parts.push(pending);
      pending = '';
      p += matched;
    }
  }
  if (pending) parts.push(pending);
  // Digits or '_' out of place (`x2`, `x_1` undeclared): the whole word is the unknown name.
  if (parts.length === 0 || parts.some((part) => /[^A-Za-z]/.test(part))) return [word];
  return parts;
}

/** The longest run of single letters that were not declared (declared names are meant as written). */
function longestLetterRun(pieces: readonly Piece[], scope: Scope): number {
  let run = 0;
  let longest = 0;
  for (const piece of pieces) {
    const undeclared = !scope.declared?.has(piece.text) && !scope.params.has(piece.text);
    run = piece.kind !== 'func' && piece.kind !== 'num' && piece.text.length === 1 && undeclared ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** `sigma` as the sigmoid's name: not a declared variable or parameter. */
function isSigmoidName(name: string, scope: Scope): boolean {
  return name === 'sigma' && !scope.declared?.has(name) && !scope.params.has(name);
}

/**
 * `sigma` inside a word is the sigmoid where more of the word follows it (`sigmax` is σ(x),
 * as `sinx` is sin(x) and `σx` is σ(x)); at the word's end (`xsigma`) it is the letter σ.
 */
function sigmoidPieces(pieces: Piece[], scope: Scope): Piece[] {
  const last = pieces[pieces.length - 1];
  if (last?.kind === 'func' && isSigmoidName(last.text, scope)) {
    pieces[pieces.length - 1] = { kind: lookup(last.text, scope) as PieceKind, text: last.text };
  }
  return pieces;
}

function pieceToken(piece: Piece, range: SourceRange): Token {
  if (piece.kind === 'func' && piece.text === 'sigma') return { kind: 'func', fn: 'sigmoid', typed: 'sigma', range };
  switch (piece.kind) {
    case 'num':
      return { kind: 'num', text: piece.text, range };
    case 'const':
      return { kind: 'const', name: piece.text as 'e' | 'pi', range };
    case 'func':
      return { kind: 'func', fn: FUNCTION_ALIASES.get(piece.text) as TypedFunction, typed: piece.text, range };
    case 'var':
    case 'param':
      return { kind: 'var', name: piece.text, range };
  }
}

function splitReading(pieces: readonly Piece[]): string {
  let out = '';
  pieces.forEach((piece, i) => {
    const previous = pieces[i - 1];
    if (previous !== undefined) out += previous.kind === 'func' ? ' ' : '·';
    out += piece.text === 'pi' && piece.kind === 'const' ? 'π' : piece.text;
  });
  return out;
}

const LOG_SUBSCRIPT = /^log_([0-9]+|[A-Za-z][A-Za-z0-9]*)$/;

/** `log_2`, `log_10`, `log_e`, `log_b`: the logarithm with the subscript as its base. */
function subscriptLog(word: string, scope: Scope, range: SourceRange): Token | undefined {
  const base = LOG_SUBSCRIPT.exec(word)?.[1];
  if (base === undefined || scope.declared?.has(word) || scope.params.has(word)) return undefined;
  const typed = word;
  if (base === '2' || base === '10') return { kind: 'func', fn: base === '2' ? 'log2' : 'log10', typed, range };
  if (base === 'e') return { kind: 'func', fn: 'ln', typed, range };
  if (/^[0-9]+$/.test(base)) return { kind: 'func', fn: 'log', typed, range, base: { kind: 'num', text: base } };
  const kind = lookup(base, scope);
  if (kind === 'var' || kind === 'param')
    return { kind: 'func', fn: 'log', typed, range, base: { kind: 'var', text: base } };
  if (kind === 'const') return { kind: 'func', fn: 'log', typed, range, base: { kind: 'const', text: base } };
  throw parseErrors.unknownName([base], word, scope.declaredList, range);
}

/**
 * `σ` and `sigma` are the logistic sigmoid where an argument follows them, read as `sin` is:
 * `σ(z)`, `σ (wx + b)`, `σ z`, `σ 2x` (the lesson writes σ(z)). Standing alone (`σ^2`, `2σ`,
 * `x - σ`), or when σ is a declared variable or parameter, it is the letter σ.
 */
function isSigmoidCall(name: string, scope: Scope, next: RawToken | undefined): boolean {
  if (name !== 'sigma' || scope.declared?.has(name) || scope.params.has(name)) return false;
  switch (next?.kind) {
    case 'lparen':
    case 'num':
    case 'ident':
    case 'greek':
    case 'root':
      return true;
    default:
      return false;
  }
}

/** Turns identifiers and Greek letters into variables, constants and functions. */
export function resolveNames(raw: readonly RawToken[], scope: Scope, _source: string, notes: SplitNote[]): Token[] {
  const tokens: Token[] = [];
  for (const [index, token] of raw.entries()) {
    if (
      (token.kind === 'greek' || token.kind === 'ident') &&
      isSigmoidCall(token.kind === 'greek' ? token.name : token.text, scope, raw[index + 1])
    ) {
      tokens.push({ kind: 'func', fn: 'sigmoid', typed: token.kind === 'greek' ? 'σ' : 'sigma', range: token.range });
      continue;
    }
    if (token.kind === 'greek') {
      // Any other Greek letter is a variable, or (with declared variables) a parameter.
      if (token.name === 'pi') tokens.push({ kind: 'const', name: 'pi', range: token.range });
      else tokens.push({ kind: 'var', name: token.name, range: token.range });
      continue;
    }
    if (token.kind !== 'ident') {
      tokens.push(token);
      continue;
    }
    const word = token.text;
    const log = subscriptLog(word, scope, token.range);
    if (log) {
      tokens.push(log);
      continue;
    }
    const whole = lookup(word, scope);
    if (whole !== undefined) {
      tokens.push(pieceToken({ kind: whole, text: word }, token.range));
      continue;
    }
    if (UNSUPPORTED_FUNCTIONS.has(word)) throw parseErrors.unknownFunction(word, token.range);
    const found = split(word, scope);
    const pieces = found && sigmoidPieces(found, scope);
    if (pieces === undefined)
      throw parseErrors.unknownName(unknownParts(word, scope), word, scope.declaredList, token.range);
    // A long run of single letters reads as a word, not a product: `inch`, `import`, `hello`.
    if (longestLetterRun(pieces, scope) > MAX_LETTER_RUN)
      throw parseErrors.unknownName([word], word, scope.declaredList, token.range);
    const last = pieces[pieces.length - 1] as Piece;
    // `foo(x)`: a word glued to a parenthesis is meant as a function call.
    if (token.glued && word.length >= 3 && last.kind !== 'func') throw parseErrors.unknownFunction(word, token.range);
    let offset = token.range.start;
    for (const piece of pieces) {
      tokens.push(pieceToken(piece, { start: offset, end: offset + piece.text.length }));
      offset += piece.text.length;
    }
    // A word that starts with a function (`sinx`, `sin2x`) gets the function-call note instead.
    if (pieces[0]?.kind !== 'func' && pieces.length > 1) {
      const reading = splitReading(pieces);
      notes.push({
        range: token.range,
        word,
        reading: localizeAll((m) => m.notes['split-name']({ word, reading })),
      });
    }
  }
  return tokens;
}
