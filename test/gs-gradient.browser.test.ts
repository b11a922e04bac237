import { expect, it } from 'vitest';
import '../components/define/gs-gradient.js';
import { mount, texIn } from './support/dom.js';

it("gs-gradient shows the lesson's partials, held-constant steps, the gradient and the Hessian", async () => {
  const el = await mount('gs-gradient', { expr: '3xy^2 + 4x^3 - 5y^2 + 1', vars: 'x,y', hessian: '' });
  const root = el.shadowRoot as ShadowRoot;
  const sections = root.querySelectorAll('[part="partial"]');
  expect(sections.length).toBe(2);
  const fx = texIn(sections[0] as Element).join(' ');
  const fy = texIn(sections[1] as Element).join(' ');
  expect(fx).toMatch(/12x\^\{2\}\+3y\^\{2\}|3y\^\{2\}\+12x\^\{2\}/);
  expect(fy).toContain('6xy-10y');
  expect((sections[0] as Element).querySelector('li.step[data-rule="held-constant"]')).not.toBeNull();
  expect(texIn(root.querySelector('[part="gradient"]') as Element)[0]).toContain('\\nabla f');
  expect(texIn(root.querySelector('[part="hessian"]') as Element)[0]).toContain('pmatrix');
});
