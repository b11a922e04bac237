// `npm run bench [-- <suite filter>]`: compiles the engine and the suites with tsc and runs
// them with plain Node, so the figures are those of the JavaScript gradstep ships (an
// on-the-fly TypeScript loader adds wrappers that cost up to 3× on the hot paths).
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve('dist/bench');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json'], { stdio: 'inherit' });
// The suites read fixtures and import the Chromium helper relative to themselves.
for (const dir of ['fixtures', 'scripts']) {
  if (!existsSync(resolve(out, dir))) symlinkSync(resolve(dir), resolve(out, dir), 'dir');
}
execFileSync(process.execPath, [resolve(out, 'bench/run.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
