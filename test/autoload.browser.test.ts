import { expect, it } from 'vitest';
import { autoload } from '../components/autoload.js';

it('loads an element the page uses only when its tag appears, then upgrades it', async () => {
  expect(customElements.get('gs-optimizer')).toBeUndefined();
  autoload();
  const el = document.createElement('gs-optimizer');
  el.setAttribute('expr', 'x^2 - 4x + 6');
  el.setAttribute('start', '4');
  el.setAttribute('lr', '0.2');
  el.setAttribute('step', '1');
  document.body.append(el);
  await customElements.whenDefined('gs-optimizer');
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  expect(el.shadowRoot?.querySelector('[part="formulas"]')?.textContent).toContain('3.2');
  // Tags the page never uses are never fetched.
  expect(customElements.get('gs-optimizer-race')).toBeUndefined();
});
