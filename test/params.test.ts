// Parameters: names that are not variables are constant symbols, held constant everywhere.
import { describe, expect, it } from 'vitest';
import { derivationJson, derivationText, differentiate, gradient } from '../src/calculus/index.js';
import { checkAnswer } from '../src/check/check.js';
import { diffCommand } from '../src/cli/diff-command.js';
import { gradCommand } from '../src/cli/grad-command.js';
import { sym } from '../src/expr/ast.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';
import { allSteps, checkStep, evaluate } from './calculus-support.js';
import { captureIO } from './support/cli.js';

/** `a` and `b` agree at a few points (parameters included), to a relative 1e-6: the textbook form keeps
 * the rule's structure, which can cancel digits where σ is close to 1. */
function agrees(a: string, b: string, names: readonly string[]): void {
  const x = parse(a, { vars: names }).expr;
  const y = parse(b, { vars: names }).expr;
  for (let k = 0; k < 6; k++) {
    const at = Object.fromEntries(names.map((n, i) => [n, 0.3 + 0.7 * k + 0.11 * i]));
    const expected = evaluate(y, at);
    expect(Math.abs(evaluate(x, at) - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
  }
}

describe('parameters in the engine', () => {
  it('d/dt (a t^2 + b t) = 2at + b, with a and b held constant', () => {
    const d = differentiate('a t^2 + b t', { vars: ['t'] });
    expect(d.vars).toEqual(['t']);
    expect(d.params).toEqual(['a', 'b']);
    expect(d.wrt).toBe('t');
    expect(toText(d.result)).toBe('2*a*t + b');
    const text = derivationText(d);
    expect(text).toContain('a held constant');
    expect(text).toContain('b held constant');
    for (const s of allSteps(d.full[0] as never)) expect(checkStep(s, Math.random)).not.toBe('disagrees');
  });

  it('d/dw (wx − y)² = 2x(wx − y), an ordinary (not partial) derivative', () => {
    const d = differentiate('(w*x - y)^2', { wrt: 'w', vars: ['w'] });
    expect(d.params).toEqual(['x', 'y']);
    agrees(toText(d.result), '2x(wx - y)', ['w', 'x', 'y']);
    const json = derivationJson(d);
    expect(json.tex).toContain('\\frac{d}{dw}');
    expect(json.tex).not.toContain('\\partial');
    expect(derivationText(d)).toMatch(/y held constant/);
  });

  it('the gradient of the logistic loss by w and b', () => {
    const loss = '-(y*ln(1/(1+e^(-(w*x+b)))) + (1-y)*ln(1 - 1/(1+e^(-(w*x+b)))))';
    const g = gradient(loss, { vars: ['w', 'b'] });
    expect(g.vars).toEqual(['w', 'b']);
    expect(g.params).toEqual(['x', 'y']);
    // ∂L/∂w = (σ(wx + b) − y)·x and ∂L/∂b = σ(wx + b) − y.
    const sigma = '1/(1 + e^(-(w*x + b)))';
    agrees(toText(g.gradient[0] as never), `(${sigma} - y) x`, ['w', 'b', 'x', 'y']);
    agrees(toText(g.gradient[1] as never), `${sigma} - y`, ['w', 'b', 'x', 'y']);
  });

  it('takes parameters declared explicitly, also longer names, and from a tree', () => {
    const d = differentiate('rate*t^2', { params: ['rate'] });
    expect(d.vars).toEqual(['t']);
    expect(toText(d.result)).toBe('2*rate*t');
    const tree = differentiate(parse('k*x^2', { params: ['k'] }).expr, { params: ['k'] });
    expect(tree.vars).toEqual(['x']);
    expect(tree.params).toEqual(['k']);
    // A variable to differentiate by that was not declared is a variable all the same.
    const byA = differentiate('a t^2', { vars: ['t'], wrt: 'a' });
    expect(byA.vars).toEqual(['t', 'a']);
    expect(toText(byA.result)).toBe('t^2');
  });

  it('keeps the expression tree free of any marker: a parameter is a symbol', () => {
    expect(parse('a t', { vars: ['t'] }).expr).toEqual({ kind: 'mul', factors: [sym('a'), sym('t')] });
  });
});

describe('parameters in the CLI', () => {
  it('gradstep diff "a t^2 + b t" --vars t', async () => {
    const io = captureIO();
    expect(await diffCommand.run(['a t^2 + b t', '--vars', 't'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Answer: 2*a*t + b');
  });

  it('gradstep diff "(w*x - y)^2" --wrt w --vars w', async () => {
    const io = captureIO();
    expect(await diffCommand.run(['(w*x - y)^2', '--wrt', 'w', '--vars', 'w'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Answer: 2*x*(w*x - y)');
  });

  it('gradstep diff --params and gradstep grad --vars w,b', async () => {
    const io = captureIO();
    expect(await diffCommand.run(['rate*t^2', '--params', 'rate'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Answer: 2*rate*t');
    const g = captureIO();
    const loss = '-(y*ln(1/(1+e^(-(w*x+b)))) + (1-y)*ln(1 - 1/(1+e^(-(w*x+b)))))';
    expect(await gradCommand.run([loss, '--vars', 'w,b', '--json'], g)).toBe(0);
    const json = JSON.parse(g.stdout.join('\n'));
    expect(Object.keys(json.partials)).toEqual(['w', 'b']);
  });

  it('still refuses a word that is not a product of names, naming the whole word', async () => {
    const io = captureIO();
    expect(await diffCommand.run(['hello + t', '--vars', 't'], io)).toBe(2);
    expect(io.stderr.join('')).toContain("Unknown name 'hello'");
    const f = captureIO();
    expect(await diffCommand.run(['sinc(x)', '--vars', 'x'], f)).toBe(2);
    expect(f.stderr.join('')).toContain("Unknown function 'sinc'");
  });
});

describe('parameters in the answer checker', () => {
  it('accepts the right answer and samples the parameters', () => {
    const r = checkAnswer({ problem: 'a t^2 + b t', vars: ['t'], answer: 'b + 2 a t' });
    expect(r.verdict).toBe('correct');
    expect(r.params).toEqual(['a', 'b']);
  });

  it('refuses an answer that is right for one value of a parameter only', () => {
    // 2t + b equals 2at + b only where a = 1: sampling a finds the difference.
    const r = checkAnswer({ problem: 'a t^2 + b t', vars: ['t'], answer: '2t + b' });
    expect(r.verdict).toBe('incorrect');
    expect(Object.keys(r.counterexample?.at ?? {})).toContain('a');
  });

  it('names the mistake with parameters held constant', () => {
    const r = checkAnswer({ problem: '(w*x - y)^2', wrt: 'w', vars: ['w'], answer: '2(wx - y)' });
    expect(r.verdict).toBe('incorrect');
    expect(r.diagnosis?.id).toBe('chain-factor-missing');
  });

  it('an answer with a name that is neither a variable nor a parameter of the problem is invalid', () => {
    const r = checkAnswer({ problem: 'a t^2', vars: ['t'], answer: '2 a t + c' });
    expect(r.verdict).toBe('invalid-answer');
  });
});
