import { readdirSync, readFileSync } from 'node:fs';
// @ts-expect-error -- plain ESM; the analyzer ships no types for its programmatic entry
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { expect, it } from 'vitest';
// @ts-expect-error -- plain ESM config
import { cssProps } from '../custom-elements-manifest.config.mjs';

interface Item {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text: string };
}
interface Declaration {
  readonly name: string;
  readonly tagName?: string;
  readonly attributes?: readonly Item[];
  readonly events?: readonly Item[];
  readonly cssParts?: readonly Item[];
  readonly cssProperties?: readonly Item[];
  readonly members?: readonly (Item & { kind: string; privacy?: string; static?: boolean })[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string }[] }[];
}

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
const elements = new Map(
  manifest.modules.flatMap((m) =>
    (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName as string, { module: m.path, d }] as const),
  ),
);
const TAGS = readdirSync('components')
  .filter((f) => /^gs-.*\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ''));

it('custom-elements.json is what `npm run manifest` makes from the code now', async () => {
  const fresh = await cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    cwd: process.cwd(),
    noWrite: true,
  });
  expect(manifest, 'custom-elements.json is stale: run npm run manifest').toEqual(JSON.parse(JSON.stringify(fresh)));
});

it('documents every gs- element at its shipped .js module, with the module that defines its tag', () => {
  for (const tag of TAGS) {
    const entry = elements.get(tag);
    expect(entry, `${tag} is missing from custom-elements.json (run npm run manifest)`).toBeDefined();
    expect(entry?.module).toBe(`dist/lib/components/${tag}.js`);
    const definer = manifest.modules.find((m) => m.path === `dist/lib/components/define/${tag}.js`);
    expect(definer?.exports).toContainEqual(expect.objectContaining({ kind: 'custom-element-definition', name: tag }));
    const source = readFileSync(`components/${tag}.ts`, 'utf8');
    const attrs = [...source.matchAll(/^ \* @attr ([a-z0-9-]+)/gm)].map((m) => m[1]);
    const names = (entry?.d.attributes ?? []).map((a) => a.name);
    for (const attr of attrs) expect(names, `${tag} ${attr}`).toContain(attr);
  }
  for (const m of manifest.modules) expect(m.path).toMatch(/^dist\/lib\/.*\.js$/);
});

it('gives every event its detail type and every public field, part and custom property a description', () => {
  const theme = (cssProps(readFileSync('components/shared/styles.ts', 'utf8')) as Item[]).map((t) => t.name);
  expect(theme).toEqual(expect.arrayContaining(['--gs-background', '--gs-color', '--gs-radius', '--gs-series-6']));
  for (const [tag, { d }] of elements) {
    for (const e of d.events ?? []) expect(e.type?.text, `${tag} ${e.name}`).toMatch(/^CustomEvent<\w+Detail>$/);
    for (const p of [...(d.cssParts ?? []), ...(d.cssProperties ?? [])])
      expect(p.description, `${tag} ${p.name}`).toBeTruthy();
    for (const f of d.members ?? []) {
      if (f.kind !== 'field' || f.static || f.privacy === 'private' || f.privacy === 'protected') continue;
      expect(f.description, `${tag} field ${f.name}`).toBeTruthy();
    }
    const props = (d.cssProperties ?? []).map((p) => p.name);
    for (const token of theme) expect(props, `${tag} lists the theme token ${token}`).toContain(token);
  }
  // Every --gs- custom property any element reads is documented somewhere, and the theme tokens in the README.
  const documented = new Set([...elements.values()].flatMap(({ d }) => (d.cssProperties ?? []).map((p) => p.name)));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'fonts' ? [] : files(`${dir}/${e.name}`)) : [`${dir}/${e.name}`],
    );
  for (const file of files('components').filter((f) => f.endsWith('.ts'))) {
    for (const [token] of readFileSync(file, 'utf8').matchAll(/--gs-[a-z0-9-]+/g)) {
      expect(documented.has(token), `${token} (read in ${file}) has no @cssprop`).toBe(true);
    }
  }
  const readme = readFileSync('README.md', 'utf8');
  for (const token of theme) expect(readme, `README lists ${token}`).toContain(`\`${token}\``);
});
