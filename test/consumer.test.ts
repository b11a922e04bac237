/**
 * gradstep as a consumer installs it: `npm pack`, the tarball installed offline into a
 * fresh project (its dependencies copied in from this checkout's node_modules, as an
 * offline mirror would hold them), then plain Node imports, a strict TypeScript check of
 * code that uses the API, the tag map and a typed gs-check listener, and a Vite page with
 * two elements whose gzip size is printed. Needs the built package (`npm run build:lib`
 * and `npm run build:cdn`; `npm test` runs them first).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { differentiate, toText } from '../src/index.js';

const ROOT = process.cwd();
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
/** The temporary directory this test made (and removes): the tarball and the app. */
let scratch = '';
/** The consumer app inside it. */
let dir = '';
let tarball = '';
let files: string[] = [];

const node = (args: string[], cwd = dir) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Where `name` is installed as seen from the package directory `from` (Node's lookup, upwards). */
function installed(name: string, from: string): string {
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (d === ROOT || dirname(d) === d) throw new Error(`${name} is not installed (from ${from})`);
  }
}

/** gradstep's runtime dependencies, transitively, as paths under this checkout's node_modules. */
function runtimeTree(): string[] {
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    const at = installed(name, from);
    if (seen.has(at)) return;
    seen.add(at);
    const manifest = JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, at);
  };
  for (const dep of Object.keys(pkg.dependencies)) visit(dep, ROOT);
  return [...seen];
}

beforeAll(() => {
  for (const built of ['dist/lib/src/index.js', 'dist/cli/gradstep.js', 'dist/cdn/gradstep.js']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build:lib && npm run build:cdn`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'gradstep-consumer-'));
  const out = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = join(scratch, out[0]?.filename as string);
  files = (out[0]?.files ?? []).map((f) => f.path);
  const app = join(scratch, 'app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  writeFileSync(join(app, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  // The offline mirror: gradstep's dependencies, nothing else.
  const modules = join(ROOT, 'node_modules');
  for (const at of runtimeTree()) {
    cpSync(at, join(app, 'node_modules', at.slice(modules.length + 1)), { recursive: true, dereference: true });
  }
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dir = app;
}, 60_000);

afterAll(() => {
  // Only the directory mkdtemp made for this run.
  if (scratch.startsWith(join(tmpdir(), 'gradstep-consumer-'))) rmSync(scratch, { recursive: true, force: true });
}, 60_000);

it('the tarball holds the library, the CDN bundle, the CLI, types and the manifest, and nothing else', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'LICENSE',
      'SECURITY.md',
      'custom-elements.json',
      'bin/gradstep.js',
      'dist/cli/gradstep.js',
      'dist/cdn/gradstep.js',
      'dist/lib/src/index.js',
      'dist/lib/src/index.d.ts',
      'dist/lib/components/define/gs-derivative.js',
      'dist/lib/components/katex/fonts/KaTeX_Main-Regular.woff2',
    ]),
  );
  const stray = files.filter(
    (f) => f.endsWith('.map') || f.startsWith('dist/app') || /\.ts$/.test(f.replace(/\.d\.ts$/, '')),
  );
  expect(stray).toEqual([]);
  // The public types (every .d.ts reachable from the export map) import only gradstep's own
  // files and dependencies that bring their own types: no d3-* (its types are dev-only), no lit-html.
  const typed = new Set(['lit', 'katex', 'gradstep']);
  const exportsMap = JSON.parse(readFileSync('package.json', 'utf8')).exports as Record<string, { types?: string }>;
  const queue = Object.values(exportsMap)
    .flatMap((e) => (typeof e === 'object' && e.types ? [e.types.replace(/^\.\//, '')] : []))
    .flatMap((t) => (t.includes('*') ? files.filter((f) => new RegExp(`^${t.replace('*', '[^/]+')}$`).test(f)) : [t]));
  const reached = new Set<string>();
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (reached.has(file)) continue;
    reached.add(file);
    expect(files, `${file} is shipped`).toContain(file);
    const text = readFileSync(join(dir, 'node_modules', 'gradstep', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of text.matchAll(/(?:from |import\()['"]([^'"]+)['"]/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) queue.push(join(dirname(file), spec).replace(/\.js$/, '.d.ts'));
      else {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string);
        expect(typed.has(name), `${file} imports ${spec}, whose types a consumer does not have`).toBe(true);
      }
    }
  }
  expect(reached.size).toBeGreaterThan(20);
  // Every module the manifest names is in the tarball.
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { path: string }[] };
  for (const m of manifest.modules) expect(files).toContain(m.path);
});

it('imports in plain Node: the library, require(), a self-defining element, the classes, package.json', () => {
  const script = `
import * as g from 'gradstep';
import { createRequire } from 'node:module';
const d = g.differentiate('x^2 sin(x)');
console.log(g.toText(d.result));
const req = createRequire(import.meta.url);
console.log(typeof req('gradstep').parse);
const { GsDerivative } = await import('gradstep/components/gs-derivative.js');
console.log(customElements.get('gs-derivative') === GsDerivative, (await customElements.whenDefined('gs-plot')) !== undefined);
const classes = await import('gradstep/components/classes.js');
const { GsMath } = await import('gradstep/components/classes/gs-math.js');
console.log(customElements.get('gs-answer') === undefined, typeof classes.GsAnswer, customElements.get('gs-math') === undefined && GsMath === classes.GsMath);
await import('gradstep/components');
console.log(customElements.get('gs-answer') === classes.GsAnswer);
console.log(req('gradstep/package.json').version, req('gradstep/custom-elements.json').schemaVersion);
`;
  writeFileSync(join(dir, 'node-check.mjs'), script);
  expect(node(['node-check.mjs']).trim().split('\n')).toEqual([
    toText(differentiate('x^2 sin(x)').result), // what the engine in this checkout says
    'function',
    'true true',
    'true function true',
    'true',
    `${pkg.version} 1.0.0`,
  ]);
  expect(node([join('node_modules', '.bin', 'gradstep'), 'diff', 'x^2']).trim()).toContain('2*x');
});

it('type-checks strict TypeScript that uses the API, the tag map and a typed gs-check listener', () => {
  writeFileSync(
    join(dir, 'use.ts'),
    `import { checkAnswer, differentiate, toTex, type CheckResult } from 'gradstep';
import 'gradstep/components/gs-answer.js';
import { GsDerivative, type CheckEventDetail } from 'gradstep/components';

const d = differentiate('(2x - 1)^3');
const tex: string = toTex(d.result);
const r: CheckResult = checkAnswer({ problem: '(2x-1)^3', answer: '6(2x-1)^2' });
const box = document.querySelector('gs-answer');
box?.addEventListener('gs-check', (e) => {
  const detail: CheckEventDetail = e.detail;
  const correct: boolean = e.detail.correct;
  console.log(detail.verdict, correct, tex, r.verdict);
});
document.addEventListener('gs-step-change', (e) => console.log(e.detail.step.toFixed(0)));
const el: GsDerivative = document.createElement('gs-derivative');
el.expr = 'x^2';
// @ts-expect-error -- the detail is typed, not any
box?.addEventListener('gs-check', (e) => e.detail.nonsense);
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
      },
      files: ['use.ts'],
    }),
  );
  const tsc = require.resolve('typescript/bin/tsc');
  let output = '';
  try {
    output = node([tsc, '-p', 'tsconfig.json']);
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe('');
}, 60_000);

it('builds a Vite page with two elements (prints its gzip size)', async () => {
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><script type="module" src="./main.js"></script><gs-derivative expr="x^2"></gs-derivative><gs-answer problem="x^2"></gs-answer>\n',
  );
  writeFileSync(
    join(dir, 'main.js'),
    "import 'gradstep/components/gs-derivative.js';\nimport 'gradstep/components/gs-answer.js';\n",
  );
  await build({ configFile: false, root: dir, logLevel: 'error', base: './', build: { outDir: 'dist' } });
  const out = join(dir, 'dist');
  const all = readdirSync(out, { recursive: true, encoding: 'utf8' });
  const gzip = all
    .filter((f) => ['.js', '.css'].includes(extname(f)))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
  console.log(`consumer page with <gs-derivative> and <gs-answer>: ${(gzip / 1024).toFixed(1)} KB gzip (JS + CSS)`);
  expect(all.filter((f) => f.endsWith('.woff2')).length, 'KaTeX fonts emitted by the bundler').toBeGreaterThan(10);
  const js = all.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(out, f), 'utf8'));
  expect(js.join('\n')).not.toContain('gs-optimizer-race');
  expect(gzip).toBeGreaterThan(0);
}, 60_000);
