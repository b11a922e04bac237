import { afterEach, expect, it } from 'vitest';
import '../components/index.js';
import { firstFacesIn, whenFirstFacesIn } from '../components/katex/fonts.js';
import { deepQueryAll, mount } from './support/dom.js';

afterEach(() => {
  document.body.replaceChildren();
});

const ELEMENTS: [keyof HTMLElementTagNameMap, Record<string, string>][] = [
  ['gs-math', { expr: '3x^3 - 2x + 1' }],
  ['gs-derivative', { expr: '3x^3 - 2x + 1' }],
  ['gs-gradient', { expr: '3xy^2 + 4x^3 - 5y^2 + 1', vars: 'x,y' }],
  ['gs-answer', { problem: '(2x-1)^3' }],
  ['gs-optimizer', { expr: 'x^2 - 4x + 6', start: '4', lr: '0.2', step: '1' }],
];

for (const [tag, attributes] of ELEMENTS) {
  it(`${tag} typesets its math in KaTeX's own fonts inside its shadow root`, async () => {
    await mount(tag, attributes);
    await document.fonts.ready;
    await document.fonts.load('20px KaTeX_Main');
    const loaded = [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, ''));
    expect(loaded).toContain('KaTeX_Main');
    // A digit typeset by KaTeX inside the element's shadow root uses KaTeX_Main.
    const digit = deepQueryAll(document.body, '.katex-html .mord').find((n) =>
      /^\d$/.test(n.textContent ?? ''),
    ) as HTMLElement;
    expect(digit).toBeDefined();
    expect(getComputedStyle(digit).fontFamily).toContain('KaTeX_Main');
    expect(document.querySelectorAll('style[data-gradstep-katex-fonts]').length).toBe(1);
  });
}

it('loads the two first faces itself, before any layout asks for them, and says when they are in', async () => {
  const host = document.createElement('gs-math');
  host.setAttribute('expr', 'x');
  // Not rendered: no layout asks for a face (in this file earlier tests may have).
  host.style.display = 'none';
  document.body.append(host);
  await firstFacesIn(document);
  const status = (family: string, style: string) =>
    [...document.fonts].find((f) => f.family.replace(/"/g, '') === family && f.style === style && f.weight === '400')
      ?.status;
  expect(status('KaTeX_Main', 'normal')).toBe('loaded');
  expect(status('KaTeX_Math', 'italic')).toBe('loaded');
  let called = false;
  whenFirstFacesIn(document, () => {
    called = true;
  });
  expect(called).toBe(true);
  // A document that never installed the fonts has nothing to wait for.
  const other = document.implementation.createHTMLDocument('');
  let otherCalled = false;
  whenFirstFacesIn(other, () => {
    otherCalled = true;
  });
  expect(otherCalled).toBe(true);
});

it('setBasePath points the fonts elsewhere, and back to beside the modules', async () => {
  const { setBasePath, getBasePath } = await import('../components/index.js');
  await mount('gs-math', { expr: 'x^2' });
  const style = () => document.querySelector('style[data-gradstep-katex-fonts]')?.textContent ?? '';
  const defaultText = style();
  expect(defaultText).toContain('KaTeX_Main-Regular.woff2');
  setBasePath('/static/gradstep');
  expect(getBasePath()).toBe('/static/gradstep/');
  expect(style()).toContain(`url("${location.origin}/static/gradstep/fonts/KaTeX_Main-Regular.woff2")`);
  const preload = () =>
    document.querySelector<HTMLLinkElement>(
      'link[rel="preload"][data-gradstep-katex-fonts="KaTeX_Main-Regular.woff2"]',
    );
  expect(preload()?.href).toBe(`${location.origin}/static/gradstep/fonts/KaTeX_Main-Regular.woff2`);
  setBasePath();
  expect(style()).toBe(defaultText);
  expect(defaultText).toContain(JSON.stringify(preload()?.href));
});

it('preloads, in CORS mode, the two faces the first formula needs, once', async () => {
  await mount('gs-math', { expr: 'x^2' });
  await mount('gs-derivative', { expr: 'x^2' });
  const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[data-gradstep-katex-fonts]')];
  expect(links.map((l) => [l.rel, l.as, l.crossOrigin, l.getAttribute('data-gradstep-katex-fonts')])).toEqual([
    ['preload', 'font', 'anonymous', 'KaTeX_Main-Regular.woff2'],
    ['preload', 'font', 'anonymous', 'KaTeX_Math-Italic.woff2'],
  ]);
});
