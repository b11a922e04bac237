import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../src/check/check.js';
import { digitsToDistinguish, richMessage } from '../src/check/rich.js';

describe('feedback typeset as math', () => {
  it('carries the expressions of a diagnosis as TeX, in every language', () => {
    const r = checkAnswer({ problem: '(2x - 1)^3', answer: '3(2x - 1)^2' });
    expect(r.diagnosis?.id).toBe('chain-factor-missing');
    for (const lang of ['en', 'ko'] as const) {
      const parts = r.richMessages[lang];
      const tex = parts.flatMap((p) => ('tex' in p ? [p.tex] : []));
      expect(tex).toEqual(expect.arrayContaining(['x = 2', '(2x-1)^{3}', '2x-1']));
      const text = parts.flatMap((p) => ('text' in p ? [p.text] : [])).join('');
      expect(text).not.toMatch(/2\*x/);
      // Put back together, the parts are the message with each expression in its place.
      expect(parts.map((p) => ('text' in p ? p.text : '§')).join('')).toBe(
        r.messages[lang]
          .replace('x = 2', '§')
          .replace('(2*x - 1)^3', '§')
          .replace('2*x - 1', '§')
          .replace(/ 2(을|를|,|\.| )/, ' §$1'),
      );
    }
    expect(r.rich).toBe(r.richMessages.en);
  });

  it('finds quoted expressions as whole words only', () => {
    expect(richMessage('the exponent of x, not x2', [{ text: 'x', tex: 'x' }])).toEqual([
      { text: 'the exponent of ' },
      { tex: 'x' },
      { text: ', not x2' },
    ]);
    expect(richMessage('is 2.', [{ text: '2', tex: '2' }])).toEqual([{ text: 'is ' }, { tex: '2' }, { text: '.' }]);
    expect(richMessage('is 2.5', [{ text: '2', tex: '2' }])).toEqual([{ text: 'is 2.5' }]);
    expect(richMessage('plain', [])).toEqual([{ text: 'plain' }]);
  });

  it('prints a counterexample with the digits that tell the values apart', () => {
    const r = checkAnswer({ problem: 'x^3', answer: '3x^2 + 0.0000001' });
    expect(r.verdict).toBe('incorrect');
    expect(r.message).toMatch(/is 12, but your answer gives 12\.0000001/);
    expect(digitsToDistinguish(12, 12.0000001)).toBe(9);
    expect(digitsToDistinguish(12, 13)).toBe(6);
    expect(digitsToDistinguish(null, 1)).toBe(6);
  });
});

describe("a derivation's final simplification says what it did", () => {
  it('records what it tidied', async () => {
    const { differentiate } = await import('../src/calculus/index.js');
    const { parse } = await import('../src/expr/parse.js');
    const { messagesFor } = await import('../src/i18n/index.js');
    const last = (e: string) => differentiate(parse(e).expr, { wrt: 'x' }).simplified[0];
    expect(last('x^2 + x^2')?.tidied).toEqual(['like-terms']);
    expect(last('x^2 * x^3')?.tidied?.length).toBeGreaterThan(0);
    const m = messagesFor('en').simplified;
    expect(m.join([m.did['like-terms'], m.did['numeric-factors']])).toBe(
      'Collected like terms and multiplied the numbers in a product.',
    );
  });
});
