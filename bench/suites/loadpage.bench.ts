/**
 * A page of many elements (`npm run bench -- loadpage`): 200 `gs-derivative`, 50 `gs-answer`,
 * 10 `gs-optimizer` and 5 `gs-optimizer-race` with varied expressions, loaded through the embed
 * script, against a page of the same number (265) of plain KaTeX formulas (the same functions'
 * TeX, `katex.render` in a loop) and a plain `<input>`, both measured in the same run in headless
 * Chromium. Reported for both: time to render the first screen, long tasks (PerformanceObserver
 * `longtask`) from navigation until the page has been quiet for a second, the longest task, DOM
 * nodes (shadow roots included), JS heap after a GC, and keystroke-to-frame latency: from a key's
 * `keydown` timestamp to the first animation frame after its `input` event, over 40 keystrokes
 * into an answer box (on the plain page: into the input). Afterwards the load page is scrolled
 * to the end, one screen at a time, and the long tasks during that scroll are reported too.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
// @ts-expect-error -- plain ESM helper shared with the scripts
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/chromium-path.mjs';
import { parse } from '../../src/expr/parse.js';
import { toTex } from '../../src/expr/print-tex.js';
import { median, table } from '../harness.js';
import { bundle, serve } from './bundle.bench.js';

const OUT = 'dist/bench-loadpage';
const RUNS = Number(process.env.LOADPAGE_RUNS ?? 3);
const KEYSTROKES = 40;

/** Varied one-variable functions; `k` varies the coefficients so no two elements are the same. */
const FUNCTIONS: readonly ((k: number) => string)[] = [
  (k) => `${k}x^3 - 2x + 1`,
  (k) => `sin(${k}x) * x^2`,
  (k) => `exp(-x^2 / ${k})`,
  (k) => `ln(x^2 + ${k})`,
  (k) => `(x^2 + 1) / (x - ${k})`,
  (k) => `sqrt(${k} + x^2)`,
  (k) => `x * exp(${k}x)`,
  (k) => `cos(x)^2 + sin(${k}x)`,
  (k) => `atan(x / ${k})`,
  (k) => `tan(${k}x) / x`,
  (k) => `(${k}x + 1)^5`,
  (k) => `x^2 ln(x + ${k})`,
  (k) => `1 / (1 + exp(-${k}x))`,
  (k) => `sin(x) cos(${k}x)`,
  (k) => `(x - ${k})^2 (x + 1)^3`,
  (k) => `sqrt(x) + ${k}/x`,
  (k) => `exp(sin(${k}x))`,
  (k) => `x^${k + 1} - ${k}x^2`,
  (k) => `ln(cos(x) + ${k + 1})`,
  (k) => `asin(x / ${k + 1})`,
];

const fn = (i: number) => (FUNCTIONS[i % FUNCTIONS.length] as (k: number) => string)(1 + Math.floor(i / 20));

const OPTIMIZERS = ['gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'gd-halving', 'newton'];

function loadPage(): string {
  const parts: string[] = [];
  let d = 0;
  let a = 0;
  let o = 0;
  let r = 0;
  // Interleaved as a course page would be: derivatives, now and then an exercise, an optimizer or a race.
  for (let i = 0; i < 265; i++) {
    if (i % 5 === 4 && a < 50) {
      parts.push(`<gs-answer problem="${fn(a + 7)}" reveal></gs-answer>`);
      a++;
    } else if (i % 26 === 12 && o < 10) {
      const opt = OPTIMIZERS[o % OPTIMIZERS.length];
      parts.push(
        o % 2
          ? `<gs-optimizer expr="x^2 + ${o + 2}y^2" vars="x,y" start="3,2" optimizer="${opt}" lr="0.05" steps="30"></gs-optimizer>`
          : `<gs-optimizer expr="(x - ${o})^2 + 1" start="${o + 4}" optimizer="${opt}" lr="0.1" steps="20"></gs-optimizer>`,
      );
      o++;
    } else if (i % 52 === 38 && r < 5) {
      parts.push(`<gs-optimizer-race expr="x^2 + ${r + 5}y^2" vars="x,y" start="4,3" steps="40"></gs-optimizer-race>`);
      r++;
    } else if (d < 200) {
      parts.push(`<gs-derivative expr="${fn(d)}"></gs-derivative>`);
      d++;
    }
  }
  // Whatever the interleaving left out goes at the end (the counts are part of the benchmark).
  for (; a < 50; a++) parts.push(`<gs-answer problem="${fn(a + 7)}" reveal></gs-answer>`);
  for (; o < 10; o++) parts.push(`<gs-optimizer expr="(x - ${o})^2" start="4" steps="20"></gs-optimizer>`);
  for (; r < 5; r++)
    parts.push(`<gs-optimizer-race expr="x^2 + ${r + 5}y^2" vars="x,y" start="4,3"></gs-optimizer-race>`);
  for (; d < 200; d++) parts.push(`<gs-derivative expr="${fn(d)}"></gs-derivative>`);
  const counts = ['gs-derivative', 'gs-answer', 'gs-optimizer ', 'gs-optimizer-race'].map(
    (tag) => parts.filter((p) => p.startsWith(`<${tag}`)).length,
  );
  if (counts.join() !== '200,50,10,5') throw new Error(`load page has ${counts.join()} elements`);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>gradstep load page</title>
<style>body{max-width:52rem;margin:1rem auto;padding:0 1rem;font-family:system-ui,sans-serif} body>*{margin:1.2rem 0}</style>
<script type="module" src="./gradstep/main.js"></script>
<h1>Many elements</h1>
${parts.join('\n')}`;
}

function plainPage(): string {
  const formulas: string[] = [];
  for (let i = 0; i < 265; i++) formulas.push(`f(x) = ${toTex(parse(fn(i)).expr)}`);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>plain KaTeX page</title>
<style>body{max-width:52rem;margin:1rem auto;padding:0 1rem;font-family:system-ui,sans-serif} .f{margin:1.2rem 0}</style>
<h1>Many formulas</h1>
<input id="answer" aria-label="answer">
<div id="out"></div>
<script type="module">
import { katex } from './katex/main.js';
const formulas = ${JSON.stringify(formulas)};
const out = document.getElementById('out');
for (const tex of formulas) {
  const div = document.createElement('div');
  div.className = 'f';
  katex.render(tex, div, { displayMode: true, throwOnError: false });
  out.append(div);
}
window.rendered = true;
</script>`;
}

/** Installed before any script of the page runs. */
const INIT = `
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
`;

interface Figures {
  firstScreen: number;
  settled: number;
  longTotal: number;
  longest: number;
  nodes: number;
  heapMb: number;
  keyP50: number;
  keyP95: number;
  scrollLongTotal?: number;
  scrollLongest?: number;
  nodesAfterScroll?: number;
}

/** Every node of the document, shadow roots included. */
const COUNT_NODES = `(() => {
  let n = 0;
  const walk = (root) => {
    const it = document.createNodeIterator(root);
    for (let node = it.nextNode(); node; node = it.nextNode()) {
      n++;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  return n;
})()`;

/** Waits until no long task has ended for `quietMs` (at most `maxMs`); returns when the last one ended. */
async function settle(page: Page, quietMs = 1000, maxMs = 60_000): Promise<number> {
  return page.evaluate(
    ([quiet, max]) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
        const start = performance.now();
        const lastEnd = () => {
          const last = w.__longTasks.at(-1);
          return last ? last.start + last.duration : 0;
        };
        const tick = () => {
          const now = performance.now();
          if (now - Math.max(lastEnd(), start) >= quiet || now - start > max) resolve(lastEnd());
          else setTimeout(tick, 100);
        };
        tick();
      }),
    [quietMs, maxMs] as const,
  );
}

/** Keystroke-to-frame latency into `selector`'s input (a function returning the input element). */
async function keystrokes(page: Page, findInput: string): Promise<number[]> {
  await page.evaluate(`(() => {
    const input = ${findInput};
    input.scrollIntoView({ block: 'center' });
    input.focus();
    window.__keys = [];
    let down = 0;
    input.addEventListener('keydown', (e) => { down = e.timeStamp; });
    input.addEventListener('input', () => {
      const t0 = down;
      requestAnimationFrame(() => window.__keys.push(performance.now() - t0));
    });
  })()`);
  await page.waitForTimeout(300);
  const text = '3x^2 cos(x) + 2sin(x)';
  const keys = [...text, ...Array.from({ length: KEYSTROKES - text.length }, () => 'Backspace')];
  for (const [i, key] of keys.entries()) {
    await page.keyboard.press(key);
    await page.waitForFunction(`window.__keys.length >= ${i + 1}`);
    // A person types about 5 keys a second.
    await page.waitForTimeout(120);
  }
  return page.evaluate('window.__keys') as Promise<number[]>;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function longTasks(page: Page, from = 0): Promise<{ total: number; longest: number }> {
  const tasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  const after = tasks.filter((t) => t.start >= from);
  return {
    total: after.reduce((s, t) => s + t.duration, 0),
    longest: after.reduce((m, t) => Math.max(m, t.duration), 0),
  };
}

async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

async function measure(browser: Browser, url: string, kind: 'load' | 'plain'): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  await page.goto(url);
  // The first screen: every element that intersects the viewport shows its typeset content.
  const firstScreen =
    kind === 'plain'
      ? `window.rendered === true`
      : `(() => {
          const els = [...document.querySelectorAll('gs-derivative, gs-answer, gs-optimizer, gs-optimizer-race')];
          const onScreen = els.filter((el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
          if (els.length !== 265 || !onScreen.length) return false;
          return onScreen.every((el) => {
            const root = el.shadowRoot;
            if (!root || !root.querySelector('.katex, svg')) return false;
            return ![...root.querySelectorAll('.pending')].some((p) => {
              const r = p.getBoundingClientRect();
              return p.checkVisibility() && r.top < innerHeight && r.bottom > 0;
            });
          });
        })()`;
  await page.waitForFunction(firstScreen, undefined, { timeout: 120_000, polling: 50 });
  const firstMs = (await page.evaluate('performance.now()')) as number;
  const settled = await settle(page);
  const load = await longTasks(page);
  const nodes = (await page.evaluate(COUNT_NODES)) as number;
  const heapMb = await heap(page);
  if (kind === 'load') {
    // The first answer box is below the first screen: scroll to it, let it and its neighbours render.
    await page.evaluate(`document.querySelector('gs-answer').scrollIntoView({ block: 'center' })`);
    await page.waitForFunction(`Boolean(document.querySelector('gs-answer').shadowRoot?.querySelector('input'))`);
    await settle(page);
  }
  const keys = await keystrokes(
    page,
    kind === 'plain'
      ? `document.getElementById('answer')`
      : `document.querySelector('gs-answer').shadowRoot.querySelector('input')`,
  );
  const figures: Figures = {
    firstScreen: firstMs,
    settled: Math.max(settled, firstMs),
    longTotal: load.total,
    longest: load.longest,
    nodes,
    heapMb,
    keyP50: percentile(keys, 50),
    keyP95: percentile(keys, 95),
  };
  // Reading the whole page: one screen at a time, a screen every 300 ms.
  const before = (await page.evaluate('performance.now()')) as number;
  for (;;) {
    const more = await page.evaluate('(() => { const y = scrollY; scrollBy(0, innerHeight); return scrollY > y; })()');
    await page.waitForTimeout(300);
    if (!more) break;
  }
  await settle(page, 1000, 60_000);
  const scroll = await longTasks(page, before);
  figures.scrollLongTotal = scroll.total;
  figures.scrollLongest = scroll.longest;
  figures.nodesAfterScroll = (await page.evaluate(COUNT_NODES)) as number;
  await context.close();
  return figures;
}

export async function run(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'katex-only.ts'), "import katex from 'katex';\nexport { katex };\n");
  await bundle('components/cdn.ts', join(OUT, 'gradstep'));
  await bundle(join(OUT, 'katex-only.ts'), join(OUT, 'katex'));
  writeFileSync(join(OUT, 'load.html'), loadPage());
  writeFileSync(join(OUT, 'plain.html'), plainPage());

  const server = await serve(OUT);
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_FLAGS as string[] });
  const runs = { load: [] as Figures[], plain: [] as Figures[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      runs.plain.push(await measure(browser, `http://127.0.0.1:${port}/plain.html`, 'plain'));
      runs.load.push(await measure(browser, `http://127.0.0.1:${port}/load.html`, 'load'));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const med = (kind: 'load' | 'plain', key: keyof Figures) => median(runs[kind].map((f) => f[key] ?? 0));
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const ratio = (key: keyof Figures) => {
    const base = med('plain', key);
    return base > 0 ? `${(med('load', key) / base).toFixed(2)}×` : '—';
  };
  const row = (label: string, key: keyof Figures, fmt: (n: number) => string, target = '') => [
    label,
    fmt(med('load', key)),
    fmt(med('plain', key)),
    ratio(key),
    target,
  ];
  const count = (n: number) => n.toLocaleString('en-US');
  return [
    '## Load page (`npm run bench -- loadpage`)',
    '',
    `200 \`gs-derivative\`, 50 \`gs-answer\` (with \`reveal\`), 10 \`gs-optimizer\`, 5 \`gs-optimizer-race\` through the embed script, against 265 plain KaTeX formulas of the same functions and a plain \`<input>\`; Chromium, 1280 × 900 viewport, median of ${RUNS} runs each (pairs alternate).`,
    '',
    table(
      ['measure', 'load page', 'plain KaTeX page (same run)', 'ratio', 'target'],
      [
        row('navigation → first screen rendered', 'firstScreen', ms),
        row('navigation → last long task (quiet for 1 s)', 'settled', ms),
        row('long tasks in total, until quiet', 'longTotal', ms, '≤ 1.5× the plain page'),
        row('longest task', 'longest', ms, '≤ 200 ms'),
        row('DOM nodes (shadow roots included), once quiet', 'nodes', count),
        row('JS heap after GC', 'heapMb', (n) => `${n.toFixed(1)} MB`),
        row(`keystroke → next frame, p50 of ${KEYSTROKES}`, 'keyP50', (n) => `${n.toFixed(1)} ms`),
        row(`keystroke → next frame, p95 of ${KEYSTROKES}`, 'keyP95', (n) => `${n.toFixed(1)} ms`, '≤ 50 ms'),
        row('scrolling to the end, a screen per 300 ms: long tasks in total', 'scrollLongTotal', ms),
        row('scrolling to the end: longest task', 'scrollLongest', ms),
        row('DOM nodes after scrolling to the end', 'nodesAfterScroll', count),
      ],
    ),
    '',
    `Each run: ${['load', 'plain']
      .map(
        (k) =>
          `${k} ${runs[k as 'load' | 'plain'].map((f) => `${ms(f.longTotal)} long / ${ms(f.longest)} max / p95 ${f.keyP95.toFixed(0)} ms`).join(', ')}`,
      )
      .join('; ')}.`,
  ].join('\n');
}
