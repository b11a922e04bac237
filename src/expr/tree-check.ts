/**
 * Trees that did not come from the parser are checked at the public entries
 * (differentiate, simplify, the printers), so that only GradstepError is thrown
 * and no unknown name reaches TeX.
 */
import { GradstepError } from '../errors.js';
import { type Expr, isFunctionName } from './ast.js';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const KINDS = new Set(['num', 'sym', 'const', 'add', 'mul', 'neg', 'div', 'pow', 'call']);

function badTree(what: string): GradstepError {
  // `what` never carries the caller's strings verbatim: a kind or name is shown only if it is a plain identifier.
  return new GradstepError('expr/bad-tree', { what });
}

function shown(value: unknown): string {
  return typeof value === 'string' && NAME.test(value) && value.length <= 40 ? `'${value}'` : typeof value;
}

/** Nodes already checked (trees are immutable; a new tree shares most of its nodes). */
const valid = new WeakSet<object>();

/**
 * Throws GradstepError ('expr/bad-tree') unless `e` is a well-formed tree: known kinds,
 * numbers that are not NaN, identifier names, known functions and constants. Iterative, so any
 * depth is safe; a shared subtree (a DAG) is checked once.
 */
export function validateTree(e: unknown): asserts e is Expr {
  try {
    check(e);
  } catch (error) {
    // Nothing of a refused tree counts as checked.
    for (const x of pending) valid.delete(x);
    throw error;
  } finally {
    pending = [];
  }
}

let pending: object[] = [];

/**
 * Counts a tree the parser built as checked, without walking it: the parser only makes
 * well-formed trees (allow-listed names, functions and constants, numbers that are not NaN).
 */
export function markParsed(e: Expr): void {
  valid.add(e);
}

function check(e: unknown): void {
  if (typeof e === 'object' && e !== null && valid.has(e)) return;
  const stack: unknown[] = [e];
  const seen = pending;
  while (stack.length) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null) throw badTree(`a node is ${x === null ? 'null' : typeof x}`);
    if (valid.has(x)) continue;
    valid.add(x);
    seen.push(x);
    const node = x as Record<string, unknown>;
    const kind = node.kind;
    if (typeof kind !== 'string' || !KINDS.has(kind)) throw badTree(`unknown node kind ${shown(kind)}`);
    const list = (key: string): void => {
      const items = node[key];
      if (!Array.isArray(items)) throw badTree(`'${kind}' needs a list '${key}'`);
      for (const item of items) stack.push(item);
    };
    switch (kind) {
      case 'num':
        // 1e400 reads as an approximate Infinity; NaN is never a number gradstep wrote.
        if (typeof node.n !== 'number' || Number.isNaN(node.n)) throw badTree('a number that is NaN or not a number');
        if (typeof node.d !== 'number' || !Number.isFinite(node.d) || node.d === 0) throw badTree('a bad denominator');
        break;
      case 'sym':
        if (typeof node.name !== 'string' || !NAME.test(node.name))
          throw badTree('a variable name that is not an identifier');
        break;
      case 'const':
        if (node.name !== 'e' && node.name !== 'pi') throw badTree(`unknown constant ${shown(node.name)}`);
        break;
      case 'add':
        list('terms');
        break;
      case 'mul':
        list('factors');
        break;
      case 'call':
        if (typeof node.fn !== 'string' || !isFunctionName(node.fn))
          throw badTree(`unknown function ${shown(node.fn)}`);
        list('args');
        break;
      case 'neg':
        stack.push(node.arg);
        break;
      case 'div':
        stack.push(node.num, node.den);
        break;
      case 'pow':
        stack.push(node.base, node.exp);
        break;
    }
  }
}
