/**
 * gradstep's reader of the normalised language against mathjs's parser, the
 * independent oracle: on every string both must agree on the tree (precedence,
 * associativity, signs, calls, parentheses) or on the error (what is wrong, and
 * at which offset). mathjs is a devDependency used only here and in the benches.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { create, type FactoryFunctionMap, type MathNode, parseDependencies } from 'mathjs/number';
import { describe, expect, it } from 'vitest';
import { makeScope, resolveNames } from '../src/expr/names.js';
import { joinChunks, normalise } from '../src/expr/normalize.js';
import { NormalisedSyntaxError, readSyntax, type Syntax, type SyntaxProblem } from '../src/expr/syntax.js';
import { tokenize } from '../src/expr/tokenize.js';

const mathjs = create({ parseDependencies } as FactoryFunctionMap);

type Reading = { tree: string } | { problem: SyntaxProblem; offset: number };

function shape(node: Syntax): string {
  switch (node.kind) {
    case 'num':
      return `#${Number(node.text)}`;
    case 'name':
      return node.name;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(', ')})`;
    case 'sign':
      return `(${node.op === '-' ? 'neg' : 'pos'} ${shape(node.arg)})`;
    case 'binary':
      return `(${node.op} ${shape(node.left)} ${shape(node.right)})`;
    case 'paren':
      return `[${shape(node.content)}]`;
  }
}

const MATHJS_OPS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: 'neg',
  unaryPlus: 'pos',
};

function mathjsShape(node: MathNode): string {
  const n = node as MathNode & {
    value?: unknown;
    name?: string;
    content?: MathNode;
    fn?: MathNode | string;
    args?: MathNode[];
    implicit?: boolean;
  };
  switch (node.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? `#${n.value}` : `(constant ${String(n.value)})`;
    case 'SymbolNode':
      return n.name as string;
    case 'ParenthesisNode':
      return `[${mathjsShape(n.content as MathNode)}]`;
    case 'FunctionNode': {
      const fn = n.fn as MathNode & { name?: string };
      return `${fn.type === 'SymbolNode' ? fn.name : `(callee ${mathjsShape(fn)})`}(${(n.args ?? []).map(mathjsShape).join(', ')})`;
    }
    case 'OperatorNode': {
      const op = MATHJS_OPS[n.fn as string] ?? `op:${String(n.fn)}`;
      const args = (n.args ?? []).map(mathjsShape).join(' ');
      return n.implicit ? `(implicit ${args})` : `(${op} ${args})`;
    }
    default:
      return `(foreign ${node.type})`;
  }
}

function mathjsProblem(message: string): SyntaxProblem {
  if (/Unexpected end of expression/.test(message)) return 'end';
  if (/Value expected/.test(message)) return 'value';
  if (/Parenthesis \) expected/.test(message)) return 'paren';
  if (/Unexpected operator/.test(message)) return 'operator';
  return 'other';
}

function ours(text: string): Reading {
  try {
    return { tree: shape(readSyntax(text)) };
  } catch (error) {
    if (!(error instanceof NormalisedSyntaxError)) throw error;
    return { problem: error.problem, offset: error.offset };
  }
}

function theirs(text: string): Reading {
  try {
    return { tree: mathjsShape(mathjs.parse(text)) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const char = (error as SyntaxError & { char?: number }).char ?? 0;
    return { problem: mathjsProblem(error.message), offset: char - 1 };
  }
}

/**
 * Two operands side by side (`2 x`, `x ( y )` where x is not called, `( a ) ( b )`): mathjs reads an
 * implicit product there, but the normaliser always writes `*`, so this is not the language.
 */
function juxtaposed(text: string): boolean {
  const tokens = text.split(' ');
  return tokens.some((right, k) => {
    const left = tokens[k - 1];
    if (left === undefined) return false;
    const endsOperand = left === ')' || /^[\w.]/.test(left);
    const startsOperand = right === '(' || /^[\w.]/.test(right);
    const call = right === '(' && /^[A-Za-z_]/.test(left);
    return endsOperand && startsOperand && !call;
  });
}

/** Both readings agree; a string with a product without `*` must be refused. */
function expectParity(text: string): 'tree' | 'error' | 'refused' {
  const got = ours(text);
  if (juxtaposed(text)) {
    expect('problem' in got, `${text}: two operands side by side should be refused`).toBe(true);
    return 'refused';
  }
  expect(got, text).toEqual(theirs(text));
  return 'tree' in got ? 'tree' : 'error';
}

const NUMBERS = ['2', '0', '12', '0.5', '.5', '2.', '007', '1e5', '2.5E-3', '3e+2', '1e400', '1.e2'];
const NAMES = ['x', 'y', 'w_0', 'rate', 'e', 'pi', 'sin', 'log', 'abs', 'sqrt', 'sigmoid', '_a'];
const OPERATORS = ['+', '-', '*', '/', '^', '(', ')', ','];

/**
 * Any sequence of the language's tokens, most of them not well formed. Operands side by side get a `*`
 * between them nine times in ten, so most sequences are in the language (the rest must be refused).
 */
const arbTokens = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
        { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
        { weight: 4, arbitrary: fc.constantFrom(...OPERATORS) },
      ),
      fc.integer({ min: 0, max: 9 }),
    ),
    { minLength: 1, maxLength: 24 },
  )
  .map((pairs) => {
    const out: string[] = [];
    for (const [token, dice] of pairs) {
      if (out.length > 0 && dice > 0 && juxtaposed(`${out.at(-1)} ${token}`)) out.push('*');
      out.push(token);
    }
    return out.join(' ');
  });

/** Well-formed expressions with every operator, sign, nesting and call shape, written the normaliser's way. */
const arbExpression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NUMBERS),
    fc.constantFrom('x', 'y', 'e', 'pi', 'w_0'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', '+', '- -'), tie('e')).map(([s, a]) => `${s} ${a}`),
    tie('e').map((a) => `( ${a} )`),
    fc
      .tuple(fc.constantFrom('sin', 'log', 'abs'), fc.array(tie('e'), { minLength: 0, maxLength: 3 }))
      .map(([f, args]) => `${f} ( ${args.join(' , ')} )`),
  ),
})).e;

describe('the reader of the normalised language agrees with mathjs', () => {
  it.each([
    '2 ^ - x',
    'x ^ y ^ z',
    '- x ^ 2',
    '- x * y',
    '- x / y',
    'a / b / c',
    'a / b * c',
    'a * b / c',
    'a - b - c',
    'a - - b',
    '2 ^ - x ^ 2',
    '2 ^ + 3 ^ - 4',
    '- - 2',
    '+ - 2 ^ x',
    '- ( 2 )',
    'x ^ ( - 1 )',
    'log ( x , 3 )',
    'sin ( )',
    'sin ( x , )',
    '( x , y )',
    'x , y',
    'x )',
    ', x',
    '( )',
    'x ^',
    'sin ( x',
    'f ( x , y',
    '2. * .5 + 1e400 - 1.e2',
  ])('%s', (text) => {
    expectParity(text);
  });

  it('on 30,000 token sequences, well formed or not', () => {
    const seen = { tree: 0, error: 0, refused: 0 };
    fc.assert(
      fc.property(arbTokens, (text) => {
        seen[expectParity(text)]++;
      }),
      { numRuns: 30_000 },
    );
    // The corpus exercises every outcome (about 4,000 trees, 21,000 errors and 4,400 refusals with the CI seed).
    expect(seen.tree).toBeGreaterThan(2_000);
    expect(seen.error).toBeGreaterThan(10_000);
    expect(seen.refused).toBeGreaterThan(2_000);
  });

  it('on 5,000 well-formed expressions', () => {
    fc.assert(
      fc.property(arbExpression, (text) => {
        expect(expectParity(text)).toBe('tree');
      }),
      { numRuns: 5_000 },
    );
  });

  it('on the normalised text of every formula in the fixtures', () => {
    const strings = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const file of ['derivatives', 'answers', 'textbook', 'graph'])
      collect(JSON.parse(readFileSync(`fixtures/${file}.json`, 'utf8')));
    for (const line of readFileSync('fixtures/answers.csv', 'utf8').split('\n').slice(1))
      for (const cell of line.split(',')) strings.add(cell);
    let compared = 0;
    for (const input of strings) {
      if (input.trim() === '') continue;
      let normalised: string;
      try {
        const scope = makeScope(undefined);
        const tokens = resolveNames(tokenize(input, 100), scope, input, []);
        normalised = joinChunks(normalise(tokens, input, 100).chunks).text;
      } catch {
        continue; // not a formula (an id, a description) or refused before the reader
      }
      expectParity(normalised);
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
