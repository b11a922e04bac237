import { describe, expect, it } from 'vitest';
import '../components/define/gs-math.js';
import type { GsMath } from '../components/gs-math.js';

async function mount(tex: string): Promise<GsMath> {
  const el = document.createElement('gs-math');
  el.tex = tex;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('gs-math in Chromium', () => {
  it('renders KaTeX inside its shadow root with MathML kept', async () => {
    const el = await mount('3x^{3}-2x+1');
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('.katex-html')).not.toBeNull();
    expect(root.querySelector('math annotation')?.textContent).toBe('3x^{3}-2x+1');
  });

  it('loads the KaTeX fonts, declared once at document level', async () => {
    const el = await mount('x^{2}');
    await document.fonts.ready;
    await document.fonts.load('20px KaTeX_Main');
    await document.fonts.load('italic 20px KaTeX_Math');
    const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    expect(loaded).toContain('KaTeX_Main');
    expect(loaded).toContain('KaTeX_Math');
    expect(document.querySelectorAll('style[data-gradstep-katex-fonts]').length).toBe(1);

    // The glyph inside the shadow root is set in KaTeX_Main, not in a fallback font.
    const glyph = [...(el.shadowRoot as ShadowRoot).querySelectorAll('.katex-html .mord')].find(
      (node) => node.textContent === '2',
    ) as HTMLElement;
    expect(getComputedStyle(glyph).fontFamily).toContain('KaTeX_Main');
    const probe = (family: string) => {
      const span = document.createElement('span');
      span.style.cssText = `font:40px ${family};position:absolute;white-space:nowrap`;
      span.textContent = 'ffiWx2';
      document.body.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    };
    expect(probe('KaTeX_Main')).not.toBeCloseTo(probe('monospace'), 0);
    expect(probe('KaTeX_Main')).not.toBeCloseTo(probe('serif'), 0);
  });

  it('refuses trusted-only commands and shows the error as text', async () => {
    const el = await mount('\\href{javascript:alert(1)}{x}');
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('a')).toBeNull();
    expect(root.innerHTML).not.toContain('href="javascript');
    // KaTeX shows the refused command as text rather than following it.
    expect(root.textContent).toContain('href');
  });
});
