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
});
