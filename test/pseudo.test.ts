// The Korean catalogue replaced by a pseudo-language built from the English one: every string
// the checker, the CLI and the libraries show for `ko` must come out bracketed, and no Hangul
// may appear from anywhere else.
import { describe, expect, it, vi } from 'vitest';
import { checkAnswer } from '../src/check/check.js';
import { checkDerivation } from '../src/check/lines.js';
import { run } from '../src/cli/main.js';
import { GradstepError } from '../src/errors.js';
import { parse } from '../src/expr/parse.js';
import { captureIO } from './support/cli.js';
import { escapedWords, OPEN, outsideBrackets } from './support/pseudo.js';

vi.mock('../src/i18n/ko.js', async () => {
  const { en } = await import('../src/i18n/en.js');
  const { pseudo } = await import('./support/pseudo.js');
  return { ko: pseudo(en) };
});

const HANGUL = /[\u{AC00}-\u{D7A3}]/u;

function expectCatalogued(text: string, allowed: readonly string[] = []): void {
  expect(text).toContain(OPEN);
  expect(text).not.toMatch(HANGUL);
  expect(escapedWords(text, allowed), text).toEqual([]);
}

describe('the pseudo-language check itself', () => {
  it('finds words outside brackets, nested brackets included', () => {
    expect(escapedWords('⟦Not ⟦quite⟧⟧ x = 2')).toEqual([]);
    expect(escapedWords('⟦Step⟧ 1 of 3 Answer: 2x')).toEqual(['Answer']);
    expect(escapedWords('sin(x) ⟦held⟧')).toEqual([]);
  });
});

describe('the checker in a pseudo-language', () => {
  it('says every verdict through the catalogue', () => {
    const cases: [string, string][] = [
      ['(2x - 1)^3', '6(2x - 1)^2'],
      ['(2x - 1)^3', '3(2x - 1)^2'],
      ['x^2 y', '2x'],
      ['x^2 + 3x', '2x + 3 + 0'],
      ['x^3', 'x^3'],
      ['x^2', '2x +'],
      ['x^2', 'd/dx(x^2)'],
      ['sin(x)', 'cos(q)'],
    ];
    for (const [problem, answer] of cases) {
      const r = checkAnswer({ problem, answer, lang: 'ko' });
      expectCatalogued(r.message, [problem, answer, r.expected.text, r.answer?.text ?? '']);
      if (r.diagnosis) expectCatalogued(r.diagnosis.messages.ko, [problem, answer]);
    }
  });

  it('checks work line by line through the catalogue', () => {
    const r = checkDerivation({ problem: '(2x - 1)^3', lines: ["y' = 3(2x - 1)^2", "y' = 6(2x-1)^2"], lang: 'ko' });
    expectCatalogued(r.message, ['(2x - 1)^3', '3(2x - 1)^2']);
    for (const line of r.lines) if (line.messages) expectCatalogued(line.messages.ko, ['(2x - 1)^3', '3(2x - 1)^2']);
  });

  it('words errors and parse notes through the catalogue', () => {
    for (const bad of ['', '3x +', 'x!', 'foo(x)', '(x + 1', 'x]', 'sin']) {
      try {
        parse(bad);
        throw new Error(`parsed ${bad}`);
      } catch (error) {
        expect(error).toBeInstanceOf(GradstepError);
        expectCatalogued((error as GradstepError).localized('ko'), [bad]);
      }
    }
    for (const note of parse('sin 2x + 1/2x + xy').notes) expectCatalogued(note.messages.ko, ['sin', '1/2x', 'xy']);
  });
});

describe('the CLI in a pseudo-language', () => {
  const cli = async (...argv: string[]) => {
    const io = captureIO();
    await run(argv, io);
    return [...io.stdout, ...io.stderr].join('\n');
  };

  it('diff and grad print rule names and labels from the catalogue', async () => {
    const diff = await cli('diff', '(2x - 1)^3', '--lang', 'ko', '--detail', 'full');
    expectCatalogued(diff, ['d/dx']);
    const grad = await cli('grad', '3xy^2 + 4x^3', '--vars', 'x,y', '--lang', 'ko');
    expectCatalogued(grad);
    expect(outsideBrackets(diff)).not.toMatch(/Answer|Chain rule|Power rule/);
  });

  it('check prints its verdicts, labels and errors from the catalogue', async () => {
    // The mistake's id is printed as an identifier, beside its explanation.
    expectCatalogued(await cli('check', '(2x-1)^3', '3(2x-1)^2', '--lang', 'ko'), ['chain-factor-missing']);
    expectCatalogued(await cli('check', 'x^2', '2x +', '--lang', 'ko'), ['gradstep check']);
    expectCatalogued(await cli('diff', 'x!', '--lang', 'ko'), ['gradstep diff']);
  });
});
