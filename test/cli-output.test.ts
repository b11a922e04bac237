import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { captureIO } from './support/cli.js';

/** Characters that act on a terminal or on the text around them (newline and tab excepted). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

const OSC52 = '\u001b]52;c;aGFja2Vk\u0007';
const OSC8 = '\u001b]8;;https://evil.invalid\u001b\\click\u001b]8;;\u001b\\';
const CLEAR = '\u001b[2J\u009b2J';
const BIDI = 'x\u202e2+\u2066y';
const HOSTILE = [OSC52, OSC8, CLEAR, BIDI, 'x\u200b+1', 'x+\u0000'];

async function output(argv: string[]): Promise<{ status: number; text: string }> {
  const io = captureIO();
  const status = await run(argv, io);
  return { status, text: [...io.stdout, ...io.stderr].join('\n') };
}

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gradstep-cli-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('CLI output never carries raw control or bidi characters', () => {
  for (const hostile of HOSTILE) {
    const name = JSON.stringify(hostile).slice(0, 40);
    it(`check, parse, diff with ${name}`, async () => {
      for (const argv of [
        ['check', 'x^2', hostile],
        ['check', `x^2${hostile}`, '2x'],
        ['parse', hostile],
        ['parse', `2x + ${hostile}`],
        ['diff', hostile],
      ]) {
        const { text } = await output(argv);
        expect(text, argv.join(' ')).not.toMatch(RAW);
      }
    });
  }

  it('shows a hidden character by its code point, with the caret under it', async () => {
    const { text } = await output(['parse', '2 + \u001b[2J']);
    const lines = text.split('\n');
    const shown = lines.findIndex((l, i) => l.includes('<U+001B>') && lines[i + 1]?.trim().startsWith('^'));
    expect(shown).toBeGreaterThanOrEqual(0);
    const caret = lines[shown + 1] ?? '';
    expect(caret.indexOf('^')).toBe((lines[shown] as string).indexOf('<U+001B>'));
  });

  it('names an invisible character by its code point in the message', async () => {
    const { text } = await output(['parse', 'x\u200b+1']);
    expect(text).toContain('U+200B');
  });

  it('--json stays valid JSON with the same values, escaping C1 controls and bidi overrides', async () => {
    const { text } = await output(['check', 'x^2', `2x\u202e\u009b`, '--json']);
    expect(text).not.toMatch(RAW);
    // Still JSON, and the refused character is named by its code point.
    expect(JSON.stringify(JSON.parse(text))).toContain('U+202E');
  });

  it('check --file escapes every row and does not echo a 1 MB answer in full', async () => {
    const big = 'x+'.repeat(500_000);
    const csv = `problem,wrt,answer\nx^2,x,"${OSC52}2x"\nx^2,x,${big}1\n"sin(x)${CLEAR}",x,cos(x)\n`;
    const { text } = await output(['check', '--file', tempFile('answers.csv', csv)]);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('<U+001B>');
    for (const line of text.split('\n')) expect(line.length).toBeLessThan(600);
  });
});

describe('check --file reads at most a capped number of bytes', () => {
  it('/dev/zero stops at the cap with a message', { skip: !existsSync('/dev/zero') }, async () => {
    const before = process.memoryUsage().rss;
    const { status, text } = await output(['check', '--file', '/dev/zero']);
    expect(status).toBe(2);
    expect(text).toMatch(/too large/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a file over the cap is refused before its rows are read', async () => {
    const path = tempFile('big.csv', `problem,wrt,answer\n${'x^2,x,2x\n'.repeat(600_000)}`);
    const { status, text } = await output(['check', '--file', path]);
    expect(status).toBe(2);
    expect(text).toMatch(/too large/);
  });

  it('a directory or a missing file is a clear error', async () => {
    const { status, text } = await output(['check', '--file', tmpdir()]);
    expect(status).toBe(2);
    expect(text).toMatch(/Cannot read/);
  });
});
