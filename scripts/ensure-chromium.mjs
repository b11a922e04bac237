// Finds the system Chromium for the browser tests, installing Debian's package when it is
// absent and we are root. Never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

function fail(sentence) {
  console.error(`\ngradstep: ${sentence}\n`);
  process.exit(1);
}

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const allowed = process.env.GRADSTEP_NO_APT !== '1';
  if (!isRoot || !allowed) {
    fail(
      'Chromium was not found; install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH) and run the tests again.',
    );
  }
  console.log('gradstep: Chromium not found; installing Debian\'s "chromium" package with apt-get…');
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } catch {
    fail('installing Chromium failed; run `apt-get update && apt-get install -y chromium` and try again.');
  }
  found = findChromium();
  if (!found) fail('Chromium is still missing after apt-get; run `apt-get install -y chromium` by hand.');
}
console.log(`gradstep: using Chromium at ${found}`);

// The Korean screenshots need a font with Hangul; Debian's fonts-nanum is the smallest that has it.
// Layout tests do not depend on it, so a machine where it cannot be installed only gets a note.
function hasHangulFont() {
  try {
    return execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}
if (!hasHangulFont()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && process.env.GRADSTEP_NO_APT !== '1') {
    console.log('gradstep: no font with Hangul; installing Debian\'s "fonts-nanum" package with apt-get…');
    try {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'fonts-nanum'], { stdio: 'inherit', env });
    } catch {
      console.log('gradstep: installing fonts-nanum failed; Korean screenshots will show empty boxes.');
    }
  } else {
    console.log(
      'gradstep: no font with Hangul (apt-get install fonts-nanum); Korean screenshots will show empty boxes.',
    );
  }
}
