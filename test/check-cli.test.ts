import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand, parseCsv } from '../src/cli/check-command.js';
import { captureIO } from './support/cli.js';

describe('gradstep check', () => {
  it('prints the verdict, the mistake and the counterexample; exit 1 for incorrect', async () => {
    const io = captureIO();
    expect(await checkCommand.run(['(2x-1)^3', '3(2x-1)^2'], io)).toBe(1);
    const out = io.stdout.join('\n');
    expect(out).toContain('incorrect');
    expect(out).toContain('chain-factor-missing');
    expect(out).toContain('expected: 6*(2*x - 1)^2');
  });

  it('exits 0 for correct answers, simplified or not', async () => {
    expect(await checkCommand.run(['(2x-1)^3', '6(2x-1)^2'], captureIO())).toBe(0);
    expect(await checkCommand.run(['(2x-1)^3', '3(2x-1)^2*2'], captureIO())).toBe(0);
  });

  it('prints JSON with the documented fields', async () => {
    const io = captureIO();
    const status = await checkCommand.run(
      ['3x y^2 + 4x^3', '3y^2 + 6xy + 12x^2', '--wrt', 'x', '--vars', 'x,y', '--json', '--lang', 'ko'],
      io,
    );
    expect(status).toBe(1);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.verdict).toBe('incorrect');
    expect(json.correct).toBe(false);
    expect(json.diagnosis.id).toBe('total-instead-of-partial');
    expect(json.message).toBe(json.messages.ko);
    expect(Object.keys(json.counterexample.at)).toEqual(['x', 'y']);
    expect(json.expected).toEqual({ text: '3*y^2 + 12*x^2', tex: expect.any(String) });
    expect(json.answer.text).toBe('3*y^2 + 6*x*y + 12*x^2');
  });

  it('exits 2 for an unreadable answer or problem', async () => {
    const io = captureIO();
    expect(await checkCommand.run(['x^2', '2x +'], io)).toBe(2);
    expect(io.stdout.join('\n')).toContain('could not be read');
    const io2 = captureIO();
    expect(await checkCommand.run(['x^2 +', '2x'], io2)).toBe(2);
    expect(io2.stderr.join('\n')).toContain('gradstep check');
    expect(await checkCommand.run(['only-one-argument'], captureIO())).toBe(2);
  });

  it('checks a CSV file row by row and prints a summary', async () => {
    const io = captureIO();
    const status = await checkCommand.run(['--file', 'fixtures/answers.csv'], io);
    expect(status).toBe(1);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines.filter((l) => /^\s*\d+ {2}/.test(l))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^10 rows: /);
  });

  it('sums the file up in one catalogue sentence, with plurals in English and particles in Korean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradstep-summary-'));
    const file = join(dir, 'answers.csv');
    writeFileSync(file, 'problem,answer\nx^2,2x\nx^3,3x^2\nx^2,2x +\nx^2,)\n1e308*x^2,2e308*x\n');
    const en = captureIO();
    await checkCommand.run(['--file', file], en);
    expect(en.stdout.at(-1)?.trim()).toBe('5 rows: 2 correct, 2 unreadable answers, 1 out of range');
    const ko = captureIO();
    await checkCommand.run(['--file', file, '--lang', 'ko'], ko);
    expect(ko.stdout.at(-1)?.trim()).toBe('5행을 채점했습니다: 정답 2행, 읽을 수 없는 답 2행, 범위 초과 1행');
  });

  it('says "cannot decide at these magnitudes" for coefficients near 1e308, not "undefined there"', async () => {
    const io = captureIO();
    expect(await checkCommand.run(['1e308*x^2/10', '2*1e308*x/10'], io)).toBe(2);
    const out = io.stdout.join('\n');
    expect(out).toContain('[out of range] Cannot decide at these magnitudes');
    expect(out).not.toContain('undefined');
    const json = captureIO();
    await checkCommand.run(['1e308*x^2/10', '2*1e308*x/10', '--json', '--lang', 'ko'], json);
    const parsed = JSON.parse(json.stdout.join('\n'));
    expect(parsed.verdict).toBe('out-of-range');
    expect(parsed.message).toContain('이 크기에서는 판정할 수 없습니다');
  });

  it('reads quoted CSV fields and reports unreadable rows without stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradstep-check-'));
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'problem,wrt,answer\n"log(x, 3)",x,"1/(x log(3))"\nx^2 +,x,2x\n');
    const io = captureIO();
    expect(await checkCommand.run(['--file', file, '--json'], io)).toBe(2);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.rows.map((r: { verdict: string }) => r.verdict)).toEqual(['correct', 'invalid-problem']);
    expect(json.summary).toEqual({ correct: 1, 'invalid-problem': 1 });
    expect(parseCsv('a,"b,""c"""\r\n1,2\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ]);
  });
});
