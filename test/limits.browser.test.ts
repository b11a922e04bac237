import { afterEach, describe, expect, it } from 'vitest';
import '../components/index.js';
import { RACE_STEP_BUDGET } from '../components/shared/limits.js';
import { deepQueryAll, mount } from './support/dom.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** Waits for nested elements (plots inside derivatives) to render too. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

function messages(el: Element): string[] {
  return [...(el.shadowRoot?.querySelectorAll('.attribute-error [data-attribute]') ?? [])].map(
    (m) => m.textContent ?? '',
  );
}

/** Every SVG attribute value under the element that is not a number where a coordinate belongs. */
function badCoordinates(root: Element): string[] {
  const bad: string[] = [];
  for (const el of deepQueryAll(root, 'svg *, svg')) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/NaN|Infinity/.test(value)) bad.push(`${el.tagName} ${name}=${value.slice(0, 60)}`);
    }
  }
  return bad;
}

describe('numeric attributes are checked against a documented range', () => {
  for (const height of ['1e6', '1e309', 'Infinity', '-5', 'NaN', 'abc', '0x10']) {
    it(`gs-plot height="${height}" is refused with a message and the default height`, async () => {
      const el = await mount('gs-plot', { height });
      (el as unknown as { curves: unknown }).curves = [{ fn: (x: number) => x * x }];
      await el.updateComplete;
      const shown = messages(el);
      expect(shown).toHaveLength(1);
      expect(shown[0]).toContain(`height="${height}"`);
      expect(el.shadowRoot?.querySelector('svg')?.getAttribute('height')).toBe('260');
      expect(badCoordinates(el)).toEqual([]);
    });
  }

  it('an accepted value is used and shows no message', async () => {
    const el = await mount('gs-plot', { height: '300' });
    expect(messages(el)).toEqual([]);
    expect(el.shadowRoot?.querySelector('svg')?.getAttribute('height')).toBe('300');
  });

  it('the message stays while the refused value stays, and goes when a good one is set', async () => {
    const el = await mount('gs-plot', { height: '1e7' });
    el.label = 'again';
    await el.updateComplete;
    expect(messages(el)).toHaveLength(1);
    el.setAttribute('height', '200');
    await el.updateComplete;
    expect(messages(el)).toEqual([]);
    expect(el.shadowRoot?.querySelector('svg')?.getAttribute('height')).toBe('200');
  });

  it('speaks Korean on a Korean page', async () => {
    const el = await mount('gs-plot', { height: '1e9', lang: 'ko' });
    expect(messages(el)[0]).toContain('범위');
  });

  it('gs-derivative refuses order="1e9" and a huge plot range, and still derives', async () => {
    const el = await mount('gs-derivative', { expr: 'x^2', order: '1e9', xmin: '-1e308', xmax: '1e309' });
    await settle();
    const shown = messages(el).join('\n');
    expect(shown).toContain('order="1e9"');
    expect(shown).toContain('xmin="-1e308"');
    expect(shown).toContain('xmax="1e309"');
    expect(el.current?.order).toBe(1);
    expect(badCoordinates(el)).toEqual([]);
  });

  it('x^1e308 and 1/x near 0 put no NaN or Infinity into the SVG', async () => {
    for (const expr of ['x^1e308', 'exp(exp(x))', '1e308*x', '1/(x-1)']) {
      const el = await mount('gs-derivative', { expr });
      await settle();
      expect(badCoordinates(el), expr).toEqual([]);
    }
  });

  it('gs-optimizer refuses non-finite and out-of-range settings by name', async () => {
    const el = await mount('gs-optimizer', { expr: 'x^2', start: '1e400', lr: 'Infinity', steps: '1e9' });
    const shown = messages(el).join('\n');
    for (const attr of ['start', 'lr', 'steps']) expect(shown).toContain(`${attr}=`);
    // The refused start is not used: the engine then says a start is needed, visibly.
    expect(el.current).toBeUndefined();
    expect(el.shadowRoot?.querySelectorAll('[part="error"]').length).toBeGreaterThanOrEqual(2);
  });

  it('gs-optimizer-race refuses steps="1e9" and shares a step budget between its runs', async () => {
    const refused = await mount('gs-optimizer-race', { expr: 'x^2', start: '3', steps: '1e9' });
    expect(messages(refused).join()).toContain('steps="1e9"');
    const capped = await mount('gs-optimizer-race', {
      expr: 'x^2',
      start: '3',
      steps: '2000',
      optimizers: 'gd,momentum,nesterov,adagrad,rmsprop,adam,gd,adam',
    });
    const total = capped.current.reduce((n, r) => n + (r.trace?.steps.length ?? 0), 0);
    expect(total).toBeLessThanOrEqual(RACE_STEP_BUDGET);
    expect(capped.shadowRoot?.querySelector('.budget')?.textContent).toContain(String(RACE_STEP_BUDGET));
  });

  it('gs-surface and gs-contour refuse a domain that is not finite or out of order', async () => {
    const s = await mount('gs-surface', { expr: 'x*y', domain: '-1e309,1,2,3' });
    expect(messages(s).join()).toContain('domain=');
    const c = await mount('gs-contour', { domain: '5,1,0,1' });
    expect(messages(c).join()).toContain('domain=');
  });
});

describe('text attributes are capped', () => {
  it('gs-math refuses TeX longer than 2000 characters, quickly and visibly', async () => {
    const el = await mount('gs-math', { tex: 'x+'.repeat(50_000) });
    expect(messages(el)[0]).toContain('tex');
    expect(el.shadowRoot?.querySelector('.katex')).toBeNull();
  });

  it('names of 100,000 letters are refused in every element that takes them', async () => {
    const long = 'a'.repeat(100_000);
    for (const [tag, attrs] of [
      ['gs-derivative', { expr: 'x^2', wrt: long, vars: long }],
      ['gs-answer', { problem: 'x^2', wrt: long, vars: long }],
      ['gs-gradient', { expr: 'x*y', vars: long }],
      ['gs-math', { expr: 'x', vars: long }],
    ] as const) {
      const el = await mount(tag, attrs);
      const shown = messages(el).join('\n');
      expect(shown, tag).toContain('vars');
      // The message names the attribute and the size, without echoing 100 kB.
      expect(shown.length, tag).toBeLessThan(1000);
    }
  });

  it('a bidi override in a refused value is shown by its code point', async () => {
    const el = await mount('gs-plot', { height: '1\u202e0' });
    expect(messages(el)[0]).toContain('<U+202E>');
  });
});

describe('an element with nothing to show says so', () => {
  for (const tag of [
    'gs-derivative',
    'gs-gradient',
    'gs-graph',
    'gs-optimizer',
    'gs-optimizer-race',
    'gs-surface',
  ] as const) {
    it(`${tag} with an empty expr shows a hint`, async () => {
      const el = await mount(tag, { expr: '' });
      expect(el.shadowRoot?.querySelector('[part="hint"]')?.textContent).toContain('expr');
    });
  }

  it('gs-answer without a problem shows a hint', async () => {
    const el = await mount('gs-answer', {});
    expect(el.shadowRoot?.querySelector('[part="hint"]')?.textContent).toContain('problem');
  });

  it('gs-optimizer-race with optimizers="" shows a hint', async () => {
    const el = await mount('gs-optimizer-race', { expr: 'x^2', start: '1', optimizers: '' });
    expect(el.shadowRoot?.querySelector('[part="hint"]')?.textContent).toContain('optimizers');
  });
});
