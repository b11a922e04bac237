import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

interface Declaration {
  readonly tagName?: string;
  readonly attributes?: readonly { readonly name: string }[];
}

it('custom-elements.json documents every gs- element and the attributes its source declares', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { path: string; declarations?: Declaration[] }[];
  };
  const documented = new Map(
    manifest.modules.flatMap((m) =>
      (m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d] as const),
    ),
  );
  for (const file of readdirSync('components').filter((f) => /^gs-.*\.ts$/.test(f))) {
    const tag = file.replace(/\.ts$/, '');
    const declaration = documented.get(tag);
    expect(declaration, `${tag} is missing from custom-elements.json (run npm run manifest)`).toBeDefined();
    const source = readFileSync(`components/${file}`, 'utf8');
    const attrs = [...source.matchAll(/^ \* @attr ([a-z0-9-]+)/gm)].map((m) => m[1]);
    const names = (declaration?.attributes ?? []).map((a) => a.name);
    for (const attr of attrs) expect(names, `${tag} ${attr} (run npm run manifest)`).toContain(attr);
  }
});
