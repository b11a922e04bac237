// The function table and the rule objects: each function's derivative against a finite difference of
// an independent evaluation, each rule's textbook formula against what the rule computes, and every
// printed line a true equality that never repeats itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTex } from '../components/katex/render.js';
import type { Step } from '../src/calculus/derivation.js';
import { assumedPositive, derivationTex, differentiate, positiveBases, stepTex } from '../src/calculus/index.js';
import { derivationJson, derivationText, stepText } from '../src/calculus/print.js';
import { RULE_OBJECTS, RULES, ruleFormula, TIDY } from '../src/calculus/rules.js';
import { checkAnswer } from '../src/check/check.js';
import { type Expr, sym } from '../src/expr/ast.js';
import { compile } from '../src/expr/compile.js';
import { FUNCTION_NAMES, FUNCTIONS, functionRule } from '../src/expr/functions.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';
import { allSteps, evaluate } from './calculus-support.js';
import { arbExpr } from './support/arbitraries.js';
import { UNARY_FUNCTIONS } from './support/evaluate.js';

const POINTS = [-3.7, -2.2, -1.3, -0.8, -0.45, -0.1, 0.15, 0.5, 0.9, 1.4, 2.6, 4.1];

/** Five-point central difference. */
function slope(f: (t: number) => number, x: number): number {
  const h = 1e-4 * Math.max(1, Math.abs(x));
  return (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h);
}

describe('the function table', () => {
  const unary = FUNCTION_NAMES.filter((f) => FUNCTIONS[f].arity === 1);

  it.each(unary)('%s: compiled form = independent evaluation, NaN outside the real domain', (name) => {
    const info = FUNCTIONS[name];
    const reference = UNARY_FUNCTIONS[name as Exclude<typeof name, 'log'>];
    const compiled = compile(parse(`${name}(x)`).expr, ['x']);
    let inside = 0;
    for (const x of POINTS) {
      const got = compiled(x);
      if (!info.domain.contains(x)) {
        expect(Number.isNaN(got) || !Number.isFinite(got), `${name}(${x}) outside ${info.domain.text}`).toBe(true);
        continue;
      }
      inside++;
      expect(got).toBeCloseTo(reference(x), 10);
      expect(info.evaluate(x)).toBeCloseTo(reference(x), 10);
    }
    expect(inside).toBeGreaterThan(0);
  });

  it.each(unary.filter((f) => FUNCTIONS[f].derivative))(
    '%s: the derivative agrees with a finite difference',
    (name) => {
      const info = FUNCTIONS[name];
      const u = sym('u');
      const derivative = info.derivative?.(u, TIDY) as Expr;
      const reference = UNARY_FUNCTIONS[name as Exclude<typeof name, 'log'>];
      let compared = 0;
      for (const x of POINTS) {
        // Away from the domain's edges and kinks (|x| near 1 or 0), where the difference quotient fails.
        if (!info.domain.contains(x) || !info.domain.contains(x - 1e-3) || !info.domain.contains(x + 1e-3)) continue;
        if (info.kinks && Math.abs(x) < 0.2) continue;
        const exact = evaluate(derivative, { u: x });
        const estimate = slope(reference, x);
        if (!Number.isFinite(exact) || !Number.isFinite(estimate)) continue;
        compared++;
        expect(exact, `${name}' at ${x}`).toBeCloseTo(estimate, 5);
      }
      expect(compared).toBeGreaterThan(1);
    },
  );

  it('names every function with its aliases, TeX that KaTeX renders and prose in both languages', () => {
    for (const name of FUNCTION_NAMES) {
      const info = FUNCTIONS[name];
      const parsed = parse(info.arity === 2 ? `${name}(x, 3)` : `${name}(x)`).expr;
      expect(parsed).toMatchObject({ kind: 'call', fn: name });
      for (const alias of info.aliases) expect(parse(`${alias}(x)`).expr).toMatchObject({ fn: name });
      const rule = functionRule(name);
      if (rule) expect(RULES[rule].name.en && RULES[rule].name.ko && RULES[rule].prose.ko).toBeTruthy();
      expect(
        renderTex(
          parse(`${name}(x)${info.arity === 2 ? '' : ''}`.replace('(x)', info.arity === 2 ? '(x, 3)' : '(x)')).tex,
          false,
        ).ok,
      ).toBe(true);
    }
  });
});

describe('each rule computes its general formula', () => {
  // The textbook formula of each structural rule in gradstep text, in f, g, fp (= f′), gp (= g′), u, n, a;
  // instantiated with concrete functions and compared with what the rule computes on them.
  const f = 'sin(x) + x^2';
  const g = 'e^x + 2';
  const fp = 'cos(x) + 2x';
  const gp = 'e^x';
  const cases: [string, string, string][] = [
    ['sum', `(${f}) + (${g})`, `${fp} + ${gp}`],
    ['product', `(${f})*(${g})`, `(${fp})*(${g}) + (${f})*(${gp})`],
    ['quotient', `(${f})/(${g})`, `((${fp})*(${g}) - (${f})*(${gp}))/(${g})^2`],
    ['reciprocal', `1/(${g})`, `-(${gp})/(${g})^2`],
    ['chain', `sin(${g})`, `cos(${g})*(${gp})`],
    ['log-diff', `(${g})^(${f})`, `(${g})^(${f})*((${fp})*ln(${g}) + (${f})*(${gp})/(${g}))`],
    ['power', 'x^5', '5x^4'],
    ['exponential', '3^x', '3^x ln(3)'],
    ['constant-multiple', `7*(${f})`, `7*(${fp})`],
    ['rewrite', 'sqrt(x)', '1/2 x^(-1/2)'],
    ['zero-power', '0^(x^2 + 1)', '0'],
  ];

  it.each(cases)('%s', (rule, expr, formula) => {
    const d = differentiate(expr, { vars: ['x'], detail: 'full' });
    const root = d.full[0] as Step;
    expect(root.rule).toBe(rule);
    const expected = parse(formula, { vars: ['x'] }).expr;
    for (const x of [0.3, 0.7, 1.1, 1.9]) {
      expect(evaluate(root.result, { x })).toBeCloseTo(evaluate(expected, { x }), 9);
    }
    // And the rule's own combine, given the substeps' results, is the step's result.
    const again = RULE_OBJECTS[root.rule].combine(
      root as never,
      root.substeps.map((s) => s.result),
      TIDY,
    );
    expect(toText(again)).toBe(toText(root.result));
  });

  it('the held-constant formula names the variable of its step and the names held', () => {
    const d = differentiate('3x y^2 + 4x^3 - 5y^2 + 1', { wrt: 'y', vars: ['x', 'y'], detail: 'full' });
    const held = allSteps(d.full[0] as Step).find((s) => s.rule === 'held-constant') as Step;
    expect(ruleFormula(held, true)).toBe('\\frac{\\partial}{\\partial y}\\,c(x) = 0');
    const inChain = differentiate('(w*x - y)^2', { wrt: 'w', vars: ['w'], detail: 'full' });
    const y = allSteps(inChain.full[0] as Step).find((s) => s.rule === 'held-constant') as Step;
    expect(ruleFormula(y)).toBe('\\frac{d}{dw}\\,c(y) = 0');
  });

  it('a function rule prints its formula from the derivative it applies, on the inner variable', () => {
    const d = differentiate('sech(x^2)', { detail: 'full' });
    const outer = (d.full[0] as Step).substeps[0] as Step;
    expect(outer.inner).toBe(true);
    expect(ruleFormula(outer)).toBe(
      '\\frac{d}{du_{1}}\\operatorname{sech}u_{1} = -\\operatorname{sech}u_{1}\\tanh u_{1}',
    );
  });
});

describe('lines as a teacher writes them', () => {
  const segments = (tex: string): string[] => tex.replace(/^.*:\\quad /, '').split(' = ');

  it('no step line and no derivation row says A = A (random trees, every function)', () => {
    fc.assert(
      fc.property(arbExpr({ vars: ['x', 'y'], maxDepth: 3 }), (e) => {
        let d: ReturnType<typeof differentiate>;
        try {
          d = differentiate(e, { wrt: 'x', vars: ['x', 'y'], detail: 'normal' });
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'calculus/too-large' || code === 'calculus/domain' || code === 'expr/undefined-everywhere')
            return;
          throw err;
        }
        const visit = (s: Step): void => {
          const parts = segments(stepTex(s, true).tex);
          for (let i = 1; i < parts.length; i++) expect(parts[i], stepTex(s, true).tex).not.toBe(parts[i - 1]);
          s.substeps.forEach(visit);
        };
        d.steps.forEach(visit);
        const rows = derivationTex(d)
          .split(' \\\\\n')
          .map((r) => r.replace(/^.*&= /, ''));
        for (let i = 1; i < rows.length; i++) expect(rows[i]).not.toBe(rows[i - 1]);
      }),
      { numRuns: 400 },
    );
  });

  it('the root line does not repeat its left side', () => {
    const d = differentiate('x^2 sin x');
    const line = stepTex(d.steps[0] as Step).tex;
    const [lhs, next] = segments(line);
    expect(next).not.toBe(lhs);
  });

  it('shows the vanished constant as + 0, and reads x·(1/x) as 1, cos x·cos x as cos²x', () => {
    const d = differentiate('3x^3 - 2x + 1');
    expect(stepTex(d.steps[0] as Step).tex).toContain('9x^{2}-2+0');
    expect(derivationTex(d)).toContain('+0');
    const tex = [derivationTex(differentiate('x ln x')), derivationTex(differentiate('sin x cos x'))].join('\n');
    expect(tex).not.toMatch(/x\\frac\{1\}\{x\}|\\cos x\\cos x|\\sin x\\sin x/);
    expect(derivationTex(differentiate('(x - 1)^2'))).not.toMatch(/xx/);
  });

  it('a variable named u_1 is an ordinary variable: ∂/∂u_1, and the inner variable is u_2', () => {
    const g = differentiate('sin(u_1 x)', { vars: ['u_1', 'x'], wrt: 'u_1' });
    const tex = stepTex(g.steps[0] as Step, true).tex;
    expect(tex).toContain('\\frac{\\partial}{\\partial u_{1}}');
    expect(tex).toContain('u_{2} = ');
  });
});

describe('constant bases', () => {
  it('0^(x²+1) differentiates to 0, and the checker accepts 0', () => {
    expect(toText(differentiate('0^(x^2+1)').result)).toBe('0');
    expect(checkAnswer({ problem: '0^(x^2+1)', answer: '0' }).verdict).toBe('correct');
    expect(checkAnswer({ problem: '0^(x^2+1)', answer: 'x' }).verdict).toBe('incorrect');
  });

  it('(-2)^x is refused with a domain error that names the base', () => {
    expect(() => differentiate('(-2)^x')).toThrow(expect.objectContaining({ code: 'calculus/domain' }));
    expect(() => differentiate('(-2)^(x^2)')).toThrow(/-2/);
    // A positive base is fine; so is a negative base under a constant exponent.
    expect(toText(differentiate('2^x').result)).toBe('ln(2)*2^x');
    expect(toText(differentiate('(-2)^3 x').result)).toBe('-8');
  });

  it('a negative base written with constants (−π, e − 3, 1 − 2) is refused too; 1^x is constant', () => {
    for (const text of ['(-pi)^x', '(e-3)^x', '(1-2)^x', '(-e)^(x^2)']) {
      expect(() => differentiate(text), text).toThrow(expect.objectContaining({ code: 'calculus/domain' }));
    }
    expect(toText(differentiate('pi^x').result)).toBe('ln(pi)*pi^x');
    expect(toText(differentiate('1^x').result)).toBe('0');
  });

  it('a^x with a parameter base says it assumes a > 0: in the step, the text, the JSON and the checker', () => {
    const d = differentiate('a^(x^2)', { detail: 'full' });
    const exponential = allSteps(d.steps[0] as Step).find((s) => s.rule === 'exponential') as Step;
    expect(toText(assumedPositive(exponential) as Expr)).toBe('a');
    expect(stepText(exponential)).toContain('(assuming a > 0)');
    expect(stepText(exponential, 'ko')).toContain('(a > 0으로 가정)');
    expect(derivationText(d)).toMatch(/\nAssuming a > 0: /);
    expect(derivationJson(d).assumptions).toEqual([{ text: 'a > 0', tex: 'a > 0' }]);
    const r = checkAnswer({ problem: 'a^x', answer: 'a^x ln(a)' });
    expect(r.verdict).toBe('correct');
    expect(r.assumptions).toEqual([{ text: 'a > 0', tex: 'a > 0' }]);
    expect(r.messages.en).toContain('Assuming a > 0');
    expect(r.messages.ko).toContain('a > 0이라고 가정합니다');
    // A numeric base, e, or a power with a varying base assumes nothing.
    for (const text of ['2^x', 'e^x', 'x^a', 'x^x']) {
      expect(positiveBases(differentiate(text, { detail: 'full' })), text).toEqual([]);
      expect(checkAnswer({ problem: text, answer: '1' }).assumptions, text).toBeUndefined();
    }
    // Another variable as the base (∂/∂x y^x) is assumed positive as well.
    expect(positiveBases(differentiate('y^x', { vars: ['x', 'y'], wrt: 'x' })).map((b) => toText(b))).toEqual(['y']);
  });
});

describe('reading what users type', () => {
  it('x**2, log_2 x, log_b(x), σ(x), ln echoed as ln', () => {
    expect(parse('x**2').text).toBe('x^2');
    expect(parse('log_2 x').text).toBe('log2(x)');
    expect(parse('log_b(x)', { vars: ['x'] }).text).toBe('log(x, b)');
    expect(parse('log_3(x+1)').tex).toBe('\\log_{3}(x+1)');
    expect(parse('σ(x)').text).toBe('sigmoid(x)');
    expect(parse('ln x').text).toBe('ln(x)');
    expect(toText(differentiate('log_b(x)', { vars: ['x'] }).result)).toBe('1/(x*ln(b))');
  });

  it('reads σ as the sigmoid wherever an argument follows it, as sin x is read, with a read note', () => {
    for (const [typed, text] of [
      ['σ x', 'sigmoid(x)'],
      ['σ (x)', 'sigmoid(x)'],
      ['σ 2x', 'sigmoid(2*x)'],
      ['σ x + 1', 'sigmoid(x) + 1'],
      ['sigma x', 'sigmoid(x)'],
      ['σ(w x + b)', 'sigmoid(w*x + b)'],
    ]) {
      expect(parse(typed as string).text, typed).toBe(text);
    }
    const bare = parse('σ z', { vars: ['z'] });
    expect(bare.text).toBe('sigmoid(z)');
    expect(bare.params).toEqual([]);
    expect(bare.notes.map((n) => n.messages.en)).toEqual(["read 'σ z' as sigmoid(z)"]);
    expect(parse('sin x').notes.map((n) => n.messages.en)).toEqual(["read 'sin x' as sin(x)"]);
    // σ with nothing to apply to, or declared as a name, is the letter σ.
    expect(parse('σ^2 + 2σ').text).toBe('sigma^2 + 2*sigma');
    expect(parse('x - σ').text).toBe('x - sigma');
    expect(parse('σ x', { vars: ['x', 'σ'] }).text).toBe('sigma*x');
    expect(parse('σ(x)', { vars: ['x'], params: ['σ'] }).text).toBe('sigma*x');
    // The checker reads problems and answers the same way (and `σ x (1 − σ x)` as `sin x (1 − sin x)` is read).
    expect(checkAnswer({ problem: 'σ x', answer: 'σ(x)(1 - σ(x))' }).verdict).toBe('correct');
    expect(parse('σ x (1 - σ x)').text).toBe(parse('sin x (1 - sin x)').text.replaceAll('sin', 'sigmoid'));
  });

  it('differentiates the network functions for backprop: σ′ = σ(1 − σ), relu′ = H, softplus′ = σ', () => {
    agree('sigmoid(x)', 'sigmoid(x)*(1 - sigmoid(x))');
    agree('relu(x)', 'step(x)');
    agree('softplus(x)', 'sigmoid(x)');
    agree('acosh(x^2 + 1)', '2x/sqrt((x^2+1)^2 - 1)');
  });
});

function agree(expr: string, derivative: string): void {
  const d = differentiate(expr).result;
  const want = parse(derivative).expr;
  for (const x of [0.4, 1.3, 2.2, -0.7]) {
    const a = evaluate(d, { x });
    const b = evaluate(want, { x });
    if (Number.isFinite(b)) expect(a).toBeCloseTo(b, 9);
  }
}
