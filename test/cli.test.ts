import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { VERSION } from '../src/version.js';
import { captureIO } from './support/cli.js';

describe('gradstep CLI', () => {
  it('prints usage with --help and exits 0', async () => {
    const io = captureIO();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Usage: gradstep <command>');
  });

  it('prints the version, equal to package.json', async () => {
    const io = captureIO();
    expect(await run(['--version'], io)).toBe(0);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(io.stdout).toEqual([pkg.version]);
    expect(VERSION).toBe(pkg.version);
  });

  it('rejects an unknown command with status 2', async () => {
    const io = captureIO();
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(io.stderr.join('')).toContain("unknown command 'frobnicate'");
  });
});
