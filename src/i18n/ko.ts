/** 한국어: gradstep이 보여 주는 모든 문자열. 모양은 `Messages`(src/i18n/messages.ts)를 따른다. */

import { FUNCTION_NAMES } from '../expr/functions.js';
import { josa } from './josa.js';
import type { Messages } from './messages.js';
import { RULES_KO } from './rules.ko.js';

const list = (names: readonly string[]) => names.join(', ');
const quoted = (names: readonly string[]) => names.map((x) => `'${x}'`).join(', ');

const ALLOWED = '수식에는 숫자, 변수, e, π, + − × ÷ ^, 괄호와 함수만 쓸 수 있습니다';
/** The functions gradstep knows: the names of the function table. */
const FUNCTIONS = FUNCTION_NAMES.join(', ');

/** The rule table's words: written by the engine in rules.ko.ts. */
const rules = RULES_KO;

export const ko: Messages = {
  tag: 'ko',
  name: '한국어',

  errors: {
    'parse/not-text': () => '수식은 문자열이어야 합니다.',
    'parse/empty': () => '수식이 비어 있습니다. 3x^2 + 1 같은 식을 입력하세요.',
    'parse/too-long': ({ length, max }) => `수식이 너무 깁니다: ${length}자이며, 최대 ${max}자까지 입력할 수 있습니다.`,
    'parse/too-deep': ({ max }) => `수식이 너무 깊게 중첩되어 있습니다: 최대 ${max}단계까지 허용됩니다.`,
    'parse/too-many-nodes': ({ max }) => `수식이 너무 큽니다: 숫자, 변수, 연산을 합쳐 최대 ${max}개까지 허용됩니다.`,
    'parse/unexpected': ({ kind, near }) =>
      ({
        character: `예상하지 못한 문자가 있습니다: '${near}'.`,
        end: '수식이 너무 일찍 끝났습니다: 끝에 무언가 빠졌습니다.',
        value: `'${near}' 앞에 숫자, 변수 또는 괄호가 있어야 합니다.`,
        paren: `'${near}' 앞에 ')'가 있어야 합니다.`,
        operator: `예상하지 못한 기호가 있습니다: '${near}'.`,
        other: `'${near}' 부분을 읽을 수 없습니다.`,
      })[kind],
    'parse/not-allowed': ({ construct, detail }) =>
      `쓸 수 없는 표현입니다: ${ko.constructs[construct]}${detail === undefined ? '' : ` '${detail}'`}. ${ALLOWED}.`,
    'parse/unbalanced': ({ opener, closer }) =>
      opener === undefined
        ? `'${closer}' 괄호와 짝이 맞는 여는 괄호가 없습니다.`
        : `'${opener}' 괄호가 닫히지 않았습니다: 짝이 되는 '${closer}' 괄호가 빠졌습니다.`,
    'parse/unknown-name': ({ unknown, word, declared }) => {
      const whole = unknown.length === 1 && unknown[0] === word;
      const hint =
        declared === undefined
          ? "변수는 한 글자입니다(곱은 a*b처럼 쓰세요). 'w1'이나 'x_1' 같은 긴 이름은 변수로 선언해야 합니다"
          : declared.length === 0
            ? '선언된 변수가 없습니다'
            : `변수는 ${list(declared)}입니다`;
      return `알 수 없는 이름 ${quoted(unknown)}${whole ? '' : `('${word}' 안)`}: ${hint}.`;
    },
    'parse/unknown-function': ({ name, inverse }) =>
      inverse
        ? `'${name}^-1'(${name}의 역함수)은 gradstep이 아는 함수가 아닙니다. 역수는 1/${name}(x)처럼 쓰세요.`
        : `알 수 없는 함수 '${name}': gradstep이 아는 함수는 ${FUNCTIONS}입니다.`,
    'parse/missing-argument': ({ name }) => `'${name}'에는 ${name}(x)처럼 인수가 필요합니다.`,
    'parse/arity': ({ name, expected, got }) =>
      `'${name}'에는 ${expected === 'one' ? '인수 1개' : '인수 1개 또는 2개'}가 필요한데 ${got}개가 주어졌습니다.`,
    'parse/bad-variable': ({ name, why }) =>
      `${josa(`'${name}'`, '은/는')} 변수가 될 수 없습니다: ${
        {
          syntax: '변수 이름은 글자로 시작하고 글자, 숫자, _만 쓸 수 있습니다(그리스 문자도 가능)',
          reserved: '예약어입니다',
          function: '함수 이름입니다',
          constant: "상수 π입니다. 변수로 선언할 수 있는 상수는 'e'뿐입니다",
        }[why]
      }.`,
    'parse/internal': () => '수식을 읽을 수 없습니다(내부 검사에 실패했습니다).',
    'calculus/unknown-function': ({ name }) => `gradstep은 함수 '${name}'의 미분법을 알지 못합니다.`,
    'calculus/bad-option': ({ option, value }) =>
      `${option === 'order' ? '미분 계수' : option} 값이 올바르지 않습니다: ${value}.`,
    'calculus/domain': ({ base }) =>
      `음수 밑(${base})의 거듭제곱은 지수가 변하면 실수 함수가 아닙니다(일부 유리수 지수에서만 실수). 양수 밑으로 바꾸어 쓰세요(예: 정수 n에서 (-2)^x는 (-1)^n·2^x).`,
    'calculus/too-large': ({ nodes, ms }) =>
      `식이 너무 커서 단계별로 미분할 수 없습니다 (노드 ${nodes.toLocaleString('ko')}개 또는 ${ms}ms 초과).`,
    'compile/unknown-variable': ({ name, vars }) =>
      `식에 변수 목록(${vars.length ? list(vars) : '없음'})에 없는 ${josa(`'${name}'`, '이/가')} 있습니다.`,
    'compile/bad-node': ({ what }) => `${josa(what, '은/는')} 컴파일할 수 없습니다.`,
    'compile/too-deep': ({ max }) => `식이 너무 깊게 중첩되어 컴파일할 수 없습니다 (${max}단계 초과).`,
    'compile/duplicate-variable': ({ name }) => `변수 ${josa(`'${name}'`, '이/가')} 두 번 나열되었습니다.`,
    'compile/bad-number': () => '식에 값이 숫자가 아닌 숫자 노드가 있습니다.',
    'compile/wrong-arity': ({ what, expected, got }) =>
      what === 'coordinates'
        ? `좌표가 ${expected}개인 점이 필요한데 ${got}개가 주어졌습니다.`
        : `변수마다 하나씩 ${expected}개의 열이 필요한데 ${got}개가 주어졌습니다.`,
    'compile/ragged-columns': () => '모든 열의 길이가 같아야 합니다.',
    'compile/short-output': ({ have, need }) => `출력 배열에 ${need}개가 필요한데 ${have}개만 들어갑니다.`,
    'print/too-deep': () => '식이 너무 깊게 중첩되어 처리할 수 없습니다.',
    'simplify/too-deep': () => '식이 너무 깊게 중첩되어 처리할 수 없습니다.',
    'expr/bad-tree': ({ what }) => `올바른 식 트리가 아닙니다: ${what}.`,
    'expr/undefined-everywhere': ({ part }) =>
      `${part} 부분은 실수 값이 없으므로 이 식은 변수의 어떤 값에서도 정의되지 않습니다.`,
    'check/unreadable-derivative': ({ near }) =>
      `이 미분 표기를 읽을 수 없습니다 (${near === undefined ? '프라임 앞의 괄호 짝이 맞지 않습니다' : `'${near}'`}). d/dx(…)처럼 괄호를 쓰거나 (…)'로 쓰세요.`,
    'check/too-many-lines': ({ count, max }) => `줄이 너무 많습니다 (${count}줄). 최대 ${max}줄까지 확인합니다.`,
    'check/line-too-long': ({ length, max }) => `줄이 너무 깁니다 (${length}자, 최대 ${max}자).`,
    'check/unknown-variable': ({ name }) => `${josa(`'${name}'`, '은/는')} 문제의 변수가 아닙니다.`,
    'check/file': ({ path }) => `파일 ${josa(`'${path}'`, '을/를')} 읽을 수 없습니다.`,
    'check/file-too-large': ({ max }) => `파일이 너무 큽니다: ${max.toLocaleString('en')}바이트를 넘습니다.`,
    'check/csv-columns': () => 'CSV 첫 줄에 problem, wrt, answer 열 이름이 있어야 합니다.',
    'check/csv-too-long': ({ count, max }) => `행이 너무 많습니다 (${count}행). 최대 ${max}행입니다.`,
    'graph/too-large': ({ max }) => `식이 너무 커서 그래프로 그릴 수 없습니다 (노드 최대 ${max}개).`,
    'graph/bad-param': ({ name }) => `매개변수가 올바르지 않습니다: ${name}.`,
    'graph/missing-value': ({ name }) => `${name}의 값이 주어지지 않았습니다.`,
    'graph/bad-output': ({ id }) => `${id}번 노드가 없습니다.`,
    'graph/not-built': () => 'buildGraph로 그래프를 먼저 만드세요.',
    'graph/bad-point': ({ text }) => `${text}: 이름=수 쌍을 쉼표로 구분해 주세요 (w=0.5, x=2).`,
  },

  constructs: {
    string: '따옴표로 감싼 문자열',
    brackets: '대괄호(행렬과 인덱싱)',
    braces: '중괄호(객체)',
    assignment: "'='(대입과 방정식)",
    comparison: '비교 연산',
    accessor: "'.'를 이용한 속성 접근",
    factorial: "계승 '!'",
    percent: "'%'(백분율과 나머지 연산)",
    range: "':'를 이용한 범위",
    conditional: "'?'를 이용한 조건식",
    block: "';'로 구분된 여러 식",
    'function-definition': '함수 정의',
    indexing: '인덱싱',
    object: '객체',
    matrix: '행렬',
    unit: '단위',
    logical: '논리 연산자',
    operator: '이 연산자',
  },

  notes: {
    'implicit-function-call': ({ typed, reading }) =>
      `${josa(`'${typed}'`, '을/를')} ${josa(reading, '으로/로')} 읽었습니다`,
    'function-power': ({ typed, reading, name }) =>
      `${josa(`'${typed}'`, '을/를')} ${josa(reading, '으로/로')} 읽었습니다. 지수는 ${name}의 값에 적용됩니다`,
    'inverse-function': ({ typed, inverse, name }) =>
      `${josa(`'${typed}'`, '을/를')} ${josa(`1/${name}`, '이/가')} 아니라 역함수 ${josa(inverse, '으로/로')} 읽었습니다`,
    'split-name': ({ word, reading }) => `${josa(`'${word}'`, '을/를')} ${josa(reading, '으로/로')} 읽었습니다`,
    'natural-log': () => "'log'를 자연로그 ln으로 읽었습니다. 상용로그는 log10으로 쓰세요",
    'product-after-division': ({ shown, left, right }) =>
      `${josa(`'${shown}'`, '을/를')} ${josa(`(${left})·${right}`, '으로/로')} 읽었습니다. '/' 바로 뒤의 값만 나눕니다. 곱으로 나누려면 /(…)처럼 쓰세요`,
    'product-after-power': ({ shown, left, right }) =>
      `${josa(`'${shown}'`, '을/를')} ${josa(`(${left})·${right}`, '으로/로')} 읽었습니다. 지수는 '${right}' 앞에서 끝납니다. 긴 지수는 ^(…)처럼 쓰세요`,
    'product-after-root': ({ shown, left, right, radicand }) =>
      `${josa(`'${shown}'`, '을/를')} ${josa(`(${left})·${right}`, '으로/로')} 읽었습니다. 근호는 '${radicand}'에만 적용됩니다. 더 긴 식은 √(…)처럼 쓰세요`,
    'scientific-notation': ({ text, mantissa, power }) =>
      `${josa(`'${text}'`, '을/를')} ${mantissa}·10^${power}(과학적 표기법)로 읽었습니다. e와의 곱은 ${mantissa}*e처럼 쓰세요`,
  },

  rules,

  derivation: {
    held: ({ names }) => `${josa(list(names), '을/를')} 상수로 취급`,
    letWord: '치환',
    order: ({ k }) => `${k}계 도함수:`,
    answer: '답',
    assuming: ({ bases }) => `${bases.map((b) => `${b} > 0`).join(', ')}으로 가정`,
    assumption: ({ bases }) =>
      `${bases.map((b) => `${b} > 0`).join(', ')}이라고 가정합니다: 밑이 양수일 때만 변하는 지수의 거듭제곱 aᵘ가 실함수이고 그 도함수가 aᵘ·ln a입니다.`,
  },

  mistakes: {
    'chain-factor-missing': ({ expr, inner, detail }) =>
      `연쇄법칙의 인수가 빠졌습니다: ${expr}의 바깥 함수를 미분한 뒤 안쪽 함수 ${inner}의 도함수 ${josa(detail, '을/를')} 곱해야 합니다.`,
    'product-as-product-of-derivatives': ({ expr }) =>
      `곱 ${expr}의 미분을 각 인수의 미분의 곱으로 계산했습니다. 곱의 법칙은 (fg)′ = f′g + fg′입니다.`,
    'product-term-dropped': ({ expr, detail }) =>
      `${expr}의 미분에서 곱의 법칙의 항 하나가 빠졌습니다: ${detail}. 인수를 하나씩 미분하고 나머지는 그대로 곱한 뒤 모든 항을 더해야 합니다.`,
    'quotient-sign-reversed': ({ expr }) =>
      `${expr}의 미분에서 몫의 법칙의 분자 부호가 뒤바뀌었습니다: fg′ − f′g가 아니라 f′g − fg′입니다.`,
    'quotient-as-ratio-of-derivatives': ({ expr }) =>
      `몫 ${expr}의 미분을 f′/g′로 계산했습니다. 몫의 법칙은 (f/g)′ = (f′g − fg′)/g²입니다.`,
    'power-rule-on-exponential': ({ expr }) =>
      `지수함수 ${expr}에 거듭제곱의 미분법을 적용했습니다. 변수가 지수에 있으므로 (aᵘ)′ = aᵘ·ln a·u′ (그리고 (eᵘ)′ = eᵘ·u′)이며, u·a^(u−1)이 아닙니다.`,
    'power-rule-on-variable-exponent': ({ expr }) =>
      `${expr}에 거듭제곱의 미분법을 적용했지만, 밑과 지수가 모두 변수에 따라 변합니다. 로그 미분법을 쓰세요: (f^g)′ = f^g·(g·ln f)′.`,
    'term-dropped': ({ expr, detail }) => `항 하나가 빠졌습니다: ${expr}의 도함수, 즉 ${detail}입니다.`,
    'trig-sign-error': ({ expr, ruleProse }) => `${expr}의 도함수에서 부호가 틀렸습니다. ${ruleProse}`,
    'total-instead-of-partial': ({ expr, wrt, others }) =>
      `${expr}의 ${wrt}에 대한 편미분입니다: ${josa(list(others), '은/는')} 상수로 취급하므로 그 미분은 0입니다. 답은 ${josa(list(others), '이/가')} ${wrt}에 따라 변하는 것처럼 계산했습니다.`,
    'constant-kept': ({ expr, wrt, held }) =>
      held
        ? `${expr}에는 ${josa(wrt, '이/가')} 없으므로 편미분에서는 상수이고 그 미분은 0입니다. 그런데 그대로 남겨 두었습니다.`
        : `상수 ${josa(expr, '을/를')} 그대로 남겼지만, 상수의 미분은 0입니다.`,
  },

  unsimplified: {
    'numeric-factors': '곱에 있는 수끼리 곱하지 않았습니다',
    'numeric-terms': '합에 있는 수끼리 더하지 않았습니다',
    'identity-element': '+ 0, 곱하기 1, 지수 1 같은 것이 남아 있습니다',
    'like-terms': '동류항을 정리하지 않았습니다',
    'like-factors': '같은 밑의 인수를 묶지 않았습니다',
    'foldable-constant': '계산할 수 있는 상수가 남아 있습니다',
    'double-negation': '이중 부호가 남아 있습니다',
  },

  simplified: {
    label: '정리한 내용',
    did: {
      'numeric-factors': '곱에 있는 수끼리 곱했습니다',
      'numeric-terms': '합에 있는 수끼리 더했습니다',
      'identity-element': '+ 0, 곱하기 1, 지수 1을 없앴습니다',
      'like-terms': '동류항을 모았습니다',
      'like-factors': '같은 밑의 인수를 묶었습니다',
      'foldable-constant': '상수를 계산했습니다',
      'double-negation': '이중 부호를 없앴습니다',
    },
    rewrote: '결과를 같은 값의 더 간단한 꼴로 바꿔 썼습니다',
    join: (items) => items.join(', '),
  },

  forms: {
    textbook: '교과서 꼴',
    smallest: '가장 짧은 꼴',
    factored: '인수분해한 꼴',
    'common-denominator': '통분한 꼴',
    expanded: '전개한 꼴',
  },

  verdicts: {
    correct: ({ form }) => (form ? `정답입니다. 답은 ${form}입니다.` : '정답입니다.'),
    unsimplified: ({ reason, expected }) => `맞았지만 정리되지 않았습니다: ${reason}. 정리하면 ${expected}입니다.`,
    incorrect: ({ at, expected, answer }) =>
      answer === null
        ? `틀렸습니다: ${at}에서 도함수의 값은 ${expected}인데, 답은 그 점에서 정의되지 않습니다.`
        : `틀렸습니다: ${at}에서 도함수의 값은 ${expected}인데, 답의 값은 ${answer}입니다.`,
    sameAsProblem: () => '답이 원래 함수 그대로이고, 도함수가 아닙니다.',
    invalid: ({ error }) => `답을 읽을 수 없습니다: ${error}`,
    unknownVariable: ({ name, vars }) =>
      `답에 문제의 변수(${list(vars)})가 아닌 ${josa(`'${name}'`, '이/가')} 있습니다.`,
    unevaluated: ({ found }) => `답에 아직 미분 기호(${found})가 남아 있습니다. 미분을 끝까지 계산해서 결과를 쓰세요.`,
    undecided: ({ points }) => `판정할 수 없습니다: 비교할 수 있는 표본점(${points}개)이 너무 적습니다.`,
    outOfRange: () =>
      '이 크기에서는 판정할 수 없습니다: 값이 부동소수점이 담을 수 있는 범위(약 5e-324에서 1.8e+308까지)를 벗어나 답을 수치로 비교할 수 없습니다. 오답으로 처리하지 않습니다.',
    join: (first, second) => `${first} ${second}`,
    undefinedValue: '정의되지 않음',
    diagnosisSkipped: '(진단 생략: 실수를 찾는 데 검사 한도보다 오래 걸립니다.)',
  },

  lines: {
    unreadable: ({ line, error }) => `${line}번째 줄을 읽을 수 없습니다: ${error}`,
    undecided: ({ line }) => `${line}번째 줄을 비교할 수 없습니다: 도함수가 정의되는 표본점이 너무 적습니다.`,
    outOfRange: ({ line }) =>
      `${line}번째 줄은 이 크기에서 판정할 수 없습니다: 값이 부동소수점이 담을 수 있는 범위(약 5e-324에서 1.8e+308까지)를 벗어나 수치로 비교할 수 없습니다. 틀린 줄로 처리하지 않으며, 그 뒤의 줄은 검사하지 않습니다.`,
    notDerivative: ({ line, at, expected, got }) =>
      `${line}번째 줄은 도함수가 아닙니다: ${at}에서 도함수의 값은 ${expected}인데, 이 줄의 값은 ${got}입니다.`,
    notFollowing: ({ line, previous, at, expected, got }) =>
      `${line}번째 줄은 ${previous}번째 줄과 같지 않습니다: ${at}에서 ${previous}번째 줄의 값은 ${expected}인데, 이 줄의 값은 ${got}입니다.`,
    none: () => '확인할 줄이 없습니다.',
    broken: ({ line }) => `${line}번째 줄에서 풀이가 틀렸습니다.`,
    unfinished: () => '모든 줄이 맞지만 마지막 줄에 아직 미분이 남아 있습니다. 미분을 끝까지 계산하세요.',
    unsimplified: ({ expected }) => `모든 줄이 맞고 결과도 맞지만, 마지막 줄이 정리되지 않았습니다: ${expected}.`,
    correct: () => '모든 줄이 맞고, 마지막 줄이 도함수입니다.',
  },

  ui: {
    readAs: '읽은 식',
    alsoWrittenAs: '다르게 쓰면',
    steps: '풀이 과정',
    generalFormula: '일반 공식',
    heldConstant: '상수로 취급',
    assumed: '가정',
    tangentAt: '접선 위치',
    slope: '기울기',
    plotOf: 'f와 도함수의 그래프',
    editExpression: '미분할 함수',
    gradient: '그래디언트',
    hessian: '헤세 행렬',
    partialWrt: '편미분 변수',
    check: '확인',
    yourAnswer: '나의 답',
    showSolution: '풀이 보기',
    expected: '정답',
    counterexample: '다른 지점',
    correct: '정답입니다!',
    correctUnsimplified: '맞았지만 더 간단히 할 수 있습니다.',
    incorrect: '아직 정답이 아닙니다.',
    unevaluated: '답에 아직 계산하지 않은 미분이 있습니다.',
    invalid: '답을 읽을 수 없습니다.',
    answerRequired: '답을 입력하세요.',
    previous: '이전 단계',
    next: '다음 단계',
    play: '재생',
    pause: '일시 정지',
    reset: '처음으로',
    step: '단계',
    iteration: '반복',
    history: '기록',
    loss: '손실',
    updateRule: '갱신 규칙',
    withNumbers: '숫자를 대입하면',
    gradientAt: '현재 점의 그래디언트',
    constantsLabel: '상수로 취급',
    batch: '미니배치 행',
    data: '데이터',
    row: '행',
    inBatch: '이번 미니배치',
    epoch: '에폭',
    lossPerStep: '단계별 손실',
    scrollRegion: '넓은 수식, 옆으로 스크롤',
    keyboardHint: '키보드: ← 이전, → 다음, 스페이스 재생/정지',
    internalError: '내부 오류가 발생했습니다.',
    rotateHint: '드래그하거나 화살표 키로 회전하세요',
    surfaceOf: '곡면:',
    colourScale: 'z의 색 눈금',
    dataPlot: '데이터와 맞춘 모형',
    dataRows: '행',
    dataBatch: '행이 이번 단계의 미니배치',
    modelAtStep: '모형, 단계',
  },

  graph: {
    node: '노드',
    operation: '연산',
    value: '값',
    adjoint: '수반값',
    edge: '간선',
    local: '국소 미분',
    gradient: '그래디언트',
    param: '매개변수',
    data: '데이터',
    constant: '상수',
    graph: '계산 그래프',
    legend: '각 상자: 노드와 연산, 값(순전파), ∂ 수반값 ∂L/∂노드(역전파). 간선: 국소 미분.',
    start: '입력에 값이 들어 있습니다. 한 단계씩 진행해 각 노드를 계산하세요.',
    forward: '순전파',
    backward: '역전파',
    where: '대입값',
    seed: '출력의 수반값은 1입니다.',
    chain: '출력까지 모든 경로를 따라 연쇄 법칙',
    sumParents: '연쇄 법칙: 부모 노드에 대한 합',
    locals: '사용한 국소 미분',
    backprop: '역전파로 구한 그래디언트',
    symbolic: '기호 미분으로 구한 그래디언트(gs-gradient와 같은 계산), 현재 점에서',
    agree: '두 결과가 일치합니다.',
    disagree: '두 결과가 다릅니다.',
    descend: '경사 하강 한 단계',
    loss: '손실',
    table: '표로 보기',
    nodeHeader: '노드',
    operationHeader: '연산',
    valueHeader: '값',
    adjointHeader: '수반값',
    edgeHeader: '간선',
    localHeader: '국소 미분',
  },

  limits: {
    notNumber: ({ attr, value }) => `${josa(`${attr}="${value}"`, '은/는')} 수가 아닙니다.`,
    notFinite: ({ attr, value }) => `${josa(`${attr}="${value}"`, '은/는')} 유한한 수가 아닙니다.`,
    range: ({ attr, value, min, max }) =>
      `${josa(`${attr}="${value}"`, '은/는')} ${min}부터 ${max}까지의 범위를 벗어납니다.`,
    integer: ({ attr, value, min, max }) =>
      `${josa(`${attr}="${value}"`, '은/는')} ${min}부터 ${max}까지의 정수여야 합니다.`,
    tooLong: ({ attr, length, most }) => `${attr} 값이 너무 깁니다 (${length}자, 최대 ${most}자).`,
    tooMany: ({ attr, length, most }) => `${attr} 값의 개수가 너무 많습니다 (${length}개, 최대 ${most}개).`,
    order: ({ attr, value }) => `${attr}="${value}": 각 구간의 아래 끝이 위 끝보다 작아야 합니다.`,
    ignored: '대신 기본값을 사용합니다.',
    raceBudget: ({ runs, steps, perRun, budget }) =>
      `${runs}개 실행 × ${steps}단계가 비교 한도 ${budget}단계를 넘어, 실행마다 ${perRun}단계까지만 계산합니다.`,
    hints: {
      expr: '아직 보여 줄 내용이 없습니다. expr 속성에 식을 지정하세요 (예: expr="x^2").',
      problem: '문제가 없습니다. problem 속성에 함수를 지정하세요 (예: problem="x^2").',
      optimizers:
        '비교할 실행이 없습니다. optimizers 속성에 최적화 기법을 적거나 (예: optimizers="gd,adam") 바꿀 값을 지정하세요.',
    },
  },

  typeset: {
    tooLong: ({ length }) => `조판하기에 너무 깁니다 (TeX ${length}자). 텍스트로 보여 줍니다.`,
    budget: '이 풀이는 너무 커서 전부 조판할 수 없습니다. 나머지는 텍스트로 보여 줍니다.',
  },
};
