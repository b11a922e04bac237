import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import '../components/define/gs-contour.js';

it('gs-contour draws bands, paths and the gradient arrow for the lesson bowl', async () => {
  const el = document.createElement('gs-contour');
  el.style.width = '400px';
  el.fn = (x, y) => 3 * (x - 2) ** 2 + (y - 2) ** 2;
  el.domain = [-1, 5, -1, 5];
  el.paths = [
    {
      points: [
        [4, 4],
        [2.8, 3.6],
        [2.3, 3.3],
      ],
      label: 'gd',
    },
    {
      points: [
        [4, 4],
        [3, 3],
      ],
      label: 'adam',
    },
  ];
  el.arrows = [{ from: [4, 4], to: [3, 3.6], label: '−∇f' }];
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot as ShadowRoot;
  expect(root.querySelectorAll('path.band').length).toBeGreaterThan(5);
  expect(root.querySelectorAll('g.path').length).toBe(2);
  expect(root.querySelector('line.arrow')).not.toBeNull();
  expect(root.querySelector('[part="legend"]')?.textContent).toContain('adam');
  await page.screenshot({ path: '../screenshots/gs-contour.png', element: el });
});
