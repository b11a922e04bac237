import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../components/define/gs-graph.js';
import '../components/define/gs-optimizer.js';
import { mount } from './support/dom.js';

type Stepper = HTMLElement & {
  step: number;
  updateComplete: Promise<unknown>;
  next(): void;
  previous(): void;
  reset(): void;
  play(): void;
  pause(): void;
};

const ELEMENTS = [
  {
    tag: 'gs-graph',
    attrs: { expr: '(sigmoid(w*x + b) - y)^2', params: 'w,b', at: 'w=0.5, b=0.1, x=2, y=1' },
    count: (el: Stepper) => (el as unknown as { steps: readonly unknown[] }).steps.length,
  },
  {
    tag: 'gs-optimizer',
    attrs: { expr: 'x^2 - 4x + 6', vars: 'x', start: '4', optimizer: 'gd', lr: '0.2', steps: '6', interval: '20' },
    count: (el: Stepper) =>
      (el as unknown as { current: { steps: readonly unknown[] } | undefined }).current?.steps.length ?? 0,
  },
] as const;

describe('the shared stepper (one controller in gs-graph and gs-optimizer)', () => {
  for (const { tag, attrs, count } of ELEMENTS) {
    it(`${tag}: → ← End Home and space move the step and send one gs-step-change each`, async () => {
      const el = (await mount(tag, attrs)) as unknown as Stepper;
      const last = count(el);
      expect(last).toBeGreaterThan(2);
      expect(el.tabIndex).toBe(0);
      const steps: number[] = [];
      el.addEventListener('gs-step-change', (e) => steps.push((e as CustomEvent<{ step: number }>).detail.step));
      el.focus();
      for (const key of [
        '{ArrowRight}',
        '{ArrowRight}',
        '{ArrowLeft}',
        '{End}',
        '{ArrowRight}',
        '{Home}',
        '{ArrowLeft}',
      ]) {
        await userEvent.keyboard(key);
        await el.updateComplete;
      }
      // → at the end and ← at the start change nothing and send nothing.
      expect(steps).toEqual([1, 2, 1, last, 0]);
      expect(el.getAttribute('step')).toBe('0');
      // The public methods are the same controller's.
      el.next();
      el.next();
      el.previous();
      await el.updateComplete;
      expect(el.step).toBe(1);
      el.reset();
      await el.updateComplete;
      expect(el.step).toBe(0);
      // Space plays (the play button pressed); space again pauses.
      await userEvent.keyboard(' ');
      await el.updateComplete;
      const play = (el.shadowRoot as ShadowRoot).querySelector('[part="controls"] button[aria-pressed]');
      expect(play?.getAttribute('aria-pressed')).toBe('true');
      await userEvent.keyboard(' ');
      await el.updateComplete;
      expect(play?.getAttribute('aria-pressed')).toBe('false');
      // Keys with a modifier, or aimed at a button inside, are not the stepper's.
      const before = el.step;
      await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
      (play as HTMLButtonElement).focus();
      await userEvent.keyboard('{ArrowRight}');
      await el.updateComplete;
      expect(el.step).toBe(before);
      el.remove();
    });
  }

  it('stops playing when the element leaves the page', async () => {
    const el = (await mount('gs-optimizer', ELEMENTS[1].attrs)) as unknown as Stepper;
    el.play();
    el.remove();
    const at = el.step;
    await new Promise((r) => setTimeout(r, 120));
    expect(el.step).toBe(at);
  });
});
