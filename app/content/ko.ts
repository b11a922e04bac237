/**
 * 튜터 앱의 한국어 텍스트: 화면 요소, 옵티마이저 이름, 강의. 강의의 한국어는 강의 노트의
 * 표현을 따른다. 모양은 `AppContent`(./types.ts)이다.
 */
import type { AppContent } from './types.js';

export const ko: AppContent = {
  /** The app's chrome: header, navigation, buttons and playground controls. */
  ui: {
    brand: 'gradstep',
    tagline: '풀이 과정을 보여 주는 미분',
    lesson: '강의',
    playground: '실습장',
    language: '언어',
    contents: '목차',
    skip: '본문으로 건너뛰기',
    tryIt: '직접 풀어 보기',
    showSolution: '풀이 보기',
    hideSolution: '풀이 숨기기',
    solved: '정답입니다! 아래에 풀이를 펼쳐 두었습니다.',
    wrt: '변수',
    openInPlayground: '실습장에서 열기',
    footer: 'gradstep은 브라우저 안에서만 동작합니다. 입력한 내용은 이 페이지 밖으로 나가지 않습니다.',
    // Playground
    pgTitle: '실습장',
    pgIntro:
      '변수가 하나 이상인 함수를 아무거나 입력해 보세요. gradstep이 단계별로 미분하고, 여러분의 답을 채점하고, 옵티마이저로 최솟값을 찾아갑니다. 설정한 내용은 모두 주소창에 저장되므로 링크를 보내면 지금 화면이 그대로 열립니다.',
    fn: '함수',
    fnPlaceholder: '예: 3x^3 - 2x + 1 또는 x sin x + y^2',
    vars: '변수',
    varsPlaceholder: '자동',
    varsHint: '쉼표로 구분, 예: x, y (비워 두면 함수에서 찾음)',
    examples: '예시',
    tabDerivative: '미분',
    tabCheck: '내 답 채점',
    tabOptimize: '최적화',
    checkIntro: '직접 미분한 결과를 입력하고 Enter 키를 누르세요.',
    optimizer: '옵티마이저',
    convention: '공식 기준',
    conventionTextbook: '강의 (Goodfellow 외)',
    conventionPytorch: 'PyTorch',
    conventionKeras: 'Keras',
    lr: '학습률 ε',
    steps: '반복 횟수',
    start: '초깃값',
    startHint: '변수마다 숫자 하나, 쉼표로 구분',
    momentum: '모멘텀 α',
    rho: '감쇠율 ρ',
    beta1: '감쇠율 ρ₁',
    beta2: '감쇠율 ρ₂',
    delta: '작은 상수 δ',
    wideFormula: '넓은 수식, 옆으로 스크롤',
    wideTable: '넓은 표, 옆으로 스크롤',
    copyLink: '링크 복사',
    copied: '링크를 복사했습니다',
    emptyFunction: '위에 함수를 입력하면 시작합니다.',
    badVars: '변수 이름은 문자로 시작하는 문자·숫자·_ 조합이며 최대 6개입니다.',
  },

  /** Display names of the optimizers (as the lesson writes them). */
  /** The playground's workbench controls: derivative settings and the optimizer's modes. */
  playground: {
    params: '매개변수',
    paramsHint: '상수로 두는 이름, 예: a, b',
    order: '계수',
    orderNames: ['f′ (1계)', 'f″ (2계)', 'f‴ (3계)'],
    orderN: '계 도함수',
    detail: '풀이 자세히',
    detailNames: {
      normal: '보통',
      full: '전부 (모든 단계)',
      brief: '간단히',
    },
    wrt: '미분 변수',
    paramValues: '그래프에 쓸 매개변수 값',
    paramValuesHint: '풀이와 도함수는 매개변수를 기호로 둡니다. 그래프만 이 값으로 그립니다(범위는 그래프 범위).',
    paramValuesRun: '다른 이름에 줄 값',
    paramValuesRunHint: '이 값으로 고정해 실행합니다. 그래디언트는 기호로 둡니다.',
    range: '그래프 범위',
    rangeHint1: 'xmin, xmax (비우면 자동)',
    rangeHint2: 'xmin, xmax, ymin, ymax (비우면 자동)',
    badRange: '증가하는 수의 쌍을 쓰세요. 예: -2, 3',
    mode: '방식',
    modeNames: {
      single: '옵티마이저 하나',
      compare: '비교',
      data: '데이터 (SGD)',
    },
    vary: '비교할 것',
    varyNames: {
      optimizers: '옵티마이저',
      lr: '학습률',
      start: '초깃값',
    },
    raceSet: '경주할 옵티마이저',
    values: '값',
    valuesHintLr: '학습률, 예: 0.2, 0.01, 1',
    valuesHintStart: '초깃값을 ;로 구분, 예: 4; -2 또는 4,4; -4,4',
    dataset: '데이터',
    batch: '미니배치 크기',
    epochs: '에포크',
    seed: '섞기 시드',
    speed: '재생 속도',
    perStep: '초/단계',
    equal: '축 비율 같게',
    pickHint: '그래프를 클릭하거나 누르면 그 점에서 시작합니다.',
    dataNote: '단계마다 미니배치 하나를 씁니다. 데이터 그래프에 그 행이 강조됩니다.',
  },
  /** components.html, the embedding guide: its prose (the snippets are code, the same in every language). */
  componentsPage: {
    pageTitle: 'gradstep 컴포넌트 — 어느 강의 페이지에나 넣기',
    back: '← gradstep 앱으로 돌아가기',
    title: 'gradstep 컴포넌트',
    intro:
      '스크립트 태그 하나로 모든 gs- 요소가 정의됩니다. 속성은 gradstep의 파서가 읽을 뿐 실행하지 않으므로, 학생이나 교사가 쓴 글을 그대로 넘겨도 안전합니다. 요소나 페이지에 lang="ko"를 지정하면 한국어로 표시됩니다(이 페이지는 ?lang=ko). 이벤트는 버블링되며 섀도 루트를 넘어 전달됩니다.',
    plotText:
      '다른 요소들이 쓰는 그래프입니다. JavaScript 함수와 점을 속성(curves, paths, markers, slope)으로 받습니다. probe를 주면 끌어서 움직이는 접선이 생기고, 없으면 클릭할 때 gs-point-pick 이벤트가 발생합니다.',
    contourText:
      'f(x, y)의 등고선 지도에 경로와 화살표를 그립니다. equal-axes를 주면 두 축의 단위 길이가 같아지고, 클릭하면 그 점과 함께 gs-point-pick 이벤트가 발생합니다.',
    copy: '복사',
    copied: '복사했습니다',
    snippet: '코드, 옆으로 스크롤',
    copyLabel: '이 코드 복사',
  },
  optimizerNames: {
    gd: '경사 하강법 (Gradient Descent)',
    sgd: '확률적 경사 하강법 (SGD)',
    momentum: 'Momentum',
    nesterov: 'Nesterov',
    adagrad: 'Adagrad',
    rmsprop: 'RMSProp',
    adam: 'Adam',
    'gd-halving': '학습률을 절반씩 줄이는 경사 하강법',
    newton: '뉴턴 방법',
  },

  /** The lesson, section by section. */
  lesson: {
    title: '미분, 그래디언트, 옵티마이저',
    intro:
      '세 부분으로 된 강의입니다. 미분이란 무엇인지, 신경망의 학습이 어떻게 함수의 최솟값 찾기가 되는지, 그리고 그 최솟값을 찾아가는 옵티마이저들을 다룹니다. 아래의 모든 식은 직접 움직여 볼 수 있습니다. 드래그하고, 한 단계씩 실행하고, 답을 직접 입력해 보세요.',

    // 1. Derivatives
    s1: '1. 미분',
    s1Points: [
      '딥러닝의 이론을 공부할 때 미분을 빼놓고 이야기할 수 없다!',
      '미분: 어떤 점에서 함수의 기울기',
      '대학에 가기 전에는 1변수 함수의 미분을 배운다.',
    ],
    s1Task: "다음 함수 $f(x)$의 $x$에 대한 도함수 $\\frac{df}{dx}\\,(= f'(x))$를 계산해 보자.",
    s1Tangent:
      '곡선 위의 점을 드래그해 보세요(또는 점을 선택하고 화살표 키를 누르세요). 점선이 그 점에서의 접선이고, 접선의 기울기가 바로 도함수의 값입니다.',
    partialTitle: '편미분',
    partialWhy: '딥러닝을 이해하려면 다변수 함수 $f(x_1, x_2, \\ldots, x_n)$의 미분에 대한 이해가 필요하다! → 편미분',
    partialTask:
      '다음 이변수 함수 $f(x, y)$에 대한 $\\frac{\\partial f}{\\partial x}\\,(= f_x)$와 $\\frac{\\partial f}{\\partial y}\\,(= f_y)$를 계산해 보자. 한 변수로 편미분할 때 다른 변수는 상수처럼 취급한다.',
    chainTitle: 'Chain rule (연쇄법칙), 합성함수의 미분',
    chainPoints: [
      '$t$에 대한 함수 $y = f(t)$가 있다고 하자.',
      '만약 $t$가 $x$에 대한 함수 $t = g(x)$라고 한다면 $y = f(t) = f(g(x))$의 형태로 합성해서 쓸 수 있다.',
      '여기서 $y$는 $x$에 대한 함수이므로',
    ],
    chainWhy:
      '식의 형태를 보면 바깥쪽 함수 $f$를 미분하고, 안쪽 함수 $g$의 미분을 곱하는 형태이기 때문에 chain rule이라고 부른다.',
    ex1Title: '연습 문제 1',
    ex1Task: '함수 $f(x) = (2x - 1)^3$에 대한 $\\frac{df}{dx}$를 계산해 보자.',
    ex2Title: '연습 문제 2',
    ex2Task:
      '이변수 함수 $f(x, y) = 3(x - 2)^2 + (y - 2)^2$에 대한 $\\frac{\\partial}{\\partial x}f(x, y)$와 $\\frac{\\partial}{\\partial y}f(x, y)$를 계산해 보자.',

    // 2. Training as optimisation
    s2: '2. 신경망의 학습',
    s2Points: [
      '최적화 문제: 주어진 상황에서 어떤 수치가 가장 알맞은 것인지 찾는 것',
      '신경망 모델은 연산을 통해 출력 값을 내고, 문제(분류인지 회귀인지)에 따라 손실함수 $L(\\mathbf{w}, \\mathbf{b})$를 통해 정답과 출력 사이의 거리를 계산한다.',
      '정답과 출력 사이를 가깝게 하도록 가중치와 바이어스를 갱신하여 최적의 해를 찾는 것이 신경망의 학습 목표이다. 이는 손실함수의 최솟값을 찾는 것, 즉 손실함수의 최적화 문제를 푸는 것이다.',
    ],
    quadTask: '다음과 같은 이차 함수 문제가 있다고 가정해 보자. 이 문제를 푸는 방법은 4가지가 있다!',
    way1: '1. 완전제곱식으로 만드는 방법',
    way1Text: '제곱은 음수가 될 수 없으므로 $f(x) \\ge 2$이고, 등호는 $x = 2$일 때만 성립한다.',
    way2: '2. 미분을 이용하는 방법',
    way2Text: "최솟값에서는 기울기가 0이다. $f'(x) = 2x - 4 = 0$에서 $x = 2$, $f(2) = 2$.",
    way3: '3. 모든 x값을 입력하여 최솟값을 찾는 방법',
    way3Text:
      '격자 위의 모든 점에서 $f$를 계산해 가장 작은 값을 고른다. 아래 그림은 $[-1, 5]$에서 간격 0.5의 격자로, 우연히 $x = 2$를 지난다. 하지만 계산할 점의 수는 (축마다의 점의 수)^(파라미터 수)로 늘어난다. → 현실적으로 불가능',
    way3Grid: '격자 탐색: f를 13번 계산',
    way3Best: '격자 최솟값',
    gridParams: '파라미터 수',
    gridSpacing: '[−10, 10]의 격자 간격',
    gridPoints: 'f의 계산 횟수',
    gridTime: '초당 10⁹번 계산할 때',
    gridCaption: '정밀도와 차원에 따라 격자 점의 수가 폭발적으로 늘어난다. 작은 신경망도 파라미터가 수백만 개다.',
    way4: '4. 수치 최적화 알고리즘 사용',
    way4Text:
      '딥러닝 모델의 학습(손실함수의 최솟값을 계산하는 것)은 수치 최적화 알고리즘으로 해결한다(1, 2, 3번으로는 풀 수 없기 때문에). 수치 최적화는 반복법(정해진 방법을 되풀이하여 값을 업데이트하는 방식)을 사용한다. 즉, 초깃값이 있고, 어느 방향으로 업데이트할지 방향을 찾고, 학습률만큼 업데이트한다.',
    seconds: '초',
    years: '년',
    gdTitle: '2.1 Gradient Descent를 통해 최적화 문제를 이해해 보자',
    gdPoints: [
      '그래디언트: 어떤 점에서 함수가 가장 가파르게 상승하는 방향',
      '손실함수의 그래디언트 방향: 손실함수가 가장 가파르게 증가하는 방향',
      '우리는 손실함수가 가장 가파르게 감소하길 바람 → 손실함수의 음의 그래디언트 방향으로 이동하면 최솟값으로 가게 됨',
    ],
    gdTask:
      "손실함수가 $f(x) = x^2 - 4x + 6$이라고 가정하고, $x_0 = 4$에서 학습률 $\\varepsilon = 0.2$로 Gradient Descent를 이용해 최솟값을 찾아보자. 아래로 볼록하기 때문에 그래디언트($f'(x) = 2x - 4$)의 반대 방향으로 충분히 작은 학습률을 주면 최솟값으로 수렴한다. 한 단계씩 실행해 보자.",
    lrTitle: '세 가지 학습률 비교',
    lrText:
      '같은 초깃값 $x_0 = 4$에서 6번 반복하되 학습률을 $\\varepsilon = 0.2$, $0.01$, $1$로 바꿔 보자. 첫째는 수렴하고, 둘째는 거의 움직이지 않으며, 셋째는 $4$와 $0$ 사이를 끝없이 오간다.',
    limitsTitle: '그래디언트 디센트의 한계점',
    limitsPoints: [
      '초깃값 민감성: 어디에서 시작했느냐에 따라 전역 최솟값으로 갈 수도 있고, 국소 최솟값으로 갈 수도 있다.',
      '학습률 민감성: 학습률이 크면 발산해 버릴 수 있으므로 보통 작게 잡지만, 최솟값까지 가는 데 오래 걸릴 수 있다.',
    ],
    startTitle: '초깃값의 민감성',
    startText: '$[-1, 7]$에서 $f(x) = x\\sin x$, $\\varepsilon = 0.25$: 초깃값 $x_0 = 2.5$와 $x_0 = 1.5$.',
    rateTitle: '학습률의 민감성',
    rateText: '같은 함수에서 초깃값 $x_0 = 2.5$, 학습률 $\\varepsilon = 1.0$과 $\\varepsilon = 0.05$.',
    localTitle: '2.2 수치 최적화 알고리즘의 한계점',
    localPoints: [
      '손실함수가 convex function이라면 국소 최솟값(local minimum)은 전역 최솟값(global minimum)이다.',
      '그러나 실무에서 손실함수가 convex function인 경우는 거의 없다(심지어 시각화도 못 한다).',
      '따라서 모든 수치 최적화 알고리즘은 국소 최솟값은 찾아 주지만 항상 전역 최솟값을 찾을 수는 없다.',
      '최근에 고안된 수치 최적화 알고리즘은 이 한계를 완화할 수는 있지만, 그렇다고 항상 전역 최솟값을 찾아 주는 것은 아니다.',
    ],
    surfaceText:
      '격자 $x, y \\in [-5, 5]$ 위의 3D 곡면 그래프. 왼쪽은 아래로 볼록한 그릇 모양으로, 유일한 국소 최솟값이 곧 전역 최솟값이다. 오른쪽은 $x\\sin x + y\\sin y$로, 원점에 국소 최솟값이 있고 모서리 근처에 더 낮은 전역 최솟값이 있다. 드래그하면 회전한다.',
    convex: '볼록 함수: $x^2 + y^2$',
    nonConvex: '볼록하지 않은 함수: $x\\sin x + y\\sin y$',

    // 3. Optimizers
    s3: '3. 탐색 방향 기반과 학습률 기반 옵티마이저',
    s3Intro:
      '딥러닝에 사용되는 수치 최적화 알고리즘(손실함수의 최솟값을 찾아가는 방법들, 옵티마이저)은 탐색 방향을 개선하거나 학습률을 개선한다.',
    tableCaption: '무엇을 개선하는지에 따른 옵티마이저',
    tableHead: ['기반', '탐색 방향', '학습률', '연도', '알고리즘'],
    tableRows: [
      ['탐색 방향', '그래디언트', '상수', '1945', 'Stochastic Gradient Descent'],
      ['탐색 방향', '단기 누적 그래디언트', '상수', '1964/1983', 'Momentum/Nesterov'],
      ['학습률', '그래디언트', '장기 누적 그래디언트 제곱에 반비례', '2011', 'Adagrad'],
      ['학습률', '그래디언트', '단기 누적 그래디언트 제곱에 반비례', '2012', 'RMSProp'],
      ['학습률', '단기 누적 그래디언트', '단기 누적 그래디언트 제곱에 반비례', '2014', 'Adam'],
    ],
    directionTitle: '3.1 탐색 방향 기반 알고리즘',
    sgdTitle: 'Stochastic Gradient Descent',
    sgdPoints: [
      'Gradient Descent 방법으로 계산하면 데이터가 많을 때 계산량이 너무 많다.',
      '이 점을 보완하기 위해 Stochastic Gradient Descent는 랜덤하게 데이터를 추출(mini batch)하여 그래디언트를 계산한다.',
    ],
    loop: [
      '초깃값 $w^{(0)}$ 설정',
      '데이터 셔플',
      'mini batch만큼 데이터 부분집합들을 추출',
      '각 부분집합마다 다음을 반복',
      '만들어진 부분집합을 모두 사용한 후 4.를 epoch만큼 반복',
    ],
    sgdSub: [
      '부분집합의 그래디언트 계산: $\\nabla f(w^{(k)})$',
      '그래디언트 반대 방향으로 학습률만큼 탐색 방향 설정: $-\\varepsilon \\nabla f(w^{(k)})$',
      '파라미터 업데이트: $w^{(k+1)} \\leftarrow w^{(k)} - \\varepsilon \\nabla f(w^{(k)})$',
    ],
    sgdData:
      '여기서는 잡음이 있는 점 20개에 직선 $\\hat y = wx + b$를 맞춘다. 표본 하나의 손실은 $(wx + b - y)^2$이고, mini batch 크기는 4, epoch는 3이다. 각 단계는 mini batch 하나의 그래디언트만 사용한다.',
    momentumTitle: 'Momentum',
    momentumPoints: [
      '그래디언트 디센트 방법은 국소 최솟값에 빠지게 되면 빠져나갈 방법이 없다.',
      'Momentum은 전 단계 탐색 방향의 누적합에 현재 단계의 그래디언트 디센트를 더해서 탐색 방향을 찾기 때문에 국소 최솟값을 벗어나 전역 최솟값으로 갈 수 있게 해 준다. 단기 누적 속도 합은 $v^{(0)} = 0$으로 시작한다.',
    ],
    nesterovTitle: 'Nesterov',
    nesterovPoints: [
      'Momentum과 그래디언트를 계산하는 부분만 차이가 있다. 미리 가 본 점 $w^{(k)} + \\alpha v^{(k)}$에서 그래디언트를 계산한다.',
      'Nesterov가 Momentum보다 그래디언트 계산을 좀 더 정확하게 해 주기 때문에 수렴 속도가 더 빠르다.',
    ],
    rateTitle2: '3.2 학습률 기반 알고리즘',
    adaptivePoints: [
      '학습률을 고정하지 않고 매번 적절한 학습률을 계산한다.',
      '학습률을 고정하면 학습률에 따라 최솟값으로의 수렴이 너무 느리거나 발산하는 문제가 생긴다. 즉, SGD, Momentum, Nesterov는 이 문제를 피해 갈 수 없다.',
      '적응형 학습률을 쓰면 해결할 수 있다! 처음에는 큰 학습률로 시작하고, 업데이트할 때마다 손실함수 값을 전 단계와 비교해 값이 커지면(너무 멀리 갔으면) 학습률을 절반으로 줄인다.',
      '학습률 기반 알고리즘은 매 단계 학습률이 업데이트되기 때문에 학습률의 초깃값을 정할 때 신경을 조금 덜 써도 된다.',
    ],
    halvingText:
      '$f(x) = x^2 - 4x + 6$에서 일부러 큰 학습률 $\\varepsilon = 1$(일반 경사 하강법이 끝없이 오가던 값)로 시작해 보자.',
    adagradTitle: 'Adagrad',
    adagradPoints: [
      '학습률을 갱신하기 때문에 최솟값을 잘 찾아가지만, 초기부터 그래디언트 제곱의 누적합을 가지고 가기 때문에 수렴 속도가 느릴 수 있다. 장기 누적 그래디언트 크기는 $r^{(0)} = 0$으로 시작한다.',
    ],
    rmspropTitle: 'RMSProp (Root Mean Square Propagation)',
    rmspropPoints: [
      '너무 오래된 그래디언트는 반영을 적게 하겠다! 누적값이 $\\rho$의 비율로 감쇠한다. 단기 누적 그래디언트 크기는 $r^{(0)} = 0$으로 시작한다.',
    ],
    adamTitle: 'Adam (Adaptive moments)',
    adamPoints: [
      'Momentum과 RMSProp의 조합. 즉, 탐색 방향도 보고 학습률도 갱신하는 알고리즘이다. $r^{(0)} = 0$, $s^{(0)} = 0$으로 시작한다.',
    ],
    adamSteps: [
      '탐색 방향을 단기 누적 그래디언트 합으로 설정',
      '학습률을 단기 누적 그래디언트 크기로 설정',
      '파라미터 업데이트',
    ],
    stepperOn:
      '아래의 각 스테퍼는 연습 문제의 함수 $f(x, y) = 3(x - 2)^2 + (y - 2)^2$를 $(-2, 4)$에서 시작해 실행한다.',
    treeTitle: '3.3 수치 최적화 알고리즘(Optimizer) 발달 계보',
    treeText: '산을 내려오는 작은 오솔길 잘 찾기(Optimizer)의 발달 계보',
    treeDirection: '탐색 방향 개선',
    treeRate: '학습률 개선',
    treeBoth: '둘 다',
    raceTitle: '여섯 옵티마이저를 한 곡면에서',
    raceText:
      '여섯 옵티마이저가 $(-2, 4)$에서 같은 학습률 $\\varepsilon = 0.1$로 40번씩 $3(x - 2)^2 + (y - 2)^2$의 최솟값을 향해 경주한다. 여기서는 일반 경사 하강법과 Nesterov가 최솟값 $(2, 2)$에 먼저 도착하고, 학습률이 줄어들기만 하는 Adagrad는 4분의 1 정도밖에 가지 못한다.',
    bestTitle: '4. 어떤 Optimizer가 제일 좋은가?',
    bestWho: 'Yoshua Bengio(딥러닝 창립자 중 한 사람), 2016',
    bestPoints: [
      '어떤 알고리즘도 딥러닝 모델의 최적화 문제를 완벽히 풀 수 없다.',
      '선호도를 바탕으로 실험을 하면 노하우가 생기게 된다.',
      '개인의 딥러닝 모델 구성 능력은 이론과 많은 실험의 결합으로 향상시켜야 한다!',
    ],
    bestRace:
      '경주가 곧 답이다. 위의 그릇 모양에서는 경사 하강법과 Nesterov가 이겼다. 아래의 $f(x, y) = (x^2 - 1)^2 + 0.5x + 0.5y^2$는 $x = 0.93$ 근처에 국소 최솟값, $x = -1.06$ 근처에 더 낮은 전역 최솟값이 있다. $(2, 1)$에서 $\\varepsilon = 0.05$로 시작하면 경사 하강법, RMSProp, Adam은 국소 최솟값에 머물고, Momentum과 Nesterov는 전역 최솟값까지 굴러가며, Adagrad는 아직 가는 중이다. 실습장에서 학습률을 두 배로 올리면 이번에는 Momentum과 Nesterov가 발산한다. 어떤 옵티마이저도 모든 문제에서 최고일 수는 없다. 직접 실험해 보자!',
  },
  backprop: {
    title: '2.3 역전파(Backpropagation): 그래프 위의 연쇄법칙',
    points: [
      '경사 하강법에는 $\\nabla L$이 필요하다. 신경망의 손실은 간단한 연산을 여러 번 합성한 함수이므로, $\\nabla L$은 계산 그래프 위에서 연산 하나씩 연쇄법칙을 적용해 구한다.',
      '순전파(forward pass): 입력에서 손실까지, 모든 노드의 값을 계산한다.',
      '역전파(backward pass): $\\frac{\\partial L}{\\partial L} = 1$에서 시작해 거꾸로 간다. 각 노드의 수반값 $\\frac{\\partial L}{\\partial v}$는 그 노드를 쓰는 노드 $u$마다 $\\frac{\\partial L}{\\partial u}\\cdot\\frac{\\partial u}{\\partial v}$를 더한 값이다.',
      '각 국소 미분 $\\frac{\\partial u}{\\partial v}$는 연산 하나의 미분, 곧 1절의 미분 법칙 하나다. 경로를 따라 국소 미분을 곱하는 것이 바로 연쇄법칙 $\\frac{dy}{dx} = \\frac{dy}{dt}\\cdot\\frac{dt}{dx}$이다.',
    ],
    chainLink: '연쇄법칙 다시 보기',
    neuronTitle: '뉴런 하나, 데이터 한 개',
    neuronText:
      '시그모이드 $\\sigma(z) = \\frac{1}{1 + e^{-z}}$(도함수는 $\\sigma^{\\prime} = \\sigma(1 - \\sigma)$)를 쓰는 뉴런 하나 $\\hat y = \\sigma(wx + b)$와 데이터 한 개 $(x, y) = (2, 1)$에 대한 제곱 오차를 $w = 0.5$, $b = 0.1$에서 살펴보자. 순전파를 한 단계씩 진행한 뒤 역전파를 진행하면, 마지막에 $w$와 $b$에서 읽은 그래디언트가 1절의 기호 미분으로 구한 그래디언트와 같다. 이 그래디언트로 경사 하강을 한 번 하면 손실이 줄어든다.',
    batchTitle: '미니배치에서도 똑같이',
    batchText:
      '미니배치가 $m$개의 행이면 손실은 각 행의 손실의 평균이므로, 그래디언트도 행마다 구한 그래디언트의 평균이다. 3절의 SGD가 쓰는 그래디언트가 바로 이것이다. 아래의 세 행짜리 그래프에서 $w$와 $b$는 모든 행에 들어가므로 그 수반값은 각 행의 기여를 더한 값이 되고, 역전파가 평균을 저절로 계산한다.',
  },
};
