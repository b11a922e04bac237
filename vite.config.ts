import { realpathSync } from 'node:fs';
import { defineConfig, searchForWorkspaceRoot } from 'vite';

// The tutor app: index.html (and components.html) as a static site in dist/app.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    rollupOptions: {
      input: { index: 'index.html', components: 'components.html' },
    },
  },
  esbuild: { target: 'es2022' },
  // Fonts are fetched by URL from node_modules/katex, which may be a symlink out of the project (a git worktree).
  server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] } },
});
