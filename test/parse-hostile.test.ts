import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GradstepError } from '../src/errors.js';
import type { Leaf } from '../src/expr/normalize.js';
import { parse } from '../src/expr/parse.js';
import { NormalisedSyntaxError, readSyntax, toExpr } from '../src/expr/syntax.js';

/** The error `fn` throws, and how long it took. */
function rejection(fn: () => unknown): { error: unknown; ms: number } {
  const start = performance.now();
  try {
    fn();
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
  throw new Error('expected a rejection');
}

// Generous, as the machine running the tests may be busy: the point is "no pathological work"
// (a quadratic pass or a deep recursion over 10^4..10^6 characters takes seconds, not milliseconds).
const FAST_MS = 1000;

beforeAll(() => {
  // Warm up the parser (module loading) so it is not counted against one case.
  parse('sin 2x + |x|');
});

describe('parse: hostile input is rejected quickly, never evaluated', () => {
  it.each<[string, string]>([
    ['cos.constructor("return process")()', 'parse/not-allowed'],
    ['import({}, {override:true})', 'parse/not-allowed'],
    ['import(x)', 'parse/unknown-function'],
    ['createUnit("x")', 'parse/not-allowed'],
    ['createUnit(x)', 'parse/unknown-function'],
    ['evaluate("1")', 'parse/not-allowed'],
    ['evaluate(x)', 'parse/unknown-function'],
    ['[1,2][1]', 'parse/not-allowed'],
    ['{a:1}.a', 'parse/not-allowed'],
    ['f(x)=x', 'parse/not-allowed'],
    ['x=2', 'parse/not-allowed'],
    ['"a"', 'parse/not-allowed'],
    ["'a'", 'parse/not-allowed'],
    ['2 inch', 'parse/unknown-name'],
    ['5 cm to inch', 'parse/unknown-name'],
    ['__proto__', 'parse/unknown-name'],
    ['constructor', 'parse/unknown-function'],
    ['x.constructor', 'parse/not-allowed'],
    ['1:3', 'parse/not-allowed'],
    ['x ? 1 : 2', 'parse/not-allowed'],
    ['x; y', 'parse/not-allowed'],
    ['x == y', 'parse/not-allowed'],
    ['x mod y', 'parse/unknown-function'],
    ['true', 'parse/unknown-name'],
    ['Infinity', 'parse/unknown-name'],
  ])('%s → %s', (input, code) => {
    const { error, ms } = rejection(() => parse(input));
    expect(error).toBeInstanceOf(GradstepError);
    expect(error).toMatchObject({ code });
    const e = error as GradstepError;
    expect(e.range).toBeDefined();
    expect(e.messages.en.length).toBeGreaterThan(10);
    expect(e.messages.ko).toMatch(/[가-힣]/);
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('rejects a 10,000-deep parenthesis nest quickly, whatever the limits', () => {
    const nest = `${'('.repeat(10_000)}x${')'.repeat(10_000)}`;
    for (const options of [{}, { maxLength: Number.POSITIVE_INFINITY }]) {
      const { error, ms } = rejection(() => parse(nest, options));
      expect(error).toBeInstanceOf(GradstepError);
      expect(ms).toBeLessThan(FAST_MS);
    }
    expect(rejection(() => parse(nest)).error).toMatchObject({ code: 'parse/too-long' });
    expect(rejection(() => parse(nest, { maxLength: Number.POSITIVE_INFINITY })).error).toMatchObject({
      code: 'parse/too-deep',
      range: { start: 100, end: 101 },
    });
    // Even with the depth limit lifted, the stack is never the limit that answers.
    const unlimited = rejection(() =>
      parse(nest, { maxLength: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY }),
    );
    expect(unlimited.error).toBeInstanceOf(GradstepError);
  });

  it('rejects a 1 MB string at once, before reading it', () => {
    const huge = 'x+'.repeat(512 * 1024);
    const { error, ms } = rejection(() => parse(huge));
    expect(error).toMatchObject({ code: 'parse/too-long', range: { start: 1000, end: huge.length } });
    expect(ms).toBeLessThan(5);
    expect(rejection(() => parse(`"${'a'.repeat(1 << 20)}"`)).error).toMatchObject({ code: 'parse/too-long' });
  });

  it('never lets random text throw anything but a GradstepError, and always finishes quickly', () => {
    const pieces = [
      ...'0123456789.xyzeabπθ+-*/^(),|√²³⁻¹ !=[]{}"\'.;:?%<>_−×÷·',
      'sin',
      'cos',
      'ln',
      'log',
      'sqrt',
      'abs',
      'e',
      'pi',
      'arcsin',
      'constructor',
      '__proto__',
      'import',
      ' ',
    ];
    const humanish = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(humanish, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 })),
        (text) => {
          const start = performance.now();
          try {
            const parsed = parse(text);
            expect(typeof parsed.text).toBe('string');
            expect(typeof parsed.tex).toBe('string');
          } catch (error) {
            if (!(error instanceof GradstepError)) throw error;
            expect(error.code).toMatch(/^parse\//);
            if (error.range) {
              expect(error.range.start).toBeGreaterThanOrEqual(0);
              expect(error.range.end).toBeLessThanOrEqual(Math.max(text.length, 1000) + 1);
              expect(error.range.start).toBeLessThanOrEqual(error.range.end);
            }
          }
          expect(performance.now() - start).toBeLessThan(FAST_MS);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the reader and the allow-list reject what gets past the tokenizer', () => {
  const options = { leaves: [], maxNodes: 2000, maxDepth: 100, whole: { start: 0, end: 1 } };
  const leaf = (kind: Leaf['kind'], text: string, start: number): Leaf => {
    const range = { start, end: start + text.length };
    return { kind, text, range, span: range };
  };

  it.each<[string, number]>([
    ['cos.constructor("return process")', 3],
    ['cos["constructor"]("return process")', 3],
    ['import({}, {override:true})', 7],
    ['createUnit("x")', 11],
    ['[1,2][1]', 0],
    ['{a:1}.a', 0],
    ['f(x)=x', 4],
    ['x=2', 1],
    ['"a"', 0],
    ['1 ? 2 : 3', 2],
    ['1:3', 1],
    ['1; 2', 1],
    ['1 < 2', 2],
    ['5!', 1],
    ['5 mod 2', 2],
    ['x\ty', 1],
    ['2 inch', 2],
    ['(x)(y)', 3],
  ])('%s is not the normalised language (offset %i)', (input, offset) => {
    let caught: unknown;
    try {
      readSyntax(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NormalisedSyntaxError);
    expect((caught as NormalisedSyntaxError).offset).toBe(offset);
  });

  it('does not trust leaves that do not match what was read', () => {
    expect(() => toExpr(readSyntax('2 * inch'), options)).toThrow(GradstepError);
    expect(() => toExpr(readSyntax('__proto__'), options)).toThrow(GradstepError);
    expect(() => toExpr(readSyntax('x'), { ...options, leaves: [leaf('var', 'y', 0)] })).toThrow(GradstepError);
    // A name the normaliser wrote as a variable is not callable, and a call needs an allowed function.
    expect(() =>
      toExpr(readSyntax('x ( 2 )'), { ...options, leaves: [leaf('var', 'x', 0), leaf('num', '2', 4)] }),
    ).toThrow(expect.objectContaining({ code: 'parse/unknown-function' }));
    expect(() =>
      toExpr(readSyntax('constructor ( 2 )'), {
        ...options,
        leaves: [leaf('func', 'constructor', 0), leaf('num', '2', 14)],
      }),
    ).toThrow(expect.objectContaining({ code: 'parse/unknown-function' }));
    // Every leaf must be used.
    expect(() => toExpr(readSyntax('x'), { ...options, leaves: [leaf('var', 'x', 0), leaf('var', 'y', 2)] })).toThrow(
      expect.objectContaining({ code: 'parse/internal' }),
    );
  });
});
