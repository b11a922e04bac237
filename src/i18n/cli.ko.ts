/** 명령줄의 말, 한국어. 모양은 `CliMessages`(src/i18n/cli.ts)를 따른다. */

import type { CliMessages } from './cli.js';
import { josa } from './josa.js';

/** 판정의 이름: `check`의 결과 줄과 `check --file` 요약(`정답 3행`). */
const VERDICTS: Record<keyof CliMessages['verdicts'], string> = {
  correct: '정답',
  'correct-unsimplified': '정리 안 됨',
  incorrect: '오답',
  'invalid-answer': '읽을 수 없는 답',
  unevaluated: '미분이 남음',
  undecided: '판정 불가',
  'out-of-range': '범위 초과',
  'invalid-problem': '읽을 수 없는 문제',
};

export const CLI_KO: CliMessages = {
  errors: {
    'cli/bad-option': ({ option, value }) => `--${option} ${value}: 수가 필요합니다.`,
    'cli/missing-option': ({ option }) => `--${option} 옵션이 필요합니다.`,
    'cli/unknown-command': ({ command }) =>
      `알 수 없는 명령 '${command}'입니다. 명령 목록은 'gradstep --help'로 볼 수 있습니다.`,
    'cli/unknown-option': ({ option }) => `알 수 없는 옵션 --${option}입니다.`,
    'cli/takes-no-value': ({ option }) => `--${option} 옵션은 값을 받지 않습니다.`,
    'cli/needs-value': ({ option }) => `--${option} 옵션에 값이 필요합니다.`,
    'cli/unknown-language': ({ lang, known }) =>
      `알 수 없는 언어 --lang ${lang}입니다 (${known.join(', ')} 중 하나를 쓰세요).`,
    'cli/conflicting-flags': ({ first, second }) =>
      `${josa(`--${first}`, '과/와')} ${josa(`--${second}`, '은/는')} 서로 반대되는 요청입니다. 하나만 쓰세요.`,
    'cli/missing-expression': () => '식이 없습니다.',
  },
  verdicts: VERDICTS,
  labels: {
    expected: '정답',
    answer: '학생 답',
    at: '위치',
    mistake: '실수',
    characters: '문자 위치',
    read: '읽기',
    text: '텍스트',
    tex: 'TeX',
    vars: '변수',
    params: '매개변수',
    none: '(없음)',
  },
  summary: ({ rows, verdicts }) =>
    `${josa(`${rows}행`, '을/를')} 채점했습니다: ${verdicts.map(({ verdict, count }) => `${VERDICTS[verdict]} ${count}행`).join(', ')}`,
  where: ({ start, end }) => ` (${start}–${end}번째 문자)`,
  help: {
    tagline: ({ version }) => `gradstep ${version} — 풀이 과정을 보여 주는 미분, 답 채점, 최적화기를 터미널에서`,
    headings: { usage: '사용법', commands: '명령', options: '옵션', examples: '예' },
    placeholders: {
      expr: '식',
      problem: '문제',
      answer: '답',
      command: '명령',
      options: '옵션',
      csv: '답안.csv',
      path: '경로',
    },
    global: {
      help: '이 도움말을 보여 줍니다 (명령별 도움말: gradstep <명령> --help)',
      version: '버전을 출력합니다',
      lang: '도움말과 메시지의 언어',
    },
    setting: ({ what, defaults, aliases }) =>
      `${what}${defaults ? `; 기본값 ${defaults}` : ''}${aliases.length ? ` (같은 옵션: ${aliases.join(', ')})` : ''}`,
    choice: ({ what, values, aliases }) =>
      `${what}: ${values.join(', ')}${aliases.length ? ` (${aliases.map(([a, b]) => `${a} = ${b}`).join(', ')})` : ''}`,
    exit: ({ statuses }) => `종료 상태: ${statuses.map(([code, what]) => `${code} ${what}`).join(', ')}.`,
    commands: {
      parse: {
        summary: '식을 어떻게 읽는지 보여 줍니다: 정리된 텍스트, TeX, 읽은 방법',
        about:
          'gradstep이 식을 어떻게 읽는지 보여 줍니다: 정리된 텍스트, TeX, 그리고\n입력을 읽은 방법(생략된 곱셈, 괄호 없는 함수 등).',
        options: {
          vars: '변수 목록 (기본값: 한 글자 이름은 모두 변수). 지정하면 다른 이름은 매개변수가 됩니다',
          json: '결과(또는 오류)를 JSON으로 출력합니다',
          lang: '메시지의 언어 (기본값: en)',
        },
      },
      diff: {
        summary: '식을 미분하고 모든 단계를 보여 줍니다',
        about: '식을 미분하고 모든 단계(합, 곱, 몫, 연쇄법칙 등)를 보여 줍니다.',
        options: {
          wrt: '미분할 변수 (기본값: 변수가 하나면 그 변수, 아니면 x)',
          order: '1이면 f′ (기본값), 2면 f″, … 최대 10',
          vars: "변수 목록 ('xy'를 x·y로 읽음). 다른 이름은 매개변수로, 상수로 취급합니다",
          params: "매개변수(상수 기호)로 읽을 이름, 'rate'처럼 긴 이름도 됩니다",
          detail: 'full (모든 단계), normal (기본값), brief (연쇄, 곱, 몫, 정리 단계만)',
          lang: '단계 이름과 설명의 언어',
          output: '유도 전체를 JSON으로; --tex: 정렬된 TeX 식; --text (기본값)',
        },
      },
      grad: {
        summary: '편도함수를 모두 풀어서 기울기(와 헤세 행렬)를 구합니다',
        about: '모든 편도함수를 단계별로(다른 변수는 상수로 두고) 구하고, 기울기 ∇f를 보여 줍니다.',
        options: {
          vars: '변수 목록, 순서대로 (기본값: 자유 변수를 정렬한 순서). 다른 이름은 매개변수입니다',
          params: '매개변수(상수 기호)로 읽을 이름, 모든 편미분에서 상수로 둡니다',
          hessian: '이계 편도함수 행렬도 보여 줍니다',
          lang: '단계 이름과 설명의 언어',
          output: 'JSON { vars, partials, gradient, hessian? }; --tex: ∇f (와 H)를 TeX로; --text (기본값)',
        },
      },
      check: {
        summary: '도함수를 채점합니다: 판정, 예상되는 실수, 반례',
        about:
          '도함수를 채점합니다: 정답, 정답이지만 정리 안 됨, 오답 — 예상되는 실수와\n그 실수가 일어난 유도 단계, 두 식의 값이 다른 점을 함께 보여 줍니다.',
        options: {
          wrt: '미분할 변수 (기본값: 변수가 하나면 그 변수, 아니면 x)',
          vars: "변수 목록 ('xy'를 x·y로 읽음). 다른 이름은 매개변수로, 상수로 취급합니다",
          params: "매개변수(상수 기호)로 읽을 이름, 'rate'처럼 긴 이름도 됩니다",
          order: '1이면 f′ (기본값), 2면 f″, …',
          lang: '메시지의 언어',
          json: '결과를 JSON으로 출력합니다',
          file: 'problem, wrt, answer 열이 있는 CSV 파일 (첫 줄은 열 이름)',
        },
        exit: { correct: '정답', incorrect: '오답', unreadable: '읽을 수 없는 입력' },
      },
      optimize: {
        summary: '유도한 기울기로 최적화기(GD, 모멘텀, 네스테로프, Adagrad, RMSProp, Adam, 뉴턴)를 실행합니다',
        about: 'gradstep이 유도한 기울기로 최적화기를 실행하고, 모든 단계를 보여 줍니다.',
        options: {
          lang: '메시지의 언어',
          json: '실행 기록을 JSON으로 (모든 단계의 TeX 포함; --no-tex: 수만,\n2,000단계가 넘는 실행에)',
          tex: '모든 단계의 TeX; --table: k, w, f(w), |g| 표',
        },
        exit: { done: '완료 (발산한 경우도: 마지막 줄 참고)', bad: '잘못된 입력' },
      },
      graph: {
        summary: '계산 그래프에서 역전파: 값, 수반값, 국소 도함수',
        about:
          '역전파: 식을 계산 그래프로 그려, 각 노드의 값(순전파)과 수반값 ∂L/∂노드(역전파),\n각 간선의 국소 도함수를 식과 수로 보여 주고, 매개변수에 대한 기울기를 읽어 냅니다.',
        options: {
          at: '모든 변수의 값 (매개변수와 데이터)',
          params: '기울기를 구할 매개변수 (기본값: 모든 변수)',
          lang: '제목의 언어',
          table: '노드, 간선, 기울기를 텍스트로 (기본값)',
          dot: 'Graphviz DOT, 값과 수반값을 레이블에: gradstep graph … --dot | dot -Tsvg > graph.svg',
          json: 'JSON { nodes, edges, gradient, value }',
        },
      },
    },
  },
  optimize: {
    heading: ({ name, convention, settings }) => `${name} (${convention}), ${settings}`,
    held: ({ values }) => `상수로 취급: ${values}`,
    batch: ({ rows }) => `미니배치 ${rows.join(', ')}행`,
    warning: ({ step, message }) => `경고 (${step}단계): ${message}`,
    status: ({ status, message }) => message ?? status,
  },
};
