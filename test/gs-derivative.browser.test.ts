import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../components/define/gs-derivative.js';
import { typesetIdle } from '../components/shared/typeset.js';
import { mount, texIn } from './support/dom.js';

describe('gs-derivative', () => {
  it("shows the lesson's derivative 9x² − 2 with its steps and plot", async () => {
    const el = await mount('gs-derivative', { expr: '3x^3 - 2x + 1' });
    const root = el.shadowRoot as ShadowRoot;
    const answer = texIn(root.querySelector('[part="answer"]') as Element).join(' ');
    expect(answer).toContain('9x^{2}-2');
    const rules = [...root.querySelectorAll('li.step')].map((li) => li.getAttribute('data-rule'));
    expect(rules).toContain('sum');
    expect(rules).toContain('power');
    const plot = root.querySelector('gs-plot') as HTMLElement;
    expect(plot).not.toBeNull();
    expect(root.querySelector('.read-as')?.textContent).toContain('3*x^3 - 2*x + 1');
    // The plot's module arrives after the derivation is typeset; its room was kept meanwhile.
    await customElements.whenDefined('gs-plot');
    await (plot as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(plot.shadowRoot?.querySelector('svg path')).not.toBeNull();
    const reserved = 260 + 1.2 * Number.parseFloat(getComputedStyle(plot).fontSize);
    expect(Math.abs(plot.getBoundingClientRect().height - reserved)).toBeLessThan(4);
    el.style.width = '380px';
    await page.screenshot({ path: '../screenshots/gs-derivative.png', element: el });
  });

  it('holds the parameters constant: a t² + b t with vars t, and params declared by attribute', async () => {
    const el = await mount('gs-derivative', { expr: 'a t^2 + b t', vars: 't' });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="error"]')).toBeNull();
    expect(texIn(root.querySelector('[part="answer"]') as Element).join(' ')).toContain("f'(t) = 2at+b");
    expect(root.textContent).toContain('held constant');
    // No values for a and b: no plot.
    expect(root.querySelector('gs-plot')).toBeNull();
    const rate = await mount('gs-derivative', { expr: 'rate*t^2', params: 'rate' });
    const answer = texIn((rate.shadowRoot as ShadowRoot).querySelector('[part="answer"]') as Element).join(' ');
    expect(answer).toContain('2');
    expect(answer).toContain('rate');
  });

  it('says on the step that a^x with a parameter base assumes a > 0, in both languages', async () => {
    const el = await mount('gs-derivative', { expr: 'a^(x^2)', vars: 'x' });
    const root = el.shadowRoot as ShadowRoot;
    const note = root.querySelector('li.step[data-rule="exponential"] .assumed') as HTMLElement;
    expect(note.textContent).toContain('assumed');
    expect(texIn(note)).toEqual(['a > 0']);
    el.setAttribute('lang', 'ko');
    await el.updateComplete;
    expect(root.querySelector('li.step[data-rule="exponential"] .assumed')?.textContent).toContain('가정');
    // A numeric base needs no such note.
    const two = await mount('gs-derivative', { expr: '2^x' });
    expect((two.shadowRoot as ShadowRoot).querySelector('.assumed')).toBeNull();
  });

  it('names the inner function u for the chain rule, in Korean when asked', async () => {
    const el = await mount('gs-derivative', { expr: '(2x-1)^3', lang: 'ko' });
    // Steps are typeset lazily, once on screen.
    await typesetIdle({ offscreen: true });
    const root = el.shadowRoot as ShadowRoot;
    const chain = root.querySelector('li.step[data-rule="chain"]') as HTMLElement;
    expect(chain).not.toBeNull();
    expect(texIn(chain).join(' ')).toContain('u_{1} = 2x-1');
    expect(chain.querySelector('.rule-name')?.textContent).toBe('연쇄법칙');
    expect(texIn(root.querySelector('[part="answer"]') as Element).join(' ')).toContain('6(2x-1)^{2}');
  });

  it('redraws in Korean when its lang attribute changes', async () => {
    const el = await mount('gs-derivative', { expr: '(2x-1)^3' });
    const name = () =>
      (el.shadowRoot as ShadowRoot).querySelector('li.step[data-rule="chain"] .rule-name')?.textContent;
    expect(name()).toBe('Chain rule');
    el.setAttribute('lang', 'ko');
    await el.updateComplete;
    expect(name()).toBe('연쇄법칙');
  });

  it("follows the page's language, also after later updates", async () => {
    const wrapper = document.createElement('div');
    wrapper.setAttribute('lang', 'ko');
    document.body.append(wrapper);
    const el = document.createElement('gs-derivative');
    el.setAttribute('expr', '(2x-1)^3');
    wrapper.append(el);
    await el.updateComplete;
    el.setAttribute('detail', 'full');
    await el.updateComplete;
    expect(el.hasAttribute('lang')).toBe(false);
    const name = (el.shadowRoot as ShadowRoot).querySelector('li.step[data-rule="chain"] .rule-name')?.textContent;
    expect(name).toBe('연쇄법칙');
    wrapper.remove();
  });

  it('shows partial derivatives with the other variable held constant', async () => {
    const el = await mount('gs-derivative', { expr: '3xy^2 + 4x^3 - 5y^2 + 1', vars: 'x,y', wrt: 'y' });
    const root = el.shadowRoot as ShadowRoot;
    expect(texIn(root.querySelector('[part="answer"]') as Element).join(' ')).toContain('\\partial');
    expect(root.querySelector('li.step[data-rule="held-constant"]')).not.toBeNull();
    expect(root.querySelector('gs-plot')).toBeNull();
  });

  it('shows an unreadable expression as an inline error with the range marked, as text', async () => {
    const el = await mount('gs-derivative', { expr: 'x + <img src=x onerror=alert(1)>' });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="error"]')).not.toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('mark')).not.toBeNull();
  });

  it('re-derives when the reader edits the function and fires gs-change', async () => {
    const el = await mount('gs-derivative', { expr: 'x^2', editable: '' });
    const seen: string[] = [];
    el.addEventListener('gs-change', (e) => seen.push((e as CustomEvent<{ expr: string }>).detail.expr));
    const input = (el.shadowRoot as ShadowRoot).querySelector('input') as HTMLInputElement;
    input.value = 'sin x';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(seen).toEqual(['sin x']);
    expect(texIn((el.shadowRoot as ShadowRoot).querySelector('[part="answer"]') as Element).join('')).toContain(
      '\\cos x',
    );
  });

  it('prints the textbook form and lists the other forms beside it, in English and Korean', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const el = await mount('gs-derivative', { expr: '54x^5 - 39/(x + 1)', lang, plot: 'none' });
      const root = el.shadowRoot as ShadowRoot;
      expect(texIn(root.querySelector('[part="answer"]') as Element).join(' ')).toContain(
        '270x^{4}+\\frac{39}{(x+1)^{2}}',
      );
      const forms = root.querySelector('[part="other-forms"]') as HTMLElement;
      expect(forms.textContent).toContain(lang === 'en' ? 'Also written as' : '다르게 쓰면');
      const names = [...forms.querySelectorAll('li')].map((li) => li.dataset.form);
      expect(names).toContain('common-denominator');
      expect(names).not.toContain('textbook');
      for (const [width, height] of [
        [1280, 900],
        [390, 844],
      ] as const) {
        await page.viewport(width, height);
        el.style.width = `${width - 40}px`;
        await el.updateComplete;
        await page.screenshot({ path: `../screenshots/gs-derivative-forms-${lang}-${width}.png`, element: el });
      }
      el.style.width = '';
      el.remove();
    }
    const single = await mount('gs-derivative', { expr: 'x^3', plot: 'none' });
    expect((single.shadowRoot as ShadowRoot).querySelector('[part="other-forms"]')).toBeNull();
    single.remove();
  });
});
