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

  it('plots a t² + b t with the values in `at`; the answer stays 2at + b; a bad `at` is named', async () => {
    const el = await mount('gs-derivative', { expr: 'a t^2 + b t', vars: 't', at: 'a=-0.5, b=2' });
    const root = el.shadowRoot as ShadowRoot;
    expect(texIn(root.querySelector('[part="answer"]') as Element).join(' ')).toContain("f'(t) = 2at+b");
    const plot = root.querySelector('gs-plot') as HTMLElement & { curves: readonly { fn: (x: number) => number }[] };
    expect(plot).not.toBeNull();
    expect(plot.curves[0]?.fn(3)).toBeCloseTo(-0.5 * 9 + 2 * 3, 12);
    expect(plot.curves[1]?.fn(3)).toBeCloseTo(2 * -0.5 * 3 + 2, 12);
    expect(plot.getAttribute('label')).toContain('a = -0.5, b = 2');
    // A value for only one parameter: no plot.
    el.setAttribute('at', 'a=1');
    await el.updateComplete;
    expect(root.querySelector('gs-plot')).toBeNull();
    el.setAttribute('at', 'a=1, b=<script>');
    await el.updateComplete;
    expect(root.querySelector('gs-plot')).toBeNull();
    expect(root.querySelector('[part="error"]')?.textContent).toContain('name=number');
    expect(root.querySelector('script')).toBeNull();
  });

  it('puts the tangent point at `probe` when it is on the plot, else inside the domain', async () => {
    const el = await mount('gs-derivative', { expr: 'sqrt(1 - x^2)', probe: '0.3' });
    const plot = () => (el.shadowRoot as ShadowRoot).querySelector('gs-plot') as HTMLElement & { probe?: number };
    expect(plot().probe).toBe(0.3);
    el.setAttribute('probe', '4');
    await el.updateComplete;
    const auto = plot().probe as number;
    expect(auto).toBeGreaterThan(-1);
    expect(auto).toBeLessThan(1);
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

  it('renders one in view at once and waits with one far below until it comes near', async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const near = document.createElement('gs-derivative');
    near.setAttribute('expr', 'x^2');
    near.setAttribute('plot', 'none');
    const spacer = document.createElement('div');
    spacer.style.height = '20000px';
    const far = document.createElement('gs-derivative');
    far.setAttribute('expr', 'x^3');
    far.setAttribute('plot', 'none');
    document.body.append(near, spacer, far);
    const answer = (el: Element) => el.shadowRoot?.querySelector('[part="answer"] .katex');
    // Without anyone reading updateComplete: in view, it renders in the scheduler's first turns.
    for (let i = 0; i < 20 && !answer(near); i++) await new Promise((r) => setTimeout(r, 10));
    expect(answer(near)).toBeTruthy();
    await frame();
    await frame();
    expect(answer(far)).toBeFalsy();
    expect(far.shadowRoot?.querySelector('.gs-placeholder')).toBeTruthy();
    far.scrollIntoView();
    for (let i = 0; i < 50 && !answer(far); i++) await frame();
    expect(answer(far)).toBeTruthy();
    for (const el of [near, spacer, far]) el.remove();
    window.scrollTo(0, 0);
  });

  it('gives up its shadow DOM far off screen, holding its height, and renders it again when it comes back', async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const el = document.createElement('gs-derivative');
    el.setAttribute('expr', 'sin(x) * x^2');
    el.setAttribute('plot', 'none');
    const spacer = document.createElement('div');
    spacer.style.height = '20000px';
    // First on the page (earlier tests may leave elements behind), in view.
    document.body.prepend(el, spacer);
    window.scrollTo(0, 0);
    const root = el.shadowRoot as ShadowRoot;
    const typeset = () => root.querySelectorAll('.katex').length;
    // Rendered because it is in view (no one reads updateComplete, which would keep its DOM for good).
    for (let i = 0; i < 100 && !(root.querySelector('[part="answer"] .katex') && !root.querySelector('.pending')); i++)
      await frame();
    const formulas = typeset();
    expect(formulas).toBeGreaterThan(3);
    const height = el.getBoundingClientRect().height;
    // Four screens below it: only a placeholder of its height is left, and the page keeps its length.
    const scrollHeight = document.documentElement.scrollHeight;
    window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 4 * window.innerHeight);
    for (let i = 0; i < 50 && typeset(); i++) await frame();
    expect(typeset()).toBe(0);
    expect(root.querySelector('.gs-placeholder')).toBeTruthy();
    // Within a few px: off screen, `content-visibility: auto` reports the size last laid out, which
    // a late face (KaTeX_Size1 for a step's parentheses) can have changed by a pixel or two since.
    expect(Math.abs(el.getBoundingClientRect().height - height)).toBeLessThanOrEqual(4);
    expect(Math.abs(document.documentElement.scrollHeight - scrollHeight)).toBeLessThanOrEqual(4);
    expect(el.current).toBeDefined();
    // Back: the same derivation, every formula typeset again (not cut by the typesetting budget).
    el.scrollIntoView();
    for (let i = 0; i < 100 && !(typeset() === formulas && !root.querySelector('.pending')); i++) await frame();
    expect(typeset()).toBe(formulas);
    expect(root.querySelector('.typeset-note')).toBeNull();
    // With the focus inside, it keeps its DOM.
    (root.querySelector('summary') as HTMLElement).focus();
    window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 4 * window.innerHeight);
    for (let i = 0; i < 10; i++) await frame();
    expect(typeset()).toBe(formulas);
    (root.activeElement as HTMLElement | null)?.blur();
    // Steps a reader opened are DOM state: once clicked in, the element keeps its DOM for good.
    el.scrollIntoView();
    for (let i = 0; i < 100 && typeset() !== formulas; i++) await frame();
    const summary = root.querySelector('summary') as HTMLElement;
    summary.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    summary.click();
    const opened = root.querySelectorAll('details[open]').length;
    window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 4 * window.innerHeight);
    for (let i = 0; i < 20; i++) await frame();
    expect(root.querySelector('.gs-placeholder')).toBeNull();
    expect(root.querySelectorAll('details[open]').length).toBe(opened);
    for (const node of [el, spacer]) node.remove();
    window.scrollTo(0, 0);
  });

  it('shows the function, steps and answer first; the other forms and the plot follow, below, after a frame', async () => {
    const el = document.createElement('gs-derivative');
    el.setAttribute('expr', '(x+1)^2');
    // What the first committed render holds, read as it is committed.
    let first: Record<string, boolean> | undefined;
    el.addController({
      hostUpdated() {
        const root = el.shadowRoot as ShadowRoot;
        first ??= {
          answer: Boolean(root.querySelector('[part="answer"] .katex')),
          steps: Boolean(root.querySelector('li.step')),
          forms: Boolean(root.querySelector('[part="other-forms"]')),
          plot: Boolean(root.querySelector('gs-plot')),
          room: Boolean(root.querySelector('.plot-room')),
        };
      },
    });
    document.body.append(el);
    await el.updateComplete;
    expect(first).toEqual({ answer: true, steps: true, forms: false, plot: false, room: true });
    // updateComplete covers both renders: the rest is there when it resolves.
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="other-forms"]')).not.toBeNull();
    expect(root.querySelector('gs-plot')).not.toBeNull();
    expect(root.querySelector('.plot-room')).toBeNull();
    const forms = () => texIn(root.querySelector('[part="other-forms"]') as Element).join(' ');
    const before = forms();
    // A later change renders everything in its one update.
    el.setAttribute('expr', '(x+2)^2');
    await el.updateComplete;
    expect(forms()).not.toBe(before);
    expect(forms()).toContain('4');
    el.remove();
  });
});
