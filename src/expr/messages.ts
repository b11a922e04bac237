/**
 * The parser's errors: a stable code, the parameters of its message and the range of the
 * input it concerns. The wording lives in the catalogues (src/i18n/<lang>.ts, `errors`).
 */
import { GradstepError, type SourceRange } from '../errors.js';
import { codePointName, isHidden } from '../util/visible.js';

/** A construct gradstep refuses to read, named for the person who typed it. */
export type Construct =
  | 'string'
  | 'brackets'
  | 'braces'
  | 'assignment'
  | 'comparison'
  | 'accessor'
  | 'factorial'
  | 'percent'
  | 'range'
  | 'conditional'
  | 'block'
  | 'function-definition'
  | 'indexing'
  | 'object'
  | 'matrix'
  | 'unit'
  | 'logical'
  | 'operator';

export const parseErrors = {
  notText: () => new GradstepError('parse/not-text', {}),

  empty: (range: SourceRange) => new GradstepError('parse/empty', {}, range),

  tooLong: (length: number, max: number) =>
    new GradstepError('parse/too-long', { length, max }, { start: max, end: length }),

  tooDeep: (max: number, range?: SourceRange) => new GradstepError('parse/too-deep', { max }, range),

  tooManyNodes: (max: number, range?: SourceRange) => new GradstepError('parse/too-many-nodes', { max }, range),

  /** An invisible or control character is named by its code point ("U+200B"), not shown raw. */
  unexpectedCharacter: (char: string, range: SourceRange) =>
    new GradstepError(
      'parse/unexpected',
      { kind: 'character', near: [...char].map((c) => (isHidden(c) ? codePointName(c).slice(1, -1) : c)).join('') },
      range,
    ),

  notAllowed: (construct: Construct, range?: SourceRange, detail?: string) =>
    new GradstepError('parse/not-allowed', detail === undefined ? { construct } : { construct, detail }, range),

  unbalanced: (opener: string, closer: string, range: SourceRange) =>
    new GradstepError('parse/unbalanced', { opener, closer }, range),

  unopened: (closer: string, range: SourceRange) => new GradstepError('parse/unbalanced', { closer }, range),

  unknownName: (
    unknown: readonly string[],
    word: string,
    declared: readonly string[] | undefined,
    range: SourceRange,
  ) =>
    new GradstepError(
      'parse/unknown-name',
      declared === undefined ? { unknown, word } : { unknown, word, declared },
      range,
    ),

  unknownFunction: (name: string, range: SourceRange) => new GradstepError('parse/unknown-function', { name }, range),

  noInverse: (name: string, range: SourceRange) =>
    new GradstepError('parse/unknown-function', { name, inverse: true }, range),

  missingArgument: (name: string, range: SourceRange) => new GradstepError('parse/missing-argument', { name }, range),

  arity: (name: string, expected: 'one' | 'one-or-two', got: number, range?: SourceRange) =>
    new GradstepError('parse/arity', { name, expected, got }, range),

  /** A syntax error in the normalised text, mapped back onto the input. */
  syntax: (kind: 'end' | 'value' | 'paren' | 'operator' | 'other', range: SourceRange, near: string) =>
    new GradstepError('parse/unexpected', { kind, near }, range),

  badVariable: (name: string, why: 'syntax' | 'reserved' | 'function' | 'constant') =>
    new GradstepError('parse/bad-variable', { name, why }),

  internal: (range?: SourceRange) => new GradstepError('parse/internal', {}, range),
};
