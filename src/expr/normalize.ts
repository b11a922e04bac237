/**
 * The second pass: resolved tokens → a normalised string the reader (syntax.ts) parses with the
 * meaning a person intends. Every implicit product gets an explicit `*`
 * (`2xy` → `2 * x * y`, `x(x+1)` → `x * (x + 1)`), every function gets
 * parentheses with the textbook binding (`sin 2x` → `sin(2 * x)`,
 * `sin x cos x` → `sin(x) * cos(x)`, `sin^2 x` → `sin(x) ^ 2`), `|x|` becomes
 * `abs(x)` and `√x` `sqrt(x)`.
 *
 * Precedence stays mathjs's: an implicit product binds like an explicit one,
 * so `1/2x` is (1/2)·x and `e^2x` is e²·x — both recorded as notes so a UI can
 * echo how the input was read.
 *
 * Each emitted chunk keeps the range of the input it came from, so the reader's
 * error positions and the allow-list's errors map back to what was typed.
 */
import type { SourceRange } from '../errors.js';
import { type Localized, localizeAll } from '../i18n/index.js';
import type { FunctionName } from './ast.js';
import { parseErrors } from './messages.js';
import type { Token, TypedFunction } from './names.js';

/** A leaf of the normalised text: the allow-list matches the leaves it reads to these, in order. */
export interface Leaf {
  readonly kind: 'num' | 'var' | 'const' | 'func';
  /** The number as typed, the variable/constant name, or the function name as gradstep spells it. */
  readonly text: string;
  readonly range: SourceRange;
  /** For a function: the whole call, name to closing parenthesis or end of its argument. */
  span: SourceRange;
}

export interface Chunk {
  readonly text: string;
  readonly range: SourceRange;
  readonly leaf?: Leaf;
}

export type ReadNoteKind =
  | 'implicit-function-call'
  | 'function-power'
  | 'inverse-function'
  | 'split-name'
  | 'natural-log'
  | 'product-after-division'
  | 'product-after-power'
  | 'product-after-root'
  | 'scientific-notation';

/** How part of the input was read, for a UI to echo ("read 'sin 2x' as sin(2x)"). */
export interface ReadNote {
  readonly kind: ReadNoteKind;
  readonly range: SourceRange;
  readonly messages: Localized;
}

export interface Normalised {
  readonly chunks: readonly Chunk[];
  readonly notes: ReadNote[];
}

/** `sin^-1 x` is arcsin x, as textbooks write it. */
const INVERSES: Partial<Record<TypedFunction, FunctionName>> = { sin: 'asin', cos: 'acos', tan: 'atan', cot: 'acot' };

interface FactorInfo {
  /** The factor ends in something a following implicit product could be misread as belonging to. */
  readonly tail?: 'power' | 'root';
}

type Closer = 'end' | 'rparen' | 'bar';

const isSign = (t: Token | undefined): boolean => t?.kind === 'op' && (t.op === '+' || t.op === '-');

/** Pretty form of emitted chunks for a note: `sin(2·x)`. */
function reading(chunks: readonly Chunk[]): string {
  return chunks
    .map((c) => (c.text === '*' ? '·' : c.text === ',' ? ', ' : c.text === 'pi' && c.leaf ? 'π' : c.text))
    .join('');
}

class Normaliser {
  private readonly out: Chunk[] = [];
  readonly notes: ReadNote[] = [];
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
    private readonly maxDepth: number,
  ) {}

  run(): Normalised {
    this.sequence('end', undefined);
    return { chunks: this.out, notes: this.notes };
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private lastEnd(): number {
    return this.tokens[this.i - 1]?.range.end ?? 0;
  }

  private emit(text: string, range: SourceRange, leaf?: Leaf): void {
    this.out.push(leaf ? { text, range, leaf } : { text, range });
  }

  private emitLeaf(kind: Leaf['kind'], text: string, range: SourceRange): Leaf {
    const leaf: Leaf = { kind, text, range, span: range };
    this.emit(text, range, leaf);
    return leaf;
  }

  private note(kind: ReadNoteKind, range: SourceRange, messages: Localized): void {
    this.notes.push({ kind, range, messages });
  }

  private typed(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  private startsOperand(t: Token | undefined, closer: Closer, expectOperand: boolean): boolean {
    if (t === undefined) return false;
    if (t.kind === 'bar') return expectOperand || closer !== 'bar';
    return (
      t.kind === 'num' ||
      t.kind === 'var' ||
      t.kind === 'const' ||
      t.kind === 'func' ||
      t.kind === 'root' ||
      t.kind === 'lparen'
    );
  }

  /** Operands and operators up to `closer`; inserts `*` between juxtaposed operands. */
  private sequence(closer: Closer, opener: Token | undefined): void {
    let expectOperand = true;
    let afterDivide: SourceRange | undefined;
    let previous: FactorInfo | undefined;
    let previousStart = 0;
    for (;;) {
      const t = this.peek();
      if (t === undefined) return;
      if (t.kind === 'rparen') {
        if (closer === 'rparen') return;
        if (closer === 'bar' && opener) throw parseErrors.unbalanced('|', '|', opener.range);
        throw parseErrors.unopened(')', t.range);
      }
      if (t.kind === 'bar' && !expectOperand && closer === 'bar') return;
      if (t.kind === 'op') {
        this.emit(t.op, t.range);
        this.i++;
        afterDivide = t.op === '/' && previous !== undefined ? { start: previousStart, end: t.range.end } : undefined;
        expectOperand = true;
        previous = undefined;
        continue;
      }
      if (t.kind === 'sup') {
        // A superscript with nothing before it: let the reader report the missing base.
        this.emitSup(t);
        this.i++;
        continue;
      }
      if (!this.startsOperand(t, closer, expectOperand)) throw parseErrors.internal(t.range);
      const start = t.range.start;
      if (!expectOperand) {
        this.emit('*', { start, end: start });
        const functionNext = t.kind === 'func' || t.kind === 'root';
        if (afterDivide && !functionNext) this.noteAfterDivide(afterDivide.start, start);
        else if (previous?.tail && !functionNext) this.noteAfterTail(previous.tail, previousStart, start);
        afterDivide = undefined;
      }
      previous = this.factor(closer);
      previousStart = start;
      expectOperand = false;
    }
  }

  private noteAfterDivide(quotientStart: number, productStart: number): void {
    const end = this.peekEndOfFactor(productStart);
    const shown = this.typed(quotientStart, end);
    const left = this.typed(quotientStart, productStart).trim();
    const right = this.typed(productStart, end).trim();
    this.note(
      'product-after-division',
      { start: quotientStart, end },
      localizeAll((m) => m.notes['product-after-division']({ shown, left, right })),
    );
  }

  private noteAfterTail(tail: 'power' | 'root', factorStart: number, productStart: number): void {
    const end = this.peekEndOfFactor(productStart);
    const shown = this.typed(factorStart, end);
    const left = this.typed(factorStart, productStart).trim();
    const right = this.typed(productStart, end).trim();
    if (tail === 'power')
      this.note(
        'product-after-power',
        { start: factorStart, end },
        localizeAll((m) => m.notes['product-after-power']({ shown, left, right })),
      );
    else
      this.note(
        'product-after-root',
        { start: factorStart, end },
        localizeAll((m) => m.notes['product-after-root']({ shown, left, right, radicand: left.slice(1) })),
      );
  }

  /** End of the single token at `start` (notes show only the first juxtaposed token). */
  private peekEndOfFactor(start: number): number {
    return this.tokens.find((t) => t.range.start === start)?.range.end ?? start;
  }

  /** One factor: an atom and its exponents (`x^2`, `x²`, `(x+1)^-2`). */
  private factor(closer: Closer): FactorInfo {
    const atom = this.atom(closer);
    let tail: FactorInfo['tail'] = atom.tail;
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'op' && t.op === '^') {
        this.emit('^', t.range);
        this.i++;
        tail = this.exponent(closer) ? 'power' : undefined;
      } else if (t?.kind === 'sup') {
        this.emitSup(t);
        this.i++;
        tail = undefined;
      } else return tail === undefined ? {} : { tail };
    }
  }

  /** An exponent after `^`: signs and one atom. Returns whether it was bare (not parenthesised). */
  private exponent(closer: Closer): boolean {
    while (isSign(this.peek())) {
      const sign = this.peek() as Token & { kind: 'op' };
      this.emit(sign.op, sign.range);
      this.i++;
    }
    const t = this.peek();
    if (!this.startsOperand(t, closer, true)) return false; // the reader reports the missing exponent
    const bare = t?.kind !== 'lparen' && t?.kind !== 'bar';
    this.atom(closer);
    return bare;
  }

  private emitSup(t: Token & { kind: 'sup' }): void {
    this.emit('^', t.range);
    const digits = t.exponent.replace(/^[-+]/, '');
    if (digits === t.exponent) {
      this.emitLeaf('num', digits, t.range);
      return;
    }
    this.emit('(', t.range);
    this.emit(t.exponent[0] as string, t.range);
    this.emitLeaf('num', digits, t.range);
    this.emit(')', t.range);
  }

  private atom(closer: Closer): FactorInfo {
    const t = this.peek() as Token;
    switch (t.kind) {
      case 'num':
        this.i++;
        this.emitLeaf('num', t.text, t.range);
        if (/[eE]/.test(t.text)) {
          const [mantissa, power] = t.text.split(/[eE]/);
          this.note(
            'scientific-notation',
            t.range,
            localizeAll((m) =>
              m.notes['scientific-notation']({ text: t.text, mantissa: mantissa ?? '', power: power ?? '' }),
            ),
          );
        }
        return {};
      case 'var':
      case 'const':
        this.i++;
        this.emitLeaf(t.kind, t.name, t.range);
        return {};
      case 'func':
        this.application(closer);
        return {};
      case 'root':
        return this.root(closer);
      case 'lparen':
        this.group();
        return {};
      case 'bar':
        this.absGroup();
        return {};
      default:
        throw parseErrors.internal(t.range);
    }
  }

  private enter(range: SourceRange): void {
    this.depth++;
    if (this.depth > this.maxDepth) throw parseErrors.tooDeep(this.maxDepth, range);
  }

  private group(): void {
    const open = this.peek() as Token;
    this.enter(open.range);
    this.i++;
    this.emit('(', open.range);
    this.sequence('rparen', open);
    const close = this.peek();
    if (close?.kind !== 'rparen') throw parseErrors.unbalanced('(', ')', open.range);
    this.emit(')', close.range);
    this.i++;
    this.depth--;
  }

  private absGroup(): void {
    const open = this.peek() as Token;
    this.enter(open.range);
    this.i++;
    const leaf = this.emitLeaf('func', 'abs', open.range);
    this.emit('(', open.range);
    this.sequence('bar', open);
    const close = this.peek();
    if (close?.kind !== 'bar') throw parseErrors.unbalanced('|', '|', open.range);
    this.emit(')', close.range);
    this.i++;
    leaf.span = { start: open.range.start, end: close.range.end };
    this.depth--;
  }

  /** `√x`, `√(x+1)`, `∛x`: the root covers one factor. */
  private root(closer: Closer): FactorInfo {
    const t = this.peek() as Token & { kind: 'root' };
    this.i++;
    this.enter(t.range);
    const leaf = this.emitLeaf('func', t.fn, t.range);
    const next = this.peek();
    if (!this.startsOperand(next, closer, true))
      throw parseErrors.missingArgument(this.typed(t.range.start, t.range.end), t.range);
    this.emit('(', { start: t.range.end, end: t.range.end });
    const bare = next?.kind !== 'lparen' && next?.kind !== 'bar';
    this.factor(closer);
    this.emit(')', { start: this.lastEnd(), end: this.lastEnd() });
    leaf.span = { start: t.range.start, end: this.lastEnd() };
    this.depth--;
    return bare ? { tail: 'root' } : {};
  }

  /** A function name and its argument, with or without parentheses, and a power written on the name. */
  private application(closer: Closer): void {
    const name = this.peek() as Token & { kind: 'func' };
    this.i++;
    this.enter(name.range);
    let fn: TypedFunction = name.fn;
    let power: Chunk[] | undefined;
    let powerToken: Token | undefined = this.peek();
    if (powerToken?.kind === 'sup' || (powerToken?.kind === 'op' && powerToken.op === '^')) {
      const mark = this.out.length;
      if (powerToken.kind === 'sup') {
        this.emitSup(powerToken);
        this.i++;
      } else {
        this.emit('^', powerToken.range);
        this.i++;
        this.exponent(closer);
      }
      power = this.out.splice(mark);
      const exponentText = power
        .slice(1)
        .map((c) => c.text)
        .join('')
        .replace(/^\((.*)\)$/, '$1');
      if (exponentText === '-1') {
        const inverse = INVERSES[fn];
        if (inverse === undefined)
          throw parseErrors.noInverse(name.typed, { start: name.range.start, end: this.lastEnd() });
        this.note(
          'inverse-function',
          { start: name.range.start, end: this.lastEnd() },
          localizeAll((m) =>
            m.notes['inverse-function']({
              typed: this.typed(name.range.start, this.lastEnd()),
              inverse,
              name: name.typed,
            }),
          ),
        );
        fn = inverse;
        power = undefined;
      }
    } else powerToken = undefined;
    const leaf = this.emitLeaf('func', fn, name.range);
    const callStart = this.out.length - 1;
    const next = this.peek();
    if (next?.kind === 'lparen') {
      this.group();
      this.subscriptBase(name);
    } else {
      // `sin -x` is sin(-x); `sin + 1` is a missing argument.
      const minus = next?.kind === 'op' && next.op === '-';
      if (!minus && !this.startsOperand(next, closer, true))
        throw parseErrors.missingArgument(name.typed, { start: name.range.start, end: this.lastEnd() });
      this.implicitArgument(closer);
      this.subscriptBase(name);
      const end = this.lastEnd();
      // With a power on the name, the function-power note below says it all.
      if (!power)
        this.note(
          'implicit-function-call',
          { start: name.range.start, end },
          localizeAll((m) =>
            m.notes['implicit-function-call']({
              typed: this.typed(name.range.start, end),
              reading: reading(this.out.slice(callStart)),
            }),
          ),
        );
    }
    if (power) {
      this.out.push(...power);
      const end = this.lastEnd();
      this.note(
        'function-power',
        { start: name.range.start, end },
        localizeAll((m) =>
          m.notes['function-power']({
            typed: this.typed(name.range.start, end),
            reading: reading(this.out.slice(callStart)),
            name: name.typed,
          }),
        ),
      );
    }
    leaf.span = { start: name.range.start, end: this.lastEnd() };
    this.depth--;
  }

  /** `log_b x`: the subscript is the base, `log(x, b)`, put inside the call's closing parenthesis. */
  private subscriptBase(name: Token & { kind: 'func' }): void {
    if (!name.base) return;
    const close = this.out.pop() as Chunk;
    this.emit(',', name.range);
    this.emitLeaf(name.base.kind, name.base.text, name.range);
    this.out.push(close);
  }

  /**
   * The argument of a function written without parentheses: signs, then
   * juxtaposed factors up to an operator or another function (`sin 2x` →
   * sin(2x), `sin x cos x` → sin(x)·cos(x), `sin x^2` → sin(x²)).
   */
  private implicitArgument(closer: Closer): void {
    const startToken = this.peek() as Token;
    this.emit('(', { start: startToken.range.start, end: startToken.range.start });
    while (isSign(this.peek())) {
      const sign = this.peek() as Token & { kind: 'op' };
      this.emit(sign.op, sign.range);
      this.i++;
    }
    const first = this.peek();
    if (!this.startsOperand(first, closer, true))
      throw parseErrors.missingArgument(this.typed(startToken.range.start, startToken.range.end), startToken.range);
    this.factor(closer);
    for (;;) {
      const t = this.peek();
      if (!this.startsOperand(t, closer, false) || t?.kind === 'func' || t?.kind === 'root') break;
      this.emit('*', { start: (t as Token).range.start, end: (t as Token).range.start });
      this.factor(closer);
    }
    this.emit(')', { start: this.lastEnd(), end: this.lastEnd() });
  }
}

/** Normalises resolved tokens; see the module comment. */
export function normalise(tokens: readonly Token[], source: string, maxDepth: number): Normalised {
  return new Normaliser(tokens, source, maxDepth).run();
}

/** The normalised text and, for each chunk, where it starts in that text. */
export function joinChunks(chunks: readonly Chunk[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const chunk of chunks) {
    if (text) text += ' ';
    starts.push(text.length);
    text += chunk.text;
  }
  return { text, starts };
}
