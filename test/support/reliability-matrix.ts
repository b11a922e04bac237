import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../components/index.js';
import type { AttributeLimit } from '../../components/shared/limits.js';
import { deepQueryAll, mount } from './dom.js';

/**
 * The reliability matrix: every element × every attribute it declares a limit for × hostile values, in real
 * Chromium: nothing runs (a page-level flag), nothing is thrown uncaught, and every
 * refused value is named in a visible message. `reliability-csp.browser.test.ts` runs
 * the same matrix under a strict Content-Security-Policy without 'unsafe-eval'.
 */

declare global {
  interface Window {
    __gsPwned?: boolean;
  }
}

const TAGS = [
  'gs-math',
  'gs-derivative',
  'gs-gradient',
  'gs-answer',
  'gs-plot',
  'gs-contour',
  'gs-surface',
  'gs-optimizer',
  'gs-optimizer-race',
] as const;

/** The base attributes that make each element show something. */
const BASE: Record<(typeof TAGS)[number], Record<string, string>> = {
  'gs-math': { expr: 'x^2' },
  'gs-derivative': { expr: 'x^2', plot: 'none' },
  'gs-gradient': { expr: 'x*y' },
  'gs-answer': { problem: 'x^2' },
  'gs-plot': {},
  'gs-contour': {},
  'gs-surface': { expr: 'x*y' },
  'gs-optimizer': { expr: 'x^2', start: '1', steps: '3' },
  'gs-optimizer-race': { expr: 'x^2', start: '1', steps: '3', optimizers: 'gd,adam' },
};

const HOSTILE_NUMBERS = [
  '1e309',
  '-1e309',
  'Infinity',
  'NaN',
  '1e13',
  '-1e13',
  '0x10',
  '<img src=x onerror="window.__gsPwned=true">',
  '1\u202e0',
];
const HOSTILE_TEXT = ['a'.repeat(100_000), `x${'\u202e'.repeat(5000)}`];
const HOSTILE_LISTS = [
  '1e309,1',
  'NaN',
  '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26',
  '-1e9,1e9,0,1',
];

function hostileFor(limit: AttributeLimit): string[] {
  if (limit.kind === 'number') return HOSTILE_NUMBERS;
  if (limit.kind === 'text') return HOSTILE_TEXT;
  return limit.increasingPairs ? [...HOSTILE_LISTS, '5,1,0,1'] : HOSTILE_LISTS;
}

const toAttribute = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const uncaught: string[] = [];
beforeAll(() => {
  window.addEventListener('error', (e) => uncaught.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => uncaught.push(String(e.reason)));
});
afterEach(() => {
  document.body.replaceChildren();
});

/**
 * The longest main-thread task (Long Tasks API) while `work` runs, in ms. Entries arrive after
 * their task ends, so a frame and a macrotask pass before the observer is read.
 */
export async function longestTaskDuring(work: () => Promise<void>): Promise<number> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  try {
    await work();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
  } finally {
    observer.disconnect();
  }
  return Math.max(0, ...durations);
}

/** The most a hostile value may block the main thread (the bound; every value's work is bounded). */
export const MAIN_THREAD_BOUND_MS = 200;

function refusedIn(el: Element): string[] {
  return deepQueryAll(el.shadowRoot as ShadowRoot, '.attribute-error [data-attribute]').map(
    (m) => m.getAttribute('data-attribute') ?? '',
  );
}

export function reliabilityMatrix(): void {
  for (const tag of TAGS) {
    describe(tag, () => {
      it('refuses every hostile value of every limited attribute, visibly, and runs nothing', async () => {
        const ctor = customElements.get(tag) as unknown as { limits: Record<string, AttributeLimit> };
        const blocks: [string, number][] = [];
        // Warm up: the element's first render compiles its code paths (not any value's work); then
        // the longest task of an ordinary render, with the base attributes only.
        (await mount(tag, BASE[tag])).remove();
        const ordinary = await longestTaskDuring(async () => {
          (await mount(tag, BASE[tag])).remove();
        });
        expect(ctor.limits, `${tag} declares its limits`).toBeDefined();
        for (const [key, limit] of Object.entries(ctor.limits)) {
          const attribute = toAttribute(key);
          for (const value of hostileFor(limit)) {
            window.__gsPwned = false;
            let el: HTMLElement | undefined;
            const longest = await longestTaskDuring(async () => {
              el = await mount(tag, { ...BASE[tag], [attribute]: value });
              await new Promise((r) => setTimeout(r, 0));
            });
            if (!el) throw new Error('not mounted');
            expect(window.__gsPwned).toBe(false);
            blocks.push([`${tag} ${attribute}=${value.slice(0, 30)}`, longest]);
            const refused = refusedIn(el);
            // The values above are all outside every documented range (or malformed).
            expect(refused, `${tag} ${attribute}=${value.slice(0, 30)}`).toContain(attribute);
            // Nothing of the value is rendered as markup.
            expect(deepQueryAll(el.shadowRoot as ShadowRoot, 'img, script, iframe')).toEqual([]);
            // The message never echoes a long value in full.
            for (const m of deepQueryAll(el.shadowRoot as ShadowRoot, '.attribute-error'))
              expect((m.textContent ?? '').length).toBeLessThan(2000);
            el.remove();
          }
        }
        expect(uncaught).toEqual([]);
        // No hostile value blocks the main thread for long: under the 200 ms, or, where the
        // element's ordinary render alone takes longer on this machine (the 3-D surface's software
        // WebGL, a race's plots on a loaded machine), no longer than twice that ordinary render.
        const bound = Math.max(MAIN_THREAD_BOUND_MS, 2 * ordinary);
        const over = blocks.filter(([, ms]) => ms >= bound);
        expect(over, `values that blocked the main thread (ms; ordinary render ${ordinary} ms)`).toEqual([]);
      });
    });
  }
}
