import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../components/index.js';
import { compile } from '../src/expr/compile.js';
import { parse } from '../src/expr/parse.js';
import { mount } from './support/dom.js';
import { reliabilityMatrix } from './support/reliability-matrix.js';

/**
 * The same matrix under a strict Content-Security-Policy without 'unsafe-eval', as course
 * platforms serve pages. The policy arrives after the page (and gradstep) loaded: the
 * compiler must notice and fall back to closures.
 */
const violations: string[] = [];

beforeAll(async () => {
  // Compile once before the policy, so the "may I generate code" answer is cached as yes.
  expect(compile(parse('x^2').expr, ['x']).backend).toBe('function');
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "script-src 'self' 'unsafe-inline' http: https: ws: blob:; object-src 'none'";
  document.head.append(meta);
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('under a strict policy without unsafe-eval, added late', () => {
  it('the policy is in force (new Function is refused and reported)', async () => {
    expect(() => new Function('return 1')).toThrow();
    await new Promise((r) => setTimeout(r, 20));
    expect(violations.some((d) => d.startsWith('script-src'))).toBe(true);
  });

  it('the optimizer, the answer box and the race still work (closure fallback)', async () => {
    expect(compile(parse('x^2').expr, ['x']).backend).toBe('closure');
    const opt = await mount('gs-optimizer', { expr: 'x^2', start: '1', steps: '3', lr: '0.1' });
    expect(opt.current?.steps.length).toBe(3);
    expect(opt.shadowRoot?.textContent).not.toContain('Something went wrong');
    const race = await mount('gs-optimizer-race', { expr: 'x^2', start: '1', steps: '3', optimizers: 'gd,adam' });
    expect(race.current.every((r) => r.trace)).toBe(true);
    const answer = await mount('gs-answer', { problem: 'x^2' });
    answer.value = '3x';
    await answer.updateComplete;
    expect(answer.check()?.verdict).toBe('incorrect');
    expect(answer.shadowRoot?.textContent).not.toContain('Something went wrong');
  });

  reliabilityMatrix();
});
