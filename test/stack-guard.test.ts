import { describe, expect, it } from 'vitest';
import { GradstepError } from '../src/errors.js';
import { call, type Expr, sym } from '../src/expr/ast.js';
import { toTex } from '../src/expr/print-tex.js';
import { toText } from '../src/expr/print-text.js';
import { simplify } from '../src/expr/simplify.js';

describe('trees nested far deeper than the parser allows (built by code)', () => {
  let deep: Expr = sym('x');
  for (let i = 0; i < 100_000; i++) deep = call('exp', deep);

  it.each([
    ['simplify', () => simplify(deep), 'simplify/too-deep'],
    ['toText', () => toText(deep), 'print/too-deep'],
    ['toTex', () => toTex(deep), 'print/too-deep'],
  ])('%s refuses them with a GradstepError', (_name, run, code) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GradstepError);
    expect((caught as GradstepError).code).toBe(code);
    expect((caught as GradstepError).messages.ko).toMatch(/[가-힣]/);
  });
});
