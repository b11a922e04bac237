// The Korean catalogue replaced by a pseudo-language built from the English one: every word an
// element shows for lang="ko" must come out bracketed, so no string of an element escapes the
// catalogue (and no Hangul comes from anywhere else).
import { describe, expect, it, vi } from 'vitest';
import '../components/define/gs-derivative.js';
import '../components/define/gs-gradient.js';
import '../components/define/gs-answer.js';
import '../components/define/gs-optimizer.js';
import '../components/define/gs-optimizer-race.js';
import '../components/define/gs-contour.js';
import '../components/define/gs-surface.js';
import '../components/define/gs-math.js';
import { mount } from './support/dom.js';
import { escapedWords, OPEN } from './support/pseudo.js';

vi.mock('../src/i18n/ko.js', async () => {
  const { en } = await import('../src/i18n/en.js');
  const { pseudo } = await import('./support/pseudo.js');
  return { ko: pseudo(en) };
});

vi.mock('../src/i18n/optim.ko.js', async () => {
  const { OPTIM_EN } = await import('../src/i18n/optim.en.js');
  const { pseudo } = await import('./support/pseudo.js');
  return { OPTIM_KO: pseudo(OPTIM_EN) };
});

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** Shown text (and aria labels) of an element and the elements in its shadow, leaving out typeset math and code. */
function shownText(root: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element) {
      if (n.matches('.katex, code, svg text, style, script')) return;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const v = n.getAttribute(name);
        if (v) parts.push(v);
      }
      if (n.shadowRoot) walk(n.shadowRoot);
    }
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    for (const c of n.childNodes) walk(c);
  };
  walk(root);
  return parts.join(' ');
}

describe('elements in a pseudo-language', () => {
  it('every element, with its errors, shows only catalogue text', async () => {
    const elements = [
      await mount('gs-derivative', { expr: '(2x-1)^3', detail: 'full', lang: 'ko' }),
      await mount('gs-gradient', { expr: '3xy^2 + 4x^3', vars: 'x,y', hessian: '', lang: 'ko' }),
      await mount('gs-answer', { problem: '(2x-1)^3', wrt: 'x', lang: 'ko' }),
      await mount('gs-optimizer', { expr: 'x^2 - 4x + 6', start: '4', optimizer: 'gd', lr: '0.2', lang: 'ko' }),
      await mount('gs-optimizer-race', {
        expr: '3(x - 2)^2 + (y - 2)^2',
        vars: 'x,y',
        start: '-3,4',
        lr: '0.1',
        steps: '5',
        lang: 'ko',
      }),
      await mount('gs-contour', { expr: 'x^2 + y^2', lang: 'ko' }),
      await mount('gs-surface', { expr: 'x^2 + y^2', lang: 'ko' }),
      await mount('gs-math', { expr: 'x!', lang: 'ko' }),
      await mount('gs-derivative', { expr: 'foo(x)', lang: 'ko' }),
    ];
    const answer = elements[2] as HTMLElementTagNameMap['gs-answer'];
    answer.value = '3(2x-1)^2';
    answer.check();
    await answer.updateComplete;
    await tick(300);
    // The mock is in force: the rule names are the pseudo-language's.
    expect(shownText(elements[0] as Element)).toContain('⟦Chain rule⟧');
    for (const el of elements) {
      const text = shownText(el);
      // gs-contour shows only the labels a page gives it.
      if (el.localName !== 'gs-contour') expect(text, el.localName).toContain(OPEN);
      expect(text, el.localName).not.toMatch(/[\u{AC00}-\u{D7A3}]/u);
      expect(escapedWords(text), `${el.localName}: ${text}`).toEqual([]);
      el.remove();
    }
  });
});
