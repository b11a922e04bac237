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

describe('gradstep CLI commands end to end', () => {
  it('lists every command in --help', async () => {
    const io = captureIO();
    await run(['--help'], io);
    for (const name of ['parse', 'diff', 'grad', 'check', 'optimize'])
      expect(io.stdout.join('\n')).toContain(`  ${name}`);
  });

  it("diff prints the lesson's derivative", async () => {
    const io = captureIO();
    expect(await run(['diff', '3x^3 - 2x + 1', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n')).result).toBe('9*x^2 - 2');
  });

  it('check exits 1 for an incorrect answer and names the chain-rule mistake', async () => {
    const io = captureIO();
    expect(await run(['check', '(2x-1)^3', '3(2x-1)^2', '--json'], io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n')).diagnosis.id).toBe('chain-factor-missing');
  });

  it("optimize reproduces the lesson's first step", async () => {
    const io = captureIO();
    const status = await run(
      ['optimize', 'x^2 - 4x + 6', '--optimizer', 'gd', '--lr', '0.2', '--start', '4', '--steps', '2', '--json'],
      io,
    );
    expect(status).toBe(0);
    expect(JSON.parse(io.stdout.join('\n')).path).toEqual([[4], [3.2], [2.72]]);
  });

  it('parse exits 2 with a caret under the offending range', async () => {
    const io = captureIO();
    expect(await run(['parse', 'x + foo(2)'], io)).toBe(2);
    expect(io.stderr.join('\n') + io.stdout.join('\n')).toMatch(/\^+/);
  });
});

describe('gradstep CLI argument mistakes', () => {
  it.each([
    [['diff', 'x^2', '--bogus'], 'unknown option --bogus'],
    [['grad', 'x*y', '--lang', 'fr'], 'unknown language --lang fr'],
    // parse refuses an unknown language like every other command (it used to fall back to English).
    [['parse', 'x^2', '--lang', 'xx'], 'unknown language --lang xx'],
    [['parse', 'x^2', '--lang=fr'], 'unknown language --lang fr'],
    [['diff', 'x^2', '--json=0'], '--json takes no value'],
    [['check', 'x^2', '2x', '--wrt'], 'option --wrt needs a value'],
  ])('%j is refused with exit status 2: %s', async (argv, message) => {
    const io = captureIO();
    expect(await run(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(message);
  });
});

it('reads an unquoted expression given as several words', async () => {
  const io = captureIO();
  expect(await run(['diff', 'x^2', '+', '1', '--json'], io)).toBe(0);
  expect(JSON.parse(io.stdout.join('\n')).result).toBe('2*x');
});

describe('gradstep CLI arguments read by util.parseArgs', () => {
  it('takes a value that starts with a dash (a negative start) and an expression that starts with one', async () => {
    const io = captureIO();
    expect(
      await run(
        ['optimize', 'x^2', '--optimizer', 'gd', '--lr', '0.25', '--start', '-4', '--steps', '1', '--json'],
        io,
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout.join('\n')).path[1]).toEqual([-2]);
    const neg = captureIO();
    expect(await run(['diff', '-x^2 + 1', '--text'], neg)).toBe(0);
    expect(neg.stdout.join('\n')).toContain('-2*x');
  });

  it('takes --name=value and --name value alike, and a flag anywhere', async () => {
    const a = captureIO();
    const b = captureIO();
    expect(await run(['diff', '--wrt=y', 'x*y^2', '--json'], a)).toBe(0);
    expect(await run(['diff', '--json', 'x*y^2', '--wrt', 'y'], b)).toBe(0);
    expect(a.stdout).toEqual(b.stdout);
  });
});
