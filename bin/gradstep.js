#!/usr/bin/env node
// Runs the compiled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/lib/src/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('gradstep: the CLI is not built yet; run `npm run build:lib` (npm install does it for you).');
  process.exit(2);
}
await import(entry.href);
