import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentiate } from '../src/calculus/index.js';
import { checkAnswer } from '../src/check/check.js';
import { leavesFloatRangeAt } from '../src/check/magnitude.js';
import { isGradstepError } from '../src/errors.js';
import { add, type Expr, num, pow } from '../src/expr/ast.js';
import { compile } from '../src/expr/compile.js';
import { toText } from '../src/expr/print-text.js';
import { arbExpr, arbInteger } from './support/arbitraries.js';

/**
 * A fuzz test whose oracle can fail: every derivative is compared with a central finite
 * difference where that is well conditioned, and every answer is checked both ways (the
 * derivative is accepted, the derivative plus 1 + its square is not). Any disagreement left fails.
 */

/** `FUZZ_RUNS=10` runs ten times as many cases (by hand; `npm test` runs the default). */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1);

const expr = arbExpr({ vars: ['x'], maxDepth: 3, numbers: arbInteger });

function derive(e: Expr) {
  try {
    return differentiate(e, { wrt: 'x', vars: ['x'] });
  } catch (error) {
    if (isGradstepError(error)) return undefined;
    throw error;
  }
}

/** f′(x0) by a central difference, or undefined where it would not be trustworthy. */
function finiteDifference(f: (x: number) => number, x0: number): number | undefined {
  const h = 1e-5 * Math.max(1, Math.abs(x0));
  const values = [-2, -1, 0, 1, 2].map((k) => f(x0 + k * h));
  if (!values.every((v) => Number.isFinite(v) && Math.abs(v) < 1e6)) return undefined;
  const [m2, m1, f0, p1, p2] = values as [number, number, number, number, number];
  const d1 = (p1 - m1) / (2 * h);
  const d2 = (p2 - m2) / (4 * h);
  // Two step sizes must agree, and the curvature must be moderate: else the point is near a
  // kink, pole or branch cut, or cancellation swamps the difference.
  if (Math.abs(d1 - d2) > 1e-4 * Math.max(1, Math.abs(d1))) return undefined;
  if (Math.abs(p1 - 2 * f0 + m1) / (h * h) > 1e4) return undefined;
  return d1;
}

describe('fuzz with an oracle that can fail', () => {
  it('derivatives agree with finite differences where those are well conditioned', () => {
    let compared = 0;
    fc.assert(
      fc.property(expr, fc.constantFrom(0.37, -0.81, 1.23, 2.1, -1.62), (e, x0) => {
        const d = derive(e);
        if (!d) return;
        const f = compile(e, ['x']);
        const df = compile(d.result, ['x']);
        const expected = finiteDifference(f, x0);
        if (expected === undefined) return;
        // Where f or f′ over- or underflows (0.37¹⁰²⁴ = 0), floating point cannot represent the values.
        if (leavesFloatRangeAt(e, ['x'], [x0]) || leavesFloatRangeAt(d.result, ['x'], [x0])) return;
        const got = df(x0);
        compared++;
        // Where f is smooth around x0 (the difference is trustworthy), an undefined derivative is wrong too.
        expect(Number.isFinite(got), `${toText(e)} at ${x0}: ${toText(d.result)} = ${got}`).toBe(true);
        expect(Math.abs(got - expected), `${toText(e)} at ${x0}: ${toText(d.result)}`).toBeLessThanOrEqual(
          1e-4 * Math.max(1, Math.abs(expected)),
        );
      }),
      { numRuns: RUNS * 400 },
    );
    // The oracle must have had work to do.
    expect(compared).toBeGreaterThan(100);
  });

  it('the checker accepts the derivative and refuses f′ + 1 + f′²', () => {
    let checked = 0;
    fc.assert(
      fc.property(expr, (e) => {
        const d = derive(e);
        if (!d) return;
        const problem = toText(e);
        const right = checkAnswer({ problem, answer: toText(d.result), wrt: 'x', vars: ['x'] });
        // Only "cannot decide" is no verdict; the printed derivative must read back (not invalid-answer).
        if (right.verdict === 'undecided' || right.verdict === 'out-of-range') return;
        checked++;
        expect(right.correct, `${problem}: ${toText(d.result)} → ${right.verdict}`).toBe(true);
        // f′ + 1 + f′² differs from f′ by at least 1 and by about its own size where f′ is large (f′ + 1
        // alone is within the relative tolerance of a derivative near 10¹⁰: SECURITY.md's known limit).
        const off = add(d.result, num(1), pow(d.result, num(2)));
        const wrong = checkAnswer({ problem, answer: toText(off), wrt: 'x', vars: ['x'] });
        if (wrong.verdict === 'undecided' || wrong.verdict === 'out-of-range') return;
        expect(wrong.correct, `${problem}: ${toText(off)} → ${wrong.verdict}`).toBe(false);
      }),
      { numRuns: RUNS * 150 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
