/**
 * The playground as a workbench: derivative order/detail/variable/range, the
 * optimizer's compare and data modes, click to set the start, play speed, a loss
 * chart, all in the URL; an axe check of the new controls; keyboard use; and
 * screenshots at 1280 and 390 px in English and Korean.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { type MountedApp, mountApp } from '../app/main.js';
import { readState, writeState } from '../app/state.js';
import type { GsOptimizer } from '../components/gs-optimizer.js';
import type { GsOptimizerRace } from '../components/gs-optimizer-race.js';

const originalUrl = location.href;
let app: MountedApp | undefined;
let root: HTMLElement | undefined;

function deepAll(node: ParentNode, selector: string): Element[] {
  const found: Element[] = [...node.querySelectorAll(selector)];
  if (node instanceof Element && node.shadowRoot) found.push(...deepAll(node.shadowRoot, selector));
  for (const el of node.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

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

async function mount(search: string): Promise<MountedApp> {
  history.replaceState(null, '', `${location.pathname}${search}`);
  root = document.createElement('div');
  document.body.append(root);
  app = mountApp(root, { fallbackLang: 'en' });
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

const PG = '?lang=en&view=playground';

describe('derivative controls', () => {
  it('second derivative, full detail, a chosen variable and a plot range reach the element and the URL', async () => {
    const a = await mount(`${PG}&expr=x%5E3&tab=derivative`);
    const order = a.root.querySelector('#pg-order') as HTMLSelectElement;
    order.value = '2';
    order.dispatchEvent(new Event('change'));
    const detail = a.root.querySelector('#pg-detail') as HTMLSelectElement;
    detail.value = 'full';
    detail.dispatchEvent(new Event('change'));
    const range = a.root.querySelector('#pg-range') as HTMLInputElement;
    range.value = '-2, 3';
    range.dispatchEvent(new Event('change'));
    await a.settled();
    const d = a.root.querySelector('gs-derivative') as HTMLElement & {
      order: number;
      detail: string;
      current?: { result: unknown };
    };
    expect(d.order).toBe(2);
    expect(d.detail).toBe('full');
    expect(d.getAttribute('xmin')).toBe('-2');
    expect(d.getAttribute('xmax')).toBe('3');
    expect(location.search).toContain('order=2');
    expect(location.search).toContain('detail=full');
    expect(location.search).toContain('range=-2%2C3');
    await until(() =>
      expect(
        deepAll(d, '[part="answer"] annotation')
          .map((n) => n.textContent)
          .join(' '),
      ).toMatch(/= 6 ?x/),
    );
    const plot = deepAll(d, 'gs-plot')[0] as HTMLElement & { xmin: number; xmax: number };
    expect([plot.xmin, plot.xmax]).toEqual([-2, 3]);
  });

  it('offers the differentiation variable for several variables', async () => {
    const a = await mount(`${PG}&expr=x%5E2%20y&tab=derivative&order=2`);
    const wrt = a.root.querySelector('#pg-wrt') as HTMLSelectElement;
    expect([...wrt.options].map((o) => o.value)).toEqual(['x', 'y']);
    wrt.value = 'y';
    wrt.dispatchEvent(new Event('change'));
    await a.settled();
    expect((a.root.querySelector('gs-derivative') as HTMLElement).getAttribute('wrt')).toBe('y');
    expect(a.state().wrt).toBe('y');
  });

  it('passes parameters to the elements and keeps them out of the variables', async () => {
    const a = await mount(`${PG}&expr=a%20x%5E2%20%2B%20b&tab=derivative&params=a,b`);
    const d = a.root.querySelector('gs-derivative') as HTMLElement;
    expect(d.getAttribute('params')).toBe('a,b');
    expect(d.getAttribute('vars')).toBe('x');
    // a and b are held constant: f′(x) = 2ax.
    await until(() =>
      expect(
        deepAll(d, '[part="answer"] annotation')
          .map((n) => n.textContent)
          .join(' '),
      ).toMatch(/= 2\s*a\s*x/),
    );
  });

  it('reads hostile URL values back to safe ones', () => {
    const s = readState(
      '?view=playground&order=99&detail=<b>&wrt=1x&range=5,1&mode=evil&race=gd,eval,gd&values=1e400;x&speed=-1',
      'en',
    );
    expect(s.order).toBe(6);
    expect(s.detail).toBe('normal');
    expect(s.wrt).toBe('');
    expect(s.range).toBe('');
    expect(s.mode).toBe('single');
    expect(s.race).toBe('gd');
    expect(s.speed).toBe(16);
    const state = {
      ...s,
      tab: 'optimize' as const,
      mode: 'compare' as const,
      vary: 'lr' as const,
      values: '0.2,0.01',
      equal: true,
    };
    expect(readState(writeState(state), 'en')).toEqual(state);
  });
});

describe('optimizer modes', () => {
  it('compare mode races the chosen optimizers on one contour map with loss curves', async () => {
    const a = await mount(
      `${PG}&expr=3(x%20-%202)%5E2%20%2B%20(y%20-%202)%5E2&tab=optimize&start=4,4&lr=0.1&mode=compare`,
    );
    const race = a.root.querySelector('gs-optimizer-race') as GsOptimizerRace;
    expect(race).not.toBeNull();
    await until(() => expect(race.current.length).toBe(6));
    // Untick Adagrad: five runs, and the URL says which.
    const adagrad = a.root.querySelector('.race-set input[value="adagrad"]') as HTMLInputElement;
    adagrad.click();
    await a.settled();
    await until(() => expect(race.current.length).toBe(5));
    expect(new URLSearchParams(location.search).get('race')).toBe('gd,momentum,nesterov,rmsprop,adam');
    const contour = deepAll(race, 'gs-contour');
    expect(contour.length).toBe(1);
    expect(deepAll(contour[0] as Element, '.path').length).toBe(5);
    const loss = deepAll(race, '[part="loss"]')[0] as Element;
    expect(deepAll(loss, '.path').length).toBe(5);
    // Learning rates instead.
    const vary = a.root.querySelector('#pg-vary') as HTMLSelectElement;
    vary.value = 'lr';
    vary.dispatchEvent(new Event('change'));
    await a.settled();
    const values = a.root.querySelector('#pg-values') as HTMLInputElement;
    values.value = '0.3, 0.1, 0.01';
    values.dispatchEvent(new Event('change'));
    await a.settled();
    await until(() => expect(race.current.map((r) => r.label)).toEqual(['ε = 0.3', 'ε = 0.1', 'ε = 0.01']));
    expect(location.search).toContain('vary=lr');
  });

  it('data mode runs SGD over the data set: points, the fitted line at each step, the batch highlighted', async () => {
    const a = await mount(`${PG}&expr=x%5E2&tab=optimize&mode=data&data=line&batch=4&epochs=2&lr=0.05`);
    const opt = a.root.querySelector('gs-optimizer') as GsOptimizer;
    await until(() => expect(opt.current?.data?.batchSize).toBe(4));
    expect(opt.current?.vars).toEqual(['w', 'b']);
    expect(opt.current?.steps.length).toBe(10);
    const dataPlot = () => deepAll(opt, '[part="data"]')[0] as HTMLElement & { updateComplete: Promise<unknown> };
    await until(() => expect(dataPlot()).toBeTruthy());
    await dataPlot().updateComplete;
    const highlighted = () =>
      deepAll(dataPlot(), 'circle.marker').filter((c) => c.getAttribute('fill') === 'var(--_accent)').length;
    expect(deepAll(dataPlot(), 'circle.marker').length).toBe(20);
    expect(highlighted()).toBe(4);
    const lineAt = () => deepAll(dataPlot(), 'path.curve')[0]?.getAttribute('d');
    const before = lineAt();
    opt.next();
    await a.settled();
    await until(() => expect(lineAt()).not.toBe(before));
    expect(highlighted()).toBe(4);
    expect(deepAll(dataPlot(), '[part="legend"]')[0]?.textContent).toContain('step 1');
  });

  it('a click on the contour map sets the start point; a loss chart follows the single optimizer', async () => {
    const a = await mount(`${PG}&expr=x%5E2%20%2B%20y%5E2&tab=optimize&start=4,4&steps=5`);
    const opt = a.root.querySelector('gs-optimizer') as GsOptimizer;
    await until(() => expect(deepAll(opt, 'gs-contour').length).toBe(1));
    const contour = deepAll(opt, 'gs-contour')[0] as HTMLElement & { updateComplete: Promise<unknown> };
    await contour.updateComplete;
    const svg = deepAll(contour, 'svg')[0] as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    svg.dispatchEvent(
      new MouseEvent('click', {
        bubbles: true,
        clientX: box.left + box.width * 0.3,
        clientY: box.top + box.height * 0.4,
      }),
    );
    await a.settled();
    const [x, y] = a.state().start.split(',').map(Number);
    expect(a.state().start).not.toBe('4,4');
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(opt.getAttribute('start')).toBe(a.state().start);
    expect(location.search).toContain(`start=${encodeURIComponent(a.state().start)}`);
    expect(deepAll(opt, '[part="loss"]').length).toBe(1);
  });

  it('says why Adam stops where g⊙g overflows (exp(x) from 470) instead of standing still', async () => {
    const a = await mount(`${PG}&expr=exp(x)&tab=optimize&opt=adam&start=470&lr=0.1&steps=5&step=1`);
    const opt = a.root.querySelector('gs-optimizer') as GsOptimizer;
    await until(() => expect(opt.current?.status).toBe('stopped'));
    await until(() =>
      expect(deepAll(opt, '[part="status"]')[0]?.textContent ?? '').toContain('overflowed to infinity'),
    );
  });

  it('a click on the 1-D plot sets x₀; a click on the loss chart does not', async () => {
    const a = await mount(`${PG}&expr=x%5E2%20-%204x%20%2B%206&tab=optimize&start=4`);
    const opt = a.root.querySelector('gs-optimizer') as GsOptimizer;
    await until(() => expect(deepAll(opt, 'gs-plot').length).toBe(2));
    const [plot, loss] = deepAll(opt, 'gs-plot') as (HTMLElement & { updateComplete: Promise<unknown> })[];
    const press = (el: Element, fx: number) => {
      const svg = deepAll(el, 'svg')[0] as SVGSVGElement;
      const b = svg.getBoundingClientRect();
      svg.dispatchEvent(
        new PointerEvent('pointerdown', {
          bubbles: true,
          clientX: b.left + b.width * fx,
          clientY: b.top + b.height * 0.5,
        }),
      );
    };
    press(loss as Element, 0.5);
    await a.settled();
    expect(a.state().start).toBe('4');
    press(plot as Element, 0.2);
    await a.settled();
    expect(a.state().start).not.toBe('4');
    expect(Number(a.state().start)).toBeLessThan(2);
  });

  it('play speed is a setting: the fastest plays 10 steps well inside a second', async () => {
    const a = await mount(`${PG}&expr=x%5E2&tab=optimize&start=4&steps=10&speed=30`);
    const opt = a.root.querySelector('gs-optimizer') as GsOptimizer;
    await until(() => expect(opt.current).toBeTruthy());
    expect(opt.interval).toBe(30);
    opt.play();
    await until(() => expect(a.state().step).toBe(10), 3000);
  });
});

describe('accessibility and keyboard', () => {
  for (const [name, search] of [
    ['derivative controls', `${PG}&expr=x%5E2%20y&tab=derivative&order=2`],
    ['compare mode', `${PG}&expr=x%5E2%20%2B%20y%5E2&tab=optimize&mode=compare&start=3,3`],
    ['compare by starts', `${PG}&expr=x%20sin%20x&tab=optimize&mode=compare&vary=start&values=2.5;1.5`],
    ['data mode', `${PG}&lang=ko&expr=x&tab=optimize&mode=data`],
    ['one optimizer on two variables', `${PG}&expr=x%5E2%20%2B%20y%5E2&tab=optimize&start=3,3&equal=1`],
    ['check tab', `${PG}&expr=x%5E3&tab=check&order=2`],
  ] as const) {
    it(`${name}: no serious axe violations in the controls`, async () => {
      const a = await mount(search);
      await tick(300);
      await a.settled();
      const result = await axe.run(a.root.querySelector('.controls') as Element, { resultTypes: ['violations'] });
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      // Every control has a name.
      for (const c of a.root.querySelectorAll('.controls input, .controls select')) {
        const labelled = c.closest('label') || (c.id && a.root.querySelector(`label[for="${c.id}"]`));
        expect(labelled, c.outerHTML).toBeTruthy();
      }
    });
  }

  it('the mode is chosen with the keyboard alone', async () => {
    const a = await mount(`${PG}&expr=x%5E2&tab=optimize`);
    const single = a.root.querySelector('input[name="pg-mode"][value="single"]') as HTMLInputElement;
    single.focus();
    await userEvent.keyboard('{ArrowRight}');
    await a.settled();
    expect(a.state().mode).toBe('compare');
    await until(() => expect(a.root.querySelector('gs-optimizer-race')).not.toBeNull());
    (a.root.querySelector('input[name="pg-mode"]:checked') as HTMLInputElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    await a.settled();
    expect(a.state().mode).toBe('data');
  });
});

describe('scroll cues at phone width', () => {
  it('the grid-search table and wide display formulas say that they scroll, and which way', async () => {
    await page.viewport(390, 844);
    const a = await mount('?lang=en');
    await until(() => expect(a.root.querySelector('.grid-table')).not.toBeNull());
    await tick(1500);
    await a.settled();
    const scrollers = [...a.root.querySelectorAll<HTMLElement>('.table-wrap, gs-math[display]')];
    expect(scrollers.length).toBeGreaterThan(5);
    for (const el of scrollers) {
      const scrolls = el.scrollWidth > el.clientWidth + 1;
      expect(el.getAttribute('data-scroll'), el.outerHTML.slice(0, 80)).toBe(scrolls ? 'right' : null);
    }
    const grid = a.root.querySelector('.grid-table')?.closest('.table-wrap') as HTMLElement;
    expect(grid.scrollWidth).toBeGreaterThan(grid.clientWidth);
    expect(getComputedStyle(grid).maskImage).toContain('linear-gradient');
    grid.scrollLeft = grid.scrollWidth;
    await until(() => expect(grid.getAttribute('data-scroll')).toBe('left'));
    grid.scrollLeft = 10;
    await until(() => expect(grid.getAttribute('data-scroll')).toBe('both'));
    grid.scrollLeft = 0;
    grid.scrollIntoView();
    await tick(200);
    await page.screenshot({
      path: '../screenshots/pg-grid-table-phone.png',
      element: grid.parentElement as HTMLElement,
    });
  });
});

describe('scroll cue inside the elements', () => {
  it('the optimizer formulas box shades the edge that has more', async () => {
    await page.viewport(390, 844);
    const a = await mount(`${PG}&expr=x&tab=optimize&mode=data&step=3`);
    const opt = a.root.querySelector('gs-optimizer') as GsOptimizer;
    await until(() => expect(opt.shadowRoot?.querySelector('[part="formulas"]')).toBeTruthy());
    const box = opt.shadowRoot?.querySelector('[part="formulas"]') as HTMLElement;
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    const bg = getComputedStyle(box);
    expect(bg.backgroundImage).toContain('radial-gradient');
    expect(bg.backgroundAttachment).toContain('local');
  });
});

describe('feedback screenshots', () => {
  for (const lang of ['en', 'ko'] as const) {
    for (const [device, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ] as const) {
      it(`typeset feedback in ${lang} at ${device} width`, async () => {
        await page.viewport(width, height);
        const a = await mount(`?lang=${lang}&view=playground&expr=(2x%20-%201)%5E3&tab=check`);
        const answer = a.root.querySelector('gs-answer') as HTMLElement & { updateComplete: Promise<unknown> };
        await answer.updateComplete;
        const input = answer.shadowRoot?.querySelector('input') as HTMLInputElement;
        input.focus();
        await userEvent.type(input, '3(2x - 1)^2');
        await userEvent.keyboard('{Enter}');
        await answer.updateComplete;
        const verdict = answer.shadowRoot?.querySelector('[part="verdict"]') as HTMLElement;
        await until(() => expect(verdict.querySelectorAll('.message .katex').length).toBeGreaterThan(2));
        expect(verdict.querySelector('.message')?.textContent).not.toContain('*');
        await tick(300);
        answer.scrollIntoView();
        await page.screenshot({ path: `../screenshots/pg-feedback-${lang}-${device}.png`, element: answer });
      });
    }
  }
});

describe('screenshots', () => {
  const shots: [string, string][] = [
    ['derivative', `&expr=sqrt(1%20-%20x%5E2)&tab=derivative&order=1`],
    ['compare', `&expr=3(x%20-%202)%5E2%20%2B%20(y%20-%202)%5E2&tab=optimize&mode=compare&start=-2,4&lr=0.1&steps=30`],
    ['data', `&expr=x&tab=optimize&mode=data&batch=4&epochs=3&lr=0.05&step=7`],
    ['single', `&expr=x%20sin%20x&tab=optimize&start=2&lr=1&steps=10&step=10`],
  ];
  for (const [name, search] of shots) {
    for (const lang of ['en', 'ko'] as const) {
      for (const [device, width, height] of [
        ['desktop', 1280, 900],
        ['phone', 390, 844],
      ] as const) {
        it(`${name} in ${lang} at ${device} width`, async () => {
          await page.viewport(width, height);
          const a = await mount(`?lang=${lang}&view=playground${search}`);
          await tick(800);
          await a.settled();
          const r = a.root;
          r.style.cssText = `display:block;height:${height}px;overflow:auto`;
          const panel = r.querySelector('.panel') as HTMLElement;
          const top = panel.getBoundingClientRect().top - r.getBoundingClientRect().top + r.scrollTop;
          const pages = Math.min(3, Math.ceil(panel.offsetHeight / (height - 80)));
          for (let i = 0; i < pages; i++) {
            r.scrollTop = top - 70 + i * (height - 80);
            await tick(200);
            await page.screenshot({ path: `../screenshots/pg-${name}-${lang}-${device}-${i + 1}.png`, element: r });
          }
          const wide = [...r.querySelectorAll('*')].filter(
            (el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.examples, .tabs'),
          );
          expect(wide.map((el) => el.localName + el.className)).toEqual([]);
        });
      }
    }
  }
});
