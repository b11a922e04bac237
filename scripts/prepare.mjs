// Runs on `npm install`/`npm ci`: builds the library and CLI so `npx gradstep` works at once.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/typescript')) process.exit(0); // installed as a dependency of another package
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
