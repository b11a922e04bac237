// `npm run build:lib`: the library as published, in three steps.
// 1. tsc: dist/lib/{src,components} as ES modules with their .d.ts (one file per source).
// 2. KaTeX's fonts copied beside the module that declares them (dist/lib/components/katex/fonts).
// 3. Vite (Rollup) bundles dist/cli/gradstep.js, the CLI with only what it uses, so a cold run starts fast.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';
import { copyKatexFonts } from './gen-katex-assets.mjs';

async function bundle(entry, outDir, fileName, banner) {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: true,
      reportCompressedSize: false,
      rollupOptions: {
        output: { entryFileNames: fileName, format: 'es', inlineDynamicImports: true, ...(banner ? { banner } : {}) },
      },
    },
  });
}

export async function buildLib({ cli = true } = {}) {
  rmSync('dist/lib', { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  copyKatexFonts('dist/lib/components/katex/fonts');
  if (cli) {
    rmSync('dist/cli', { recursive: true, force: true });
    await bundle('src/cli/index.ts', 'dist/cli', 'gradstep.js', '#!/usr/bin/env node');
  }
}

await buildLib({ cli: !process.argv.includes('--no-cli') });
