import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../components/define/gs-plot.js';
import type { GsPlot, ProbeChangeDetail } from '../components/gs-plot.js';

async function mount(setup: (el: GsPlot) => void): Promise<GsPlot> {
  const el = document.createElement('gs-plot');
  el.style.width = '500px';
  setup(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('gs-plot', () => {
  it('draws a curve, labelled iterates and a legend', async () => {
    const f = (x: number) => x * x - 4 * x + 6;
    const xs = [4, 3.2, 2.72];
    const el = await mount((p) => {
      p.xmin = -1;
      p.xmax = 6;
      p.curves = [{ fn: f, label: 'f(x)' }];
      p.paths = [{ points: xs.map((x) => [x, f(x)] as const), labels: ['x₀', 'x₁', 'x₂'], label: 'ε = 0.2' }];
    });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelectorAll('path.curve').length).toBeGreaterThan(0);
    const labels = [...root.querySelectorAll('.point-label')].map((t) => t.textContent);
    expect(labels).toEqual(['x₀', 'x₁', 'x₂']);
    expect(root.querySelector('[part="legend"]')?.textContent).toContain('ε = 0.2');
    expect(root.querySelectorAll('.tick').length).toBeGreaterThan(4);
  });

  it('splits a curve at a pole instead of drawing a vertical line', async () => {
    const el = await mount((p) => {
      p.curves = [{ fn: (x) => 1 / x }];
    });
    expect((el.shadowRoot as ShadowRoot).querySelectorAll('path.curve').length).toBeGreaterThanOrEqual(2);
  });

  it('moves the probe with the keyboard, redraws the tangent and fires gs-probe-change', async () => {
    const el = await mount((p) => {
      p.curves = [{ fn: (x) => x * x }];
      p.slope = (x) => 2 * x;
      p.probe = 1;
    });
    const events: number[] = [];
    document.body.addEventListener('gs-probe-change', (e) =>
      events.push((e as CustomEvent<ProbeChangeDetail>).detail.x),
    );
    const probe = (el.shadowRoot as ShadowRoot).querySelector('[part="probe"]') as SVGCircleElement;
    expect(probe.getAttribute('role')).toBe('slider');
    probe.focus();
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(events).toEqual([1.1]);
    expect(el.probe).toBe(1.1);
    expect(probe.getAttribute('aria-valuetext')).toContain('f′(x) = 2.2');
    expect((el.shadowRoot as ShadowRoot).querySelector('.tangent')).not.toBeNull();
    await page.screenshot({ path: '../screenshots/gs-plot.png', element: el });
  });
});
