/**
 * Overflow, told apart from "undefined there".
 *
 * A value that is not finite at a sample point is either outside the real domain
 * (1/0, ln 0, √−1) or a finite number too large for floating point (2·10³⁰⁸, e^{1000}).
 * The checker must not call a correct answer "undefined" for the second: it says that
 * it cannot decide at these magnitudes. This walk evaluates a tree node by node and
 * reports whether a non-finite value first appears where every input was finite and
 * the operation was inside its domain (a sum, a product, a power of a non-zero base, a
 * function such as exp inside its domain) — or comes from a number that is itself too
 * large (`1e400`). It runs only where a check failed, never on the hot path.
 */
import type { Expr } from '../expr/ast.js';
import { MAX_COMPILE_DEPTH } from '../expr/compile.js';
import { FUNCTIONS } from '../expr/functions.js';
import { candidates } from './equivalence.js';

const MAX_DEPTH = MAX_COMPILE_DEPTH + 10;

/** The smallest normal double: below it a product or power has lost digits to underflow. */
const MIN_NORMAL = 2.2250738585072014e-308;

class Tracer {
  overflow = false;
  /** A product, quotient, power or function of non-zero finite inputs that came out 0 or subnormal. */
  underflow = false;
  /** Some intermediate value was not finite (a pole such as acoth 1 inside a finite result). */
  passedNonFinite = false;
  constructor(private readonly at: ReadonlyMap<string, number>) {}

  /** Trees reach here read and bounded (the compiler refuses deeper ones), so recursion is safe. */
  value(e: Expr, depth = 0): number {
    if (depth > MAX_DEPTH) return Number.NaN;
    const v = this.node(e, depth + 1);
    if (!Number.isFinite(v)) this.passedNonFinite = true;
    return v;
  }

  /** A non-finite result of finite inputs inside the operation's domain: overflow. */
  private grew(result: number, inputs: readonly number[], inDomain: boolean, shrinks = true): number {
    if (!Number.isFinite(result) && !Number.isNaN(result) && inDomain && inputs.every(Number.isFinite)) {
      this.overflow = true;
    }
    if (shrinks && Math.abs(result) < MIN_NORMAL && inputs.every((x) => Number.isFinite(x) && x !== 0)) {
      this.underflow = true;
    }
    return result;
  }

  private node(e: Expr, depth: number): number {
    switch (e.kind) {
      case 'num': {
        const v = e.approx ? e.n : e.n / e.d;
        if (!Number.isFinite(v) && !Number.isNaN(v)) this.overflow = true;
        return v;
      }
      case 'sym':
        return this.at.get(e.name) ?? Number.NaN;
      case 'const':
        return e.name === 'e' ? Math.E : Math.PI;
      case 'neg':
        return -this.value(e.arg, depth);
      case 'add': {
        const xs = e.terms.map((t) => this.value(t, depth));
        return this.grew(
          xs.reduce((a, b) => a + b, 0),
          xs,
          true,
          // A sum of non-zero terms may be 0 exactly (x − x): cancellation, not underflow.
          false,
        );
      }
      case 'mul': {
        const xs = e.factors.map((f) => this.value(f, depth));
        return this.grew(
          xs.reduce((a, b) => a * b, 1),
          xs,
          true,
        );
      }
      case 'div': {
        const a = this.value(e.num, depth);
        const b = this.value(e.den, depth);
        return this.grew(a / b, [a, b], b !== 0);
      }
      case 'pow': {
        const b = e.base.kind === 'const' && e.base.name === 'e' ? Math.E : this.value(e.base, depth);
        const k = this.value(e.exp, depth);
        // The size of the power (an odd root of a negative base is real); 0 to a negative power is a pole.
        return this.grew(Math.abs(b) ** k, [b, k], b !== 0);
      }
      case 'call': {
        const xs = e.args.map((a) => this.value(a, depth));
        const info = FUNCTIONS[e.fn];
        if (!info) return Number.NaN;
        return this.grew(info.evaluate(...xs), xs, info.domain.contains(xs[0] as number));
      }
    }
  }
}

/** Whether evaluating `e` at `point` (values of `vars`, in order) overflows floating point somewhere. */
export function overflowsAt(e: Expr, vars: readonly string[], point: readonly number[]): boolean {
  const at = new Map<string, number>();
  vars.forEach((v, i) => {
    at.set(v, point[i] as number);
  });
  const t = new Tracer(at);
  t.value(e);
  return t.overflow;
}

/**
 * Whether evaluating `e` at `point` leaves floating point's range anywhere: an overflow, a
 * product, power or function value of non-zero inputs that underflowed (0.37¹⁰²⁴ = 0), or an
 * intermediate value that is not finite at all ((0.4ˣ)^{acoth 1} = 0). There the computed value
 * says nothing about the mathematical one (a fuzz oracle skips such points).
 */
export function leavesFloatRangeAt(e: Expr, vars: readonly string[], point: readonly number[]): boolean {
  const at = new Map<string, number>();
  vars.forEach((v, i) => {
    at.set(v, point[i] as number);
  });
  const t = new Tracer(at);
  t.value(e);
  return t.overflow || t.underflow || t.passedNonFinite;
}

/** Whether the tree holds a number too large for floating point (what folding `2·1e308` leaves). */
export function holdsNonFiniteNumber(e: Expr): boolean {
  return holdsNumber(e, (n) => !Number.isFinite(n.approx ? n.n : n.n / n.d));
}

/**
 * Whether the tree holds a number typed nonzero that floating point rounds to 0 (`1e-330`,
 * below the smallest subnormal 5e-324): the values then say nothing about that term.
 */
export function holdsUnderflowedNumber(e: Expr): boolean {
  return holdsNumber(
    e,
    (n) => n.approx === true && n.n === 0 && /[1-9]/.test((n.text ?? '').split(/[eE]/)[0] as string),
  );
}

function holdsNumber(e: Expr, test: (n: Extract<Expr, { kind: 'num' }>) => boolean): boolean {
  const stack: Expr[] = [e];
  while (stack.length) {
    const n = stack.pop() as Expr;
    switch (n.kind) {
      case 'num':
        if (test(n)) return true;
        break;
      case 'sym':
      case 'const':
        break;
      case 'neg':
        stack.push(n.arg);
        break;
      case 'div':
        stack.push(n.num, n.den);
        break;
      case 'pow':
        stack.push(n.base, n.exp);
        break;
      case 'add':
        stack.push(...n.terms);
        break;
      case 'mul':
        stack.push(...n.factors);
        break;
      case 'call':
        stack.push(...n.args);
        break;
    }
  }
  return false;
}

/** How many of the checker's candidate points are tried for overflow (only after a check failed). */
const TRIED_POINTS = 64;

/** Whether any of `exprs` overflows at one of the checker's first candidate points. */
export function overflowsOnCandidates(exprs: readonly Expr[], vars: readonly string[]): boolean {
  let tried = 0;
  for (const point of candidates(vars.length)) {
    if (++tried > TRIED_POINTS) break;
    if (exprs.some((e) => overflowsAt(e, vars, point))) return true;
  }
  return false;
}
