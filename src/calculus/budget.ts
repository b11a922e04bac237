/**
 * Bounds on a derivation: a node budget shared by every step (the sum of the
 * sizes of the step results) and a time limit, so towers like x^x^x^x^x^x^x or a
 * product of 500 factors stop with 'calculus/too-large' in milliseconds.
 */

import { GradstepError } from '../errors.js';
import type { Expr } from '../expr/ast.js';

export const NODE_BUDGET = 25_000;
export const TIME_BUDGET_MS = 250;
/** Deeper trees are refused before any recursion, so nothing overflows the stack. */
export const MAX_DEPTH = 600;

/** Number of nodes of `e`, counting no further than `cap` (iterative: safe on any depth). */
export function countNodes(e: Expr, cap: number): number {
  const stack: Expr[] = [e];
  let count = 0;
  while (stack.length > 0 && count <= cap) {
    const x = stack.pop() as Expr;
    count++;
    switch (x.kind) {
      case 'add':
        for (const t of x.terms) stack.push(t);
        break;
      case 'mul':
        for (const f of x.factors) stack.push(f);
        break;
      case 'neg':
        stack.push(x.arg);
        break;
      case 'div':
        stack.push(x.num, x.den);
        break;
      case 'pow':
        stack.push(x.base, x.exp);
        break;
      case 'call':
        for (const a of x.args) stack.push(a);
        break;
      default:
        break;
    }
  }
  return count;
}

export function tooLarge(): GradstepError {
  return new GradstepError('calculus/too-large', { nodes: NODE_BUDGET, ms: TIME_BUDGET_MS });
}

export class Budget {
  private spent = 0;
  private readonly deadline: number;
  private calls = 0;

  constructor(
    private readonly limit = NODE_BUDGET,
    timeMs = TIME_BUDGET_MS,
  ) {
    this.deadline = performance.now() + timeMs;
  }

  /** Spends `n` nodes; throws 'calculus/too-large' past the budget or the deadline. */
  spend(n: number): void {
    this.spent += n;
    if (this.spent > this.limit) throw tooLarge();
    if ((++this.calls & 63) === 0 && performance.now() > this.deadline) throw tooLarge();
  }

  /** Throws 'calculus/too-large' once the deadline has passed (checks the clock every time). */
  checkTime(): void {
    if (performance.now() > this.deadline) throw tooLarge();
  }

  /** Spends the size of `e` (counting stops at the budget, so this is cheap even for huge trees). */
  charge(e: Expr): void {
    this.spend(countNodes(e, this.limit - this.spent + 1));
  }

  get remaining(): number {
    return this.limit - this.spent;
  }
}
