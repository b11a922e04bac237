import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../components/define/gs-derivative.js';
import '../components/define/gs-answer.js';
import { type MountedApp, mountApp } from '../app/main.js';
import { mount } from './support/dom.js';

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => void, timeout = 8000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await tick();
    }
  }
}

const ruleName = (el: Element, rule: string) =>
  (el.shadowRoot as ShadowRoot).querySelector(`li.step[data-rule="${rule}"] .rule-name`)?.textContent;

afterEach(() => {
  document.documentElement.lang = 'en';
  for (const el of document.body.querySelectorAll('gs-derivative, gs-answer, div.host')) el.remove();
});

describe('an element without lang follows the page', () => {
  it('speaks Korean inside <html lang="ko"> and switches with the document', async () => {
    document.documentElement.lang = 'ko';
    const el = await mount('gs-derivative', { expr: '(2x-1)^3' });
    expect(ruleName(el, 'chain')).toBe('연쇄법칙');
    expect(ruleName(el, 'power')).toBe('거듭제곱의 미분법');
    document.documentElement.lang = 'en';
    await until(() => expect(ruleName(el, 'chain')).toBe('Chain rule'));
    document.documentElement.setAttribute('lang', 'ko-KR');
    await until(() => expect(ruleName(el, 'chain')).toBe('연쇄법칙'));
  });

  it("follows the nearest ancestor's lang, and its own lang first", async () => {
    const host = document.createElement('div');
    host.className = 'host';
    host.lang = 'ko';
    document.body.append(host);
    const el = document.createElement('gs-derivative');
    el.setAttribute('expr', '(2x-1)^3');
    host.append(el);
    await el.updateComplete;
    expect(ruleName(el, 'chain')).toBe('연쇄법칙');
    host.lang = 'en';
    await until(() => expect(ruleName(el, 'chain')).toBe('Chain rule'));
    el.setAttribute('lang', 'ko');
    await until(() => expect(ruleName(el, 'chain')).toBe('연쇄법칙'));
    document.documentElement.lang = 'en';
    await tick(100);
    expect(ruleName(el, 'chain')).toBe('연쇄법칙');
  });

  it('makes its messages again in the new language (derived text, not only labels)', async () => {
    document.documentElement.lang = 'ko';
    const el = await mount('gs-answer', { problem: '(2x-1)^3', wrt: 'x' });
    el.value = '3(2x-1)^2';
    el.check();
    await el.updateComplete;
    const feedback = () => (el.shadowRoot as ShadowRoot).textContent ?? '';
    await until(() => expect(feedback()).toContain('연쇄법칙의 인수가 빠졌습니다'));
    // The particle after the inner derivative 2 is chosen (2를), never left as 을(를).
    expect(feedback()).toContain('2를 곱해야');
    expect(feedback()).not.toMatch(/을\(를\)|이\(가\)|은\(는\)/);
    document.documentElement.lang = 'en';
    await until(() => expect(feedback()).toContain('The chain-rule factor is missing'));
    expect(feedback()).not.toMatch(/[\u{AC00}-\u{D7A3}]/u);
  });
});

// ------------------------------------------------------------------ the Korean app

/** Text of a node including open shadow roots. */
function deepText(node: Node): string {
  let text = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) text += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const c of n.childNodes) walk(c);
  };
  walk(node);
  return text;
}

/** The first element matching `selector` under `root`, crossing shadow roots. */
function deepQuery(root: ParentNode, selector: string): Element | undefined {
  const here = root.querySelector(selector);
  if (here) return here;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot ? deepQuery(el.shadowRoot, selector) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Every table cell under `root` (crossing shadow roots). */
function cells(root: ParentNode): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>('th, td, caption')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...cells(el.shadowRoot));
  return found;
}

/**
 * Words (runs without spaces) that the layout splits over two lines: a range over the word
 * whose boxes sit on different lines.
 */
function brokenWords(cell: HTMLElement): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (const m of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}

let app: MountedApp | undefined;
let root: HTMLElement | undefined;

afterEach(() => {
  app?.unmount();
  root?.remove();
  app = undefined;
  root = undefined;
});

async function mountKo(search: string): Promise<MountedApp> {
  history.replaceState(null, '', `${location.pathname}${search}`);
  root = document.createElement('div');
  document.body.append(root);
  app = mountApp(root, { fallbackLang: 'ko' });
  await app.settled();
  return app;
}

describe('the Korean lesson and playground', () => {
  const views: [string, string, string[]][] = [
    ['lesson', '?lang=ko', ['.lesson-head', '#four-ways', '#optimizers', '#best']],
    ['playground', '?lang=ko&view=playground&expr=(2x-1)%5E3&tab=check', ['.playground', 'gs-answer']],
  ];
  for (const [name, search, parts] of views) {
    for (const [width, height] of [
      [1280, 900],
      [390, 844],
    ] as const) {
      it(`${name} at ${width} px: whole words in every table cell, no unfilled particle`, async () => {
        await page.viewport(width, height);
        const a = await mountKo(search);
        await until(() => expect(a.root.querySelector('[lang="ko"], :lang(ko)')).not.toBeNull());
        await tick(1200);
        await a.settled();
        if (name === 'playground') {
          // A wrong answer, so the feedback (with its particles) is on the page.
          const box = deepQuery(a.root, 'gs-answer') as HTMLElementTagNameMap['gs-answer'];
          box.value = '3(2x-1)^2';
          box.check();
          await box.updateComplete;
          await tick(500);
          expect(deepText(a.root)).toContain('2를 곱해야');
        }
        const text = deepText(a.root);
        expect(text).toMatch(/[\u{AC00}-\u{D7A3}]/u);
        expect(text).not.toMatch(/을\(를\)|이\(가\)|은\(는\)|\(으\)로|과\(와\)/);
        const all = cells(a.root);
        if (name === 'lesson') expect(all.length).toBeGreaterThan(20);
        const broken = all.flatMap((c) => brokenWords(c).map((w) => `${w} in “${c.textContent?.trim()}”`));
        expect(broken).toEqual([]);
        const r = a.root;
        r.style.cssText = `display:block;height:${height}px;overflow:auto`;
        for (const part of parts) {
          const el = deepQuery(r, part) as HTMLElement;
          r.scrollTop = el.getBoundingClientRect().top - r.getBoundingClientRect().top + r.scrollTop - 70;
          await tick(250);
          const slug = part.replace(/[^a-z0-9-]/g, '');
          await page.screenshot({ path: `output/i18n/ko-${name}-${slug}-${width}.png`, element: r });
        }
      });
    }
  }
});
