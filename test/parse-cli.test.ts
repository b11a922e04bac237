import { describe, expect, it } from 'vitest';
import { caretLines, parseCommand } from '../src/cli/parse-command.js';
import { captureIO } from './support/cli.js';

async function runParse(...args: string[]) {
  const io = captureIO();
  const status = await parseCommand.run(args, io);
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('gradstep parse', () => {
  it('prints the normalised text, the TeX, the variables and how the input was read', async () => {
    const { status, out } = await runParse('sin 2x + xy');
    expect(status).toBe(0);
    expect(out).toContain('text:  sin(2*x) + x*y');
    expect(out).toContain('tex:   \\sin 2x+xy');
    expect(out).toContain('vars:  x, y');
    expect(out).toContain("read:  read 'sin 2x' as sin(2·x)");
    expect(out).toContain("read:  read 'xy' as x·y");
  });

  it('joins unquoted words and reads an expression that starts with a minus', async () => {
    expect((await runParse('sin', 'x')).out).toContain('text:  sin(x)');
    expect((await runParse('-x^2')).out).toContain('text:  -x^2');
  });

  it('takes declared variables with --vars', async () => {
    const { status, out } = await runParse('w1x + b', '--vars', 'w1,x,b');
    expect(status).toBe(0);
    expect(out).toContain('text:  w1*x + b');
    expect(out).toContain('vars:  w1, x, b');
    expect((await runParse('w1x + b', '--vars=w1,x,b')).status).toBe(0);
  });

  it('prints JSON with --json', async () => {
    const { status, out } = await runParse('ln x', '--json');
    expect(status).toBe(0);
    const json = JSON.parse(out) as { expr: unknown; text: string; tex: string; vars: string[]; notes: unknown[] };
    expect(json.text).toBe('ln(x)');
    expect(json.tex).toBe('\\ln x');
    expect(json.expr).toEqual({ kind: 'call', fn: 'ln', args: [{ kind: 'sym', name: 'x' }] });
    expect(json.vars).toEqual(['x']);
    expect(json.notes).toHaveLength(1);
  });

  it('prints the error with a caret under the offending range and exits 2', async () => {
    const { status, out, err } = await runParse('hello + 1', '--vars', 'x,y');
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      "gradstep parse: Unknown name 'hello': the variables are x, y.",
      '  hello + 1',
      '  ^^^^^',
    ]);
    // With declared variables, another single letter is a parameter.
    const param = await runParse('xz + 1', '--vars', 'x,y');
    expect(param.out).toContain('params: z');
    const unclosed = await runParse('3(x + 1');
    expect(unclosed.err.split('\n').slice(1)).toEqual(['  3(x + 1', '   ^']);
  });

  it('speaks Korean with --lang ko', async () => {
    const { status, err } = await runParse('2 +', '--lang', 'ko');
    expect(status).toBe(2);
    expect(err).toContain('수식이 너무 일찍 끝났습니다');
    expect(err.split('\n').slice(1)).toEqual(['  2 +', '    ^']);
  });

  it('prints the error as JSON with --json, still exiting 2', async () => {
    const { status, out } = await runParse('x = 2', '--json');
    expect(status).toBe(2);
    const json = JSON.parse(out) as { input: string; error: { code: string; range: unknown; messages: unknown } };
    expect(json.input).toBe('x = 2');
    expect(json.error.code).toBe('parse/not-allowed');
    expect(json.error.range).toEqual({ start: 2, end: 3 });
  });

  it('rejects a missing expression and unknown options with usage, exit 2', async () => {
    const missing = await runParse();
    expect(missing.status).toBe(2);
    expect(missing.err).toContain('missing the expression');
    const unknown = await runParse('x', '--frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('unknown option --frobnicate');
  });

  it('reads its arguments as every command does (util.parseArgs): errors are GradstepErrors with usage', async () => {
    for (const [args, code, text] of [
      [['x', '--vars'], 'cli/needs-value', '--vars'],
      [['x', '--json=yes'], 'cli/takes-no-value', '--json'],
      [['x', '--lang', 'xx'], 'cli/unknown-language', 'xx'],
      [['x', '--frobnicate'], 'cli/unknown-option', '--frobnicate'],
    ] as const) {
      const result = await runParse(...args);
      expect(result.status, code).toBe(2);
      expect(result.err, code).toContain(text);
      expect(result.err, code).toContain('parse "3x^3 - 2x + 1"'); // the usage follows
    }
    // After `--` everything is the expression, even what starts with `--`.
    const dashes = await runParse('--json', '--', '--x');
    expect(dashes.status).toBe(0);
    expect(JSON.parse(dashes.out).text).toBe('-(-x)');
    expect((await runParse('--vars', 'w1,x', 'w1x')).out).toContain('text:  w1*x');
  });

  it('keeps the caret line readable for long input', () => {
    const input = `${'x+'.repeat(600)}x`;
    const [line, caret] = caretLines(input, 1000, input.length);
    expect(line?.length).toBeLessThan(110);
    expect(line?.[caret?.indexOf('^') ?? 0]).toBe(input[1000]);
  });
});
