/**
 * The embed bundle: the gzip size of what a page loads up front (the entry and the
 * chunks it imports statically; the autoloaded elements and the 3-D renderer come later) against
 * mathjs's own `derivative` import bundled the same way, and the time from script
 * load to the first rendered derivation in headless Chromium against a page that
 * only loads KaTeX and renders one formula. Both baselines are built and measured
 * in the same run.
 */

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error -- plain ESM helper shared with the scripts
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/chromium-path.mjs';
import { median, table } from '../harness.js';

const OUT = 'dist/bench-bundle';

export async function bundle(entry: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    base: './',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        input: { main: entry },
        preserveEntrySignatures: 'exports-only',
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  });
}

export function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f));
}

export const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The entry and every file it imports statically, transitively (dynamic `import()`s are left out). */
export function eagerFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:import|export)\s*(?:[\w*$\s{},]*?\bfrom\s*)?"(\.{1,2}\/[^"]+\.js)"/g)) {
      visit(join(dirname(file), m[1] as string));
    }
  };
  visit(entry);
  return [...seen];
}

/** A static file server on a free loopback port, for pages the benches load in Chromium. */
export function serve(root: string): Promise<Server> {
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.html': 'text/html',
    '.css': 'text/css',
    '.woff2': 'font/woff2',
  };
  const server = createServer((req, res) => {
    const path = join(root, decodeURIComponent((req.url ?? '/').split('?')[0] as string));
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(readFileSync(path));
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function run(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'mathjs-derivative.ts'), "export { derivative } from 'mathjs';\n");
  writeFileSync(join(OUT, 'katex-only.ts'), "import katex from 'katex';\nexport { katex };\n");
  await bundle('components/cdn.ts', join(OUT, 'gradstep'));
  await bundle(join(OUT, 'mathjs-derivative.ts'), join(OUT, 'mathjs'));
  await bundle(join(OUT, 'katex-only.ts'), join(OUT, 'katex'));

  const ours = jsFiles(join(OUT, 'gradstep'));
  const eagerSet = new Set(eagerFiles(join(OUT, 'gradstep', 'main.js')));
  const eager = [...eagerSet].reduce((s, f) => s + gz(f), 0);
  const surface = ours.filter((f) => f.includes('surface')).reduce((s, f) => s + gz(f), 0);
  const lazy = ours.filter((f) => !eagerSet.has(f) && !f.includes('surface')).reduce((s, f) => s + gz(f), 0);
  const mathjs = jsFiles(join(OUT, 'mathjs')).reduce((s, f) => s + gz(f), 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

  // Time to first rendered derivation, in the system Chromium.
  writeFileSync(
    join(OUT, 'derivation.html'),
    `<!doctype html><meta charset="utf-8"><script>window.t0=performance.now()</script>
<script type="module" src="./gradstep/main.js"></script>
<gs-derivative expr="3x^3 - 2x + 1"></gs-derivative>`,
  );
  writeFileSync(
    join(OUT, 'katex.html'),
    `<!doctype html><meta charset="utf-8"><script>window.t0=performance.now()</script>
<div id="out"></div>
<script type="module">import { katex } from './katex/main.js'; katex.render("f'(x) = 9x^{2}-2", document.getElementById('out'));</script>`,
  );
  const server = await serve(OUT);
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_FLAGS as string[] });
  const times = { gradstep: [] as number[], katex: [] as number[] };
  try {
    for (let i = 0; i < 7; i++) {
      for (const [name, file, ready] of [
        [
          'gradstep',
          'derivation.html',
          `document.querySelector('gs-derivative')?.shadowRoot?.querySelector('[part="answer"] .katex')`,
        ],
        ['katex', 'katex.html', `document.querySelector('#out .katex')`],
      ] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${port}/${file}`);
        await page.waitForFunction(`Boolean(${ready})`, undefined, { timeout: 20_000 });
        times[name].push(await page.evaluate('performance.now() - window.t0'));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const ours_ms = median(times.gradstep);
  const katex_ms = median(times.katex);

  return [
    '## Embed bundle (`npm run bench -- bundle`)',
    '',
    table(
      ['measure', 'gradstep', 'baseline (same run)', 'ratio'],
      [
        [
          'gzip size a page loads up front: `gradstep.js` and its static imports',
          kb(eager),
          `mathjs \`derivative\` import alone: ${kb(mathjs)}`,
          (eager / mathjs).toFixed(2),
        ],
        ['gzip size of the autoloaded elements (answer box, optimizers), when used', kb(lazy), '', ''],
        ['gzip size of the 3-D surface element and renderer, when used', kb(surface), '', ''],
        ['gzip size of everything but the 3-D chunks', kb(eager + lazy), '', ''],
        [
          'script load → first rendered derivation, median of 7 (Chromium, localhost)',
          `${ours_ms.toFixed(0)} ms`,
          `KaTeX alone rendering one formula: ${katex_ms.toFixed(0)} ms`,
          (ours_ms / katex_ms).toFixed(2),
        ],
      ],
    ),
  ].join('\n');
}
