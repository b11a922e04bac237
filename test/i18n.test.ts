import { describe, expect, it } from 'vitest';
import type { RuleId } from '../src/calculus/derivation.js';
import { RULES } from '../src/calculus/rules.js';
import { MISTAKE_IDS } from '../src/check/mistakes.js';
import type { UnsimplifiedReason } from '../src/check/unsimplified.js';
import { type ErrorCode, type ErrorParams, GradstepError } from '../src/errors.js';
import type { Construct } from '../src/expr/messages.js';
import type { ReadNoteKind } from '../src/expr/normalize.js';
import { CLI_CATALOGUES, cliMessagesFor } from '../src/i18n/cli.js';
import {
  CATALOGUES,
  josa,
  LANGS,
  type Lang,
  localizeAll,
  type Messages,
  messagesFor,
  plural,
  toLang,
  transpose,
} from '../src/i18n/index.js';
import type { NoteParams } from '../src/i18n/messages.js';
import { OPTIM_CATALOGUES, optimMessagesFor } from '../src/i18n/optim.js';

/**
 * Parameters for every error code, typed by ErrorParams: a new code without a sample here
 * is a type error, and every sample is rendered in every language below.
 */
const ERROR_SAMPLES: { readonly [C in ErrorCode]: readonly ErrorParams[C][] } = {
  'parse/not-text': [{}],
  'parse/empty': [{}],
  'parse/too-long': [{ length: 5001, max: 5000 }],
  'parse/too-deep': [{ max: 60 }],
  'parse/too-many-nodes': [{ max: 2000 }],
  'parse/unexpected': (['character', 'end', 'value', 'paren', 'operator', 'other'] as const).map((kind) => ({
    kind,
    near: 'q',
  })),
  'parse/not-allowed': [{ construct: 'factorial' }, { construct: 'operator', detail: '&' }],
  'parse/unbalanced': [{ opener: '(', closer: ')' }, { closer: ')' }],
  'parse/unknown-name': [
    { unknown: ['q'], word: 'q' },
    { unknown: ['foo', 'bar'], word: 'foobar', declared: ['x', 'y'] },
    { unknown: ['z'], word: 'z', declared: [] },
  ],
  'parse/unknown-function': [{ name: 'erf' }, { name: 'sinh', inverse: true }],
  'parse/missing-argument': [{ name: 'sin' }],
  'parse/arity': [
    { name: 'sin', expected: 'one', got: 2 },
    { name: 'log', expected: 'one-or-two', got: 3 },
  ],
  'parse/bad-variable': (['syntax', 'reserved', 'function', 'constant'] as const).map((why) => ({ name: 'pi', why })),
  'parse/internal': [{}],
  'calculus/unknown-function': [{ name: 'erf' }],
  'calculus/bad-option': [
    { option: 'order', value: '0' },
    { option: 'wrt', value: 'q' },
  ],
  'calculus/too-large': [{ nodes: 20000, ms: 2000 }],
  'calculus/domain': [{ base: '-2' }],
  'compile/unknown-variable': [
    { name: 'z', vars: ['x', 'y'] },
    { name: 'z', vars: [] },
  ],
  'compile/bad-node': [{ what: 'a string' }],
  'compile/too-deep': [{ max: 2000 }],
  'compile/duplicate-variable': [{ name: 'x' }],
  'compile/bad-number': [{}],
  'compile/wrong-arity': [
    { what: 'coordinates', expected: 2, got: 1 },
    { what: 'columns', expected: 1, got: 3 },
  ],
  'compile/ragged-columns': [{}],
  'compile/short-output': [{ have: 1, need: 4 }],
  'print/too-deep': [{}],
  'simplify/too-deep': [{}],
  'expr/bad-tree': [{ what: "unknown node kind 'oops'" }],
  'expr/undefined-everywhere': [{ part: '1/0' }],
  'check/unreadable-derivative': [{}, { near: "d/dx x'" }],
  'check/too-many-lines': [{ count: 60, max: 50 }],
  'check/line-too-long': [{ length: 600, max: 500 }],
  'check/unknown-variable': [{ name: 'q' }],
  'check/file': [{ path: 'answers.csv' }],
  'check/file-too-large': [{ max: 4194304 }],
  'check/csv-columns': [{}],
  'check/csv-too-long': [{ count: 10001, max: 10000 }],
  'cli/bad-option': [{ option: 'lr', value: 'fast' }],
  'cli/missing-option': [{ option: 'start' }],
  'cli/unknown-command': [{ command: 'frobnicate' }],
  'cli/unknown-option': [{ option: 'bogus' }],
  'cli/takes-no-value': [{ option: 'json' }],
  'cli/needs-value': [{ option: 'wrt' }],
  'cli/unknown-language': [{ lang: 'fr', known: ['en', 'ko'] }],
  'cli/conflicting-flags': [{ first: 'tex', second: 'no-tex' }],
  'cli/missing-expression': [{}],
  'optim/unknown-hyper': [
    { optimizer: 'adam', key: '--beta', known: ['--beta1', '--beta2', '--delta'] },
    { optimizer: 'gd', key: 'alpha', known: [] },
    { optimizer: 'adam', key: 'rho1', same: 'beta1' },
  ],
  'optim/bad-hyper': (['unit', 'open-unit', 'positive', 'nonnegative'] as const).map((range) => ({
    hyper: 'rho' as const,
    range,
    value: -1,
    name: '--rho',
    symbol: 'ρ',
  })),
  'optim/bad-learning-rate': [{ value: -0.1 }, { value: -0.1, name: '--lr' }, { missingFor: 'newton' }],
  'optim/not-a-number': [
    { name: 'lr', type: 'string', shown: 'fast' },
    { name: 'lr', type: 'boolean', shown: 'true' },
    { name: 'lr', type: 'list', shown: '' },
    { name: 'lr', type: 'null', shown: '' },
  ],
  'optim/needs-data': [{ name: '--batch-size', data: '--data' }],
  'optim/bad-param': [{ name: 'a', value: 'NaN' }],
  'optim/bad-start': [{ expected: 2, got: 1 }, {}],
  'optim/bad-steps': [{ value: -1, max: 20000 }],
  'optim/bad-tolerance': [{ value: -1 }],
  'optim/undefined-at-start': [{ point: '(0, 0)', f: 'NaN' }],
  'optim/no-hessian': [{ optimizer: 'newton' }],
  'optim/unknown-dataset': [{ name: 'iris' }],
  'optim/bad-data': [{ maxRows: 1000 }, { maxRows: 1000, row: 3, columns: ['x', 'y'] }],
  'optim/no-parameters': [{}],
  'optim/parameter-is-data': [{ name: 'x' }, { name: 'a', what: 'constant' }],
  'optim/unknown-variable': [{ names: ['q'], params: ['w', 'b'] }],
  'optim/bad-setting': [{ name: 'batch', min: 1, max: 100, value: 0 }],
  'optim/too-many-steps': [
    { steps: 3000, maxTex: 2000, max: 20000 },
    { steps: 3000, maxTex: 2000, max: 20000, off: '--no-tex' },
    { steps: 3000, rowsPerStep: 500, most: 2000, budget: 1_000_000 },
  ],
  'optim/unknown-optimizer': [{ name: 'lion', known: ['gd', 'adam'] }],
  'optim/unknown-convention': [{ name: 'jax' }],
  'graph/too-large': [{ max: 2000 }],
  'graph/bad-param': [{ name: '1w' }],
  'graph/missing-value': [{ name: 'y' }],
  'graph/bad-output': [{ id: 99 }],
  'graph/not-built': [{}],
  'graph/bad-point': [{ text: 'w=oops' }],
};

const NOTE_SAMPLES: { readonly [K in ReadNoteKind]: NoteParams[K] } = {
  'implicit-function-call': { typed: 'sin 2x', reading: 'sin(2x)' },
  'function-power': { typed: 'sin^2 x', reading: 'sin(x)^2', name: 'sin' },
  'inverse-function': { typed: 'sin^-1 x', inverse: 'asin', name: 'sin' },
  'split-name': { word: 'xy', reading: 'x·y' },
  'natural-log': {},
  'product-after-division': { shown: '1/2x', left: '1/2', right: 'x' },
  'product-after-power': { shown: 'x^2y', left: 'x^2', right: 'y' },
  'product-after-root': { shown: '√2x', left: '√2', right: 'x', radicand: '2' },
  'scientific-notation': { text: '2e3', mantissa: '2', power: '3' },
};

const CONSTRUCTS: readonly Construct[] = [
  'string',
  'brackets',
  'braces',
  'assignment',
  'comparison',
  'accessor',
  'factorial',
  'percent',
  'range',
  'conditional',
  'block',
  'function-definition',
  'indexing',
  'object',
  'matrix',
  'unit',
  'logical',
  'operator',
];

const REASONS: readonly UnsimplifiedReason[] = [
  'numeric-factors',
  'numeric-terms',
  'identity-element',
  'like-terms',
  'like-factors',
  'foldable-constant',
  'double-negation',
];

/** A shown text: not empty, no unfilled template, no particle left for the reader to choose. */
function expectGood(text: string, where: string): void {
  expect(typeof text, where).toBe('string');
  expect(text.trim(), where).not.toBe('');
  expect(text, where).not.toMatch(/\[object|\$\{|\bnull\b/);
  // English says "undefined" of a function; Korean never writes the word, so there it is a hole.
  if (/[\u{AC00}-\u{D7A3}]/u.test(text)) expect(text, where).not.toMatch(/undefined/);
  // Every parameter above has a readable end, so no particle is written both ways.
  expect(text, where).not.toMatch(/을\(를\)|이\(가\)|은\(는\)|\(으\)로|과\(와\)/);
}

/** Every string and every function's result in a catalogue section, with its path. */
function leaves(value: unknown, path: string): [string, unknown][] {
  if (typeof value === 'string' || typeof value === 'function') return [[path, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('every catalogue', () => {
  it('exists for every language, and all have the same keys as English', () => {
    expect(LANGS).toEqual(Object.keys(CATALOGUES));
    const shape = (m: Messages) => leaves(m, '').map(([path]) => path);
    for (const lang of LANGS) expect(shape(messagesFor(lang)), lang).toEqual(shape(messagesFor('en')));
  });

  it("has the CLI's catalogue for every language, with the same keys as English", () => {
    expect(Object.keys(CLI_CATALOGUES)).toEqual(LANGS);
    const shape = (lang: Lang) => leaves(cliMessagesFor(lang), '').map(([path]) => path);
    for (const lang of LANGS) expect(shape(lang), lang).toEqual(shape('en'));
  });

  it("has the optimizers' catalogue for every language, with the same keys as English", () => {
    expect(Object.keys(OPTIM_CATALOGUES)).toEqual(LANGS);
    const shape = (lang: Lang) => leaves(optimMessagesFor(lang), '').map(([path]) => path);
    for (const lang of LANGS) expect(shape(lang), lang).toEqual(shape('en'));
  });

  it('names the language itself and gives a tag Intl understands', () => {
    for (const lang of LANGS) {
      const m = messagesFor(lang);
      expectGood(m.name, lang);
      expect(Intl.PluralRules.supportedLocalesOf([m.tag]), lang).toEqual([m.tag]);
    }
    expect(new Set(LANGS.map((l) => messagesFor(l).name)).size).toBe(LANGS.length);
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      const m = messagesFor(lang);
      const cli = cliMessagesFor(lang);

      it('has a name and prose for every rule', () => {
        const ids = Object.keys(RULES) as RuleId[];
        expect(ids.length).toBeGreaterThan(20);
        for (const id of ids) {
          expectGood(m.rules[id].name, `${lang} rule ${id} name`);
          expectGood(m.rules[id].prose, `${lang} rule ${id} prose`);
        }
      });

      it('renders every error code with every sample of its parameters', () => {
        for (const [code, samples] of Object.entries(ERROR_SAMPLES) as [ErrorCode, ErrorParams[ErrorCode][]][]) {
          expect(samples.length, code).toBeGreaterThan(0);
          for (const params of samples) {
            const error = new GradstepError(code, params);
            expectGood(error.localized(lang), `${lang} ${code} ${JSON.stringify(params)}`);
          }
        }
      });

      it('explains every mistake', () => {
        for (const id of MISTAKE_IDS) {
          for (const held of [false, true]) {
            const text = m.mistakes[id]({
              expr: '(2x - 1)^3',
              detail: '2',
              inner: '2x - 1',
              wrt: 'x',
              others: ['y'],
              ruleProse: m.rules.sin.prose,
              held,
            });
            expectGood(text, `${lang} mistake ${id}`);
          }
        }
      });

      it('has every UI key, CLI label, construct, note and reason', () => {
        for (const [path, value] of leaves(m.ui, 'ui')) expectGood(value as string, `${lang} ${path}`);
        const { summary, errors: _errors, ...labels } = cli;
        expectGood(
          summary({
            rows: 3,
            verdicts: [
              { verdict: 'correct', count: 2 },
              { verdict: 'invalid-answer', count: 1 },
            ],
          }),
          `${lang} cli.summary`,
        );
        for (const [path, value] of leaves({ ...labels, help: cli.help.commands, optimize: {} }, 'cli')) {
          expectGood(typeof value === 'function' ? value({ count: 3, start: 1, end: 2 }) : (value as string), path);
        }
        const { help, optimize } = cli;
        for (const [path, value] of leaves({ ...help, commands: {} }, 'cli.help'))
          if (typeof value === 'string') expectGood(value, `${lang} ${path}`);
        expectGood(help.tagline({ version: '1.2.3' }), `${lang} cli.help.tagline`);
        for (const defaults of [undefined, 'adam 0.9; rmsprop 0.99'])
          for (const aliases of [[], ['--alpha']])
            expectGood(help.setting({ what: 'momentum', defaults, aliases }), `${lang} cli.help.setting`);
        expectGood(
          help.choice({ what: 'x', values: ['gd', 'adam'], aliases: [['sgd', 'gd']] }),
          `${lang} cli.help.choice`,
        );
        expectGood(
          help.exit({
            statuses: [
              [0, 'a'],
              [2, 'b'],
            ],
          }),
          `${lang} cli.help.exit`,
        );
        expectGood(optimize.heading({ name: 'Adam', convention: 'PyTorch', settings: 'ε = 0.1' }), `${lang} heading`);
        expectGood(optimize.batch({ rows: [1, 4] }), `${lang} cli.optimize.batch`);
        expectGood(optimize.warning({ step: 3, message: 'm' }), `${lang} cli.optimize.warning`);
        for (const message of [undefined, 'm'])
          expectGood(optimize.status({ status: 'converged', message }), `${lang} cli.optimize.status`);
        for (const c of CONSTRUCTS) expectGood(m.constructs[c], `${lang} construct ${c}`);
        for (const [kind, params] of Object.entries(NOTE_SAMPLES) as [ReadNoteKind, never][])
          expectGood(m.notes[kind](params), `${lang} note ${kind}`);
        for (const r of REASONS) expectGood(m.unsimplified[r], `${lang} reason ${r}`);
        for (const [path, value] of leaves({ ...optimMessagesFor(lang), errors: {} }, 'optim'))
          if (typeof value === 'string') expectGood(value, `${lang} ${path}`);
      });

      it("renders every attribute limit's message, hint, typesetting note and the diagnosis note", () => {
        const limit = { attr: 'lr', value: '1e400', min: '-1000000', max: '1000000', length: 5, most: 4 };
        const { raceBudget, hints, ignored, ...refusals } = m.limits;
        for (const [key, message] of Object.entries(refusals)) {
          const text = message(limit);
          expectGood(text, `${lang} limits.${key}`);
          expect(text, `${lang} limits.${key}`).toContain('lr');
        }
        expectGood(ignored, `${lang} limits.ignored`);
        const budget = raceBudget({ runs: 6, steps: 2000, perRun: 400, budget: 2400 });
        expectGood(budget, `${lang} limits.raceBudget`);
        for (const n of ['6', '2000', '400', '2400']) expect(budget).toContain(n);
        for (const [key, hint] of Object.entries(hints)) expectGood(hint, `${lang} limits.hints.${key}`);
        expect(m.typeset.tooLong({ length: 1300 })).toContain('1300');
        expectGood(m.typeset.tooLong({ length: 1300 }), `${lang} typeset.tooLong`);
        expectGood(m.typeset.budget, `${lang} typeset.budget`);
        expectGood(m.verdicts.diagnosisSkipped, `${lang} verdicts.diagnosisSkipped`);
      });
    });
  }
});

describe('GradstepError', () => {
  it('keeps its code and parameters and makes its text in the language asked for', () => {
    const e = new GradstepError('parse/too-long', { length: 12, max: 10 }, { start: 10, end: 12 });
    expect(e.code).toBe('parse/too-long');
    expect(e.params).toEqual({ length: 12, max: 10 });
    expect(e.message).toBe(e.localized('en'));
    expect(e.localized('ko')).toContain('12자');
    expect(e.messages).toEqual(localizeAll((_, lang) => e.localized(lang)));
    const json = JSON.parse(JSON.stringify(e));
    expect(json).toMatchObject({
      code: 'parse/too-long',
      params: { length: 12, max: 10 },
      range: { start: 10, end: 12 },
    });
  });

  it('lets a caller switch over every code', () => {
    const kind = (code: ErrorCode): string => code.split('/')[0] as string;
    expect(new Set(Object.keys(ERROR_SAMPLES).map((c) => kind(c as ErrorCode)))).toEqual(
      new Set(['parse', 'calculus', 'compile', 'print', 'simplify', 'expr', 'check', 'cli', 'optim', 'graph']),
    );
  });
});

describe('toLang', () => {
  it('looks the tag up among the catalogues, by full tag then primary subtag', () => {
    expect(toLang('ko')).toBe('ko');
    expect(toLang('ko-KR')).toBe('ko');
    expect(toLang('KO_kr')).toBe('ko');
    expect(toLang('en-GB')).toBe('en');
    expect(toLang('fr')).toBe('en');
    expect(toLang('')).toBe('en');
    expect(toLang(undefined)).toBe('en');
    expect(toLang('kok')).toBe('en');
  });
});

describe('josa', () => {
  it('follows the final consonant of Hangul', () => {
    expect(josa('함수', '을/를')).toBe('함수를');
    expect(josa('도함수', '이/가')).toBe('도함수가');
    expect(josa('상수항', '을/를')).toBe('상수항을');
    expect(josa('변수', '은/는')).toBe('변수는');
    expect(josa('곱', '과/와')).toBe('곱과');
    expect(josa('직선', '으로/로')).toBe('직선으로');
    expect(josa('연쇄법칙', '으로/로')).toBe('연쇄법칙으로');
    expect(josa('하늘', '으로/로')).toBe('하늘로');
    expect(josa('하늘', '을/를')).toBe('하늘을');
  });

  it('reads digits as Korean numbers', () => {
    expect(josa('2', '을/를')).toBe('2를'); // 이
    expect(josa('3', '을/를')).toBe('3을'); // 삼
    expect(josa('1', '으로/로')).toBe('1로'); // 일: ㄹ
    expect(josa('6', '이/가')).toBe('6이'); // 육
    expect(josa('10', '이/가')).toBe('10이'); // 십
    expect(josa('100', '은/는')).toBe('100은'); // 백
    expect(josa('2000', '을/를')).toBe('2000을'); // 천
    expect(josa('0', '이/가')).toBe('0이'); // 영
    expect(josa('1.5', '이/가')).toBe('1.5가'); // 오
    expect(josa('6(2x - 1)^2', '을/를')).toBe('6(2x - 1)^2를');
    expect(josa('x²', '이/가')).toBe('x²가'); // 이
  });

  it('reads Latin letters by their English names, Greek by their Korean names', () => {
    expect(josa('x', '이/가')).toBe('x가'); // 엑스
    expect(josa('y', '을/를')).toBe('y를');
    expect(josa('n', '이/가')).toBe('n이'); // 엔
    expect(josa('l', '으로/로')).toBe('l로'); // 엘
    expect(josa('sin', '을/를')).toBe('sin을'); // 사인
    expect(josa("'x'", '이/가')).toBe("'x'가");
    expect(josa('ε', '이/가')).toBe('ε이'); // 엡실론
    expect(josa('α', '이/가')).toBe('α가'); // 알파
  });

  it('writes both forms only when the end cannot be read', () => {
    expect(josa('→', '을/를')).toBe('→을(를)');
    expect(josa('→', '으로/로')).toBe('→(으)로');
    expect(josa('', '이/가')).toBe('이(가)');
  });
});

describe('plural', () => {
  it('chooses the form by Intl.PluralRules', () => {
    expect(plural('en', 1, { one: 'row', other: 'rows' })).toBe('row');
    expect(plural('en', 2, { one: 'row', other: 'rows' })).toBe('rows');
    expect(plural('en', 0, { one: 'row', other: 'rows' })).toBe('rows');
    expect(plural('ko', 1, { other: '행' })).toBe('행');
    const { summary } = cliMessagesFor('en');
    expect(summary({ rows: 1, verdicts: [{ verdict: 'invalid-answer', count: 1 }] })).toBe(
      '1 row: 1 unreadable answer',
    );
    expect(
      summary({
        rows: 4,
        verdicts: [
          { verdict: 'correct', count: 2 },
          { verdict: 'invalid-problem', count: 2 },
        ],
      }),
    ).toBe('4 rows: 2 correct, 2 unreadable problems');
    expect(
      cliMessagesFor('ko').summary({
        rows: 10,
        verdicts: [
          { verdict: 'correct', count: 7 },
          { verdict: 'incorrect', count: 3 },
        ],
      }),
    ).toBe('10행을 채점했습니다: 정답 7행, 오답 3행');
  });
});

describe('transpose', () => {
  it('turns per-language trees into one tree of texts in every language', () => {
    const t = transpose<{ a: string; list: readonly string[] }>({
      en: { a: 'A', list: ['one', 'two'] },
      ko: { a: '가', list: ['하나', '둘'] },
    } as Record<Lang, { a: string; list: readonly string[] }>);
    expect(t.a).toEqual({ en: 'A', ko: '가' });
    expect(t.list[1]).toEqual({ en: 'two', ko: '둘' });
  });
});
