/**
 * Parsing what people type.
 *
 *   text ─ tokenize ─ resolve names ─ normalise ─▶ "2 * x * sin ( x )" ─ read ─ allow-list ─▶ Expr
 *
 * The first passes read human habits (implicit products, `sin 2x`, `|x|`, `√x`,
 * unicode) and write a normalised string in which every product is explicit
 * and every function has parentheses; a small parser of that language reads
 * it with mathjs's precedence (src/expr/syntax.ts); the allow-list turns what
 * it read into gradstep's AST and rejects everything else. Work is bounded: the length is checked before anything else, nesting
 * while tokenising, and the node count and depth while converting.
 */
import { GradstepError, type SourceRange } from '../errors.js';
import { type Expr, freeVars } from './ast.js';
import { parseErrors } from './messages.js';
import { makeScope, resolveNames, type Scope, type SplitNote } from './names.js';
import { type Chunk, joinChunks, type Leaf, normalise, type ReadNote } from './normalize.js';
import { toTex } from './print-tex.js';
import { toText } from './print-text.js';
import { NormalisedSyntaxError, readSyntax, type Syntax, toExpr } from './syntax.js';
import { tokenize } from './tokenize.js';
import { markParsed } from './tree-check.js';

export type { ReadNote, ReadNoteKind } from './normalize.js';

export interface ParseOptions {
  /**
   * The variables; without it every single letter (and Greek letter) is a variable.
   * With it, every other single letter or Greek letter is a parameter (a constant symbol).
   */
  readonly vars?: readonly string[];
  /** Names that are parameters (constant symbols), also longer ones such as `rate` or `w_0`. */
  readonly params?: readonly string[];
  /** Longest input accepted, in UTF-16 code units (default 1000). */
  readonly maxLength?: number;
  /** Most AST nodes accepted (default 2000). */
  readonly maxNodes?: number;
  /** Deepest nesting accepted (default 100). */
  readonly maxDepth?: number;
}

export interface Parsed {
  readonly expr: Expr;
  /** Normalised gradstep text (`toText`): explicit `*`, gradstep's function names. */
  readonly text: string;
  readonly tex: string;
  /** How the input was read, in input order ("read 'sin 2x' as sin(2·x)"). */
  readonly notes: ReadNote[];
  /** The declared variables in the order given, or else the variables that occur, sorted. */
  readonly vars: string[];
  /** The parameters (constant symbols: names that occur and are not variables), sorted. */
  readonly params: string[];
}

export const PARSE_DEFAULTS = { maxLength: 1000, maxNodes: 2000, maxDepth: 100 } as const;

/** Maps a syntax error in the normalised text (an offset into it) back onto the input. */
function mapSyntaxError(
  error: NormalisedSyntaxError,
  chunks: readonly Chunk[],
  starts: readonly number[],
  source: string,
): GradstepError {
  const { offset, problem } = error;
  let index = -1;
  for (let k = 0; k < starts.length; k++) if ((starts[k] as number) <= offset) index = k;
  const last = chunks[chunks.length - 1];
  if (problem === 'end' || index < 0 || offset >= (starts.at(-1) ?? 0) + (last?.text.length ?? 0)) {
    const range = lastTypedRange(chunks, source);
    return parseErrors.syntax('end', range, source.slice(range.start, range.end));
  }
  const chunk = chunks[index] as Chunk;
  const range = widen(chunk.range);
  const near = source.slice(range.start, range.end) || chunk.text;
  return parseErrors.syntax(problem, range, near);
}

/** A zero-width range (an inserted `*` or parenthesis) still gets one character for a caret. */
function widen(range: SourceRange): SourceRange {
  return range.end > range.start ? range : { start: range.start, end: range.start + 1 };
}

function lastTypedRange(chunks: readonly Chunk[], source: string): SourceRange {
  for (let k = chunks.length - 1; k >= 0; k--) {
    const range = (chunks[k] as Chunk).range;
    if (range.end > range.start) return range;
  }
  return { start: 0, end: source.length };
}

/** The variables (declared, or else those that occur) and the parameters (every other name that occurs). */
function splitNames(names: readonly string[], scope: Scope): { vars: string[]; params: string[] } {
  const vars = scope.declaredList ? [...scope.declaredList] : names.filter((n) => !scope.params.has(n));
  return { vars, params: names.filter((n) => !vars.includes(n)) };
}

function splitNoteToReadNote(note: SplitNote): ReadNote {
  return { kind: 'split-name', range: note.range, messages: note.reading };
}

/** Reads `text` as an expression; throws a GradstepError (with the range concerned) if it cannot. */
export function parse(text: string, options: ParseOptions = {}): Parsed {
  try {
    return parseUnguarded(text, options);
  } catch (error) {
    if (error instanceof GradstepError) throw error;
    const whole = { start: 0, end: typeof text === 'string' ? text.length : 0 };
    // Only a nesting far beyond maxDepth (when the caller raised it) can exhaust the stack.
    if (error instanceof RangeError) throw parseErrors.tooDeep(options.maxDepth ?? PARSE_DEFAULTS.maxDepth, whole);
    throw parseErrors.internal(whole);
  }
}

/**
 * Full-width forms (U+FF01–U+FF5E: `２ｘ＋１`, typed with an East Asian input method) and the
 * ideographic space read as their ASCII characters. One UTF-16 unit each way, so ranges
 * into the text stay right.
 */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

function parseUnguarded(input: string, options: ParseOptions): Parsed {
  if (typeof input !== 'string') throw parseErrors.notText();
  const maxLength = options.maxLength ?? PARSE_DEFAULTS.maxLength;
  const maxNodes = options.maxNodes ?? PARSE_DEFAULTS.maxNodes;
  const maxDepth = options.maxDepth ?? PARSE_DEFAULTS.maxDepth;
  // Before anything reads the text (halfWidth keeps the length).
  if (input.length > maxLength) throw parseErrors.tooLong(input.length, maxLength);
  const text = halfWidth(input);
  if (text.trim() === '') throw parseErrors.empty({ start: 0, end: text.length });

  const scope = makeScope(options.vars, options.params);
  const raw = tokenize(text, maxDepth);
  const splitNotes: SplitNote[] = [];
  const tokens = resolveNames(raw, scope, text, splitNotes);
  const { chunks, notes } = normalise(tokens, text, maxDepth);
  const leaves = chunks.flatMap((c): Leaf[] => (c.leaf ? [c.leaf] : []));
  const whole = { start: 0, end: text.length };
  if (leaves.length > maxNodes) throw parseErrors.tooManyNodes(maxNodes, whole);

  const { text: normalised, starts } = joinChunks(chunks);
  let syntax: Syntax;
  try {
    syntax = readSyntax(normalised);
  } catch (error) {
    if (error instanceof RangeError) throw parseErrors.tooDeep(maxDepth, whole);
    if (error instanceof NormalisedSyntaxError) throw mapSyntaxError(error, chunks, starts, text);
    throw parseErrors.internal(whole);
  }
  const { expr, naturalLogs } = toExpr(syntax, { leaves, maxNodes, maxDepth, whole });
  // Differentiating or printing the parsed tree need not check it again (`validateTree`).
  markParsed(expr);
  const allNotes: ReadNote[] = [
    ...splitNotes.map(splitNoteToReadNote),
    ...notes,
    ...naturalLogs.map((n): ReadNote => ({ kind: 'natural-log', range: n.range, messages: n.messages })),
  ].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  return {
    expr,
    text: toText(expr),
    tex: toTex(expr),
    notes: allNotes,
    ...splitNames(freeVars(expr), scope),
  };
}
