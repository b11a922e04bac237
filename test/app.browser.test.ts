import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type MountedApp, mountApp } from '../app/main.js';
import { cleanVars, LIMITS, readState, writeState } from '../app/state.js';

const originalUrl = location.href;
let app: MountedApp | undefined;
let root: HTMLElement | undefined;

/** Every element under `node`, crossing open shadow roots. */
function deepAll(node: ParentNode, selector: string): Element[] {
  const found: Element[] = [...node.querySelectorAll(selector)];
  if (node instanceof Element && node.shadowRoot) found.push(...deepAll(node.shadowRoot, selector));
  for (const el of node.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** Text content including open shadow roots (KaTeX's MathML annotations hold the TeX). */
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

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` passes (components render asynchronously and lazily). */
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

async function mount(search: string, fallbackLang: 'en' | 'ko' = 'en'): Promise<MountedApp> {
  history.replaceState(null, '', `${location.pathname}${search}`);
  root = document.createElement('div');
  document.body.append(root);
  app = mountApp(root, { fallbackLang });
  await app.settled();
  return app;
}

afterEach(() => {
  app?.unmount();
  root?.remove();
  app = undefined;
  root = undefined;
  history.replaceState(null, '', originalUrl);
  document.documentElement.lang = 'en';
});

/** The open shadow root of an element (components render there). */
function shadow(el: Element | null | undefined): ShadowRoot {
  const root = el?.shadowRoot;
  if (!root) throw new Error(`no shadow root on ${el?.localName}`);
  return root;
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('the lesson, live', () => {
  it("shows the seed's numbers: f'(x) = 9x² − 2, the partials, and x₁ = 3.2 after one step with ε = 0.2", async () => {
    const a = await mount('?lang=en');
    const derivative = a.root.querySelector('#derivatives gs-derivative') as HTMLElement;
    await until(() =>
      expect(deepText(shadow(derivative).querySelector('[part="answer"]') as Element)).toMatch(/9x\^\{2\}\s*-\s*2/),
    );
    // The tangent plot of f and f′ is drawn.
    await until(() => expect(deepAll(derivative, 'path.curve').length).toBeGreaterThanOrEqual(2));

    const gradient = a.root.querySelector('#partial ~ .live gs-gradient') as HTMLElement;
    await until(() => {
      const text = deepText(shadow(gradient)).replace(/\s+/g, '');
      expect(text).toMatch(/12x\^\{2\}\+3y\^\{2\}|3y\^\{2\}\+12x\^\{2\}/);
      expect(text).toContain('6xy-10y');
    });

    const stepper = a.root.querySelector('#gd-stepper') as HTMLElement & { step: number };
    await until(() => expect(shadow(stepper).querySelector('[part="controls"]')).not.toBeNull());
    const steps: number[] = [];
    a.root.addEventListener('gs-step-change', (e) => steps.push((e as CustomEvent<{ step: number }>).detail.step));
    const next = shadow(stepper).querySelector('button[aria-label="Next step"]') as HTMLButtonElement;
    next.click();
    await until(() => expect(stepper.step).toBe(1));
    expect(steps).toEqual([1]);
    await until(() =>
      expect(deepText(shadow(stepper).querySelector('[part="formulas"]') as Element)).toMatch(/=\s*3\.2(?![0-9])/),
    );
    // Every stepper and race of the lesson renders its plot (no inline errors).
    for (const el of a.root.querySelectorAll('gs-optimizer, gs-optimizer-race')) {
      await until(() => expect(deepAll(el, 'svg').length, el.id).toBeGreaterThan(0));
      expect(deepAll(el, '[part="error"]'), el.id).toEqual([]);
    }
  });

  it('checks a "try it yourself" answer and then opens the worked solution', async () => {
    const a = await mount('?lang=en');
    const ex1 = a.root.querySelector('#ex1') as HTMLElement;
    expect(ex1.querySelector('details.solution gs-derivative')).toBeNull();
    const answer = ex1.querySelector('gs-answer') as HTMLElement;
    await until(() => expect(shadow(answer).querySelector('[part="input"]')).not.toBeNull());
    const checks: { correct: boolean }[] = [];
    a.root.addEventListener('gs-check', (e) => checks.push((e as CustomEvent<{ correct: boolean }>).detail));
    const input = shadow(answer).querySelector('[part="input"]') as HTMLInputElement;
    await userEvent.type(input, '6(2x-1)^2{Enter}');
    await until(() => expect(checks.at(-1)?.correct).toBe(true));
    await until(() => expect(ex1.querySelector('details.solution gs-derivative')).not.toBeNull());
    expect((ex1.querySelector('details.solution') as HTMLDetailsElement).open).toBe(true);
  });

  it('switching to Korean changes the step prose inside the components', async () => {
    const a = await mount('?lang=en');
    const derivative = a.root.querySelector('#derivatives gs-derivative') as HTMLElement;
    const steps = () => deepText(shadow(derivative).querySelector('[part="steps"]') as Element);
    await until(() => expect(steps()).toContain('Sum and difference rule'));
    const english = steps();
    expect(english).not.toMatch(HANGUL);
    await userEvent.click(page.getByRole('button', { name: '한국어' }));
    await until(() => expect(steps()).toMatch(HANGUL));
    expect(steps()).not.toContain('Sum and difference rule');
    const stepper = a.root.querySelector('#gd-stepper') as HTMLElement;
    await until(() => expect(deepText(shadow(stepper).querySelector('[part="controls"]') as Element)).toMatch(HANGUL));
  });
});

describe('app state in the URL', () => {
  it('round-trips the playground state and clamps hostile numbers', () => {
    const state = readState(
      '?view=playground&expr=x%20sin%20x&tab=optimize&opt=adam&lr=0.05&steps=20&start=2.5&step=3&beta1=0.8',
      'en',
    );
    expect(state).toMatchObject({ view: 'playground', expr: 'x sin x', tab: 'optimize', optimizer: 'adam', lr: 0.05 });
    expect(state.hyper.beta1).toBe(0.8);
    expect(readState(writeState(state), 'ko')).toEqual(state);

    const hostile = readState(
      '?view=playground&lr=1e308&steps=-5&step=99&opt=evil&tab=x&vars=x%22%3E%3Cscript%3E&start=1,NaN&momentum=7',
      'ko',
    );
    expect(hostile.lang).toBe('ko');
    expect(hostile.lr).toBe(100);
    expect(hostile.steps).toBe(1);
    expect(hostile.step).toBe(1);
    expect(hostile.optimizer).toBe('gd');
    expect(hostile.tab).toBe('derivative');
    expect(hostile.vars).toBe('x"><script>');
    expect(cleanVars(hostile.vars)).toBeUndefined();
    expect(hostile.start).toBe('');
    expect(hostile.hyper.momentum).toBe(LIMITS.hyper.momentum[1]); // clamped to the field bound of [0, 1)
  });
});

describe('the tutor app', () => {
  it('renders every lesson section with its math, tables and plots, and no console errors', async () => {
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      const a = await mount('?lang=en');
      const r = a.root;
      for (const id of ['derivatives', 'training', 'optimizers', 'best']) {
        const section = r.querySelector(`section#${id}`);
        expect(section, id).not.toBeNull();
        expect(section?.querySelectorAll('gs-math').length, id).toBeGreaterThan(0);
      }
      expect(r.querySelector('#derivatives gs-derivative[expr="3x^3 - 2x + 1"]')).not.toBeNull();
      expect(r.querySelector('#partial ~ .live gs-gradient[vars="x,y"]')).not.toBeNull();
      expect(r.querySelectorAll('#derivatives gs-answer').length).toBe(3);
      expect(r.querySelector('#gd-stepper')?.getAttribute('lr')).toBe('0.2');
      expect(r.querySelectorAll('#training gs-surface').length).toBe(2);
      expect(r.querySelectorAll('#optimizers gs-optimizer').length).toBe(7);
      expect(r.querySelector('#race-bowl')?.getAttribute('optimizers')).toBe(
        'gd,momentum,nesterov,adagrad,rmsprop,adam',
      );
      // The comparison table, translated from the notebook.
      const table = r.querySelector('.optimizer-table') as HTMLTableElement;
      expect(table.tBodies[0]?.rows.length).toBe(5);
      expect(table.textContent).toContain('1964/1983');
      expect(table.textContent).toContain('Short-term accumulated gradient');
      // The math is typeset.
      await until(() => expect(deepAll(r, '.katex').length).toBeGreaterThan(40));
      expect(deepAll(r, '[part="error"]')).toEqual([]);
      expect(deepText(r)).toContain('(x - 2)^2 + 2');
      // "Try every x": the grid plot and the explosion table.
      await until(() =>
        expect(deepAll(r.querySelector('.grid-plot') as Element, 'path.curve').length).toBeGreaterThan(0),
      );
      expect(r.querySelectorAll('.grid-table tbody tr').length).toBe(5);
      await a.settled();
      await tick(300);
      // Nothing is fetched from another origin (fonts, scripts and styles are all local).
      const foreign = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((url) => new URL(url, location.href).origin !== location.origin);
      expect(foreign).toEqual([]);
    } finally {
      spy.mockRestore();
      window.removeEventListener('error', onError);
    }
    expect(errors).toEqual([]);
  });

  it('reproduces a playground view from its URL, and after a "reload"', async () => {
    const search =
      '?lang=en&view=playground&expr=x%20sin%20x&tab=optimize&opt=momentum&conv=pytorch&lr=0.05&steps=20&start=2.5&momentum=0.7&step=3';
    let a = await mount(search);
    const check = (r: HTMLElement) => {
      expect((r.querySelector('#pg-expr') as HTMLInputElement).value).toBe('x sin x');
      expect((r.querySelector('#pg-opt') as HTMLSelectElement).value).toBe('momentum');
      expect((r.querySelector('#pg-conv') as HTMLSelectElement).value).toBe('pytorch');
      expect((r.querySelector('#pg-lr') as HTMLInputElement).value).toBe('0.05');
      expect((r.querySelector('#pg-momentum') as HTMLInputElement).value).toBe('0.7');
      expect(r.querySelector('[role="tab"][aria-selected="true"]')?.id).toBe('tab-optimize');
      const opt = r.querySelector('gs-optimizer') as HTMLElement & { step?: number };
      expect(opt.getAttribute('expr')).toBe('x sin x');
      expect(opt.getAttribute('optimizer')).toBe('momentum');
      expect(opt.getAttribute('convention')).toBe('pytorch');
      expect(opt.getAttribute('momentum')).toBe('0.7');
      expect(opt.getAttribute('start')).toBe('2.5');
      expect(opt.step).toBe(3);
    };
    check(a.root);
    const optimizer = a.root.querySelector('gs-optimizer') as HTMLElement;
    await until(() =>
      expect(deepText(shadow(optimizer).querySelector('[part="controls"]') as Element)).toMatch(/3\s*\/\s*20/),
    );
    // Change the learning rate as a user would; the URL follows.
    const lr = a.root.querySelector('#pg-lr') as HTMLInputElement;
    await userEvent.clear(lr);
    await userEvent.type(lr, '0.1');
    lr.dispatchEvent(new Event('change'));
    expect(new URLSearchParams(location.search).get('lr')).toBe('0.1');
    const shared = location.search;
    a.unmount();
    root?.remove();
    a = await mount(shared);
    expect((a.root.querySelector('#pg-lr') as HTMLInputElement).value).toBe('0.1');
    expect(a.root.querySelector('gs-optimizer')?.getAttribute('lr')).toBe('0.1');
    expect(a.state()).toEqual(readState(search.replace('lr=0.05', 'lr=0.1'), 'en'));
  });

  it("gives Newton's method its own ε = 1 when it is chosen", async () => {
    const a = await mount('?lang=en&view=playground&expr=x%5E2%20-%204x%20%2B%206&tab=optimize&opt=gd&lr=0.2&start=4');
    const select = a.root.querySelector('#pg-opt') as HTMLSelectElement;
    select.value = 'newton';
    select.dispatchEvent(new Event('change'));
    await a.settled();
    const optimizer = a.root.querySelector('gs-optimizer') as HTMLElement & {
      current?: { lr: number; path: number[][] };
    };
    await until(() => expect(optimizer.getAttribute('lr')).toBe('1'));
    await until(() => expect(optimizer.current?.path[1]).toEqual([2]));
    expect(new URLSearchParams(location.search).get('lr')).toBe('1');
  });

  it('keeps history: tabs and examples push entries, and the back button restores them', async () => {
    const a = await mount('?lang=en&view=playground&expr=x%5E2&tab=derivative');
    await userEvent.click(page.getByRole('tab', { name: 'Check my answer' }));
    expect(a.state().tab).toBe('check');
    expect(a.root.querySelector('gs-answer')?.getAttribute('problem')).toBe('x^2');
    await userEvent.click(page.getByRole('button', { name: 'x sin x' }));
    expect(a.state().expr).toBe('x sin x');
    expect(new URLSearchParams(location.search).get('expr')).toBe('x sin x');
    history.back();
    await until(() => expect(a.state().expr).toBe('x^2'));
    expect((a.root.querySelector('#pg-expr') as HTMLInputElement).value).toBe('x^2');
    expect(a.state().tab).toBe('check');
    history.back();
    await until(() => expect(a.state().tab).toBe('derivative'));
    expect(a.root.querySelector('gs-derivative')?.getAttribute('expr')).toBe('x^2');
  });

  it('typing a function updates the view and the URL; several variables give partials', async () => {
    const a = await mount('?lang=en&view=playground&expr=x&tab=derivative');
    const input = a.root.querySelector('#pg-expr') as HTMLInputElement;
    await userEvent.clear(input);
    await userEvent.type(input, '3xy^2 + 4x^3');
    expect(a.state().expr).toBe('3xy^2 + 4x^3');
    expect(new URLSearchParams(location.search).get('expr')).toBe('3xy^2 + 4x^3');
    const gradient = a.root.querySelector('gs-gradient');
    expect(gradient?.getAttribute('vars')).toBe('x,y');
  });

  it('keeps hostile URL text out of the markup', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const a = await mount(`?lang=en&view=playground&tab=check&expr=${encodeURIComponent(payload)}`);
    await tick(200);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(deepAll(a.root, 'img')).toEqual([]);
    expect((a.root.querySelector('#pg-expr') as HTMLInputElement).value).toBe(payload);
    a.unmount();
    root?.remove();
    const b = await mount(`?lang=en&view=playground&expr=x%5E2&vars=${encodeURIComponent('x"><b>')}`);
    expect(b.root.querySelector('#pg-vars')?.getAttribute('aria-invalid')).toBe('true');
    expect(b.root.querySelector('gs-derivative')?.getAttribute('vars')).toBe('x');
    expect(deepAll(b.root, 'b')).toEqual([]);
  });

  it('switches every string to Korean, stores the choice in the URL, and follows the browser on a first visit', async () => {
    let a = await mount('?view=lesson');
    expect(document.documentElement.lang).toBe('en');
    expect(a.root.querySelector('#derivatives-h')?.textContent).toBe('1. Derivatives');
    await userEvent.click(page.getByRole('button', { name: '한국어' }));
    expect(document.documentElement.lang).toBe('ko');
    expect(new URLSearchParams(location.search).get('lang')).toBe('ko');
    expect(a.root.querySelector('#derivatives-h')?.textContent).toBe('1. 미분');
    expect(a.root.querySelector('#derivatives gs-derivative')?.getAttribute('lang')).toBe('ko');
    expect(a.root.querySelector('.optimizer-table')?.textContent).toContain('단기 누적 그래디언트');
    a.unmount();
    root?.remove();
    a = await mount('', 'ko');
    expect(a.state().lang).toBe('ko');
    expect(a.root.querySelector('.nav-link[aria-current="page"]')?.textContent?.trim()).toBe('강의');
  });
});

describe('accessibility of the app shell (axe-core, serious and critical rules)', () => {
  for (const [name, search] of [
    ['lesson', '?lang=en'],
    ['lesson in Korean', '?lang=ko'],
    ['playground', '?lang=en&view=playground&expr=x%5E2%20%2B%20y%5E2&tab=optimize&opt=adam'],
  ] as const) {
    it(`${name} has no serious violations`, async () => {
      const a = await mount(search);
      await tick(500);
      await a.settled();
      const result = await axe.run(a.root, { resultTypes: ['violations'] });
      // The app's own markup; what happens inside a component's shadow root (axe names it by a
      // path of selectors, not one string) is the component's, checked in components-a11y.browser.test.ts.
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) =>
          v.nodes.filter((n) => typeof n.target[0] === 'string').map((n) => `${v.id}: ${n.target.join(' ')}`),
        );
      expect(serious).toEqual([]);
    });
  }
});

/** Whether an ancestor below `r` scrolls sideways (a wide table or a row of chips may, the page may not). */
function insideScroller(el: Element, r: HTMLElement): boolean {
  for (let p = el.parentElement; p && p !== r; p = p.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
  }
  return false;
}

/** Elements that stick out of the viewport on the right (what makes a phone layout scroll sideways). */
function overflowing(r: HTMLElement, width: number): string[] {
  return [...r.querySelectorAll('*')]
    .filter((el) => !insideScroller(el, r) && el.getBoundingClientRect().right > width + 1)
    .map(
      (el) =>
        `${el.localName}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`,
    )
    .slice(0, 8);
}

describe('screenshots', () => {
  const shots: [string, string, string[]][] = [
    [
      'lesson',
      '?lang=en',
      [
        '.lesson-head',
        '#derivatives',
        '#partial',
        '#chain',
        '#ex1',
        '#ex2',
        '#four-ways',
        '#gd',
        '#learning-rates',
        '#limits',
        '#local',
        '#optimizers',
        '#sgd',
        '#momentum',
        '#adaptive',
        '#adam',
        '#tree',
        '#race',
        '#best',
      ],
    ],
    ['lesson-ko', '?lang=ko', ['.lesson-head', '#derivatives', '#ex1', '.grid-search', '#gd', '#optimizers']],
    [
      'playground',
      '?lang=en&view=playground&expr=x%20sin%20x&tab=optimize&opt=adam&lr=0.3&steps=20&start=2.5&step=4',
      ['.playground'],
    ],
    [
      'playground-gradient',
      '?lang=ko&view=playground&expr=3xy%5E2%20%2B%204x%5E3%20-%205y%5E2%20%2B%201',
      ['.playground'],
    ],
  ];
  for (const [name, search, parts] of shots) {
    for (const [device, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ] as const) {
      it(`${name} at ${device} width`, async () => {
        await page.viewport(width, height);
        const a = await mount(search);
        if (a.state().view === 'lesson') await until(() => expect(deepAll(a.root, '.katex').length).toBeGreaterThan(0));
        await tick(1500);
        await a.settled();
        // Viewport-sized pictures down each part: the root scrolls like a window of the device's size.
        const r = a.root;
        r.style.cssText = `display:block;height:${height}px;overflow:auto`;
        for (const part of parts) {
          const el = r.querySelector(part) as HTMLElement;
          const slug = part.replace(/[^a-z0-9-]/g, '');
          const top = el.getBoundingClientRect().top - r.getBoundingClientRect().top + r.scrollTop;
          const pages = a.state().view === 'lesson' ? 1 : Math.min(4, Math.ceil(el.offsetHeight / (height - 80)));
          for (let i = 0; i < pages; i++) {
            r.scrollTop = top - 70 + i * (height - 80);
            await tick(250);
            await page.screenshot({ path: `../screenshots/app-${name}-${slug}-${device}-${i + 1}.png`, element: r });
          }
        }
        r.scrollTop = 0;
        expect(overflowing(a.root, width)).toEqual([]);
      });
    }
  }
});
