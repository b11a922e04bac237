/**
 * The package as a consumer gets it (`npm run build:lib` first, done here): a cold CLI run
 * against a bare `node -e 0`, measured pair by pair; `import('gradstep')` in Node; the
 * gzip size of a Vite page that imports only `gradstep/components/gs-derivative.js`; and
 * that page's time from script load to the first rendered derivation against a page that
 * loads KaTeX alone and renders one formula. Every baseline is measured in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
// @ts-expect-error -- plain ESM helper shared with the scripts
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/chromium-path.mjs';
import { median, table } from '../harness.js';
import { serve } from './bundle.bench.js';

const ROOT = process.cwd();
const OUT = resolve('dist/bench-package');
const PAIRS = 15;
/** Pairs of page loads (gradstep's page and KaTeX's) for the first-derivation time. */
const PAGE_PAIRS = 15;

function wall(args: readonly string[], cwd = ROOT): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return ms;
}

/** Medians of both and the median of the pair-by-pair ratios. */
function pairs(ours: readonly string[], base: readonly string[], cwd = ROOT) {
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  wall(ours, cwd); // warm the file cache
  for (let i = 0; i < PAIRS; i++) {
    const x = wall(base, cwd);
    const y = wall(ours, cwd);
    a.push(y);
    b.push(x);
    ratios.push(y / x);
  }
  return { ours: median(a), base: median(b), ratio: median(ratios) };
}

/** A directory that has gradstep installed as a dependency (a link to this checkout). */
function consumerDir(name: string): string {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'gradstep'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  return dir;
}

async function page(dir: string, html: string, main: string): Promise<string> {
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'main.js'), main);
  await build({
    configFile: false,
    root: dir,
    logLevel: 'error',
    base: './',
    publicDir: false,
    build: {
      outDir: join(dir, 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      manifest: true,
    },
  });
  return join(dir, 'dist');
}

function gzipOf(dir: string, exts: readonly string[]): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => exts.includes(extname(f)))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

/** Gzip of what the page loads up front: the entry chunk, its static imports and their CSS (Vite's manifest). */
function upFrontGzipOf(dir: string): number {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

const T0 = '<script>window.t0 = performance.now()</script>';

export async function run(): Promise<string> {
  execFileSync(process.execPath, ['scripts/build-lib.mjs'], { stdio: 'inherit' });
  mkdirSync(OUT, { recursive: true });

  const cli = pairs(['bin/gradstep.js', 'diff', 'x^2 sin(x)'], ['-e', '0']);

  const nodeDir = consumerDir('node');
  writeFileSync(
    join(nodeDir, 'import.mjs'),
    "const t = performance.now();\nawait import('gradstep');\nconsole.log(performance.now() - t);\n",
  );
  const imports: number[] = [];
  for (let i = 0; i < 11; i++) {
    imports.push(Number(execFileSync(process.execPath, ['import.mjs'], { cwd: nodeDir, encoding: 'utf8' })));
  }
  const importProcess = pairs(['--input-type=module', '-e', "await import('gradstep')"], ['-e', '0'], nodeDir);

  const pageDir = consumerDir('page');
  const derivative = await page(
    pageDir,
    `<!doctype html><meta charset="utf-8">${T0}<script type="module" src="./main.js"></script>\n<gs-derivative expr="3x^3 - 2x + 1"></gs-derivative>\n`,
    "import 'gradstep/components/gs-derivative.js';\n",
  );
  const katexDir = consumerDir('katex');
  const katexPage = await page(
    katexDir,
    `<!doctype html><meta charset="utf-8">${T0}<div id="out"></div><script type="module" src="./main.js"></script>\n`,
    // As KaTeX's documentation has it: the library and its style sheet (whose fonts load on use).
    "import katex from 'katex';\nimport 'katex/dist/katex.min.css';\nkatex.render(\"f'(x) = 9x^{2}-2\", document.getElementById('out'));\n",
  );
  const pageGzip = upFrontGzipOf(derivative);
  const pageTotalGzip = gzipOf(derivative, ['.js', '.css']);
  const katexGzip = gzipOf(katexPage, ['.js', '.css']);

  // Both clocks are read inside the page, in the animation frame where the page first counts as
  // rendered (no round trip to this process in the figure). "Script load" starts when the page
  // requests its entry script (resource timing), the same event on both pages; the inline
  // `t0` script is kept for comparison with earlier runs, but on the KaTeX page it runs only
  // once KaTeX's style sheet has arrived (a script waits for the style sheets before it), so
  // it starts that page's clock later than its script load.
  const clocks = `[performance.now() - Math.min(...performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script').map((e) => e.startTime)), performance.now() - window.t0]`;
  const times = { ours: [] as number[], katex: [] as number[], oursT0: [] as number[], katexT0: [] as number[] };
  const ratios: number[] = [];
  const ratiosT0: number[] = [];
  // "Rendered" means readable: the formula is typeset and the faces every formula uses have
  // arrived (until then KaTeX's text is invisible, font-display: block), on both pages alike.
  const fontsIn = `document.fonts.check('1em KaTeX_Main') && document.fonts.check('italic 1em KaTeX_Math')`;
  const servers = [await serve(derivative), await serve(katexPage)];
  const [oursPort, katexPort] = servers.map((s) => (s.address() as AddressInfo).port);
  const browser = await chromium.launch({ executablePath: findChromium() as string, args: CHROMIUM_FLAGS as string[] });
  const pagesToLoad = [
    [
      'ours',
      oursPort,
      `document.querySelector('gs-derivative')?.shadowRoot?.querySelector('[part="answer"] .katex') && ${fontsIn}`,
    ],
    ['katex', katexPort, `document.querySelector('#out .katex') && ${fontsIn}`],
  ] as const;
  try {
    for (let i = 0; i < PAGE_PAIRS; i++) {
      // Interleaved, each pair in the other order than the last, so neither page always goes first.
      const pair: Record<string, readonly [number, number]> = {};
      for (const [name, port, ready] of i % 2 ? [...pagesToLoad].reverse() : pagesToLoad) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const tab = await context.newPage();
        await tab.goto(`http://127.0.0.1:${port}/index.html`);
        const handle = await tab.waitForFunction(`(${ready}) ? ${clocks} : false`, undefined, {
          timeout: 30_000,
          polling: 'raf',
        });
        pair[name] = (await handle.jsonValue()) as [number, number];
        await context.close();
      }
      const [ours, oursT0] = pair.ours as [number, number];
      const [katex, katexT0] = pair.katex as [number, number];
      times.ours.push(ours);
      times.katex.push(katex);
      times.oursT0.push(oursT0);
      times.katexT0.push(katexT0);
      ratios.push(ours / katex);
      ratiosT0.push(oursT0 / katexT0);
    }
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    '## The package as a consumer gets it (`npm run bench -- package`)',
    '',
    table(
      ['measure', 'gradstep', 'baseline (same run)', 'ratio', 'target'],
      [
        [
          `cold \`gradstep diff "x^2 sin(x)"\` (bin → bundled CLI), median of ${PAIRS} pairs`,
          ms(cli.ours),
          `\`node -e 0\`: ${ms(cli.base)}`,
          cli.ratio.toFixed(2),
          '≤ 2',
        ],
        [
          "`import('gradstep')` in Node, timed inside the process, median of 11",
          ms(median(imports)),
          '',
          '',
          '≤ 250 ms',
        ],
        [
          'a whole `node -e "await import(\'gradstep\')"`, median of pairs',
          ms(importProcess.ours),
          `\`node -e 0\`: ${ms(importProcess.base)}`,
          importProcess.ratio.toFixed(2),
          '',
        ],
        [
          'gzip a Vite page importing only `gradstep/components/gs-derivative.js` loads up front (entry + static imports, JS + CSS; fonts load on use)',
          kb(pageGzip),
          `KaTeX alone: ${kb(katexGzip)}`,
          (pageGzip / katexGzip).toFixed(2),
          '≤ 150 KB',
        ],
        [
          'that page with its lazy chunks (the plot, loaded after the first paint)',
          kb(pageTotalGzip),
          `KaTeX alone: ${kb(katexGzip)}`,
          (pageTotalGzip / katexGzip).toFixed(2),
          '',
        ],
        [
          `that page: script load (its entry script requested) → first rendered derivation (answer typeset, KaTeX_Main and KaTeX_Math italic loaded), median of ${PAGE_PAIRS} interleaved pairs, ratio pair by pair (Chromium, 1280 px, localhost)`,
          ms(median(times.ours)),
          `KaTeX alone with its style sheet rendering one formula, fonts in: ${ms(median(times.katex))}`,
          median(ratios).toFixed(2),
          '≤ 1.5',
        ],
        [
          'the same pairs, clock started by an inline script instead (on the KaTeX page it waits for the style sheet)',
          ms(median(times.oursT0)),
          `KaTeX alone: ${ms(median(times.katexT0))}`,
          median(ratiosT0).toFixed(2),
          '',
        ],
      ],
    ),
  ].join('\n');
}
