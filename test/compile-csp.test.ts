import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, compileBatch, compileVector } from '../src/expr/compile.js';
import { parse } from '../src/expr/parse.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What a browser does once a Content-Security-Policy without 'unsafe-eval' is in force. */
function blockCodeGeneration(): void {
  const Blocked = function blocked(): never {
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
  };
  vi.stubGlobal('Function', Blocked);
}

describe('a policy that arrives after the first compile', () => {
  it('later compiles fall back to closures with the same results, in every entry point', () => {
    const e = parse('sin(x)*y + x^2').expr;
    const first = compile(e, ['x', 'y']);
    expect(first.backend).toBe('function');
    blockCodeGeneration();
    const later = compile(e, ['x', 'y']);
    expect(later.backend).toBe('closure');
    expect(later(0.5, 2)).toBeCloseTo(first(0.5, 2), 14);
    const vector = compileVector([e, parse('x*y').expr], ['x', 'y']);
    expect(vector.backend).toBe('closure');
    expect([...vector([0.5, 2])]).toEqual([first(0.5, 2), 1]);
    const batch = compileBatch(e, ['x', 'y']);
    expect(batch.backend).toBe('closure');
    expect([...batch([Float64Array.from([0.5]), Float64Array.from([2])])]).toEqual([first(0.5, 2)]);
    // The function compiled before the policy keeps working.
    expect(first(1, 1)).toBeCloseTo(Math.sin(1) + 1, 14);
  });
});
