import { defineConfig } from 'vite';

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
});
