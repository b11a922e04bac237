import { realpathSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
// @ts-expect-error -- plain ESM helper shared with the scripts, no types needed
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium-path.mjs';

const chromium: string = (findChromium() as string | undefined) ?? '/usr/bin/chromium';

export default defineConfig({
  // Pre-bundle what the components import so Vite does not reload mid-run when it discovers them.
  optimizeDeps: {
    entries: ['components/**/*.ts', 'app/**/*.ts', 'test/**/*.browser.test.ts'],
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directives/unsafe-html.js',
      'lit/directives/ref.js',
      'lit/directives/if-defined.js',
      'lit/directives/live.js',
      'katex',
      'd3-scale',
      'd3-shape',
      'd3-contour',
      'axe-core',
    ],
  },
  test: {
    globals: true,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.ts', 'node_modules/**'],
          setupFiles: ['test/support/setup-fast-check.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Fonts are fetched by URL from node_modules/katex, which may be a symlink out of the project (a git worktree).
        server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] } },
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromium, args: CHROMIUM_FLAGS as string[] },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
