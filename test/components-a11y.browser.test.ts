import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import '../components/index.js';
import { mount } from './support/dom.js';

afterEach(() => {
  document.body.replaceChildren();
});

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

const EXAMPLES: [keyof HTMLElementTagNameMap, Record<string, string>][] = [
  ['gs-math', { expr: '3x^3 - 2x + 1' }],
  ['gs-derivative', { expr: '(2x-1)^3', editable: '' }],
  ['gs-gradient', { expr: '3(x-2)^2 + (y-2)^2', vars: 'x,y', hessian: '' }],
  ['gs-answer', { problem: '(2x-1)^3', reveal: '' }],
  ['gs-optimizer', { expr: 'x^2 - 4x + 6', start: '4', lr: '0.2', step: '2' }],
  ['gs-optimizer-race', { expr: '3(x-2)^2 + (y-2)^2', vars: 'x,y', start: '-3,4', steps: '10' }],
  // Two runs stop (g⊙g overflows): the list of stop messages under the plot.
  ['gs-optimizer-race', { expr: 'exp(x)', start: '470', optimizers: 'gd,adam,rmsprop', steps: '5' }],
  ['gs-surface', { expr: 'x^2 + y^2' }],
];

describe('accessibility (axe-core, serious and critical rules)', () => {
  for (const [tag, attributes] of EXAMPLES) {
    it(`${tag} (${Object.values(attributes)[0]}) has no serious accessibility violations`, async () => {
      await mount(tag, attributes);
      await new Promise((r) => requestAnimationFrame(r));
      expect(await violations()).toEqual([]);
    });
  }
});
