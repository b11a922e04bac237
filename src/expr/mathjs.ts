/**
 * mathjs does the real parsing of the normalised text; this module builds a
 * parse-only mathjs instance and converts its node tree into gradstep's AST
 * through an allow-list. Nothing is ever evaluated: the instance is created
 * from the parse factories alone (no `evaluate`, no `import`, no units), and
 * every node that is not a number, a variable, e, π, + − × ÷ ^, a sign,
 * parentheses or an allowed function is rejected.
 */
import type {
  AccessorNode,
  ConstantNode,
  FactoryFunctionMap,
  FunctionNode,
  MathNode,
  OperatorNode,
  ParenthesisNode,
  SymbolNode,
} from 'mathjs/number';
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
import { create, parseDependencies } from './mathjs-parser.js';
import { type Construct, parseErrors } from './messages.js';
import type { Leaf } from './normalize.js';

type ParseFunction = (text: string) => MathNode;
type AnyConstant = ConstantNode<string | number | boolean | null | undefined | bigint>;

let parser: ParseFunction | undefined;

/** mathjs's parser, from the parse factories only. */
export function mathjsParse(text: string): MathNode {
  if (parser === undefined) {
    const instance = create({ parseDependencies } as FactoryFunctionMap);
    parser = instance.parse as ParseFunction;
  }
  return parser(text);
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

/** What a rejected mathjs node is, for the message. */
const NODE_CONSTRUCTS: Readonly<Record<string, Construct>> = {
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'function-definition',
  AccessorNode: 'accessor',
  IndexNode: 'indexing',
  ObjectNode: 'object',
  ArrayNode: 'matrix',
  ConditionalNode: 'conditional',
  RangeNode: 'range',
  BlockNode: 'block',
  RelationalNode: 'comparison',
};

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

/** Converts a mathjs tree into gradstep's AST, accepting only the allow-listed nodes. */
export function fromMathjs(root: MathNode, options: ConvertOptions): { expr: Expr; naturalLogs: ConvertNote[] } {
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
  const reject = (node: MathNode, detail?: string): never => {
    throw parseErrors.notAllowed(NODE_CONSTRUCTS[node.type] ?? 'operator', leaves[cursor]?.range ?? whole, detail);
  };

  const constant = (node: AnyConstant): Num => {
    if (typeof node.value !== 'number') reject(node, typeof node.value === 'string' ? undefined : String(node.value));
    const leaf = nextLeaf('num', (leaves[cursor] as Leaf | undefined)?.text ?? '');
    if (Number(leaf.text) !== node.value) throw parseErrors.internal(leaf.range);
    return numberFromText(leaf.text);
  };

  const convert = (node: MathNode, depth: number): Expr => {
    if (depth > maxDepth) throw parseErrors.tooDeep(maxDepth, leaves[cursor]?.range ?? whole);
    switch (node.type) {
      case 'ParenthesisNode':
        return convert((node as ParenthesisNode).content, depth);
      case 'ConstantNode': {
        const c = node as AnyConstant;
        if (typeof c.value === 'string') throw parseErrors.notAllowed('string', leaves[cursor]?.range ?? whole);
        return count(constant(c));
      }
      case 'SymbolNode': {
        const name = (node as SymbolNode).name;
        const leaf = leaves[cursor];
        if (leaf?.kind === 'const' && (name === 'e' || name === 'pi')) {
          nextLeaf('const', name);
          return count(name === 'e' ? E : PI);
        }
        nextLeaf('var', name);
        return count(sym(name));
      }
      case 'OperatorNode':
        return operator(node as OperatorNode, depth);
      case 'FunctionNode':
        return functionCall(node as FunctionNode<MathNode>, depth);
      default:
        return reject(node);
    }
  };

  /** Operands of a chain `a + b - c` or `a * b * c` written without parentheses, leftmost first. */
  const chain = (node: OperatorNode, ops: readonly string[]): { node: MathNode; minus: boolean }[] => {
    const rights: { node: MathNode; minus: boolean }[] = [];
    let current: MathNode = node;
    while (current.type === 'OperatorNode') {
      const op = current as OperatorNode;
      if (!ops.includes(op.fn) || op.args.length !== 2) break;
      rights.push({ node: op.args[1] as MathNode, minus: op.fn === 'subtract' });
      current = op.args[0] as MathNode;
    }
    return [{ node: current, minus: false }, ...rights.reverse()];
  };

  const operator = (node: OperatorNode, depth: number): Expr => {
    const [a, b] = node.args as MathNode[];
    switch (node.fn) {
      case 'add':
      case 'subtract': {
        if (b === undefined) return reject(node, node.op);
        const terms = chain(node, ['add', 'subtract']).map(({ node: term, minus }) => {
          const converted = convert(term, depth + 1);
          return minus ? count(neg(converted)) : converted;
        });
        return count(add(...terms));
      }
      case 'multiply': {
        if (b === undefined) return reject(node, node.op);
        const factors = chain(node, ['multiply']).map(({ node: factor }) => convert(factor, depth + 1));
        return count(mul(...factors));
      }
      case 'divide':
        if (a === undefined || b === undefined) return reject(node, node.op);
        return count(div(convert(a, depth + 1), convert(b, depth + 1)));
      case 'pow':
        if (a === undefined || b === undefined) return reject(node, node.op);
        return count(pow(convert(a, depth + 1), convert(b, depth + 1)));
      case 'unaryMinus':
        if (a === undefined) return reject(node, node.op);
        // `-2` is the number -2, so `-2*x` keeps a negative coefficient as its first factor.
        if (a.type === 'ConstantNode') return count(negate(constant(a as AnyConstant)));
        return count(neg(convert(a, depth + 1)));
      case 'unaryPlus':
        if (a === undefined) return reject(node, node.op);
        return convert(a, depth);
      default:
        return reject(node, node.op);
    }
  };

  const functionCall = (node: FunctionNode<MathNode>, depth: number): Expr => {
    if (node.fn.type !== 'SymbolNode') {
      const fn = node.fn as MathNode;
      return reject(fn.type === 'AccessorNode' ? (fn as AccessorNode) : node);
    }
    const name = (node.fn as unknown as SymbolNode).name;
    const leaf = leaves[cursor];
    if (leaf?.kind !== 'func') throw parseErrors.unknownFunction(name, leaf?.range ?? whole);
    nextLeaf('func', name);
    let fn: FunctionName;
    if (name === 'log') {
      if (node.args.length === 1) {
        fn = 'ln';
        naturalLogs.push({
          range: leaf.range,
          messages: localizeAll((m) => m.notes['natural-log']({})),
        });
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
