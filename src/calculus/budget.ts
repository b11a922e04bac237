/**
 * Bounds on a derivation: a node budget shared by every step (the sum of the
 * sizes of the step results) and a time limit (`budgetClock`), so towers like x^x^x^x^x^x^x or a
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

type CpuUsage = () => { readonly user: number; readonly system: number };
const cpuUsage = (globalThis as { process?: { cpuUsage?: CpuUsage } }).process?.cpuUsage;

/**
 * The clock the time limit is read on, in milliseconds. In Node it is the process's CPU time:
 * the work done, which a busy machine does not shorten (on wall time a check on a loaded
 * machine would skip its diagnosis, and the same input would answer differently). In a
 * browser it is the page's clock, since the main thread's wall time is what a reader waits.
 */
export const budgetClock: () => number = cpuUsage
  ? () => {
      const used = cpuUsage.call((globalThis as { process?: unknown }).process);
      return (used.user + used.system) / 1000;
    }
  : () => performance.now();

export function tooLarge(): GradstepError {
  return new GradstepError('calculus/too-large', { nodes: NODE_BUDGET, ms: TIME_BUDGET_MS });
}

export class Budget {
  private spent = 0;
  private calls = 0;
  private checks = 0;
  /**
   * When the time limit runs out. It is read from the clock at the first check, so a small
   * derivation never reads the clock (in Node a CPU-time reading costs about a microsecond);
   * the little work before that check goes uncounted.
   */
  private deadline: number | undefined;

  constructor(
    private readonly limit = NODE_BUDGET,
    private readonly timeMs = TIME_BUDGET_MS,
  ) {}

  /** Spends `n` nodes; throws 'calculus/too-large' past the budget or the deadline. */
  spend(n: number): void {
    this.spent += n;
    if (this.spent > this.limit) throw tooLarge();
    if ((++this.calls & 63) === 0) this.readClock();
  }

  /** Throws 'calculus/too-large' once the deadline has passed; for callers whose every unit of work is large. */
  checkTime(): void {
    if ((++this.checks & 7) === 1) this.readClock();
  }

  private readClock(): void {
    const now = budgetClock();
    this.deadline ??= now + this.timeMs;
    if (now > this.deadline) throw tooLarge();
  }

  /** Spends the size of `e` (counting stops at the budget, so this is cheap even for huge trees). */
  charge(e: Expr): void {
    this.spend(countNodes(e, this.limit - this.spent + 1));
  }

  get remaining(): number {
    return this.limit - this.spent;
  }
}
