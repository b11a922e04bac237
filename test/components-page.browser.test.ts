/**
 * components.html: follows ?lang=, links back to the app, has gs-plot and
 * gs-contour examples, and at phone width its Copy buttons do not cover code and
 * no snippet overflows its box.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

async function open(search: string, width: number, height: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  frame.src = `/components.html${search}`;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const doc = frame.contentDocument as Document;
  const end = Date.now() + 15000;
  while (Date.now() < end && !doc.querySelector('.copy')) await tick(100);
  await tick(1500);
  return frame;
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('components.html', () => {
  for (const [lang, width] of [
    ['ko', 390],
    ['en', 390],
    ['en', 1280],
  ] as const) {
    it(`in ${lang} at ${width} px: language, link back, plot examples, copy buttons clear of the code`, async () => {
      await page.viewport(Math.max(width, 400), 900);
      const frame = await open(`?lang=${lang}`, width, 844);
      const doc = frame.contentDocument as Document;
      expect(doc.documentElement.lang).toBe(lang);
      const h1 = doc.querySelector('h1')?.textContent ?? '';
      expect(/[\uac00-\ud7a3]/.test(h1)).toBe(lang === 'ko');
      const back = doc.getElementById('back') as HTMLAnchorElement;
      expect(back.getAttribute('href')).toBe(`./index.html?lang=${lang}`);
      // The plot and contour demos draw.
      const plot = doc.querySelector('gs-plot') as HTMLElement;
      const contour = doc.querySelector('gs-contour') as HTMLElement;
      expect(plot.shadowRoot?.querySelectorAll('path.curve').length).toBeGreaterThan(0);
      expect(contour.shadowRoot?.querySelectorAll('path.band').length).toBeGreaterThan(0);
      // The components inside follow the page's language.
      const derivative = doc.querySelector('gs-derivative') as HTMLElement;
      expect(/[\uac00-\ud7a3]/.test(derivative.shadowRoot?.textContent ?? '')).toBe(lang === 'ko');
      for (const pre of doc.querySelectorAll('pre')) {
        const button = pre.parentElement?.querySelector('.copy') as HTMLElement;
        expect(button.textContent).toBe(lang === 'ko' ? '복사' : 'Copy');
        const code = pre.querySelector('code') as HTMLElement;
        const range = doc.createRange();
        range.selectNodeContents(code);
        for (const line of range.getClientRects()) expect(overlaps(line, button.getBoundingClientRect())).toBe(false);
        // The box stays inside the page; long lines scroll inside it, with the shared cue and a name.
        expect(pre.getBoundingClientRect().right).toBeLessThanOrEqual(width + 0.5);
        const scrolls = pre.scrollWidth > pre.clientWidth + 1;
        expect(pre.getAttribute('data-scroll')).toBe(scrolls ? 'right' : null);
        expect(pre.getAttribute('tabindex')).toBe(scrolls ? '0' : null);
        if (scrolls) {
          expect(pre.getAttribute('role')).toBe('region');
          expect(pre.getAttribute('aria-label')).toBe(lang === 'ko' ? '코드, 옆으로 스크롤' : 'Code, scrolls sideways');
          expect(frame.contentWindow?.getComputedStyle(pre).boxShadow).toContain('inset');
        }
      }
      // At phone width the race snippets do scroll (and say so).
      if (width === 390) expect(doc.querySelectorAll('pre[data-scroll]').length).toBeGreaterThan(2);
      expect(doc.documentElement.scrollWidth).toBeLessThanOrEqual(width);
      for (let i = 0; i < 3; i++) {
        frame.contentWindow?.scrollTo(0, i === 2 ? doc.documentElement.scrollHeight : i * 800);
        await tick(200);
        await page.screenshot({ path: `../screenshots/components-${lang}-${width}-${i + 1}.png`, element: frame });
      }
      frame.remove();
    });
  }
});
