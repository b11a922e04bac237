// `npm run manifest`: custom-elements.json from the elements' code and JSDoc, describing
// the package as shipped: the modules are the compiled `dist/lib/…/*.js` files, each tag
// is defined by `dist/lib/components/define/gs-*.js`, each event carries its detail type
// (from the GlobalEventHandlersEventMap entry beside the element), every public field has
// a description (its attribute's when it has one), and every element lists the theme
// tokens of components/shared/styles.ts. A public field, event or part left undocumented
// fails the build (test/manifest.test.ts checks the file is current).
import { readFileSync } from 'node:fs';

const shipped = (path) =>
  path
    .replace(/^\/+/, '')
    .replace(/^(components|src)\//, 'dist/lib/$1/')
    .replace(/\.ts$/, '.js');

/** `@cssprop [--name=default] - description` lines of a JSDoc block. */
export function cssProps(source) {
  return [...source.matchAll(/^ \* @cssprop \[?(--[a-z0-9-]+)(?:=([^\]]*))?\]? - (.+)$/gm)].map((m) => ({
    name: m[1],
    ...(m[2] ? { default: m[2] } : {}),
    description: m[3].trim(),
  }));
}

/** The event map entries an element file declares: name → detail type text. */
export function eventTypes(source) {
  const block = /interface GlobalEventHandlersEventMap \{([^}]*)\}/.exec(source)?.[1] ?? '';
  return new Map([...block.matchAll(/'(gs-[a-z-]+)': (CustomEvent<\w+>);/g)].map((m) => [m[1], m[2]]));
}

/** Parts rendered by the shared templates (components/shared/*) an element file imports. */
function sharedParts(source) {
  return [...source.matchAll(/import \{([^}]*)\} from '\.\/shared\/([a-z-]+)\.js'/g)]
    .filter((m) => /\w+Template\b/.test(m[1]))
    .flatMap((m) => literalParts(readFileSync(`components/shared/${m[2]}.ts`, 'utf8')));
}

/** Every `part="…"` written literally in a file. */
function literalParts(source) {
  return [...source.matchAll(/\bpart="([a-z0-9 -]+)"/g)].flatMap((m) => m[1].split(/\s+/));
}

function gradstepPlugin() {
  const problems = [];
  return {
    name: 'gradstep-shipped-manifest',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const theme = cssProps(readFileSync('components/shared/styles.ts', 'utf8'));
      const definitions = [];
      for (const mod of manifest.modules) {
        const sourcePath = mod.path;
        mod.path = shipped(mod.path);
        for (const exp of mod.exports ?? [])
          if (exp.declaration?.module) exp.declaration.module = shipped(exp.declaration.module);
        for (const decl of mod.declarations ?? []) {
          if (decl.superclass?.module) decl.superclass.module = shipped(decl.superclass.module);
          for (const m of decl.members ?? [])
            if (m.inheritedFrom?.module) m.inheritedFrom.module = shipped(m.inheritedFrom.module);
          for (const a of decl.attributes ?? [])
            if (a.inheritedFrom?.module) a.inheritedFrom.module = shipped(a.inheritedFrom.module);
          if (!decl.tagName) continue;
          const source = readFileSync(sourcePath, 'utf8');
          const tag = decl.tagName;
          // Events: the detail type from the event map.
          const types = eventTypes(source);
          for (const event of decl.events ?? []) {
            const type = types.get(event.name);
            if (!type) problems.push(`${tag}: event ${event.name} is not in GlobalEventHandlersEventMap`);
            else event.type = { text: type };
            if (!event.description) problems.push(`${tag}: event ${event.name} has no description`);
          }
          for (const name of types.keys()) {
            if (!(decl.events ?? []).some((e) => e.name === name)) problems.push(`${tag}: ${name} has no @fires`);
          }
          // Fields: public ones described (by their attribute when they have one).
          const attributes = new Map((decl.attributes ?? []).map((a) => [a.fieldName ?? a.name, a]));
          decl.members = (decl.members ?? []).filter(
            (m) => !(m.static && (m.name === 'dependencies' || m.name === 'lazyDependencies')) && m.name !== 'styles',
          );
          for (const m of decl.members) {
            if (m.kind !== 'field' || m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('_'))
              continue;
            if (m.static) continue;
            if (!m.description) m.description = attributes.get(m.name)?.description;
            if (!m.description) problems.push(`${tag}: public field ${m.name} has no description`);
          }
          // Parts: every part the element renders is documented.
          const documented = new Set((decl.cssParts ?? []).map((p) => p.name));
          for (const part of new Set([...literalParts(source), ...sharedParts(source)])) {
            if (!documented.has(part)) problems.push(`${tag}: part "${part}" has no @csspart`);
          }
          for (const p of decl.cssParts ?? [])
            if (!p.description) problems.push(`${tag}: part ${p.name} has no description`);
          // CSS custom properties: the element's own, then the theme tokens it does not describe itself.
          const own = decl.cssProperties ?? [];
          const names = new Set(own.map((p) => p.name));
          decl.cssProperties = [...own, ...theme.filter((t) => !names.has(t.name))];
          // The module that defines the tag.
          definitions.push({
            kind: 'javascript-module',
            path: `dist/lib/components/define/${tag}.js`,
            declarations: [],
            exports: [
              { kind: 'js', name: decl.name, declaration: { name: decl.name, module: mod.path } },
              { kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } },
            ],
          });
        }
      }
      manifest.modules.push(...definitions);
      if (problems.length > 0) throw new Error(`custom-elements.json: undocumented API\n  ${problems.join('\n  ')}`);
    },
  };
}

export default {
  globs: ['components/gs-*.ts', 'components/shared/gs-element.ts', 'components/shared/math-element.ts'],
  outdir: '.',
  litelement: true,
  plugins: [gradstepPlugin()],
};
