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
import { type AppState, defaultState, readState, writeState } from '../app/state.js';
import type { GsOptimizer } from '../components/gs-optimizer.js';
import type { GsOptimizerRace } from '../components/gs-optimizer-race.js';
import { typesetIdle } from '../components/shared/typeset.js';

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
    expect(readState('?at=a%3D1e400,__proto__%3D1,b%3Dx,c%3D1%3D2,%3Cb%3E%3D1,d%3D2e9,d%3D3,e%3D-0.5', 'en').at).toBe(
      'd=1000000,e=-0.5',
    );
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

describe('parameters', () => {
  const AT = `${PG}&expr=a%20t%5E2%20%2B%20b%20t&vars=t&tab=derivative`;
  type Plotted = HTMLElement & { curves: { fn: (x: number) => number }[]; updateComplete: Promise<unknown> };
  const plotOf = (a: MountedApp) => deepAll(a.root.querySelector('gs-derivative') as Element, 'gs-plot')[0] as Plotted;

  it('a t² + b t is plotted with slider values (1 by default); the derivative stays symbolic', async () => {
    const a = await mount(AT);
    await until(() => expect(plotOf(a)).toBeTruthy());
    expect(plotOf(a).curves[0]?.fn(2)).toBeCloseTo(1 * 4 + 1 * 2, 12);
    expect(plotOf(a).curves[1]?.fn(2)).toBeCloseTo(2 * 1 * 2 + 1, 12);
    const slider = a.root.querySelector('#pg-at-a') as HTMLInputElement;
    const b = a.root.querySelector('#pg-at-b') as HTMLInputElement;
    expect([slider.min, slider.max, slider.step]).toEqual(['-5', '5', '0.1']);
    slider.value = '-0.5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await a.settled();
    expect(new URLSearchParams(location.search).get('at')).toBe('a=-0.5');
    await until(() => expect(plotOf(a).curves[0]?.fn(2)).toBeCloseTo(-0.5 * 4 + 2, 12));
    expect(plotOf(a).curves[1]?.fn(2)).toBeCloseTo(2 * -0.5 * 2 + 1, 12);
    expect(a.root.querySelector('output[for="pg-at-a"]')?.textContent?.trim()).toBe('-0.5');
    // The derivation is still in a and b.
    const answer = deepAll(a.root.querySelector('gs-derivative') as Element, '[part="answer"] annotation')
      .map((n) => n.textContent)
      .join(' ');
    expect(answer).toMatch(/2\s*a\s*t\s*\+\s*b/);
    // The keyboard moves a slider one step.
    b.focus();
    await userEvent.keyboard('{ArrowRight}');
    await a.settled();
    expect(a.state().at).toBe('a=-0.5,b=1.1');
    // The link reproduces the plot.
    const search = location.search;
    app?.unmount();
    root?.remove();
    const again = await mount(search);
    await until(() => expect(plotOf(again)?.curves[0]?.fn(2)).toBeCloseTo(-0.5 * 4 + 1.1 * 2, 12));
    expect((again.root.querySelector('#pg-at-b') as HTMLInputElement).value).toBe('1.1');
  });

  it("the optimizer tab holds the other names at the sliders' values, in one and in compare mode", async () => {
    const search = `${PG}&expr=a%20x%5E2%20%2B%20b%20x&vars=x&tab=optimize&start=3&lr=0.1&steps=5&at=a%3D2,b%3D-4`;
    type Run = HTMLElement & { current?: { steps: { grad: number[] }[] }; updateComplete: Promise<unknown> };
    const a = await mount(search);
    const optimizer = () => a.root.querySelector('gs-optimizer') as Run;
    await until(() => expect(optimizer().current?.steps[0]?.grad).toEqual([8]));
    expect(optimizer().getAttribute('at')).toBe('a=2,b=-4');
    const slider = a.root.querySelector('#pg-at-a') as HTMLInputElement;
    slider.value = '1';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await a.settled();
    // f'(x) = 2ax + b = 6 − 4 at x = 3 with a = 1
    await until(() => expect(optimizer().current?.steps[0]?.grad).toEqual([2]));
    expect(new URLSearchParams(location.search).get('at')).toBe('a=1,b=-4');
    app?.unmount();
    root?.remove();
    const race = await mount(`${search}&mode=compare`);
    type Race = HTMLElement & { current: readonly { trace?: unknown; problem?: unknown }[] };
    const runs = () => (race.root.querySelector('gs-optimizer-race') as Race).current;
    await until(() => expect(runs().length).toBeGreaterThan(1));
    expect(runs().every((r) => r.trace && !r.problem)).toBe(true);
  });

  it('the sliders span the plot range', async () => {
    const a = await mount(`${AT}&range=-2,2&at=a%3D7`);
    const slider = a.root.querySelector('#pg-at-a') as HTMLInputElement;
    expect([slider.min, slider.max, slider.step]).toEqual(['-2', '2', '0.01']);
    // A value outside the range is shown (and plotted) at its end.
    expect(slider.value).toBe('2');
    await until(() => expect(plotOf(a)?.curves[0]?.fn(1)).toBeCloseTo(2 + 1, 12));
  });

  it('no sliders without parameters, and none for partial derivatives', async () => {
    const a = await mount(`${PG}&expr=x%5E2&tab=derivative`);
    expect(a.root.querySelector('.param-values')).toBeNull();
    a.navigate({ expr: 'a x^2 + y', params: 'a' });
    await a.settled();
    expect(a.root.querySelector('.param-values')).toBeNull();
  });
});

describe('the link holds the whole playground', () => {
  it('every setting survives writeState → readState, in each tab and mode', () => {
    const base: AppState = { ...defaultState('ko'), view: 'playground' };
    const states: AppState[] = [
      {
        ...base,
        tab: 'derivative',
        expr: 'a t^2 + b t',
        vars: 't',
        order: 2,
        detail: 'full',
        wrt: 't',
        params: 'a,b',
        range: '-2,3',
        at: 'a=-0.5,b=2',
        convention: 'pytorch',
        lr: 0.05,
        steps: 30,
        start: '2',
        probe: 0.75,
      },
      {
        ...base,
        tab: 'optimize',
        expr: '3(x - 2)^2 + (y - 2)^2',
        optimizer: 'adam',
        hyper: { beta1: 0.8, delta: 1e-6 },
        step: 5,
        speed: 100,
        equal: true,
        range: '-1,5,-1,5',
        start: '-3,4',
      },
      { ...base, tab: 'optimize', mode: 'compare', race: 'gd,adam', step: 0 },
      { ...base, tab: 'optimize', mode: 'compare', step: 7 },
      { ...base, tab: 'optimize', mode: 'compare', step: -1 },
      { ...base, tab: 'optimize', mode: 'compare', vary: 'lr', values: '0.3,0.1', step: 3 },
      { ...base, tab: 'optimize', mode: 'compare', vary: 'start', values: '4,4;-4,4', step: -1 },
      { ...base, tab: 'optimize', mode: 'data', data: 'logistic', batch: 8, epochs: 3, seed: 7, step: 12 },
      { ...base, tab: 'check', expr: 'x^3', order: 3, answers: ['6x'] },
      { ...base, tab: 'check', expr: 'x^2 y', answers: ['', '2x y & 1'] },
    ];
    for (const state of states) expect(readState(writeState(state), 'en')).toEqual(state);
  });

  it('the tangent point is in the link once the reader stops moving it', async () => {
    const a = await mount(`${PG}&expr=x%5E2&tab=derivative`);
    const d = a.root.querySelector('gs-derivative') as HTMLElement & { probe?: number };
    await until(() => expect(deepAll(d, '[part="probe"]').length).toBe(1));
    const probe = deepAll(d, '[part="probe"]')[0] as HTMLElement;
    const before = Number(probe.getAttribute('aria-valuenow'));
    probe.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await until(() => expect(new URLSearchParams(location.search).has('probe')).toBe(true));
    const x = Number(new URLSearchParams(location.search).get('probe'));
    expect(x).toBeGreaterThan(before);
    const search = location.search;
    app?.unmount();
    root?.remove();
    const again = await mount(search);
    const shown = again.root.querySelector('gs-derivative') as HTMLElement & { probe?: number };
    expect(shown.probe).toBe(x);
    await until(() => expect(Number(deepAll(shown, '[part="probe"]')[0]?.getAttribute('aria-valuenow'))).toBe(x));
    // A new function picks its own point.
    again.navigate({ expr: 'sqrt(1 - x^2)' });
    expect(again.state().probe).toBeUndefined();
  });

  it("the check tab's answer is in the link, and the link shows its verdict", async () => {
    const a = await mount(`${PG}&expr=x%5E3&tab=check`);
    const answer = a.root.querySelector('gs-answer') as HTMLElement & { updateComplete: Promise<unknown> };
    await answer.updateComplete;
    const input = answer.shadowRoot?.querySelector('input') as HTMLInputElement;
    input.focus();
    await userEvent.type(input, '3x^2 + 1');
    await userEvent.keyboard('{Enter}');
    await a.settled();
    expect(new URLSearchParams(location.search).getAll('ans')).toEqual(['3x^2 + 1']);
    const search = location.search;
    app?.unmount();
    root?.remove();
    const again = await mount(search);
    const box = again.root.querySelector('gs-answer') as HTMLElement & { value: string };
    expect(box.value).toBe('3x^2 + 1');
    await until(() => expect(box.shadowRoot?.querySelector('[part="verdict"]')?.textContent).toMatch(/Not correct/));
    again.navigate({ expr: 'x^4' });
    expect(again.state().answers).toEqual([]);
  });

  it("compare mode's iteration is in the link: moved, reset, and reproduced", async () => {
    const a = await mount(`${PG}&expr=x%5E2%20%2B%20y%5E2&tab=optimize&mode=compare&start=3,3&steps=12`);
    const race = () => a.root.querySelector('gs-optimizer-race') as GsOptimizerRace;
    await until(() => expect(race().current.length).toBe(6));
    await race().updateComplete;
    // Opened without a step: the whole runs.
    expect(race().step).toBe(12);
    expect(new URLSearchParams(location.search).has('step')).toBe(false);
    const slider = race().shadowRoot?.querySelector('input[type="range"]') as HTMLInputElement;
    slider.value = '7';
    slider.dispatchEvent(new Event('input'));
    await a.settled();
    expect(new URLSearchParams(location.search).get('step')).toBe('7');
    const reset = [...(race().shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      /Reset/.test(b.textContent ?? ''),
    );
    reset?.click();
    await a.settled();
    expect(new URLSearchParams(location.search).get('step')).toBe('0');
    slider.value = '4';
    slider.dispatchEvent(new Event('input'));
    await a.settled();
    const search = location.search;
    app?.unmount();
    root?.remove();
    const again = await mount(search);
    const shown = again.root.querySelector('gs-optimizer-race') as GsOptimizerRace;
    await until(() => expect(shown.current.length).toBe(6));
    await shown.updateComplete;
    expect(shown.step).toBe(4);
    const contour = deepAll(shown, 'gs-contour')[0] as HTMLElement & { paths: { points: unknown[] }[] };
    expect(contour.paths.every((p) => p.points.length === 5)).toBe(true);
    // Switching to one optimizer starts it at its start; back to compare shows the whole runs again.
    again.navigate({ mode: 'single', step: 0 });
    again.navigate({ mode: 'compare', step: -1 });
    await again.settled();
    expect(new URLSearchParams(location.search).has('step')).toBe(false);
  });
});

describe('the tab bar', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`never scrolls vertically and fits a 390 px phone (${lang})`, async () => {
      await page.viewport(390, 844);
      const a = await mount(`?lang=${lang}&view=playground&tab=optimize`);
      const tabs = a.root.querySelector('.tabs') as HTMLElement;
      expect(getComputedStyle(tabs).overflowY).toBe('hidden');
      expect(tabs.scrollHeight).toBeLessThanOrEqual(tabs.clientHeight);
      expect(tabs.scrollWidth).toBeLessThanOrEqual(tabs.clientWidth);
      await page.viewport(1280, 900);
      expect(tabs.scrollHeight).toBeLessThanOrEqual(tabs.clientHeight);
    });
  }
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
    ['data mode', `?lang=ko&view=playground&expr=x&tab=optimize&mode=data`],
    ['one optimizer on two variables', `${PG}&expr=x%5E2%20%2B%20y%5E2&tab=optimize&start=3,3&equal=1`],
    ['check tab', `${PG}&expr=x%5E3&tab=check&order=2`],
    ['parameter sliders', `?lang=ko&view=playground&expr=a%20t%5E2%20%2B%20b%20t&vars=t&tab=derivative&at=a%3D2`],
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
  const WIDE = '(x^2 + 1)/(sin(x) + cos(x) + exp(2x) + ln(x^2 + 1) + sqrt(x^4 + 1) + x^7)';
  const cueOf = (el: Element) => getComputedStyle(el).boxShadow;

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
      // A box that scrolls is a named region a keyboard can reach; one that fits is not a tab stop.
      expect(el.getAttribute('role')).toBe(scrolls ? 'region' : null);
      expect(el.getAttribute('tabindex')).toBe(scrolls ? '0' : null);
      if (scrolls) expect(el.getAttribute('aria-label')).toBeTruthy();
    }
    const grid = a.root.querySelector('.grid-table')?.closest('.table-wrap') as HTMLElement;
    expect(grid.scrollWidth).toBeGreaterThan(grid.clientWidth);
    expect(cueOf(grid)).toContain('inset');
    expect(grid.getAttribute('aria-label')).toBe(grid.querySelector('caption')?.textContent?.trim());
    grid.scrollLeft = grid.scrollWidth;
    await until(() => expect(grid.getAttribute('data-scroll')).toBe('left'));
    grid.scrollLeft = 10;
    await until(() => expect(grid.getAttribute('data-scroll')).toBe('both'));
    // The keyboard scrolls it.
    grid.scrollLeft = 0;
    grid.focus();
    await userEvent.keyboard('{ArrowRight}');
    await until(() => expect(grid.scrollLeft).toBeGreaterThan(0));
    grid.scrollLeft = 0;
    grid.scrollIntoView();
    await tick(200);
    await page.screenshot({
      path: '../screenshots/pg-grid-table-phone.png',
      element: grid.parentElement as HTMLElement,
    });
  });

  it('a wide step line, the boxed answer and the page share one cue; the answer is a named region', async () => {
    await page.viewport(390, 844);
    const a = await mount(`?lang=ko&view=playground&expr=${encodeURIComponent(WIDE)}&tab=derivative`);
    const d = a.root.querySelector('gs-derivative') as HTMLElement;
    // Step lines are typeset once on screen.
    await typesetIdle({ offscreen: true });
    // …and laid out in full only there (content-visibility: auto): the cue follows.
    (deepAll(d, 'summary')[0] as HTMLElement).scrollIntoView();
    await until(() => expect(deepAll(d, 'summary[data-scroll]').length).toBeGreaterThan(0));
    const summary = deepAll(d, 'summary[data-scroll]')[0] as HTMLElement;
    expect(summary.scrollWidth).toBeGreaterThan(summary.clientWidth);
    expect(summary.getAttribute('data-scroll')).toBe('right');
    // A summary takes the focus itself: no extra role or tab stop.
    expect(summary.getAttribute('role')).toBeNull();
    summary.scrollLeft = summary.scrollWidth;
    await until(() => expect(summary.getAttribute('data-scroll')).toBe('left'));
    const answer = deepAll(d, '[part="answer"]')[0] as HTMLElement;
    await until(() => expect(answer.getAttribute('data-scroll')).toBe('right'));
    expect(answer.getAttribute('role')).toBe('region');
    expect(answer.getAttribute('aria-label')).toMatch(/^\(|2\*x/);
    answer.focus();
    await userEvent.keyboard('{ArrowRight}');
    await until(() => expect(answer.scrollLeft).toBeGreaterThan(0));
    await until(() => expect(answer.getAttribute('data-scroll')).not.toBe('right'));
    // The same shadow as the page's own scrollers (one style sheet).
    await tick(600); // the keyboard scrolls smoothly
    answer.scrollTo({ left: 0, behavior: 'instant' });
    await until(() => expect(answer.getAttribute('data-scroll')).toBe('right'));
    const examples = a.root.querySelector('.examples') as HTMLElement;
    expect(examples.getAttribute('data-scroll')).toBe('right');
    expect(examples.getAttribute('role')).toBeNull();
    expect(cueOf(answer)).toBe(cueOf(examples));
    expect(cueOf(summary)).not.toBe('none');
    const result = await axe.run(d, { resultTypes: ['violations'] });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
    answer.scrollIntoView({ block: 'center' });
    await tick(200);
    await page.screenshot({ path: '../screenshots/pg-scroll-cue-ko-phone.png', element: d });
  });

  it('the cue goes when the box fits (a wide screen)', async () => {
    await page.viewport(1280, 900);
    const a = await mount(`${PG}&expr=x%5E2&tab=derivative`);
    const d = a.root.querySelector('gs-derivative') as HTMLElement;
    await tick(300);
    await a.settled();
    expect(deepAll(d, '[data-scroll]')).toEqual([]);
    expect(deepAll(d, '[role="region"]')).toEqual([]);
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
    await until(() => expect(box.getAttribute('data-scroll')).toBe('right'));
    expect(getComputedStyle(box).boxShadow).toContain('inset');
    // It was a named region already: its own name stays.
    expect(box.getAttribute('aria-label')).toBeTruthy();
    expect(box.hasAttribute('data-scroll-focus')).toBe(false);
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
    ['parameters', `&expr=a%20t%5E2%20%2B%20b%20t&vars=t&tab=derivative&at=a%3D-0.5,b%3D2`],
    [
      'optimize-parameters',
      `&expr=a%20x%5E2%20%2B%20b%20x&vars=x&tab=optimize&start=3&lr=0.1&steps=10&step=3&at=a%3D2,b%3D-4`,
    ],
    ['compare-step', `&expr=x%20sin%20x&tab=optimize&mode=compare&vary=lr&values=0.3,0.1,1&start=2&steps=20&step=5`],
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
