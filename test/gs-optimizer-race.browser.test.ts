import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../components/define/gs-optimizer-race.js';
import { deepQueryAll, mount } from './support/dom.js';

describe('gs-optimizer-race', () => {
  it("races six optimizers on the lesson's bowl: six paths on one contour map, a legend and a loss chart", async () => {
    const el = await mount('gs-optimizer-race', {
      expr: '3(x-2)^2 + (y-2)^2',
      vars: 'x,y',
      start: '-3,4',
      lr: '0.1',
      steps: '30',
    });
    const root = el.shadowRoot as ShadowRoot;
    expect(el.current.map((r) => r.trace?.optimizer)).toEqual([
      'gd',
      'momentum',
      'nesterov',
      'adagrad',
      'rmsprop',
      'adam',
    ]);
    const contour = root.querySelector('gs-contour') as HTMLElement & { updateComplete: Promise<unknown> };
    await contour.updateComplete;
    expect(contour.shadowRoot?.querySelectorAll('g.path').length).toBe(6);
    expect(contour.shadowRoot?.querySelector('[part="legend"]')?.textContent).toContain('Adam');
    expect(root.querySelector('[part="loss"]')).not.toBeNull();
    el.style.width = '420px';
    await page.screenshot({ path: '../screenshots/gs-optimizer-race.png', element: el });
  });

  it("draws the lesson's learning-rate comparison as small multiples", async () => {
    const el = await mount('gs-optimizer-race', {
      expr: 'x^2 - 4x + 6',
      start: '4',
      vary: 'lr',
      values: '0.2,0.01,1',
      steps: '6',
      layout: 'multiples',
    });
    const root = el.shadowRoot as ShadowRoot;
    expect([...root.querySelectorAll('.multiples h5')].map((h) => h.textContent)).toEqual([
      'ε = 0.2',
      'ε = 0.01',
      'ε = 1',
    ]);
    const oscillating = el.current[2]?.trace?.path.map((p) => p[0]);
    expect(oscillating).toEqual([4, 0, 4, 0, 4, 0, 4]);
    expect(deepQueryAll(root, 'gs-plot').length).toBe(4);
  });

  it('compares starting points (x sin x from 2.5 and 1.5)', async () => {
    const el = await mount('gs-optimizer-race', {
      expr: 'x sin x',
      start: '2.5',
      vary: 'start',
      values: '2.5,1.5',
      lr: '0.25',
      steps: '10',
      domain: '-1,7',
    });
    const finals = el.current.map((r) => r.trace?.path.at(-1)?.[0] ?? Number.NaN);
    expect(finals[0]).toBeGreaterThan(4); // rolls into the minimum near 4.9
    expect(Math.abs(finals[1] as number)).toBeLessThan(0.5); // rolls into the minimum at 0
  });

  it('races on one prepared objective with its other names held at `at`', async () => {
    const el = await mount('gs-optimizer-race', {
      expr: 'a (x - c)^2',
      vars: 'x',
      at: 'a=1, c=2',
      start: '-1',
      optimizers: 'gd,adam',
      lr: '0.1',
      steps: '40',
    });
    expect(el.current.map((r) => r.problem)).toEqual([undefined, undefined]);
    // Gradient descent on (x − 2)² from −1 with ε = 0.1 ends next to the minimum at c = 2.
    expect(el.current[0]?.trace?.path.at(-1)?.[0]).toBeCloseTo(2, 2);
    el.setAttribute('at', 'a=1, c=-3');
    await el.updateComplete;
    expect(el.current[0]?.trace?.path.at(-1)?.[0]).toBeCloseTo(-3, 2);
  });

  it('runs a long race one configuration per turn, then shows every run at once', async () => {
    const el = document.createElement('gs-optimizer-race');
    for (const [k, v] of Object.entries({
      expr: '(1-x)^2 + 100(y-x^2)^2',
      vars: 'x,y',
      start: '-1,1',
      optimizers: 'gd,momentum,nesterov,adagrad,rmsprop,adam,gd-halving,newton',
      lr: '0.001',
      steps: '300',
    }))
      el.setAttribute(k, v);
    document.body.append(el);
    // Its first update has no runs yet, and no hint that would say the optimizers are missing.
    await new Promise((r) => setTimeout(r));
    const root = el.shadowRoot as ShadowRoot;
    expect(el.current).toEqual([]);
    expect(root.querySelector('.hint')).toBeNull();
    await el.updateComplete;
    expect(el.current.map((r) => r.trace?.steps.length)).toEqual([300, 300, 300, 300, 300, 300, 300, 300]);
    // Its map draws a long path as a line with a few dozen markers, not one per step.
    const contour = root.querySelector('gs-contour') as HTMLElement & { updateComplete: Promise<unknown> };
    await contour.updateComplete;
    const circles = (contour.shadowRoot as ShadowRoot).querySelectorAll('g.path circle').length;
    expect(circles).toBeGreaterThan(8 * 10);
    expect(circles).toBeLessThanOrEqual(8 * 41);
    expect((contour.shadowRoot as ShadowRoot).querySelectorAll('path.band').length).toBeGreaterThan(3);
    el.remove();
  });

  it('compares two-variable starts without a vars attribute', async () => {
    const el = await mount('gs-optimizer-race', {
      expr: '3(x-2)^2 + (y-2)^2',
      start: '4,4',
      vary: 'start',
      values: '4,4;-2,0',
      lr: '0.1',
      steps: '5',
    });
    expect(el.current.map((r) => r.trace?.path[0])).toEqual([
      [4, 4],
      [-2, 0],
    ]);
  });

  it('races SGD on the line data with vars="w,b": the columns x and y are data, not variables', async () => {
    const el = await mount('gs-optimizer-race', {
      expr: '(w*x + b - y)^2',
      data: 'line',
      vars: 'w,b',
      start: '0,0',
      optimizers: 'sgd,momentum,adam',
      lr: '0.05',
      momentum: '0.5',
      'batch-size': '5',
      epochs: '3',
    });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('.error')).toBeNull();
    expect(el.current.map((r) => r.trace?.optimizer)).toEqual(['gd', 'momentum', 'adam']);
    expect(el.current.every((r) => r.trace?.vars.join(',') === 'w,b')).toBe(true);
    expect(el.current.every((r) => r.trace?.steps.length === 12)).toBe(true);
    // The hyper-parameter goes to the run that has it; the others are not refused for it.
    expect(el.current[1]?.trace?.hyper).toEqual({ alpha: 0.5 });
    expect(el.objective?.data?.columns).toEqual(['x', 'y']);
    const contour = root.querySelector('gs-contour') as HTMLElement & { updateComplete: Promise<unknown> };
    await contour.updateComplete;
    expect(contour.shadowRoot?.querySelectorAll('g.path').length).toBe(3);
    // without vars the columns are still not counted
    const bare = await mount('gs-optimizer-race', { expr: '(w*x + b - y)^2', data: 'line', start: '0,0', lr: '0.05' });
    expect(bare.current[0]?.trace?.vars).toEqual(['b', 'w']);
  });

  it('runs Newton at its own ε = 1 in a race with the default rate', async () => {
    const el = await mount('gs-optimizer-race', {
      expr: '3(x-2)^2 + (y-2)^2',
      start: '4,4',
      optimizers: 'gd,newton',
      steps: '3',
    });
    expect(el.current.map((r) => r.trace?.lr)).toEqual([0.1, 1]);
    expect(el.current[1]?.trace?.path[1]).toEqual([2, 2]);
  });
});

describe("gs-optimizer-race: each run's stop message", () => {
  it('shows why Adam and RMSProp stopped on exp(x) from 470, named by run, in English and Korean', async () => {
    const attrs = { expr: 'exp(x)', start: '470', optimizers: 'gd,adam,rmsprop', lr: '0.1', steps: '5' };
    const el = await mount('gs-optimizer-race', { ...attrs, step: '0' });
    const root = el.shadowRoot as ShadowRoot;
    // Nothing has happened yet at iteration 0.
    expect(root.querySelector('[part="notes"]')).toBeNull();
    el.setAttribute('step', '5');
    await el.updateComplete;
    const items = [...root.querySelectorAll('[part="notes"] li')].map((li) => li.textContent ?? '');
    expect(items.some((t) => /^Adam.*: Stopped at step 0: the .* overflowed to infinity/.test(t))).toBe(true);
    expect(items.some((t) => /^RMSProp.*: Stopped at step 0/.test(t))).toBe(true);
    expect(root.querySelector('[part="notes"]')?.getAttribute('role')).toBe('status');
    el.style.width = '420px';
    await page.screenshot({ path: '../screenshots/gs-optimizer-race-stopped.png', element: el });

    const ko = await mount('gs-optimizer-race', { ...attrs, lang: 'ko' });
    const koText = ko.shadowRoot?.querySelector('[part="notes"]')?.textContent ?? '';
    expect(koText).toContain('무한대로 넘쳤습니다');
    await page.screenshot({ path: '../screenshots/gs-optimizer-race-stopped-ko.png', element: ko });
  });
});
