/**
 * Plots a reader can trust: labels that never overlap (measured boxes), points
 * beyond the range marked at the edge, contour windows that hold the minimum,
 * tangent probes inside the function's domain, and a 3-D surface with axes and
 * a colour scale.
 */
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../components/define/gs-derivative.js';
import '../components/define/gs-optimizer.js';
import '../components/define/gs-optimizer-race.js';
import '../components/define/gs-plot.js';
import '../components/define/gs-surface.js';
import type { GsContour } from '../components/gs-contour.js';
import { labelWidth } from '../components/plot/labels.js';
import { deepQueryAll, mount } from './support/dom.js';

type Updatable = HTMLElement & { updateComplete: Promise<unknown> };

async function settle(root: ParentNode): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.all(deepQueryAll(root, '*').map((el) => (el as Partial<Updatable>).updateComplete ?? null));
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
}

/** How many pairs of rendered label boxes intersect (Chromium's own text measurement). */
function overlappingPairs(labels: readonly Element[]): number {
  const boxes = labels.map((l) => l.getBoundingClientRect()).filter((b) => b.width > 0);
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as DOMRect;
      const b = boxes[j] as DOMRect;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs++;
    }
  }
  return pairs;
}

describe('iterate labels', () => {
  for (const [name, lr] of [
    ['close iterates (ε = 0.01)', '0.01'],
    ['alternating iterates (ε = 1)', '1'],
    ['an ordinary run (ε = 0.2)', '0.2'],
  ] as const) {
    it(`never overlap: ${name}, at 390 and 1000 px`, async () => {
      for (const width of ['390px', '1000px']) {
        const el = await mount('gs-optimizer', {
          expr: lr === '1' ? 'x sin x' : 'x^2 - 4x + 6',
          start: lr === '1' ? '2' : '4',
          lr,
          steps: '10',
          step: '10',
        });
        el.style.width = width;
        await settle(el);
        await new Promise((r) => setTimeout(r, 50));
        await settle(el);
        const labels = deepQueryAll(el.shadowRoot as ShadowRoot, 'gs-plot .point-label, .point-label');
        expect(labels.length).toBeGreaterThanOrEqual(2);
        expect(overlappingPairs(labels)).toBe(0);
        // The first and the last iterate keep their labels.
        const texts = labels.map((l) => l.textContent ?? '');
        expect(texts.some((t) => t.startsWith('x₀'))).toBe(true);
        expect(texts.some((t) => t.startsWith('x₁₀'))).toBe(true);
        await page.screenshot({ path: `../screenshots/labels-${lr}-${width}.png`, element: el });
        el.remove();
      }
    });
  }

  it('never overlap in a race of six optimizers on a contour map', async () => {
    const el = await mount('gs-optimizer-race', { expr: '3(x - 2)^2 + (y - 2)^2', start: '4,4', steps: '10' });
    await settle(el);
    const labels = deepQueryAll(el.shadowRoot as ShadowRoot, '.point-label');
    expect(overlappingPairs(labels)).toBe(0);
    el.remove();
  });
});

describe('points beyond the range', () => {
  it('are marked at the edge with their value', async () => {
    const f = (x: number) => x * Math.sin(x);
    const el = await mount('gs-plot', {}, (p) => {
      p.xmin = -5;
      p.xmax = 5;
      p.curves = [{ fn: f }];
      p.paths = [{ points: [2, -1.3, 7.4].map((x) => [x, f(x)] as const), labels: ['x₀', 'x₁', 'x₂'] }];
    });
    el.style.width = '500px';
    await settle(el);
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelectorAll('.edge-marker').length).toBe(1);
    const texts = [...root.querySelectorAll('.point-label')].map((t) => t.textContent);
    expect(texts).toContain('x₂ = 7.4');
    // The marker sits on the right edge of the plot area.
    const marker = root.querySelector('.edge-marker') as SVGGraphicsElement;
    const svgBox = (root.querySelector('svg') as SVGSVGElement).getBoundingClientRect();
    expect(marker.getBoundingClientRect().right).toBeGreaterThan(svgBox.right - 30);
    el.remove();
  });
});

describe('label boxes', () => {
  it('are at least as wide as the rendered text, in Korean too', async () => {
    const texts = ['격자 위의 최솟값: x = 2', 'best on the grid: x = 2', 'x₁₀', '최솟값'];
    const el = await mount('gs-plot', { xmin: '-1', xmax: '5' });
    (el as HTMLElement & { markers: readonly unknown[] }).markers = texts.map((label, i) => ({ x: i, y: i, label }));
    await settle(el);
    const rendered = [...(el.shadowRoot as ShadowRoot).querySelectorAll('text.point-label')] as SVGTextElement[];
    expect(rendered.length).toBeGreaterThan(0);
    for (const t of rendered) {
      expect(labelWidth(t.textContent ?? ''), t.textContent ?? '').toBeGreaterThanOrEqual(t.getComputedTextLength());
    }
    el.remove();
  });
});

describe('contour window', () => {
  it('holds the minimum (2, 2) after 10 Adam steps that stop short of it', async () => {
    const el = await mount('gs-optimizer', {
      expr: '3(x - 2)^2 + (y - 2)^2',
      start: '4,4',
      optimizer: 'adam',
      lr: '0.1',
      steps: '10',
      step: '10',
    });
    await settle(el);
    const contour = (el.shadowRoot as ShadowRoot).querySelector('gs-contour') as GsContour;
    const last = el.current?.path.at(-1) as number[];
    // The run has not reached the minimum…
    expect(Math.hypot((last[0] as number) - 2, (last[1] as number) - 2)).toBeGreaterThan(0.5);
    // …but the map shows it, with a margin.
    const [x0, x1, y0, y1] = contour.shownDomain();
    expect(x0).toBeLessThan(1.5);
    expect(x1).toBeGreaterThan(4);
    expect(y0).toBeLessThan(1.5);
    expect(y1).toBeGreaterThan(4);
    await page.screenshot({ path: '../screenshots/contour-minimum.png', element: contour });
    el.remove();
  });

  it('holds a minimum farther away than the first search reaches (start (−3, 4), the minimum 5 units off)', async () => {
    const el = await mount('gs-optimizer', {
      expr: '3(x - 2)^2 + (y - 2)^2',
      start: '-3,4',
      optimizer: 'adam',
      lr: '0.1',
      steps: '10',
      step: '10',
    });
    await settle(el);
    const contour = (el.shadowRoot as ShadowRoot).querySelector('gs-contour') as GsContour;
    const last = el.current?.path.at(-1) as number[];
    expect(Math.hypot((last[0] as number) - 2, (last[1] as number) - 2)).toBeGreaterThan(3);
    const [x0, x1, y0, y1] = contour.shownDomain();
    expect(x0).toBeLessThan(-3);
    expect(x1).toBeGreaterThan(2.5);
    expect(y0).toBeLessThan(1.5);
    expect(y1).toBeGreaterThan(4);
    el.remove();
  });

  it('offers equal axis scales', async () => {
    const el = await mount('gs-optimizer', {
      expr: '3(x - 2)^2 + (y - 2)^2',
      start: '4,4',
      lr: '0.1',
      domain: '0,10,0,2',
      'equal-axes': '',
    });
    await settle(el);
    const contour = (el.shadowRoot as ShadowRoot).querySelector('gs-contour') as GsContour;
    const svg = (contour.shadowRoot as ShadowRoot).querySelector('svg') as SVGSVGElement;
    const [x0, x1, y0, y1] = contour.shownDomain();
    const ticks = [...(contour.shadowRoot as ShadowRoot).querySelectorAll('.grid line')];
    expect(ticks.length).toBeGreaterThan(0);
    // One unit spans the same number of pixels both ways (plot area 42+14 by 14+34 px of margins).
    const w = Number(svg.viewBox.baseVal.width) - 56;
    const h = Number(svg.viewBox.baseVal.height) - 48;
    expect(w / (x1 - x0)).toBeCloseTo(h / (y1 - y0), 6);
    expect(x0).toBeLessThanOrEqual(0);
    expect(y1 - y0).toBeGreaterThan(2);
    el.remove();
  });
});

describe('tangent probe', () => {
  it('starts inside the domain of sqrt(1 − x²), on a range that fits [−1, 1]', async () => {
    const el = await mount('gs-derivative', { expr: 'sqrt(1 - x^2)' });
    await settle(el);
    const plot = (el.shadowRoot as ShadowRoot).querySelector('gs-plot') as HTMLElement & {
      probe: number;
      xmin: number;
      xmax: number;
    };
    expect(plot.probe).toBeGreaterThan(-1);
    expect(plot.probe).toBeLessThan(1);
    expect(plot.xmin).toBeGreaterThanOrEqual(-1.2);
    expect(plot.xmax).toBeLessThanOrEqual(1.2);
    expect(plot.xmin).toBeLessThan(-0.99);
    expect(plot.xmax).toBeGreaterThan(0.99);
    // The probe is drawn: f and its slope are real there.
    expect((plot.shadowRoot as ShadowRoot).querySelector('[part="probe"]')).not.toBeNull();
    expect((el.shadowRoot as ShadowRoot).querySelector('.slope')?.textContent).not.toContain('—');
    el.remove();
  });

  it('keeps [−5, 5] and x = 1 for a function real everywhere, and a given range', async () => {
    const el = await mount('gs-derivative', { expr: 'x^2' });
    await settle(el);
    const plot = (el.shadowRoot as ShadowRoot).querySelector('gs-plot') as HTMLElement & {
      probe: number;
      xmin: number;
      xmax: number;
    };
    expect([plot.xmin, plot.xmax, plot.probe]).toEqual([-5, 5, 1]);
    el.setAttribute('xmin', '-2');
    el.setAttribute('xmax', '3');
    await settle(el);
    expect([plot.xmin, plot.xmax]).toEqual([-2, 3]);
    el.remove();
  });
});

describe('3-D surface', () => {
  it('draws a colour scale with the range of z', async () => {
    const el = await mount('gs-surface', { expr: 'x^2 + y^2', domain: '-2,2,-2,2' });
    for (let i = 0; i < 20 && !(el.shadowRoot as ShadowRoot).querySelector('[part="scale"]'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      await (el as unknown as Updatable).updateComplete;
    }
    const scale = (el.shadowRoot as ShadowRoot).querySelector('[part="scale"]') as HTMLElement;
    expect(scale).not.toBeNull();
    expect(scale.textContent).toContain('8');
    expect(scale.getAttribute('aria-label')).toMatch(/0 … 8/);
    el.style.width = '500px';
    await new Promise((r) => setTimeout(r, 100));
    await page.screenshot({ path: '../screenshots/gs-surface-axes.png', element: el });
    el.remove();
  });
});
