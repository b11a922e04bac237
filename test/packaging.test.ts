import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const TAGS = readdirSync('components')
  .filter((f) => /^gs-.*\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ''));
const className = (tag: string) =>
  tag
    .split('-')
    .map((p) => p[0]?.toUpperCase() + p.slice(1))
    .join('');

it('every element has a class module that defines nothing and a self-defining module', () => {
  const index = readFileSync('components/index.ts', 'utf8');
  const classes = readFileSync('components/classes.ts', 'utf8');
  for (const tag of TAGS) {
    const source = readFileSync(`components/${tag}.ts`, 'utf8');
    expect(source, `${tag}.ts must not define its tag (components/define/${tag}.ts does)`).not.toMatch(
      /defineElement\(|customElements\.define\(/,
    );
    expect(source, `${tag}.ts declares its tag in HTMLElementTagNameMap`).toContain(`'${tag}': ${className(tag)};`);
    expect(existsSync(`components/define/${tag}.ts`), `components/define/${tag}.ts`).toBe(true);
    expect(readFileSync(`components/define/${tag}.ts`, 'utf8')).toContain(
      `defineElement('${tag}', ${className(tag)});`,
    );
    expect(index, `components/index.ts imports ./define/${tag}.js`).toContain(`import './define/${tag}.js';`);
    expect(classes, `components/classes.ts exports ${className(tag)}`).toMatch(
      new RegExp(`export \\{[^}]*\\b${className(tag)}\\b[^}]*\\} from './${tag}.js';`),
    );
  }
});

it('every event an element fires is in the global event map with its detail type', () => {
  for (const tag of TAGS) {
    const source = readFileSync(`components/${tag}.ts`, 'utf8');
    const fired = [...source.matchAll(/^ \* @fires (gs-[a-z-]+)/gm)].map((m) => m[1]);
    const emitted = [...source.matchAll(/emit\(this, '(gs-[a-z-]+)'/g)].map((m) => m[1]);
    for (const name of new Set([...fired, ...emitted])) {
      expect(source, `${tag}: ${name} in GlobalEventHandlersEventMap`).toMatch(
        new RegExp(`interface GlobalEventHandlersEventMap \\{[^}]*'${name}': CustomEvent<\\w+>;`),
      );
      expect(fired, `${tag}: ${name} documented with @fires`).toContain(name);
    }
  }
});

it('shipped code has no bundler-only imports', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'fonts' ? [] : files(`${dir}/${e.name}`)) : [`${dir}/${e.name}`],
    );
  for (const file of [...files('src'), ...files('components')].filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toMatch(/from '[^']*\?(url|raw|inline)'|import\.meta\.(env|glob|hot)/);
  }
});
