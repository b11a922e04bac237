import { defineConfig } from 'vite';

// The embed build: dist/gradstep.js, one module script that defines every gs- element.
// Fonts are emitted beside it and found relative to the script (base './').
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { gradstep: 'components/cdn.ts' },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
