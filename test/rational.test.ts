import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { approx, num } from '../src/expr/ast.js';
import * as Q from '../src/expr/rational.js';

const exact = fc
  .tuple(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
  .map(([n, d]) => num(n, d));

describe('rational arithmetic', () => {
  test('exact results in lowest terms', () => {
    expect(Q.add(num(1, 3), num(1, 6))).toEqual(num(1, 2));
    expect(Q.sub(num(1, 2), num(1, 3))).toEqual(num(1, 6));
    expect(Q.mul(num(2, 3), num(9, 4))).toEqual(num(3, 2));
    expect(Q.div(num(2, 3), num(4, 9))).toEqual(num(3, 2));
    expect(Q.div(num(1), num(0))).toBeUndefined();
    expect(Q.powExact(num(2, 3), 3)).toEqual(num(8, 27));
    expect(Q.powExact(num(2, 3), -2)).toEqual(num(9, 4));
    expect(Q.powExact(num(0), -1)).toBeUndefined();
  });

  test('agree with floating point on random operands', () => {
    fc.assert(
      fc.property(exact, exact, (a, b) => {
        const close = (q: ReturnType<typeof num>, v: number) =>
          Math.abs(Q.toFloat(q) - v) <= 1e-12 * Math.max(1, Math.abs(v));
        expect(close(Q.add(a, b), Q.toFloat(a) + Q.toFloat(b))).toBe(true);
        expect(close(Q.mul(a, b), Q.toFloat(a) * Q.toFloat(b))).toBe(true);
        const q = Q.div(a, b);
        if (b.n === 0) expect(q).toBeUndefined();
        else expect(close(q as ReturnType<typeof num>, Q.toFloat(a) / Q.toFloat(b))).toBe(true);
        expect(Math.sign(Q.compare(a, b))).toBe(Math.sign(Q.toFloat(a) - Q.toFloat(b)));
      }),
      { numRuns: 2000 },
    );
  });

  test('overflow falls back to an approximate float, never a wrong exact number', () => {
    const big = num(Number.MAX_SAFE_INTEGER - 2);
    const sum = Q.add(big, big);
    expect(sum.approx).toBe(true);
    expect(sum.n).toBeCloseTo(2 * (Number.MAX_SAFE_INTEGER - 2), -2);
    const product = Q.mul(num(3_000_000_007), num(3_000_000_019));
    expect(product.approx).toBe(true);
    const fraction = Q.add(num(1, 100_000_007), num(1, 100_000_037));
    expect(fraction.approx).toBe(true);
    expect(Q.toFloat(fraction)).toBeCloseTo(1 / 100_000_007 + 1 / 100_000_037, 20);
    expect(Q.powExact(num(2), 60)).toBeUndefined();
    expect(Q.pow(num(2), 60)).toEqual(approx(2 ** 60));
  });

  test('approximate operands give approximate results', () => {
    expect(Q.add(approx(0.5), num(1, 4))).toEqual(approx(0.75));
    expect(Q.mul(approx(0.5), num(3))).toEqual(approx(1.5));
  });

  test('multiplying by one or adding zero keeps a typed decimal as it is', () => {
    const typed = { ...num(1, 2), text: '0.5' };
    expect(Q.mul(num(1), typed)).toBe(typed);
    expect(Q.add(typed, num(0))).toBe(typed);
  });

  test('integer roots and perfect-power extraction', () => {
    expect(Q.integerRoot(27, 3)).toBe(3);
    expect(Q.integerRoot(28, 3)).toBeUndefined();
    expect(Q.integerRoot(2, 10 ** 9)).toBeUndefined();
    expect(Q.extractPower(72, 2)).toEqual({ outside: 6, inside: 2 });
    expect(Q.extractPower(8, 2)).toEqual({ outside: 2, inside: 2 });
    expect(Q.extractPower(250, 3)).toEqual({ outside: 5, inside: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 5 }), (n, k) => {
        const { outside, inside } = Q.extractPower(n, k);
        return outside ** k * inside === n;
      }),
    );
  });
});
