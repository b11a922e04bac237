#!/usr/bin/env node
// Runs the CLI: one bundled file with only what it uses (built by `npm run build:lib`,
// which `npm install` runs in a clone through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/gradstep.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('gradstep: the CLI is not built yet; run `npm run build:lib` (npm install does it for you).');
  process.exit(2);
}
await import(entry.href);
