/**
 * Reading the normalised text: gradstep's own parser of the small language the
 * normaliser writes (numbers, names, `+ - * / ^`, signs, parentheses, calls
 * with arguments separated by commas, every product explicit), then the
 * allow-list that turns what was read into gradstep's AST.
 *
 * Precedence and associativity are mathjs's on this language, which the
 * parity test (test/syntax-parity.test.ts) checks against mathjs itself:
 *
 *   a + b - c      left to right            a * b / c    left to right, above + −
 *   -x * y         (−x)·y: a sign binds tighter than * and /
 *   -x^2           −(x²): but looser than ^
 *   2^-x, x^y^z    2^(−x), x^(y^z): the exponent is a signed power again
 *   f(a, b)        a call only where a name is followed by `(`
 *
 * Reading and converting are two steps so that, as with mathjs, a syntax error
 * anywhere wins over an arity or size error: the reader checks only the
 * syntax and builds a plain tree; the conversion matches its leaves against
 * the normaliser's, bounds nodes and depth, and checks functions and arity.
 * Nothing is evaluated.
 */
import type { SourceRange } from '../errors.js';
import { type Localized, localizeAll } from '../i18n/index.js';
import {
  add,
  approx,
  call,
  div,
  E,
  type Expr,
  type FunctionName,
  isFunctionName,
  mul,
  type Num,
  neg,
  num,
  PI,
  pow,
  sym,
} from './ast.js';
import { FUNCTIONS } from './functions.js';
import { parseErrors } from './messages.js';
import type { Leaf } from './normalize.js';

/** What was read: the syntax of the normalised language, before the allow-list. */
export type Syntax =
  | { readonly kind: 'num'; readonly text: string }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Syntax[] }
  | { readonly kind: 'sign'; readonly op: '+' | '-'; readonly arg: Syntax }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Syntax; readonly right: Syntax }
  | { readonly kind: 'paren'; readonly content: Syntax };

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/**
 * What is wrong, as mathjs words it: a value expected, `)` expected, an operator
 * where the expression should end, the end reached too soon, or anything else.
 */
export type SyntaxProblem = 'value' | 'paren' | 'operator' | 'end' | 'other';

/** A syntax error in the normalised text, at a 0-based offset into it (the start of the token concerned). */
export class NormalisedSyntaxError extends SyntaxError {
  constructor(
    readonly problem: SyntaxProblem,
    readonly offset: number,
  ) {
    super(`${problem} at ${offset}`);
  }
}

type TokenKind = 'num' | 'name' | 'op' | 'end';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATORS = '+-*/^(),';

/** Splits the normalised text into tokens; any character outside the language is a syntax error. */
function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    NAME.lastIndex = i;
    const number = c === '.' || (c >= '0' && c <= '9') ? NUMBER.exec(text) : null;
    const name = number ? null : NAME.exec(text);
    const word = number?.[0] ?? name?.[0];
    if (word !== undefined) {
      tokens.push({ kind: number ? 'num' : 'name', text: word, start: i });
      i += word.length;
    } else if (OPERATORS.includes(c)) {
      tokens.push({ kind: 'op', text: c, start: i });
      i++;
    } else throw new NormalisedSyntaxError('other', i);
  }
  tokens.push({ kind: 'end', text: '', start: text.length });
  return tokens;
}

/** The precedence reader over the tokens: one function per level, as mathjs's. */
class Reader {
  private i = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private get token(): Token {
    return this.tokens[this.i] as Token;
  }

  private is(op: string): boolean {
    return this.token.kind === 'op' && this.token.text === op;
  }

  private fail(problem: SyntaxProblem): never {
    throw new NormalisedSyntaxError(problem, this.token.start);
  }

  read(): Syntax {
    const node = this.sum();
    // Only `)` or `,` can be left over: anything that starts an operand would be a product without `*`.
    if (this.token.kind === 'op') this.fail('operator');
    if (this.token.kind !== 'end') this.fail('other');
    return node;
  }

  private sum(): Syntax {
    let node = this.product();
    while (this.is('+') || this.is('-')) {
      const op = this.token.text as '+' | '-';
      this.i++;
      node = { kind: 'binary', op, left: node, right: this.product() };
    }
    return node;
  }

  private product(): Syntax {
    let node = this.signed();
    while (this.is('*') || this.is('/')) {
      const op = this.token.text as '*' | '/';
      this.i++;
      node = { kind: 'binary', op, left: node, right: this.signed() };
    }
    // The normaliser writes every product with `*`; two operands side by side are not this language.
    if (this.token.kind === 'num' || this.token.kind === 'name' || this.is('(')) this.fail('other');
    return node;
  }

  private signed(): Syntax {
    if (this.is('-') || this.is('+')) {
      const op = this.token.text as '+' | '-';
      this.i++;
      return { kind: 'sign', op, arg: this.signed() };
    }
    return this.power();
  }

  private power(): Syntax {
    const base = this.operand();
    if (!this.is('^')) return base;
    this.i++;
    return { kind: 'binary', op: '^', left: base, right: this.signed() };
  }

  private operand(): Syntax {
    const t = this.token;
    if (t.kind === 'num') {
      this.i++;
      return { kind: 'num', text: t.text };
    }
    if (t.kind === 'name') {
      this.i++;
      if (!this.is('(')) return { kind: 'name', name: t.text };
      this.i++;
      const args: Syntax[] = [];
      if (!this.is(')')) {
        args.push(this.sum());
        while (this.is(',')) {
          this.i++;
          args.push(this.sum());
        }
      }
      if (!this.is(')')) this.fail('paren');
      this.i++;
      return { kind: 'call', name: t.text, args };
    }
    if (this.is('(')) {
      this.i++;
      const content = this.sum();
      if (!this.is(')')) this.fail('paren');
      this.i++;
      return { kind: 'paren', content };
    }
    return this.fail(t.kind === 'end' ? 'end' : 'value');
  }
}

/** Reads the normalised text into its syntax tree; throws a NormalisedSyntaxError. */
export function readSyntax(text: string): Syntax {
  return new Reader(lex(text)).read();
}

/** The exact value of a decimal as typed (`0.5` → 1/2), or a float when it is too large to hold exactly. */
export function numberFromText(text: string): Num {
  const match = /^(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  const plainInteger = /^\d+$/.test(text);
  const typed = plainInteger ? {} : { text };
  if (match === null) return { ...approx(Number(text)), ...typed };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  const scale = exponent - fraction.length;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '') || '0';
  // Beyond ~15 significant digits or a large scale the value cannot be an exact safe rational anyway.
  if (digits.length > 16 || Math.abs(scale) > 22) return { ...approx(Number(text)), ...typed };
  const mantissa = Number(digits);
  const value = scale >= 0 ? num(mantissa * 10 ** scale) : num(mantissa, 10 ** -scale);
  if (value.approx) return { ...approx(Number(text)), ...typed };
  return { ...value, ...typed };
}

function negate(n: Num): Num {
  const text = n.text === undefined ? {} : { text: `-${n.text}` };
  return { ...n, n: -n.n + 0, ...text };
}

export interface ConvertOptions {
  readonly leaves: readonly Leaf[];
  readonly maxNodes: number;
  readonly maxDepth: number;
  /** Where to point when a node has no leaf of its own. */
  readonly whole: SourceRange;
}

export interface ConvertNote {
  readonly range: SourceRange;
  readonly messages: Localized;
}

/**
 * The allow-list: a syntax tree → gradstep's AST. Every leaf must be the
 * normaliser's next leaf (same kind and text), every call an allowed function
 * with its arity; nodes and depth are bounded.
 */
export function toExpr(root: Syntax, options: ConvertOptions): { expr: Expr; naturalLogs: ConvertNote[] } {
  const { leaves, maxNodes, maxDepth, whole } = options;
  let cursor = 0;
  let nodes = 0;
  const naturalLogs: ConvertNote[] = [];

  const nextLeaf = (kind: Leaf['kind'], text: string): Leaf => {
    const leaf = leaves[cursor];
    // The normalised text was written by us, so its leaves come back in order; anything else is a bug.
    if (leaf === undefined || leaf.kind !== kind || leaf.text !== text)
      throw parseErrors.internal(leaf?.range ?? whole);
    cursor++;
    return leaf;
  };
  const count = (e: Expr): Expr => {
    nodes++;
    if (nodes > maxNodes) throw parseErrors.tooManyNodes(maxNodes, whole);
    return e;
  };
  const number = (text: string): Num => numberFromText(nextLeaf('num', text).text);

  /** Operands of a chain `a + b - c` or `a * b * c` written without parentheses, leftmost first. */
  const chain = (node: Syntax, ops: readonly BinaryOp[]): { node: Syntax; minus: boolean }[] => {
    const rights: { node: Syntax; minus: boolean }[] = [];
    let current = node;
    while (current.kind === 'binary' && ops.includes(current.op)) {
      rights.push({ node: current.right, minus: current.op === '-' });
      current = current.left;
    }
    return [{ node: current, minus: false }, ...rights.reverse()];
  };

  const convert = (node: Syntax, depth: number): Expr => {
    if (depth > maxDepth) throw parseErrors.tooDeep(maxDepth, leaves[cursor]?.range ?? whole);
    switch (node.kind) {
      case 'paren':
        return convert(node.content, depth);
      case 'num':
        return count(number(node.text));
      case 'name': {
        const leaf = leaves[cursor];
        if (leaf?.kind === 'const' && (node.name === 'e' || node.name === 'pi')) {
          nextLeaf('const', node.name);
          return count(node.name === 'e' ? E : PI);
        }
        nextLeaf('var', node.name);
        return count(sym(node.name));
      }
      case 'sign':
        if (node.op === '+') return convert(node.arg, depth);
        // `-2` is the number -2, so `-2*x` keeps a negative coefficient as its first factor.
        if (node.arg.kind === 'num') return count(negate(number(node.arg.text)));
        return count(neg(convert(node.arg, depth + 1)));
      case 'binary':
        return binary(node, depth);
      case 'call':
        return functionCall(node, depth);
    }
  };

  const binary = (node: Syntax & { kind: 'binary' }, depth: number): Expr => {
    switch (node.op) {
      case '+':
      case '-': {
        const terms = chain(node, ['+', '-']).map(({ node: term, minus }) => {
          const converted = convert(term, depth + 1);
          return minus ? count(neg(converted)) : converted;
        });
        return count(add(...terms));
      }
      case '*':
        return count(mul(...chain(node, ['*']).map(({ node: factor }) => convert(factor, depth + 1))));
      case '/':
        return count(div(convert(node.left, depth + 1), convert(node.right, depth + 1)));
      case '^':
        return count(pow(convert(node.left, depth + 1), convert(node.right, depth + 1)));
    }
  };

  const functionCall = (node: Syntax & { kind: 'call' }, depth: number): Expr => {
    const { name } = node;
    const leaf = leaves[cursor];
    if (leaf?.kind !== 'func') throw parseErrors.unknownFunction(name, leaf?.range ?? whole);
    nextLeaf('func', name);
    let fn: FunctionName;
    if (name === 'log') {
      if (node.args.length === 1) {
        fn = 'ln';
        naturalLogs.push({ range: leaf.range, messages: localizeAll((m) => m.notes['natural-log']({})) });
      } else if (node.args.length === 2) fn = 'log';
      else throw parseErrors.arity('log', 'one-or-two', node.args.length, leaf.span);
    } else if (isFunctionName(name)) {
      fn = name;
      if (node.args.length !== FUNCTIONS[name].arity) throw parseErrors.arity(name, 'one', node.args.length, leaf.span);
    } else throw parseErrors.unknownFunction(name, leaf.range);
    const args = node.args.map((arg) => convert(arg, depth + 1));
    return count(call(fn, ...args));
  };

  const expr = convert(root, 1);
  if (cursor !== leaves.length) throw parseErrors.internal(leaves[cursor]?.range ?? whole);
  return { expr, naturalLogs };
}
