/**
 * The embed bundle: the gzip size of what a page loads up front (the entry and the
 * chunks it imports statically; the autoloaded elements and the 3-D renderer come later) against
 * mathjs's own `derivative` import bundled the same way, built in the same run. The
 * time to the first rendered derivation is the package suite's (package.bench.ts), one
 * figure with one definition.
 */

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { table } from '../harness.js';

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
      ],
    ),
    '',
    'Script load → first rendered derivation is measured once, by the package suite (`npm run bench -- package`),',
    'with one definition on both pages: the answer typeset and its fonts in.',
  ].join('\n');
}
