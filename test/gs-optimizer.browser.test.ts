import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../components/define/gs-optimizer.js';
import { deepQueryAll, mount, texIn } from './support/dom.js';

describe('gs-optimizer', () => {
  it("steps the lesson's gradient descent: x₁ = 3.2 after one next, iterates labelled on the curve", async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2 - 4x + 6', vars: 'x', start: '4', optimizer: 'gd', lr: '0.2' });
    const root = el.shadowRoot as ShadowRoot;
    const steps: number[] = [];
    document.addEventListener('gs-step-change', (e) => steps.push((e as CustomEvent<{ step: number }>).detail.step));
    el.focus();
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(steps).toEqual([1]);
    const formulas = texIn(root.querySelector('[part="formulas"]') as Element).join('\n');
    expect(formulas).toContain('= 3.2');
    expect(formulas).toContain('\\nabla f(4)');
    (root.querySelector('[part="controls"] button:nth-of-type(4)') as HTMLButtonElement).click();
    await el.updateComplete;
    const plot = root.querySelector('gs-plot') as HTMLElement & { updateComplete: Promise<unknown> };
    await plot.updateComplete;
    const labels = deepQueryAll(root, '.point-label').map((n) => n.textContent);
    expect(labels).toEqual(['x₀', 'x₁', 'x₂']);
    el.style.width = '400px';
    await page.screenshot({ path: '../screenshots/gs-optimizer.png', element: el });
  });

  it('holds the other names at the values of `at`, shows them, and re-prepares when they change', async () => {
    const el = await mount('gs-optimizer', { expr: 'a t^2 + b t', vars: 't', start: '3', lr: '0.1', at: 'a=2,b=-4' });
    const root = el.shadowRoot as ShadowRoot;
    // f'(t) = 2at + b = 8 at t = 3 with a = 2, b = −4
    expect(el.current?.steps[0]?.grad).toEqual([8]);
    expect(texIn(root.querySelector('[part="formulas"]') as Element).join('\n')).toContain('a = 2,\\quad b = -4');
    el.setAttribute('at', 'a=1,b=-4');
    await el.updateComplete;
    expect(el.current?.steps[0]?.grad).toEqual([2]);
    el.setAttribute('at', '');
    await el.updateComplete;
    expect(el.current).toBeUndefined();
    expect(root.querySelector('[role="alert"], .error')?.textContent).toContain('at: a=1, b=1');
  });

  it('keeps the step index when a hyper-parameter changes, and shows divergence at its step', async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2', start: '1', lr: '0.1', step: '3' });
    expect(el.step).toBe(3);
    el.setAttribute('lr', '0.2');
    await el.updateComplete;
    expect(el.step).toBe(3);
    expect(el.current?.lr).toBe(0.2);
    el.setAttribute('lr', '5');
    el.setAttribute('steps', '400');
    await el.updateComplete;
    expect(el.current?.status).toBe('diverged');
    el.step = el.current?.steps.length ?? 0;
    await el.updateComplete;
    expect((el.shadowRoot as ShadowRoot).querySelector('[part="status"].diverged')?.textContent).not.toBe('');
  });

  it('stops Adam with a message where g⊙g overflows (exp(x) from 470), in both languages', async () => {
    const el = await mount('gs-optimizer', { expr: 'exp(x)', optimizer: 'adam', start: '470', lr: '0.1', steps: '5' });
    expect(el.current?.status).toBe('stopped');
    el.step = el.current?.steps.length ?? 0;
    await el.updateComplete;
    const status = () => (el.shadowRoot as ShadowRoot).querySelector('[part="status"].stopped')?.textContent ?? '';
    expect(status()).toContain('overflowed to infinity');
    el.setAttribute('lang', 'ko');
    await el.updateComplete;
    expect(status()).toContain('무한대로 넘쳤습니다');
  });

  it('draws a contour map with the path and the step arrow for two variables', async () => {
    const el = await mount('gs-optimizer', {
      expr: '3(x-2)^2 + (y-2)^2',
      vars: 'x,y',
      start: '4,4',
      optimizer: 'adam',
      lr: '0.3',
      step: '5',
    });
    const root = el.shadowRoot as ShadowRoot;
    const contour = root.querySelector('gs-contour') as HTMLElement & { updateComplete: Promise<unknown> };
    await contour.updateComplete;
    expect(deepQueryAll(root, 'path.band').length).toBeGreaterThan(3);
    expect(deepQueryAll(root, 'line.arrow').length).toBe(1);
    expect(root.querySelectorAll('[part="history"] tbody tr').length).toBe(6);
  });

  it('runs SGD on mini-batches of a built-in data set and shows the batch rows', async () => {
    const el = await mount('gs-optimizer', {
      expr: '(w*x + b - y)^2',
      vars: 'w,b',
      start: '0,0',
      optimizer: 'sgd',
      lr: '0.05',
      data: 'line',
      'batch-size': '4',
      epochs: '2',
      seed: '7',
      step: '1',
    });
    expect((el.shadowRoot as ShadowRoot).querySelector('.batch')?.textContent).toMatch(/\d+, \d+, \d+, \d+/);
  });

  it('plays through the iterations with the space key and stops at the last one', async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2', start: '1', lr: '0.1', steps: '2' });
    el.focus();
    await userEvent.keyboard(' ');
    await expect.poll(() => el.step, { timeout: 5000 }).toBe(2);
    await el.updateComplete;
    const play = (el.shadowRoot as ShadowRoot).querySelector('[aria-pressed]') as HTMLButtonElement;
    await expect.poll(() => play.getAttribute('aria-pressed')).toBe('false');
  });

  it('leaves keys aimed at its own controls to them', async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2', start: '1', lr: '0.1', steps: '3' });
    const next = (el.shadowRoot as ShadowRoot).querySelector('[aria-label="Next step"]') as HTMLButtonElement;
    next.focus();
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(el.step).toBe(0); // the arrow key belongs to the focused button, not the stepper
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(el.step).toBe(1); // the button itself still works
  });

  it('reports an unusable setting inline instead of throwing', async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2', start: '1', lr: '-1' });
    expect((el.shadowRoot as ShadowRoot).querySelector('[part="error"]')?.textContent).toMatch(/learning rate/i);
  });

  it('numbers the mini-batch rows as its data table does, and marks them there', async () => {
    const el = await mount('gs-optimizer', {
      expr: '(w*x + b - y)^2',
      vars: 'w,b',
      start: '0,0',
      optimizer: 'sgd',
      lr: '0.05',
      data: 'line',
      'batch-size': '4',
      seed: '1',
      step: '1',
    });
    const root = el.shadowRoot as ShadowRoot;
    const numbers = el.current?.steps[0]?.batch?.numbers ?? [];
    expect(numbers.length).toBe(4);
    expect(root.querySelector('.batch')?.textContent).toContain(numbers.join(', '));
    expect(texIn(root.querySelector('[part="formulas"]') as Element).join('\n')).toContain(
      `\\{${numbers.join(', ')}\\}`,
    );
    const table = root.querySelector('[part="data-table"]') as HTMLDetailsElement;
    expect(table.querySelectorAll('tbody tr').length).toBe(20);
    const marked = [...table.querySelectorAll('tbody tr.current')].map((tr) =>
      Number.parseInt(tr.querySelector('td')?.textContent ?? '', 10),
    );
    expect(marked.sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('warns at the step where the loss has risen five times in a row', async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2 - 4x + 6', start: '4', lr: '1.1', steps: '20', step: '4' });
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="status"]')).toBeNull();
    el.step = 5;
    await el.updateComplete;
    expect(root.querySelector('[part="status"]')?.textContent).toMatch(/risen for 5 steps in a row/);
  });

  it('halves ε visibly on x² − 4x + 6 from 4 at ε = 1', async () => {
    const el = await mount('gs-optimizer', {
      expr: 'x^2 - 4x + 6',
      start: '4',
      optimizer: 'gd-halving',
      lr: '1',
      steps: '8',
      step: '1',
    });
    const formulas = texIn((el.shadowRoot as ShadowRoot).querySelector('[part="formulas"]') as Element).join('\n');
    expect(formulas).toContain('\\frac{1}{2^{1}}');
    expect(el.current?.path[1]).toEqual([2]);
  });
});
