// Runs on `npm install`/`npm ci` in a clone: builds the library and the bundled CLI so
// `npx gradstep` works at once (scripts/build-lib.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Installed as a dependency of another package: the tarball is built already.
if (!existsSync('node_modules/typescript') || !existsSync('node_modules/vite')) process.exit(0);
execFileSync(process.execPath, ['scripts/build-lib.mjs'], { stdio: 'inherit' });
