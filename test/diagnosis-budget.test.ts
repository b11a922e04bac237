import { describe, expect, it } from 'vitest';
import { CHECK_BUDGET, checkAnswer, checkPrepared, prepareProblem } from '../src/check/check.js';
import { cpuMsSince } from './support/cpu-time.js';

const SINES = Array.from({ length: 38 }, (_, i) => `sin(${i + 1}x)`).join('+');

describe('mistake diagnosis shares the check budget', () => {
  it('sin(1x)+…+sin(38x) answered with 1: a verdict well within the budget', () => {
    const p = prepareProblem({ problem: SINES });
    const start = process.cpuUsage();
    const r = checkPrepared(p, '1');
    const spent = cpuMsSince(start);
    expect(r.verdict).toBe('incorrect');
    expect(r.correct).toBe(false);
    expect(spent).toBeLessThan(CHECK_BUDGET.ms * 2);
  });

  it('past the budget the diagnosis is skipped, and says so, but the verdict stands', () => {
    const p = prepareProblem({ problem: SINES });
    // A budget of a handful of nodes: the diagnosis cannot finish.
    const r = checkPrepared(p, '1', 'en', { nodes: 5, ms: 1000 });
    expect(r.verdict).toBe('incorrect');
    expect(r.diagnosisSkipped).toBe(true);
    expect(r.diagnosis).toBeUndefined();
    expect(r.message).toMatch(/diagnosis skipped/i);
    expect(r.messages.ko).toContain('진단 생략');
    const timed = checkPrepared(p, '1', 'ko', { nodes: CHECK_BUDGET.nodes, ms: 0 });
    expect(timed.verdict).toBe('incorrect');
    expect(timed.diagnosisSkipped).toBe(true);
  });

  it('within the budget a known mistake is still diagnosed', () => {
    const r = checkAnswer({ problem: 'sin(x^2)', answer: 'cos(x^2)' });
    expect(r.verdict).toBe('incorrect');
    expect(r.diagnosisSkipped).toBeUndefined();
    expect(r.diagnosis).toBeDefined();
  });
});
