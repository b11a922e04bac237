import { expect, it } from 'vitest';
import '../components/define/gs-surface.js';
import { mount } from './support/dom.js';

it('gs-surface draws the surface on a canvas and rotates with the keyboard', async () => {
  const el = await mount('gs-surface', { expr: 'x^2 + y^2', domain: '-5,5,-5,5' });
  await expect.poll(() => el.drawCount).toBeGreaterThan(0); // the renderer chunk loads lazily
  const canvas = (el.shadowRoot as ShadowRoot).querySelector('canvas') as HTMLCanvasElement;
  const pixels = () => {
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) painted++;
    return { painted, sample: Array.from(data.slice(data.length / 2, data.length / 2 + 400)) };
  };
  const before = pixels();
  expect(before.painted).toBeGreaterThan(1000);
  const drawn = el.drawCount;
  canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
  await expect.poll(() => el.drawCount).toBeGreaterThan(drawn);
  expect(pixels().sample).not.toEqual(before.sample);
});

it('gs-surface shows an unreadable expression as an inline error', async () => {
  const el = await mount('gs-surface', { expr: 'x +* y' });
  await el.updateComplete;
  await el.updateComplete;
  expect((el.shadowRoot as ShadowRoot).querySelector('[part="error"]')).not.toBeNull();
});
