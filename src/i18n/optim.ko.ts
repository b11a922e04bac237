/** 최적화기의 말, 한국어. 모양은 `OptimMessages`(src/i18n/messages.ts)를 따른다. */

import { josa } from './josa.js';
import type { OptimMessages } from './messages.js';

const list = (names: readonly string[]) => names.join(', ');

export const OPTIM_KO: OptimMessages = {
  errors: {
    'optim/unknown-hyper': (p) =>
      'same' in p
        ? `${josa(p.same, '과/와')} ${josa(p.key, '은/는')} 같은 하이퍼파라미터입니다. 하나만 주세요.`
        : `${OPTIM_KO.names[p.optimizer]}에는 ${p.key} 하이퍼파라미터가 없습니다 (${p.known.length ? `있는 것: ${list(p.known)}` : '하나도 없습니다'}).`,
    'optim/bad-hyper': ({ hyper, range, value, name, symbol }) =>
      `${name}(${symbol}, ${OPTIM_KO.hyper[hyper]}) 값은 ${josa(OPTIM_KO.ranges[range], '이어야/여야')} 합니다. 받은 값: ${value}.`,
    'optim/bad-learning-rate': (p) =>
      'missingFor' in p
        ? `${OPTIM_KO.names[p.missingFor]}에는 학습률 ε이 필요합니다.`
        : `학습률 ${p.name ? `${p.name} ` : ''}ε은 유한한 양수여야 합니다. 받은 값: ${p.value}.`,
    'optim/not-a-number': ({ name, type, shown }) =>
      `${name} 값은 수여야 합니다. 받은 값: ${type === 'string' ? `문자열 '${shown}'` : type === 'list' ? '목록' : type === 'null' ? '빈 값' : `${type} 값${shown ? ` (${shown})` : ''}`}.`,
    'optim/needs-data': ({ name, data }) =>
      `${josa(name, '은/는')} 데이터에 대한 SGD에만 쓰이는데 이 실행에는 데이터가 없습니다. ${data}(예: 내장 데이터 세트 line)를 주거나 ${josa(name, '을/를')} 빼세요.`,
    'optim/bad-param': ({ name, value }) => `상수 ${name}에는 유한한 수 값이 필요합니다. 받은 값: ${value}.`,
    'optim/bad-start': ({ expected, got }) =>
      expected === undefined
        ? '시작점의 모든 좌표는 유한한 수여야 합니다.'
        : `시작점에는 매개변수마다 하나씩 ${expected}개의 좌표가 필요한데 ${got}개가 주어졌습니다.`,
    'optim/bad-steps': ({ value, max }) => `단계 수는 0부터 ${max}까지의 정수여야 합니다. 받은 값: ${value}.`,
    'optim/bad-tolerance': ({ value }) => `허용 오차는 0 또는 유한한 양수여야 합니다. 받은 값: ${value}.`,
    'optim/undefined-at-start': ({ point, f }) =>
      `시작점 ${point}에서 함수나 기울기가 정의되지 않습니다 (f = ${f}). 다른 시작점을 고르세요.`,
    'optim/no-hessian': ({ optimizer }) => `${OPTIM_KO.names[optimizer]}에는 헤시안이 필요합니다.`,
    'optim/unknown-dataset': ({ name }) => `${josa(`'${name}'`, '이라는/라는')} 내장 데이터 세트가 없습니다.`,
    'optim/bad-data': ({ maxRows, row, columns }) =>
      row === undefined
        ? `데이터에는 열이 하나 이상, 행이 1개에서 ${maxRows}개 사이로 있어야 합니다.`
        : `${row + 1}번 행에는 유한한 수가 ${columns?.length ?? 0}개 (${list(columns ?? [])}) 있어야 합니다.`,
    'optim/no-parameters': () => '최적화할 매개변수가 없습니다.',
    'optim/parameter-is-data': ({ name, what }) =>
      `${josa(`'${name}'`, '이/가')} 최적화할 변수이면서 ${what === 'constant' ? '값이 주어진 상수' : '데이터 열'}입니다.`,
    'optim/unknown-variable': ({ names, params }) =>
      `함수에 최적화할 변수(${list(params)})도 데이터 열도 아닌 ${josa(list(names), '이/가')} 있습니다. 변수로 넣거나 상수로 값을 주세요 (at: ${names.map((n) => `${n}=1`).join(', ')}).`,
    'optim/bad-setting': ({ name, min, max, value }) =>
      `${name} 값은 ${min}부터 ${max}까지의 정수여야 합니다. 받은 값: ${value}.`,
    'optim/too-many-steps': (p) =>
      'rowsPerStep' in p
        ? `이 데이터로는 단계마다 ${p.rowsPerStep}개 행을 계산하므로 행 계산 한도 ${p.budget.toLocaleString('ko')}회 안에서 최대 ${p.most}단계까지 가능합니다. 받은 값: ${p.steps}. 단계·에폭·행 수나 배치 크기를 줄이세요.`
        : `TeX로는 최대 ${p.maxTex}단계까지 씁니다. 받은 값: ${p.steps}. 숫자만 요청하면(${p.off ?? 'tex: false'}) ${p.max}단계까지 실행할 수 있습니다.`,
    'optim/unknown-optimizer': ({ name, known }) =>
      `${josa(`'${name}'`, '이라는/라는')} 최적화 방법은 없습니다. 다음 중에서 고르세요: ${list(known)} (또는 sgd).`,
    'optim/unknown-convention': ({ name }) =>
      `${josa(`'${name}'`, '이라는/라는')} 표기 규칙은 없습니다. textbook, pytorch, keras 중에서 고르세요.`,
  },
  settings: {
    optimizer: '최적화 방법',
    lr: '학습률 ε (뉴턴 방법: 기본값 1)',
    start: '시작점 (변수마다 수 하나)',
    vars: '최적화할 변수 (시작점의 순서대로)',
    at: '함수의 다른 이름에 줄 값, 상수로 취급 (a t^2 + b t에서 a=1,b=-2)',
    steps: '단계 수 (기본값 10, 데이터가 있으면 에폭 × 에폭당 배치 수)',
    convention: '어느 공식을 쓸지: textbook(기본값, 강의), pytorch, keras',
    tol: '기울기의 크기가 t 이하가 되면 멈춤',
    data: '내장 데이터 세트(line, logistic)로 SGD; 식은 표본 하나의 손실',
    batchSize: '미니배치의 행 수 (데이터가 있을 때, 기본값 4)',
    epochs: '데이터를 도는 횟수 (기본값 1)',
    seed: '섞기의 시드 (기본값 1)',
  },
  names: {
    gd: '경사하강법',
    momentum: '모멘텀',
    nesterov: '네스테로프 모멘텀',
    adagrad: 'Adagrad',
    rmsprop: 'RMSProp',
    adam: 'Adam',
    'gd-halving': '학습률 반감 경사하강법',
    newton: '뉴턴 방법',
  },
  hyper: {
    alpha: '모멘텀',
    rho: '감쇠율',
    rho1: '1차 모멘트 감쇠율',
    rho2: '2차 모멘트 감쇠율',
    delta: '수치 안정용 작은 상수',
    initialAccumulator: '누적값의 초깃값',
    armijo: '아르미호 조건의 충분 감소 상수',
  },
  ranges: {
    unit: '[0, 1) 범위',
    'open-unit': '(0, 1) 범위',
    positive: '유한한 양수',
    nonnegative: '0 이상의 유한한 수',
  },
  conventions: { textbook: '교과서', pytorch: 'PyTorch', keras: 'Keras' },
  status: {
    'max-steps': '요청한 단계를 모두 실행했습니다',
    converged: '수렴했습니다',
    diverged: '발산했습니다',
    stopped: '멈췄습니다',
  },
  summaries: {
    gd: '일정한 학습률로 기울기의 반대 방향으로 이동합니다.',
    momentum: '최근 기울기를 누적한 속도로 이동합니다.',
    nesterov: '속도가 데려갈 지점에서 기울기를 구하는 모멘텀입니다.',
    adagrad: '누적된 제곱 기울기의 제곱근에 반비례하도록 좌표마다 학습률을 조절합니다.',
    rmsprop: 'Adagrad와 같지만 제곱 기울기의 지수 이동 평균(단기 누적)을 씁니다.',
    adam: '기울기에는 모멘텀을, 제곱 기울기에는 RMSProp을 적용하고 둘 다 편향을 보정합니다.',
    'gd-halving':
      '이동해도 손실이 충분히 줄지 않으면(아르미호 조건) ε을 절반으로 줄여 다시 시도하고, 줄인 ε을 계속 씁니다.',
    newton: '국소 2차 근사의 최솟점으로 이동합니다: w ← w − H⁻¹∇f.',
  },
  states: {
    velocity: '속도',
    momentumBuffer: '모멘텀 버퍼',
    squaredGradient: '누적 제곱 기울기',
    firstMoment: '1차 모멘트 추정',
    secondMoment: '2차 모멘트 추정',
    rateInUse: '현재 학습률',
  },
  datasets: { line: '잡음이 있는 직선 y ≈ 2x + 1 (20행)', logistic: '직선 위의 두 부류 (16행)' },
  run: {
    converged: ({ k, tol }) => `${k}단계에서 수렴했습니다: 기울기의 크기가 ${tol} 이하입니다.`,
    overflow: ({ k, state, gradient }) =>
      `${k}단계에서 멈췄습니다: ${josa(state, '이/가')} 무한대로 넘쳤습니다(기울기가 약 ${gradient}이고, g⊙g가 부동소수점의 최댓값 약 1.8e+308을 넘습니다). 이대로는 이후의 모든 단계가 0이 되어 w가 움직이지 않습니다. 최솟점에 더 가까운 곳에서 시작하거나 f의 크기를 줄이세요.`,
    corner: ({ k, point, f, minimum }) =>
      minimum
        ? `${k}단계에서 최솟점에 도달했습니다: w^(${k}) = ${point}는 f의 꺾인 점(f = ${f})이라 기울기가 정의되지 않고, 주변에서 f가 더 작지 않습니다.`
        : `${k}단계에서 멈췄습니다: w^(${k}) = ${point}에서 기울기가 정의되지 않아(f = ${f}인 꺾인 점) 이동할 방향이 없습니다.`,
    rising: ({ steps, start, k, from, to, newton, lr, smaller }) =>
      `손실이 ${steps}단계 연속 커졌습니다(${start}단계 ${from} → ${k}단계 ${to}). ${
        newton
          ? '헤시안이 양의 정부호가 아닌 곳, 곧 극댓값이나 안장점으로 향하고 있습니다.'
          : `발산하고 있습니다. 학습률 ${josa(`ε = ${lr}`, '이/가')} 너무 큰 것 같으니 더 작은 값(예: ${smaller})을 시도해 보세요.`
      }`,
    diverged: ({ k, why, kind, point, bound, advice, lr, smaller }) => {
      const nan = kind === 'nan';
      const what = {
        gradient: `w^(${k}) = ${point}에서 기울기가 ${nan ? '정의되지 않습니다(NaN)' : '무한대입니다'}`,
        point: `w^(${k}) = ${point}가 ${nan ? '정의되지 않습니다(NaN)' : '무한대입니다(오버플로)'}`,
        loss: `w^(${k}) = ${point}에서 f(w^(${k}))가 ${nan ? '정의되지 않습니다(NaN): 정의역을 벗어났거나 오버플로가 일어났습니다' : '무한대입니다(오버플로)'}`,
        growth: `손실 f(w^(${k}))가 처음 값의 ${bound}배를 넘었습니다`,
      }[why];
      const then = {
        'no-minimum':
          '손실이 한없이 작아졌으므로 이 방향으로는 f의 최솟값이 없습니다. 어떤 학습률로도 수렴하지 않습니다.',
        newton:
          '헤시안이 특이 행렬에 가깝거나 양의 정부호가 아니어서 뉴턴 방법이 빗나갔습니다. 다른 시작점이나 경사하강법을 시도해 보세요.',
        rate: `ε = ${lr}보다 작은 학습률(예: ${smaller})을 시도해 보세요.`,
      }[advice];
      return `${k}단계에서 발산했습니다: ${what}. ${then}`;
    },
    halve: ({ rate, from, to, bound }) =>
      `ε = ${rate}이면 손실이 ${from}에서 ${josa(to, '으로/로')} 바뀌어 ${bound}(= f − c·ε‖∇f‖²) 이하가 되지 않으므로 ε을 절반으로 줄입니다.`,
    noDecrease: ({ halvings, eps }) =>
      eps === undefined
        ? `ε을 ${halvings}번 절반으로 줄여도 −∇f 방향으로 손실이 충분히 줄지 않습니다. 이 점은 (수치적으로) 정류점입니다.`
        : `ε을 ${halvings}번 절반으로 줄여도(현재 ${eps}) −∇f 방향으로 손실이 충분히 줄지 않습니다. 학습률이 너무 크니 더 작은 값으로 시작하세요.`,
    singular: ({ k }) =>
      `${k}단계의 헤시안이 특이 행렬이라 H⁻¹∇f가 존재하지 않아 뉴턴 방법을 멈춥니다. 경사하강법이나 다른 시작점을 시도해 보세요.`,
    indefinite: ({ k }) =>
      `${k}단계의 헤시안이 양의 정부호가 아니므로 뉴턴 단계가 내리막이 아니라 안장점이나 극댓값으로 향할 수 있습니다.`,
  },
};
