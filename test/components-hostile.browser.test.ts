import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../components/index.js';
import { deepQueryAll, mount } from './support/dom.js';

declare global {
  interface Window {
    __gsPwned?: boolean;
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__gsPwned=true">',
  '"><script>window.__gsPwned=true</script>',
  'javascript:window.__gsPwned=true',
  'x + <svg onload="window.__gsPwned=true">',
  '\\href{javascript:window.__gsPwned=true}{x}',
  '\\htmlData{foo=bar}{x}',
  '\\def\\a{\\a\\a}\\a',
  "cos.constructor('window.__gsPwned=true')()",
  '__proto__',
  'x'.repeat(5000),
];

const TEX_PAYLOADS = [
  '\\href{javascript:window.__gsPwned=true}{click}',
  '\\url{JaVaScRiPt:window.__gsPwned=true}',
  '\\includegraphics{x.png}',
  '\\htmlData{onload=x}{y}',
  '\\def\\a{\\a\\a}\\a',
  '\\edef\\b{\\b\\b}\\b',
  'x^{\\href{javascript:alert(1)}{y}}',
];

beforeEach(() => {
  window.__gsPwned = false;
});
afterEach(() => {
  document.body.replaceChildren();
});

function assertInert(): void {
  expect(window.__gsPwned).toBe(false);
  expect(deepQueryAll(document.body, 'script, img, iframe, object, embed, a[href^="javascript"]')).toEqual([]);
  for (const el of deepQueryAll(document.body, '*')) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
  }
}

describe('hostile attributes and inputs never run anything', () => {
  for (const payload of PAYLOADS) {
    it(`expression attributes: ${payload.slice(0, 40)}`, async () => {
      await mount('gs-math', { expr: payload });
      await mount('gs-derivative', { expr: payload });
      await mount('gs-gradient', { expr: payload });
      await mount('gs-answer', { problem: payload });
      await mount('gs-optimizer', { expr: payload, start: payload, lr: payload });
      await mount('gs-optimizer-race', { expr: payload, start: '1', optimizers: payload });
      await mount('gs-surface', { expr: payload, domain: payload });
      await new Promise((r) => setTimeout(r, 50));
      assertInert();
      // Each shows a clear error rather than nothing.
      const errors = deepQueryAll(document.body, '[part="error"]');
      expect(errors.length).toBeGreaterThanOrEqual(5);
    });
  }

  for (const tex of TEX_PAYLOADS) {
    it(`trusted-only TeX is refused: ${tex.slice(0, 40)}`, async () => {
      await mount('gs-math', { tex });
      await new Promise((r) => setTimeout(r, 20));
      assertInert();
    });
  }

  it("a student's answer is shown as text, never as markup", async () => {
    const el = await mount('gs-answer', { problem: 'x^2' });
    el.value = '<img src=x onerror="window.__gsPwned=true">';
    await el.updateComplete;
    el.check();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    assertInert();
    expect(el.lastResult?.verdict).toBe('invalid-answer');
  });
});
