// The Korean catalogues (the CLI's and the optimizers' too) replaced by a pseudo-language built from the English one: every string
// the checker, the CLI and the libraries show for `ko` must come out bracketed, and no Hangul
// may appear from anywhere else.
import { describe, expect, it, vi } from 'vitest';
import { checkAnswer } from '../src/check/check.js';
import { checkDerivation } from '../src/check/lines.js';
import { COMMANDS, run } from '../src/cli/main.js';
import { GradstepError } from '../src/errors.js';
import { parse } from '../src/expr/parse.js';
import { captureIO } from './support/cli.js';
import { escapedWords, OPEN, outsideBrackets } from './support/pseudo.js';

vi.mock('../src/i18n/ko.js', async () => {
  const { en } = await import('../src/i18n/en.js');
  const { pseudo } = await import('./support/pseudo.js');
  return { ko: pseudo(en) };
});

vi.mock('../src/i18n/cli.ko.js', async () => {
  const { CLI_EN } = await import('../src/i18n/cli.en.js');
  const { pseudo } = await import('./support/pseudo.js');
  return { CLI_KO: pseudo(CLI_EN) };
});

vi.mock('../src/i18n/optim.ko.js', async () => {
  const { OPTIM_EN } = await import('../src/i18n/optim.en.js');
  const { pseudo } = await import('./support/pseudo.js');
  return { OPTIM_KO: pseudo(OPTIM_EN) };
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

describe('the CLI help, usage errors and optimizer output in a pseudo-language', () => {
  const cli = async (...argv: string[]) => {
    const io = captureIO();
    const status = await run(argv, io);
    return { status, text: [...io.stdout, ...io.stderr].join('\n') };
  };
  // Literal on every command line: the program, the commands, the flags (`--json`, `-h`) and
  // the values a flag takes as typed (`--detail full|normal|brief`).
  const COMMAND_NAMES = Object.keys(COMMANDS);
  const LITERAL = ['gradstep', ...COMMAND_NAMES, 'full|normal|brief'];
  const withoutFlags = (text: string) => text.replace(/(^|[\s[|(])--?[a-z][a-z0-9-]*/g, '$1 ');
  const expectHelp = (text: string) => expectCatalogued(withoutFlags(text), LITERAL);

  it('gradstep --help speaks the language asked for, with --lang before or after', async () => {
    for (const argv of [['--help', '--lang', 'ko'], ['--lang', 'ko', '--help'], ['--lang=ko']]) {
      const { status, text } = await cli(...argv);
      expect(status, argv.join(' ')).toBe(0);
      expectHelp(text);
      for (const name of COMMAND_NAMES) expect(text).toMatch(new RegExp(`^  ${name} +⟦`, 'm'));
    }
  });

  it('every gradstep <command> --help comes from the catalogue', async () => {
    expect(COMMAND_NAMES).toEqual(['parse', 'diff', 'grad', 'check', 'optimize', 'graph']);
    for (const name of COMMAND_NAMES) {
      for (const argv of [
        [name, '--help', '--lang', 'ko'],
        ['--lang', 'ko', name, '-h'],
      ]) {
        const { status, text } = await cli(...argv);
        expect(status, argv.join(' ')).toBe(0);
        expect(text).toContain(`gradstep ${name}`);
        expectHelp(text);
      }
    }
  });

  it('the usage of optimize lists every setting from the engine, in the catalogue', async () => {
    const { text } = await cli('optimize', '--help', '--lang', 'ko');
    for (const flag of ['--optimizer id', '--beta1 ρ₁', '--initial-accumulator r₀', '--batch-size B'])
      expect(text).toMatch(new RegExp(`^  ${flag} +⟦`, 'm'));
  });

  it('usage errors come from the catalogue', async () => {
    const cases: string[][] = [
      ['frobnicate', '--lang', 'ko'],
      ['diff', 'x^2', '--bogus', '--lang', 'ko'],
      ['diff', 'x^2', '--json=0', '--lang', 'ko'],
      ['check', 'x^2', '2x', '--lang', 'ko', '--wrt'],
      ['grad', 'x*y', '--lang', 'ko', '--lang', 'fr'],
      ['optimize', 'x^2', '--optimizer', 'gd', '--start', '1', '--tex', '--no-tex', '--lang', 'ko'],
      ['optimize', 'x^2', '--lr', '0.1', '--start', '1', '--lang', 'ko'],
      ['parse', '--frobnicate', 'x', '--lang', 'ko'],
      ['parse', '--lang', 'ko'],
      ['diff', '--lang', 'ko'],
      ['graph', '--lang', 'ko'],
    ];
    for (const argv of cases) {
      const { status, text } = await cli(...argv);
      expect(status, argv.join(' ')).toBe(2);
      expectHelp(text);
    }
  });

  it('gradstep optimize prints its table, its steps and its status from the catalogue', async () => {
    const base = ['optimize', 'x^2 - 4x + 6', '--start', '4', '--steps', '3', '--lang', 'ko'];
    const expressions = ['x^2 - 4x + 6', 'x^2 - 4*x + 6', '2*x - 4'];
    // Parameters land inside their message's brackets, so the words passed in (the convention's
    // name, the status) must be bracketed on their own: they too come from the catalogue.
    const runs: [string[], RegExp][] = [
      [['--optimizer', 'gd', '--lr', '0.2', '--table'], /⟦⟦ran every step asked for⟧⟧$/],
      [['--optimizer', 'gd', '--lr', '0.2'], /^⟦⟦Gradient descent⟧ \(⟦textbook⟧\), ε = 0\.2⟧$/m],
      [['--optimizer', 'adam', '--lr', '0.2', '--convention', 'pytorch'], /\(⟦PyTorch⟧\), ε = 0\.2, ρ₁ = 0\.9/],
      [['--optimizer', 'rmsprop', '--lr', '0.1', '--convention', 'keras', '--table'], /^⟦⟦ran every step/m],
      [['--optimizer', 'newton'], /\(⟦textbook⟧\)/],
      [['--optimizer', 'gd', '--lr', '5', '--steps', '40'], /^⟦⟦diverged⟧: ⟦Diverged at step/m],
    ];
    for (const [extra, shape] of runs) {
      const { status, text } = await cli(...base, ...extra);
      expect(status, extra.join(' ')).toBe(0);
      expectCatalogued(text, expressions);
      expect(text).toMatch(shape);
    }
    // SGD over data: the batch's rows, and no convention or status id left in English.
    const sgd = await cli(
      'optimize',
      '(w*x + b - y)^2',
      '--vars',
      'w,b',
      '--data',
      'line',
      '--optimizer',
      'gd',
      '--lr',
      '0.05',
      '--start',
      '0,0',
      '--steps',
      '2',
      '--lang',
      'ko',
    );
    expect(sgd.status).toBe(0);
    expectCatalogued(sgd.text, ['(w*x + b - y)^2', '2*x*(w*x + b - y)', '2*(w*x + b - y)']);
    expect(sgd.text).toMatch(/→ \(.*\) {2}⟦rows \d+, \d+, \d+, \d+⟧$/m);
    expect(outsideBrackets(sgd.text)).not.toMatch(/textbook|rows|batch|max-steps|converged|diverged/);
  });
});
