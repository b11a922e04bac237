import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GradstepError } from '../src/errors.js';
import {
  add,
  approx,
  call,
  constant,
  div,
  E,
  type Expr,
  type FunctionName,
  mul,
  neg,
  num,
  PI,
  pow,
  sym,
} from '../src/expr/ast.js';
import { compile, compileBatch, compiledSource, compileVector } from '../src/expr/compile.js';
import { arbExpr, arbPoint } from './support/arbitraries.js';
import {
  close as closeShared,
  evaluate as evaluateShared,
  UNARY_FUNCTIONS,
  wellConditioned,
} from './support/evaluate.js';

const x = sym('x');
const y = sym('y');
const BACKENDS = ['function', 'closure'] as const;

/** A constant exponent as an exact fraction [p, q], q > 0, in lowest terms. */
function rationalOf(e: Expr): [number, number] | undefined {
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  const norm = (p: number, q: number): [number, number] | undefined => {
    if (q === 0 || !Number.isSafeInteger(p) || !Number.isSafeInteger(q)) return undefined;
    const g = gcd(p, q) * Math.sign(q) || 1;
    return [p / g + 0, q / g];
  };
  if (e.kind === 'num') return e.approx ? undefined : [e.n, e.d];
  if (e.kind === 'neg') {
    const r = rationalOf(e.arg);
    return r && [-r[0], r[1]];
  }
  if (e.kind === 'div') {
    const a = rationalOf(e.num);
    const b = rationalOf(e.den);
    return a && b ? norm(a[0] * b[1], a[1] * b[0]) : undefined;
  }
  if (e.kind === 'mul') {
    let acc: [number, number] | undefined = [1, 1];
    for (const f of e.factors) {
      const r = rationalOf(f);
      acc = acc && r ? norm(acc[0] * r[0], acc[1] * r[1]) : undefined;
    }
    return acc;
  }
  return undefined;
}

/** A tiny reference interpreter, written independently of the compiler. */
function interpret(e: Expr, env: Record<string, number>): number {
  const ev = (t: Expr) => interpret(t, env);
  switch (e.kind) {
    case 'num':
      return e.approx ? e.n : e.n / e.d;
    case 'sym':
      return env[e.name] as number;
    case 'const':
      return e.name === 'e' ? Math.E : Math.PI;
    case 'add':
      return e.terms.reduce((s, t) => s + ev(t), 0);
    case 'mul':
      return e.factors.reduce((p, f) => p * ev(f), 1);
    case 'neg':
      return -ev(e.arg);
    case 'div':
      return ev(e.num) / ev(e.den);
    case 'pow': {
      const b = ev(e.base);
      const r = rationalOf(e.exp);
      if (r && r[1] % 2 === 1 && b < 0) {
        const m = Math.abs(b) ** (r[0] / r[1]);
        return r[0] % 2 === 0 ? m : -m;
      }
      return b ** ev(e.exp);
    }
    case 'call': {
      const [a, b] = e.args.map(ev) as [number, number];
      const table: Record<FunctionName, () => number> = {
        sin: () => Math.sin(a),
        cos: () => Math.cos(a),
        tan: () => Math.tan(a),
        sec: () => 1 / Math.cos(a),
        csc: () => 1 / Math.sin(a),
        cot: () => 1 / Math.tan(a),
        asin: () => Math.asin(a),
        acos: () => Math.acos(a),
        atan: () => Math.atan(a),
        acot: () => Math.atan(1 / a),
        sinh: () => Math.sinh(a),
        cosh: () => Math.cosh(a),
        tanh: () => Math.tanh(a),
        exp: () => Math.exp(a),
        ln: () => Math.log(a),
        log10: () => Math.log10(a),
        log2: () => Math.log2(a),
        log: () => Math.log(a) / Math.log(b),
        sqrt: () => Math.sqrt(a),
        cbrt: () => Math.cbrt(a),
        abs: () => Math.abs(a),
        ...Object.fromEntries(
          (
            [
              'asec',
              'acsc',
              'sech',
              'csch',
              'coth',
              'asinh',
              'acosh',
              'atanh',
              'asech',
              'acsch',
              'acoth',
              'sgn',
              'sigmoid',
              'relu',
              'softplus',
              'step',
            ] as const
          ).map((name) => [name, () => UNARY_FUNCTIONS[name](a)]),
        ),
      } as Record<FunctionName, () => number>;
      return table[e.fn]();
    }
  }
}

const UNARY: FunctionName[] = [
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'asin',
  'acos',
  'atan',
  'acot',
  'sinh',
  'cosh',
  'tanh',
  'exp',
  'ln',
  'log10',
  'log2',
  'sqrt',
  'cbrt',
  'abs',
];

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: -9, max: 9 }).map((n) => num(n)),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 6 })).map(([n, d]) => num(n, d)),
  fc.double({ min: -5, max: 5, noNaN: true }).map(approx),
  fc.constantFrom<Expr>(x, y, E, PI),
);

const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((ts) => add(...ts)),
    fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((fs) => mul(...fs)),
    tie('e').map(neg),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => div(a, b)),
    fc
      .tuple(tie('e'), fc.integer({ min: -3, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .map(([b, n, d]) => pow(b, num(n, d))),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => pow(a, b)),
    fc.tuple(fc.constantFrom(...UNARY), tie('e')).map(([f, a]) => call(f, a)),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => call('log', a, b)),
  ),
})).e;

function close(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('compile', () => {
  for (const backend of BACKENDS) {
    describe(`backend ${backend}`, () => {
      const c = (e: Expr, vars: string[]) => compile(e, vars, { backend });

      it('reports the backend used', () => {
        expect(c(x, ['x']).backend).toBe(backend);
      });

      it('evaluates polynomials and products against hand-written JS', () => {
        // 3x^3 - 2x + 1
        const f = c(add(mul(num(3), pow(x, num(3))), neg(mul(num(2), x)), num(1)), ['x']);
        for (const v of [-2, -0.5, 0, 1.25, 3]) expect(f(v)).toBeCloseTo(3 * v ** 3 - 2 * v + 1, 12);
        // 3xy^2 + 4x^3 - 5y^2 + 1
        const g = c(
          add(mul(num(3), x, pow(y, num(2))), mul(num(4), pow(x, num(3))), neg(mul(num(5), pow(y, num(2)))), num(1)),
          ['x', 'y'],
        );
        expect(g(2, -3)).toBe(3 * 2 * 9 + 4 * 8 - 5 * 9 + 1);
        // variable order is positional, not alphabetical
        const h = c(div(x, y), ['y', 'x']);
        expect(h(4, 2)).toBe(0.5);
      });

      it('uses exact rationals and decimals', () => {
        expect(c(mul(num(1, 3), x), ['x'])(3)).toBeCloseTo(1, 15);
        expect(c(approx(0.1), [])()).toBe(0.1);
        expect(c(add(num(1, 2), num(-3, 4)), [])()).toBe(-0.25);
      });

      it('gives NaN outside the real domain, and real odd roots', () => {
        expect(c(call('sqrt', x), ['x'])(-1)).toBeNaN();
        expect(c(call('ln', x), ['x'])(-1)).toBeNaN();
        expect(c(call('ln', x), ['x'])(0)).toBe(Number.NEGATIVE_INFINITY);
        expect(c(pow(x, num(1, 2)), ['x'])(-4)).toBeNaN();
        expect(c(pow(x, approx(0.5)), ['x'])(-4)).toBeNaN();
        expect(c(call('cbrt', x), ['x'])(-8)).toBe(-2);
        expect(c(pow(x, num(1, 3)), ['x'])(-8)).toBe(-2);
        expect(c(pow(x, div(num(1), num(3))), ['x'])(-8)).toBe(-2);
        expect(c(pow(x, num(2, 3)), ['x'])(-8)).toBeCloseTo(4, 14);
        expect(c(pow(x, num(-1, 3)), ['x'])(-8)).toBeCloseTo(-0.5, 15);
        expect(c(pow(x, num(3, 5)), ['x'])(-32)).toBeCloseTo(-8, 13);
        expect(c(pow(x, num(4, 5)), ['x'])(-32)).toBeCloseTo(16, 12);
        expect(c(pow(x, neg(num(1, 3))), ['x'])(-27)).toBeCloseTo(-1 / 3, 15);
        expect(c(pow(x, num(3)), ['x'])(-2)).toBe(-8);
        expect(c(call('asin', x), ['x'])(2)).toBeNaN();
      });

      it('defines sec, csc, cot, acot, abs, the logarithms and e^x', () => {
        const v = 0.7;
        expect(c(call('sec', x), ['x'])(v)).toBeCloseTo(1 / Math.cos(v), 14);
        expect(c(call('csc', x), ['x'])(v)).toBeCloseTo(1 / Math.sin(v), 14);
        expect(c(call('cot', x), ['x'])(v)).toBeCloseTo(1 / Math.tan(v), 14);
        expect(c(call('acot', x), ['x'])(v)).toBeCloseTo(Math.atan(1 / v), 14);
        expect(c(call('acot', x), ['x'])(-1)).toBeCloseTo(-Math.PI / 4, 15);
        expect(c(call('abs', x), ['x'])(-3)).toBe(3);
        expect(c(call('log', x, num(2)), ['x'])(8)).toBeCloseTo(3, 14);
        expect(c(call('log10', x), ['x'])(1000)).toBeCloseTo(3, 14);
        expect(c(call('log2', x), ['x'])(1024)).toBe(10);
        expect(c(pow(E, x), ['x'])(1)).toBe(Math.E);
        expect(c(call('exp', x), ['x'])(2)).toBe(Math.exp(2));
        expect(c(mul(num(2), PI), [])()).toBe(2 * Math.PI);
        expect(c(constant('e'), [])()).toBe(Math.E);
      });

      it('matches the reference interpreter on random trees at random points', () => {
        const f2 = (e: Expr) => c(e, ['x', 'y']);
        fc.assert(
          fc.property(
            tree,
            fc.double({ min: -4, max: 4, noNaN: true }),
            fc.double({ min: -4, max: 4, noNaN: true }),
            (e, a, b) => {
              // Where rounding decides the value (sin of 1.7e107), two correct evaluators may differ.
              fc.pre(wellConditioned(e, { x: a, y: b }));
              const expected = interpret(e, { x: a, y: b });
              const actual = f2(e)(a, b);
              return close(actual, expected);
            },
          ),
          { numRuns: 400 },
        );
      });

      it('rejects unknown variables, duplicate variables and malformed calls with GradstepError', () => {
        expect(() => c(add(x, sym('z')), ['x'])).toThrow(GradstepError);
        try {
          c(sym('z'), ['x']);
        } catch (err) {
          expect((err as GradstepError).code).toBe('compile/unknown-variable');
          expect((err as GradstepError).messages.ko).toContain('z');
        }
        expect(() => c(x, ['x', 'x'])).toThrow(GradstepError);
        expect(() => c({ kind: 'call', fn: 'sin', args: [] }, [])).toThrow(GradstepError);
        expect(() => c({ kind: 'call', fn: 'eval' as FunctionName, args: [x] }, ['x'])).toThrow(GradstepError);
      });
    });
  }

  it('agrees with the shared reference evaluator on the shared random trees (well-conditioned points)', () => {
    fc.assert(
      fc.property(arbExpr(), arbPoint(), (e, env) => {
        fc.pre(wellConditioned(e, env));
        const value = compile(e, ['x', 'y', 'z'])(env.x as number, env.y as number, env.z as number);
        return closeShared(value, evaluateShared(e, env), 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('never puts the caller’s names into the generated source', () => {
    const name = 'constructor';
    const src = compiledSource(add(mul(sym(name), sym(name)), call('sin', sym(name))), [name]);
    expect(src).not.toContain(name);
    expect(src).toContain('a0');
    expect(compile(add(mul(sym(name), sym(name)), call('sin', sym(name))), [name])(2)).toBeCloseTo(4 + Math.sin(2), 14);
  });

  it('computes a repeated subtree once', () => {
    const shared = call('sin', mul(x, y));
    const src = compiledSource(add(mul(shared, shared), pow(shared, num(3))), ['x', 'y']);
    expect(src.match(/h_sin\(/g)?.length).toBe(1);
  });
});

describe('compileBatch and compileVector', () => {
  for (const backend of BACKENDS) {
    it(`evaluates many points at once (${backend})`, () => {
      const e = add(mul(x, x), neg(mul(num(4), x)), num(6));
      const batch = compileBatch(e, ['x'], { backend });
      const xs = Float64Array.from([0, 1, 2, 3, 4]);
      expect([...batch([xs])]).toEqual([6, 3, 2, 3, 6]);
      const out = new Float64Array(5);
      expect(batch([xs], out)).toBe(out);
      const two = compileBatch(mul(x, y), ['x', 'y'], { backend });
      expect([...two([Float64Array.from([1, 2]), Float64Array.from([3, 4])])]).toEqual([3, 8]);
      expect(() => two([Float64Array.from([1, 2]), Float64Array.from([3])])).toThrow(GradstepError);
      expect(() => two([xs])).toThrow(GradstepError);
      expect(compileBatch(num(7), [], { backend })([], new Float64Array(3))).toEqual(Float64Array.from([7, 7, 7]));
    });

    it(`evaluates a vector of expressions (${backend})`, () => {
      const grad = compileVector([mul(num(2), x, y), pow(x, num(2))], ['x', 'y'], { backend });
      expect([...grad([3, 5])]).toEqual([30, 9]);
      const out = new Float64Array(2);
      expect(grad([1, 1], out)).toBe(out);
      expect(() => grad([1])).toThrow(GradstepError);
    });
  }
});

describe('compile never pastes anything but numbers into generated code', () => {
  it('refuses a number node whose value is a string (a tree built by code)', () => {
    const hostile = { kind: 'num', n: '(globalThis.__gsPwned = true, 1)', d: 1, approx: true } as unknown as Expr;
    expect(() => compile(hostile, [])).toThrow(GradstepError);
    expect(() => compile(add(sym('x'), hostile), ['x'])).toThrow(GradstepError);
    expect((globalThis as { __gsPwned?: boolean }).__gsPwned).toBeUndefined();
  });
});
