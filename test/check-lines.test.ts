import { describe, expect, it } from 'vitest';
import { checkDerivation } from '../src/check/lines.js';

describe('checkDerivation: a worked derivative, line by line', () => {
  it('accepts a rule application, then equal rewrites, ending in the derivative', () => {
    const r = checkDerivation({
      problem: '(2x-1)^3',
      wrt: 'x',
      lines: ["y' = 3(2x-1)^2 * d/dx(2x-1)", '= 3(2x-1)^2 * 2', '= 6(2x-1)^2'],
    });
    expect(r.correct).toBe(true);
    expect(r.finished).toBe(true);
    expect(r.simplified).toBe(true);
    expect(r.firstBroken).toBeUndefined();
    expect(r.lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok']);
    expect(r.lines[0]?.ruleApplication).toBe(true);
    expect(r.lines[0]?.read?.text).toBe('3*(2*x - 1)^2*2');
  });

  it('reads the prime notation (…)′ as a derivative by the problem variable', () => {
    const r = checkDerivation({ problem: 'x sin x', wrt: 'x', lines: ["(x)' sin x + x (sin x)'", 'sin x + x cos x'] });
    expect(r.correct).toBe(true);
    expect(r.lines[0]?.ruleApplication).toBe(true);
  });

  it('reports the first line that does not follow, with a counterexample and the mistake', () => {
    const r = checkDerivation({
      problem: '(2x-1)^3',
      wrt: 'x',
      lines: ['3(2x-1)^2 * 2', '3(2x-1)^2', '6(2x-1)^2'],
    });
    expect(r.correct).toBe(false);
    expect(r.firstBroken).toBe(1);
    expect(r.lines.map((l) => l.status)).toEqual(['ok', 'broken', 'unchecked']);
    const broken = r.lines[1];
    expect(broken?.diagnosis?.id).toBe('chain-factor-missing');
    expect(broken?.counterexample?.expected).toBeCloseTo(6 * (2 * (broken?.counterexample?.at.x ?? 0) - 1) ** 2, 9);
    expect(r.message).toMatch(/^Line 2 does not follow from line 1/);
  });

  it('reports a wrong first line as not the derivative', () => {
    const r = checkDerivation({ problem: 'x sin x', wrt: 'x', lines: ['cos x'], lang: 'ko' });
    expect(r.firstBroken).toBe(0);
    expect(r.lines[0]?.diagnosis?.id).toBe('product-as-product-of-derivatives');
    expect(r.message).toContain('1번째 줄');
  });

  it('reports a wrong rule application (a line that still applies a rule, wrongly)', () => {
    const r = checkDerivation({ problem: 'x^2 sin x', wrt: 'x', lines: ['d/dx(x^2) * d/dx(sin x)'] });
    expect(r.firstBroken).toBe(0);
    expect(r.lines[0]?.status).toBe('broken');
    expect(r.lines[0]?.ruleApplication).toBe(true);
  });

  it('says the work is unfinished when the last line still holds a derivative', () => {
    const r = checkDerivation({ problem: 'x^2 + sin x', wrt: 'x', lines: ['d/dx(x^2) + d/dx(sin x)'] });
    expect(r.firstBroken).toBeUndefined();
    expect(r.finished).toBe(false);
    expect(r.correct).toBe(false);
  });

  it('notes a last line that is right but not simplified', () => {
    const r = checkDerivation({ problem: '3x^3', wrt: 'x', lines: ['3*3x^2'] });
    expect(r.correct).toBe(true);
    expect(r.simplified).toBe(false);
  });

  it('reports an unreadable line with the range in the line as typed', () => {
    const r = checkDerivation({ problem: 'x^2', wrt: 'x', lines: ['= 2x + * 1'] });
    expect(r.lines[0]?.status).toBe('invalid');
    const range = r.lines[0]?.range;
    expect(range).toBeDefined();
    expect('= 2x + * 1'.slice(range?.start, range?.end)).toMatch(/\*|\+/);
  });

  it('says a line cannot be decided at magnitudes floating point cannot hold, with its own message', () => {
    // Line 2's values overflow at every point although it equals line 1 (2·1e308·x/10).
    const r = checkDerivation({ problem: '1e308*x^2/10', lines: ['2*1e308*x/10', 'x*2e308/10', 'x'] });
    expect(r.lines.map((l) => l.status)).toEqual(['out-of-range', 'unchecked', 'unchecked']);
    expect(r.correct).toBe(false);
    expect(r.message).toContain('Line 1 cannot be decided at these magnitudes');
    expect(r.message).not.toMatch(/could not be compared|not the derivative|undefined/);
    // The derivative itself overflows everywhere: the first line cannot be decided either way.
    const huge = checkDerivation({ problem: '1e308*x^2', lines: ['0'], lang: 'ko' });
    expect(huge.lines[0]?.status).toBe('out-of-range');
    expect(huge.message).toContain('1번째 줄은 이 크기에서 판정할 수 없습니다');
    expect(huge.messages.en).toContain('Line 1 cannot be decided at these magnitudes');
  });

  it('still calls a line wrong at ordinary magnitudes after the magnitude checks', () => {
    const r = checkDerivation({ problem: 'x^2', lines: ['2x', 'x'] });
    expect(r.lines.map((l) => l.status)).toEqual(['ok', 'broken']);
  });

  it('bounds the work', () => {
    expect(() => checkDerivation({ problem: 'x', wrt: 'x', lines: Array(100).fill('1') })).toThrow(/Too many lines/);
  });
});
