/**
 * The parser's errors, each with an English and a Korean message and the
 * range of the input it concerns. One function per error keeps the wording in
 * one place and the codes stable.
 */

import { GradstepError, type SourceRange } from '../errors.js';
import type { Localized } from '../i18n/index.js';
import { FUNCTION_NAMES } from './functions.js';

/** A construct gradstep refuses to read, named for the person who typed it. */
export type Construct =
  | 'string'
  | 'brackets'
  | 'braces'
  | 'assignment'
  | 'comparison'
  | 'accessor'
  | 'factorial'
  | 'percent'
  | 'range'
  | 'conditional'
  | 'block'
  | 'function-definition'
  | 'indexing'
  | 'object'
  | 'matrix'
  | 'unit'
  | 'logical'
  | 'operator';

const CONSTRUCT_NAMES: Readonly<Record<Construct, Localized>> = {
  string: { en: 'text in quotes', ko: '따옴표로 감싼 문자열' },
  brackets: { en: 'square brackets (matrices and indexing)', ko: '대괄호(행렬과 인덱싱)' },
  braces: { en: 'braces (objects)', ko: '중괄호(객체)' },
  assignment: { en: "'=' (assignments and equations)", ko: "'='(대입과 방정식)" },
  comparison: { en: 'a comparison', ko: '비교 연산' },
  accessor: { en: "property access with '.'", ko: "'.'를 이용한 속성 접근" },
  factorial: { en: "the factorial '!'", ko: "계승 '!'" },
  percent: { en: "'%' (percent and remainder)", ko: "'%'(백분율과 나머지 연산)" },
  range: { en: "a range with ':'", ko: "':'를 이용한 범위" },
  conditional: { en: "a conditional with '?'", ko: "'?'를 이용한 조건식" },
  block: { en: "several expressions separated by ';'", ko: "';'로 구분된 여러 식" },
  'function-definition': { en: 'a function definition', ko: '함수 정의' },
  indexing: { en: 'indexing', ko: '인덱싱' },
  object: { en: 'an object', ko: '객체' },
  matrix: { en: 'a matrix', ko: '행렬' },
  unit: { en: 'a unit', ko: '단위' },
  logical: { en: 'a logical operator', ko: '논리 연산자' },
  operator: { en: 'this operator', ko: '이 연산자' },
};

const ALLOWED_EN = 'an expression may use only numbers, variables, e, π, + − × ÷ ^, parentheses and functions';
const ALLOWED_KO = '수식에는 숫자, 변수, e, π, + − × ÷ ^, 괄호와 함수만 쓸 수 있습니다';

function error(code: string, en: string, ko: string, range?: SourceRange): GradstepError {
  return new GradstepError(code, { en, ko }, range);
}

export const parseErrors = {
  notText: () => error('parse/not-text', 'The expression must be text.', '수식은 문자열이어야 합니다.'),

  empty: (range: SourceRange) =>
    error(
      'parse/empty',
      'The expression is empty: type a formula such as 3x^2 + 1.',
      '수식이 비어 있습니다. 3x^2 + 1 같은 식을 입력하세요.',
      range,
    ),

  tooLong: (length: number, max: number) =>
    error(
      'parse/too-long',
      `The expression is too long: ${length} characters, at most ${max} are allowed.`,
      `수식이 너무 깁니다: ${length}자이며, 최대 ${max}자까지 입력할 수 있습니다.`,
      { start: max, end: length },
    ),

  tooDeep: (max: number, range?: SourceRange) =>
    error(
      'parse/too-deep',
      `The expression is nested too deeply: at most ${max} levels are allowed.`,
      `수식이 너무 깊게 중첩되어 있습니다: 최대 ${max}단계까지 허용됩니다.`,
      range,
    ),

  tooManyNodes: (max: number, range?: SourceRange) =>
    error(
      'parse/too-many-nodes',
      `The expression is too large: at most ${max} numbers, variables and operations are allowed.`,
      `수식이 너무 큽니다: 숫자, 변수, 연산을 합쳐 최대 ${max}개까지 허용됩니다.`,
      range,
    ),

  unexpectedCharacter: (char: string, range: SourceRange) =>
    error('parse/unexpected', `Unexpected character '${char}'.`, `예상하지 못한 문자 '${char}'가 있습니다.`, range),

  notAllowed: (construct: Construct, range?: SourceRange, detail?: string) => {
    const name = CONSTRUCT_NAMES[construct];
    const shown = detail === undefined ? '' : ` '${detail}'`;
    return error(
      'parse/not-allowed',
      `${name.en}${shown} is not allowed: ${ALLOWED_EN}.`.replace(/^./, (c) => c.toUpperCase()),
      `${name.ko}${shown}은(는) 쓸 수 없습니다. ${ALLOWED_KO}.`,
      range,
    );
  },

  unbalanced: (opener: string, closer: string, range: SourceRange) =>
    error(
      'parse/unbalanced',
      `'${opener}' is not closed: a '${closer}' is missing.`,
      `'${opener}'가 닫히지 않았습니다: '${closer}'가 빠졌습니다.`,
      range,
    ),

  unopened: (closer: string, range: SourceRange) =>
    error(
      'parse/unbalanced',
      `'${closer}' has no matching opening parenthesis.`,
      `'${closer}'에 맞는 여는 괄호가 없습니다.`,
      range,
    ),

  unknownName: (
    unknown: readonly string[],
    word: string,
    declared: readonly string[] | undefined,
    range: SourceRange,
  ) => {
    const list = unknown.map((n) => `'${n}'`).join(', ');
    const whole = unknown.length === 1 && unknown[0] === word;
    const where = whole ? '' : ` in '${word}'`;
    const whereKo = whole ? '' : `('${word}' 안)`;
    const hintEn =
      declared === undefined
        ? "variables are single letters (write a product as a*b) unless you declare longer names such as 'w1' or 'x_1'"
        : declared.length === 0
          ? 'no variables are declared'
          : `the variables are ${declared.join(', ')}`;
    const hintKo =
      declared === undefined
        ? "변수는 한 글자입니다(곱은 a*b처럼 쓰세요). 'w1'이나 'x_1' 같은 긴 이름은 변수로 선언해야 합니다"
        : declared.length === 0
          ? '선언된 변수가 없습니다'
          : `변수는 ${declared.join(', ')}입니다`;
    return error(
      'parse/unknown-name',
      `Unknown name${unknown.length > 1 ? 's' : ''} ${list}${where}: ${hintEn}.`,
      `알 수 없는 이름 ${list}${whereKo}: ${hintKo}.`,
      range,
    );
  },

  unknownFunction: (name: string, range: SourceRange) =>
    error(
      'parse/unknown-function',
      `Unknown function '${name}': gradstep knows ${FUNCTION_NAMES.join(', ')}.`,
      `알 수 없는 함수 '${name}': gradstep이 아는 함수는 ${FUNCTION_NAMES.join(', ')}입니다.`,
      range,
    ),

  noInverse: (name: string, range: SourceRange) =>
    error(
      'parse/unknown-function',
      `'${name}^-1' (the inverse of ${name}) is not a function gradstep knows; for the reciprocal write 1/${name}(x).`,
      `'${name}^-1'(${name}의 역함수)은 gradstep이 아는 함수가 아닙니다. 역수는 1/${name}(x)처럼 쓰세요.`,
      range,
    ),

  missingArgument: (name: string, range: SourceRange) =>
    error(
      'parse/missing-argument',
      `'${name}' needs an argument, as in ${name}(x).`,
      `'${name}'에는 ${name}(x)처럼 인수가 필요합니다.`,
      range,
    ),

  arity: (name: string, expected: string, got: number, range?: SourceRange) =>
    error(
      'parse/arity',
      `'${name}' takes ${expected}, but ${got} ${got === 1 ? 'was' : 'were'} given.`,
      `'${name}'에는 ${expected === 'one argument' ? '인수 1개' : '인수 1개 또는 2개'}가 필요한데 ${got}개가 주어졌습니다.`,
      range,
    ),

  /** A syntax error found by mathjs, mapped back onto the input. */
  syntax: (kind: 'end' | 'value' | 'paren' | 'operator' | 'other', range: SourceRange, near: string) => {
    const messages: Record<typeof kind, [string, string]> = {
      end: [
        'The expression ends too early: something is missing at the end.',
        '수식이 너무 일찍 끝났습니다: 끝에 무언가 빠졌습니다.',
      ],
      value: [
        `A number, variable or parenthesis is expected before '${near}'.`,
        `'${near}' 앞에 숫자, 변수 또는 괄호가 있어야 합니다.`,
      ],
      paren: [`A ')' is expected before '${near}'.`, `'${near}' 앞에 ')'가 있어야 합니다.`],
      operator: [`Unexpected '${near}'.`, `예상하지 못한 '${near}'가 있습니다.`],
      other: [`The expression cannot be read at '${near}'.`, `'${near}' 부분을 읽을 수 없습니다.`],
    };
    const [en, ko] = messages[kind];
    return error('parse/unexpected', en, ko, range);
  },

  badVariable: (name: string, why: 'syntax' | 'reserved' | 'function' | 'constant') => {
    const reasons: Record<typeof why, [string, string]> = {
      syntax: [
        'a variable name is a letter followed by letters, digits or _ (or a Greek letter)',
        '변수 이름은 글자로 시작하고 글자, 숫자, _만 쓸 수 있습니다(그리스 문자도 가능)',
      ],
      reserved: ['it is a reserved word', '예약어입니다'],
      function: ['it is the name of a function', '함수 이름입니다'],
      constant: [
        "it is the constant π; only 'e' may be declared as a variable",
        "상수 π입니다. 변수로 선언할 수 있는 상수는 'e'뿐입니다",
      ],
    };
    const [en, ko] = reasons[why];
    return error(
      'parse/bad-variable',
      `'${name}' cannot be a variable: ${en}.`,
      `'${name}'은(는) 변수가 될 수 없습니다: ${ko}.`,
    );
  },

  internal: (range?: SourceRange) =>
    error(
      'parse/internal',
      'The expression could not be read (an internal check failed).',
      '수식을 읽을 수 없습니다(내부 검사에 실패했습니다).',
      range,
    ),
};
