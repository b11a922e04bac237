/**
 * Every string the tutor app shows, in English and Korean. Lesson prose may hold
 * inline TeX between `$…$` (trusted: written here, never from the URL); the app
 * splits it into text nodes and <gs-math> elements, so no string here is parsed as HTML.
 * The Korean follows the course notebook's wording where it has one.
 */
import type { Localized } from '../src/i18n/index.js';

type Text = Localized;
const T = (en: string, ko: string): Text => ({ en, ko });

/** The app's chrome: header, navigation, buttons and playground controls. */
export const UI = {
  brand: T('gradstep', 'gradstep'),
  tagline: T('Derivatives that show their work', '풀이 과정을 보여 주는 미분'),
  lesson: T('Lesson', '강의'),
  playground: T('Playground', '실습장'),
  language: T('Language', '언어'),
  contents: T('Contents', '목차'),
  skip: T('Skip to content', '본문으로 건너뛰기'),
  tryIt: T('Try it yourself', '직접 풀어 보기'),
  showSolution: T('Show the worked solution', '풀이 보기'),
  hideSolution: T('Hide the solution', '풀이 숨기기'),
  solved: T('Correct — well done. The worked solution is open below.', '정답입니다! 아래에 풀이를 펼쳐 두었습니다.'),
  wrt: T('with respect to', '변수'),
  openInPlayground: T('Open in the playground', '실습장에서 열기'),
  footer: T(
    'gradstep runs entirely in your browser; nothing you type leaves this page.',
    'gradstep은 브라우저 안에서만 동작합니다. 입력한 내용은 이 페이지 밖으로 나가지 않습니다.',
  ),
  // Playground
  pgTitle: T('Playground', '실습장'),
  pgIntro: T(
    'Type any function of one or more variables. gradstep differentiates it step by step, checks your own answer, and runs an optimizer on it. The address bar keeps everything you set, so a link shows exactly this view.',
    '변수가 하나 이상인 함수를 아무거나 입력해 보세요. gradstep이 단계별로 미분하고, 여러분의 답을 채점하고, 옵티마이저로 최솟값을 찾아갑니다. 설정한 내용은 모두 주소창에 저장되므로 링크를 보내면 지금 화면이 그대로 열립니다.',
  ),
  fn: T('Function', '함수'),
  fnPlaceholder: T('e.g. 3x^3 - 2x + 1 or x sin x + y^2', '예: 3x^3 - 2x + 1 또는 x sin x + y^2'),
  vars: T('Variables', '변수'),
  varsPlaceholder: T('automatic', '자동'),
  varsHint: T(
    'comma-separated, e.g. x, y (empty: found in the function)',
    '쉼표로 구분, 예: x, y (비워 두면 함수에서 찾음)',
  ),
  examples: T('Examples', '예시'),
  tabDerivative: T('Derivative', '미분'),
  tabCheck: T('Check my answer', '내 답 채점'),
  tabOptimize: T('Optimize it', '최적화'),
  checkIntro: T(
    'Differentiate the function yourself, type your answer, and press Enter.',
    '직접 미분한 결과를 입력하고 Enter 키를 누르세요.',
  ),
  optimizer: T('Optimizer', '옵티마이저'),
  convention: T('Convention', '공식 기준'),
  conventionTextbook: T('Lesson (Goodfellow et al.)', '강의 (Goodfellow 외)'),
  conventionPytorch: T('PyTorch', 'PyTorch'),
  conventionKeras: T('Keras', 'Keras'),
  lr: T('Learning rate ε', '학습률 ε'),
  steps: T('Iterations', '반복 횟수'),
  start: T('Start', '초깃값'),
  startHint: T('one number per variable, comma-separated', '변수마다 숫자 하나, 쉼표로 구분'),
  momentum: T('Momentum α', '모멘텀 α'),
  rho: T('Decay ρ', '감쇠율 ρ'),
  beta1: T('Decay ρ₁', '감쇠율 ρ₁'),
  beta2: T('Decay ρ₂', '감쇠율 ρ₂'),
  delta: T('Small constant δ', '작은 상수 δ'),
  copyLink: T('Copy link', '링크 복사'),
  copied: T('Link copied', '링크를 복사했습니다'),
  emptyFunction: T('Type a function above to begin.', '위에 함수를 입력하면 시작합니다.'),
  badVars: T(
    'Variable names are letters, digits and _ (starting with a letter), at most six.',
    '변수 이름은 문자로 시작하는 문자·숫자·_ 조합이며 최대 6개입니다.',
  ),
} as const;

/** Display names of the optimizers (as the lesson writes them). */
export const OPTIMIZER_NAMES: Readonly<Record<string, Text>> = {
  gd: T('Gradient descent', '경사 하강법 (Gradient Descent)'),
  sgd: T('Stochastic gradient descent', '확률적 경사 하강법 (SGD)'),
  momentum: T('Momentum', 'Momentum'),
  nesterov: T('Nesterov', 'Nesterov'),
  adagrad: T('Adagrad', 'Adagrad'),
  rmsprop: T('RMSProp', 'RMSProp'),
  adam: T('Adam', 'Adam'),
  'gd-halving': T('Gradient descent, halving the rate', '학습률을 절반씩 줄이는 경사 하강법'),
  newton: T("Newton's method", '뉴턴 방법'),
};

/** The lesson, section by section. */
export const LESSON = {
  title: T('Derivatives, gradients and optimizers', '미분, 그래디언트, 옵티마이저'),
  intro: T(
    'A lesson in three parts: what a derivative is, how training a neural network becomes finding the minimum of a function, and the optimizers that find it. Every formula below is live — drag, step, and type your own answers.',
    '세 부분으로 된 강의입니다. 미분이란 무엇인지, 신경망의 학습이 어떻게 함수의 최솟값 찾기가 되는지, 그리고 그 최솟값을 찾아가는 옵티마이저들을 다룹니다. 아래의 모든 식은 직접 움직여 볼 수 있습니다. 드래그하고, 한 단계씩 실행하고, 답을 직접 입력해 보세요.',
  ),

  // 1. Derivatives
  s1: T('1. Derivatives', '1. 미분'),
  s1Points: [
    T(
      'You cannot study the theory of deep learning without derivatives.',
      '딥러닝의 이론을 공부할 때 미분을 빼놓고 이야기할 수 없다!',
    ),
    T('A derivative is the slope of a function at a point.', '미분: 어떤 점에서 함수의 기울기'),
    T(
      'Before university we learn to differentiate functions of one variable.',
      '대학에 가기 전에는 1변수 함수의 미분을 배운다.',
    ),
  ],
  s1Task: T(
    "Let us compute the derivative $\\frac{df}{dx}\\,(= f'(x))$ of the following function with respect to $x$.",
    "다음 함수 $f(x)$의 $x$에 대한 도함수 $\\frac{df}{dx}\\,(= f'(x))$를 계산해 보자.",
  ),
  s1Tangent: T(
    'Drag the point along the curve (or focus it and use the arrow keys): the dashed line is the tangent there, and its slope is the value of the derivative.',
    '곡선 위의 점을 드래그해 보세요(또는 점을 선택하고 화살표 키를 누르세요). 점선이 그 점에서의 접선이고, 접선의 기울기가 바로 도함수의 값입니다.',
  ),
  partialTitle: T('Partial derivatives', '편미분'),
  partialWhy: T(
    'To understand deep learning we need derivatives of functions of many variables, $f(x_1, x_2, \\ldots, x_n)$ → partial derivatives.',
    '딥러닝을 이해하려면 다변수 함수 $f(x_1, x_2, \\ldots, x_n)$의 미분에 대한 이해가 필요하다! → 편미분',
  ),
  partialTask: T(
    'Compute $\\frac{\\partial f}{\\partial x}\\,(= f_x)$ and $\\frac{\\partial f}{\\partial y}\\,(= f_y)$ for the function of two variables below. For each partial, the other variable is held constant — it behaves like a number.',
    '다음 이변수 함수 $f(x, y)$에 대한 $\\frac{\\partial f}{\\partial x}\\,(= f_x)$와 $\\frac{\\partial f}{\\partial y}\\,(= f_y)$를 계산해 보자. 한 변수로 편미분할 때 다른 변수는 상수처럼 취급한다.',
  ),
  chainTitle: T('The chain rule', 'Chain rule (연쇄법칙), 합성함수의 미분'),
  chainPoints: [
    T('Let $y = f(t)$ be a function of $t$.', '$t$에 대한 함수 $y = f(t)$가 있다고 하자.'),
    T(
      'If $t$ is itself a function of $x$, $t = g(x)$, the two compose into $y = f(t) = f(g(x))$.',
      '만약 $t$가 $x$에 대한 함수 $t = g(x)$라고 한다면 $y = f(t) = f(g(x))$의 형태로 합성해서 쓸 수 있다.',
    ),
    T('Then $y$ is a function of $x$, and', '여기서 $y$는 $x$에 대한 함수이므로'),
  ],
  chainWhy: T(
    'We differentiate the outer function $f$ and multiply by the derivative of the inner function $g$ — one link of the chain after another, hence the name.',
    '식의 형태를 보면 바깥쪽 함수 $f$를 미분하고, 안쪽 함수 $g$의 미분을 곱하는 형태이기 때문에 chain rule이라고 부른다.',
  ),
  ex1Title: T('Exercise 1', '연습 문제 1'),
  ex1Task: T(
    'Compute $\\frac{df}{dx}$ for $f(x) = (2x - 1)^3$.',
    '함수 $f(x) = (2x - 1)^3$에 대한 $\\frac{df}{dx}$를 계산해 보자.',
  ),
  ex2Title: T('Exercise 2', '연습 문제 2'),
  ex2Task: T(
    'Compute $\\frac{\\partial}{\\partial x}f(x, y)$ and $\\frac{\\partial}{\\partial y}f(x, y)$ for $f(x, y) = 3(x - 2)^2 + (y - 2)^2$.',
    '이변수 함수 $f(x, y) = 3(x - 2)^2 + (y - 2)^2$에 대한 $\\frac{\\partial}{\\partial x}f(x, y)$와 $\\frac{\\partial}{\\partial y}f(x, y)$를 계산해 보자.',
  ),

  // 2. Training as optimisation
  s2: T('2. Training a neural network', '2. 신경망의 학습'),
  s2Points: [
    T(
      'An optimisation problem: finding which value is best in a given situation.',
      '최적화 문제: 주어진 상황에서 어떤 수치가 가장 알맞은 것인지 찾는 것',
    ),
    T(
      'A neural network computes an output, and a loss function $L(\\mathbf{w}, \\mathbf{b})$ (chosen for the problem: classification or regression) measures the distance between the output and the correct answer.',
      '신경망 모델은 연산을 통해 출력 값을 내고, 문제(분류인지 회귀인지)에 따라 손실함수 $L(\\mathbf{w}, \\mathbf{b})$를 통해 정답과 출력 사이의 거리를 계산한다.',
    ),
    T(
      'Training updates the weights and biases to bring output and answer closer — that is, to find the minimum of the loss function. In other words, training solves an optimisation problem:',
      '정답과 출력 사이를 가깝게 하도록 가중치와 바이어스를 갱신하여 최적의 해를 찾는 것이 신경망의 학습 목표이다. 이는 손실함수의 최솟값을 찾는 것, 즉 손실함수의 최적화 문제를 푸는 것이다.',
    ),
  ],
  quadTask: T(
    'Take a quadratic problem. There are four ways to solve it:',
    '다음과 같은 이차 함수 문제가 있다고 가정해 보자. 이 문제를 푸는 방법은 4가지가 있다!',
  ),
  way1: T('1. Completing the square', '1. 완전제곱식으로 만드는 방법'),
  way1Text: T(
    'A square is never negative, so $f(x) \\ge 2$, with equality exactly when $x = 2$.',
    '제곱은 음수가 될 수 없으므로 $f(x) \\ge 2$이고, 등호는 $x = 2$일 때만 성립한다.',
  ),
  way2: T('2. Using the derivative', '2. 미분을 이용하는 방법'),
  way2Text: T(
    "At the minimum the slope is zero: $f'(x) = 2x - 4 = 0$ gives $x = 2$ and $f(2) = 2$.",
    "최솟값에서는 기울기가 0이다. $f'(x) = 2x - 4 = 0$에서 $x = 2$, $f(2) = 2$.",
  ),
  way3: T('3. Trying every value of x', '3. 모든 x값을 입력하여 최솟값을 찾는 방법'),
  way3Text: T(
    'Evaluate $f$ on a grid and keep the smallest value. Below, a grid with spacing 0.5 on $[-1, 5]$ happens to hit $x = 2$. But the count of points grows as (points per axis)^(number of parameters): in practice this is impossible.',
    '격자 위의 모든 점에서 $f$를 계산해 가장 작은 값을 고른다. 아래 그림은 $[-1, 5]$에서 간격 0.5의 격자로, 우연히 $x = 2$를 지난다. 하지만 계산할 점의 수는 (축마다의 점의 수)^(파라미터 수)로 늘어난다. → 현실적으로 불가능',
  ),
  way3Grid: T('Grid search: 13 evaluations of f', '격자 탐색: f를 13번 계산'),
  way3Best: T('best on the grid', '격자 위의 최솟값'),
  gridParams: T('parameters', '파라미터 수'),
  gridSpacing: T('grid spacing on [−10, 10]', '[−10, 10]의 격자 간격'),
  gridPoints: T('evaluations of f', 'f의 계산 횟수'),
  gridTime: T('at 10⁹ evaluations per second', '초당 10⁹번 계산할 때'),
  gridCaption: T(
    'How the count of grid points explodes with precision and dimension. Even a small neural network has millions of parameters.',
    '정밀도와 차원에 따라 격자 점의 수가 폭발적으로 늘어난다. 작은 신경망도 파라미터가 수백만 개다.',
  ),
  way4: T('4. A numerical optimisation algorithm', '4. 수치 최적화 알고리즘 사용'),
  way4Text: T(
    'Training a deep learning model (computing the minimum of the loss) is done numerically, because ways 1, 2 and 3 cannot solve it. Numerical optimisation is iterative: start from an initial value, find the direction in which to update, and move by the learning rate — then repeat.',
    '딥러닝 모델의 학습(손실함수의 최솟값을 계산하는 것)은 수치 최적화 알고리즘으로 해결한다(1, 2, 3번으로는 풀 수 없기 때문에). 수치 최적화는 반복법(정해진 방법을 되풀이하여 값을 업데이트하는 방식)을 사용한다. 즉, 초깃값이 있고, 어느 방향으로 업데이트할지 방향을 찾고, 학습률만큼 업데이트한다.',
  ),
  seconds: T('s', '초'),
  years: T('years', '년'),
  gdTitle: T(
    '2.1 Understanding optimisation through gradient descent',
    '2.1 Gradient Descent를 통해 최적화 문제를 이해해 보자',
  ),
  gdPoints: [
    T(
      'The gradient: the direction in which a function rises most steeply at a point.',
      '그래디언트: 어떤 점에서 함수가 가장 가파르게 상승하는 방향',
    ),
    T(
      'The gradient of the loss points where the loss increases most steeply.',
      '손실함수의 그래디언트 방향: 손실함수가 가장 가파르게 증가하는 방향',
    ),
    T(
      'We want the loss to decrease most steeply → moving against the gradient takes us towards the minimum.',
      '우리는 손실함수가 가장 가파르게 감소하길 바람 → 손실함수의 음의 그래디언트 방향으로 이동하면 최솟값으로 가게 됨',
    ),
  ],
  gdTask: T(
    "Suppose the loss is $f(x) = x^2 - 4x + 6$ and find its minimum with gradient descent from $x_0 = 4$ with learning rate $\\epsilon = 0.2$. The function is convex, so moving against the gradient $f'(x) = 2x - 4$ with a small enough learning rate converges to the minimum. Step through it one iteration at a time.",
    "손실함수가 $f(x) = x^2 - 4x + 6$이라고 가정하고, $x_0 = 4$에서 학습률 $\\epsilon = 0.2$로 Gradient Descent를 이용해 최솟값을 찾아보자. 아래로 볼록하기 때문에 그래디언트($f'(x) = 2x - 4$)의 반대 방향으로 충분히 작은 학습률을 주면 최솟값으로 수렴한다. 한 단계씩 실행해 보자.",
  ),
  lrTitle: T('Three learning rates side by side', '세 가지 학습률 비교'),
  lrText: T(
    'The same start $x_0 = 4$, six iterations, with $\\epsilon = 0.2$, $0.01$ and $1$: the first converges, the second barely moves, the third bounces between $4$ and $0$ forever.',
    '같은 초깃값 $x_0 = 4$에서 6번 반복하되 학습률을 $\\epsilon = 0.2$, $0.01$, $1$로 바꿔 보자. 첫째는 수렴하고, 둘째는 거의 움직이지 않으며, 셋째는 $4$와 $0$ 사이를 끝없이 오간다.',
  ),
  limitsTitle: T('The limits of gradient descent', '그래디언트 디센트의 한계점'),
  limitsPoints: [
    T(
      'Sensitivity to the start: depending on where it starts, it may reach the global minimum or a local one.',
      '초깃값 민감성: 어디에서 시작했느냐에 따라 전역 최솟값으로 갈 수도 있고, 국소 최솟값으로 갈 수도 있다.',
    ),
    T(
      'Sensitivity to the learning rate: a large rate can diverge, so it is usually small — but then reaching the minimum can take long.',
      '학습률 민감성: 학습률이 크면 발산해 버릴 수 있으므로 보통 작게 잡지만, 최솟값까지 가는 데 오래 걸릴 수 있다.',
    ),
  ],
  startTitle: T('Sensitivity to the start', '초깃값의 민감성'),
  startText: T(
    '$f(x) = x\\sin x$ on $[-1, 7]$ with $\\epsilon = 0.25$: from $x_0 = 2.5$ and from $x_0 = 1.5$.',
    '$[-1, 7]$에서 $f(x) = x\\sin x$, $\\epsilon = 0.25$: 초깃값 $x_0 = 2.5$와 $x_0 = 1.5$.',
  ),
  rateTitle: T('Sensitivity to the learning rate', '학습률의 민감성'),
  rateText: T(
    'The same function from $x_0 = 2.5$ with $\\epsilon = 1.0$ and $\\epsilon = 0.05$.',
    '같은 함수에서 초깃값 $x_0 = 2.5$, 학습률 $\\epsilon = 1.0$과 $\\epsilon = 0.05$.',
  ),
  localTitle: T('2.2 The limits of numerical optimisation', '2.2 수치 최적화 알고리즘의 한계점'),
  localPoints: [
    T(
      'If the loss is a convex function, every local minimum is the global minimum.',
      '손실함수가 convex function이라면 국소 최솟값(local minimum)은 전역 최솟값(global minimum)이다.',
    ),
    T(
      'In practice the loss is almost never convex (it cannot even be visualised).',
      '그러나 실무에서 손실함수가 convex function인 경우는 거의 없다(심지어 시각화도 못 한다).',
    ),
    T(
      'So every numerical optimisation algorithm finds a local minimum, but cannot always find the global one.',
      '따라서 모든 수치 최적화 알고리즘은 국소 최솟값은 찾아 주지만 항상 전역 최솟값을 찾을 수는 없다.',
    ),
    T(
      'Recent algorithms soften this limit, but they do not always find the global minimum either.',
      '최근에 고안된 수치 최적화 알고리즘은 이 한계를 완화할 수는 있지만, 그렇다고 항상 전역 최솟값을 찾아 주는 것은 아니다.',
    ),
  ],
  surfaceText: T(
    '3-D surface plots over the grid $x, y \\in [-5, 5]$. Left: a convex bowl, where the only local minimum is the global one. Right: $x\\sin x + y\\sin y$, with a local minimum at the origin and lower global minima near the corners. Drag to rotate.',
    '격자 $x, y \\in [-5, 5]$ 위의 3D 곡면 그래프. 왼쪽은 아래로 볼록한 그릇 모양으로, 유일한 국소 최솟값이 곧 전역 최솟값이다. 오른쪽은 $x\\sin x + y\\sin y$로, 원점에 국소 최솟값이 있고 모서리 근처에 더 낮은 전역 최솟값이 있다. 드래그하면 회전한다.',
  ),
  convex: T('Convex: $x^2 + y^2$', '볼록 함수: $x^2 + y^2$'),
  nonConvex: T('Not convex: $x\\sin x + y\\sin y$', '볼록하지 않은 함수: $x\\sin x + y\\sin y$'),

  // 3. Optimizers
  s3: T('3. Optimizers by search direction and by learning rate', '3. 탐색방향/학습률 기반 알고리즘'),
  s3Intro: T(
    'The numerical optimisation algorithms used in deep learning (ways of walking down to the minimum of the loss: optimizers) improve either the search direction or the learning rate:',
    '딥러닝에 사용되는 수치 최적화 알고리즘(손실함수의 최솟값을 찾아가는 방법들, 옵티마이저)은 탐색 방향을 개선하거나 학습률을 개선한다.',
  ),
  tableCaption: T('Optimizers by what they improve', '탐색방향/학습률 기반 알고리즘'),
  tableHead: [
    T('Based on', '기반'),
    T('Search direction', '탐색방향'),
    T('Learning rate', '학습률'),
    T('Year', '연도'),
    T('Algorithm', '알고리즘'),
  ],
  tableRows: [
    [
      T('Search direction', '탐색방향'),
      T('Gradient', '그래디언트'),
      T('Constant', '상수'),
      T('1945', '1945'),
      T('Stochastic Gradient Descent', 'Stochastic Gradient Descent'),
    ],
    [
      T('Search direction', '탐색방향'),
      T('Short-term accumulated gradient', '단기 누적 그래디언트'),
      T('Constant', '상수'),
      T('1964/1983', '1964/1983'),
      T('Momentum/Nesterov', 'Momentum/Nesterov'),
    ],
    [
      T('Learning rate', '학습률'),
      T('Gradient', '그래디언트'),
      T('Inversely proportional to the long-term accumulated squared gradient', '장기 파라미터 변화량과 반비례'),
      T('2011', '2011'),
      T('Adagrad', 'Adagrad'),
    ],
    [
      T('Learning rate', '학습률'),
      T('Gradient', '그래디언트'),
      T('Inversely proportional to the short-term accumulated squared gradient', '단기 파라미터 변화량과 반비례'),
      T('2012', '2012'),
      T('RMSProp', 'RMSProp'),
    ],
    [
      T('Learning rate', '학습률'),
      T('Short-term accumulated gradient', '단기 누적 그래디언트'),
      T('Inversely proportional to the short-term accumulated squared gradient', '단기 파라미터 변화량과 반비례'),
      T('2014', '2014'),
      T('Adam', 'Adam'),
    ],
  ],
  directionTitle: T('3.1 Search-direction methods', '3.1 탐색방향 기반 알고리즘'),
  sgdTitle: T('Stochastic gradient descent', 'Stochastic Gradient Descent'),
  sgdPoints: [
    T(
      'Gradient descent on all the data costs too much when there is a lot of it.',
      'Gradient Descent 방법으로 계산하면 데이터가 많을 때 계산량이 너무 많다.',
    ),
    T(
      'To fix this, stochastic gradient descent draws random subsets of the data (mini-batches) and computes the gradient on each.',
      '이 점을 보완하기 위해 Stochastic Gradient Descent는 랜덤하게 데이터를 추출(mini batch)하여 그래디언트를 계산한다.',
    ),
  ],
  loop: [
    T('Set the initial value $w^{(0)}$', '초깃값 $w^{(0)}$ 설정'),
    T('Shuffle the data', '데이터 셔플'),
    T('Split it into mini-batches', 'mini batch만큼 데이터 부분집합들을 추출'),
    T('For each mini-batch, repeat:', '각 부분집합마다 다음을 반복'),
    T(
      'When every mini-batch is used, repeat from 2 for each epoch',
      '만들어진 부분집합을 모두 사용한 후 4.를 epoch만큼 반복',
    ),
  ],
  sgdSub: [
    T(
      'Compute the gradient on the mini-batch: $\\nabla f(w^{(k)})$',
      '부분집합의 그래디언트 계산: $\\nabla f(w^{(k)})$',
    ),
    T(
      'Search direction: against the gradient, scaled by the learning rate: $-\\epsilon \\nabla f(w^{(k)})$',
      '그래디언트 반대 방향으로 학습률만큼 탐색 방향 설정: $-\\epsilon \\nabla f(w^{(k)})$',
    ),
    T(
      'Update the parameters: $w^{(k+1)} \\leftarrow w^{(k)} - \\epsilon \\nabla f(w^{(k)})$',
      '파라미터 업데이트: $w^{(k+1)} \\leftarrow w^{(k)} - \\epsilon \\nabla f(w^{(k)})$',
    ),
  ],
  sgdData: T(
    'Here: fit a line $\\hat y = wx + b$ to 20 noisy points with the per-sample loss $(wx + b - y)^2$, mini-batches of 4, 3 epochs. Each step uses the gradient of one mini-batch only.',
    '여기서는 잡음이 있는 점 20개에 직선 $\\hat y = wx + b$를 맞춘다. 표본 하나의 손실은 $(wx + b - y)^2$이고, mini batch 크기는 4, epoch는 3이다. 각 단계는 mini batch 하나의 그래디언트만 사용한다.',
  ),
  momentumTitle: T('Momentum', 'Momentum'),
  momentumPoints: [
    T(
      'Gradient descent has no way out once it falls into a local minimum.',
      '그래디언트 디센트 방법은 국소 최솟값에 빠지게 되면 빠져나갈 방법이 없다.',
    ),
    T(
      'Momentum adds the current gradient step to the accumulated sum of the previous search directions, which can carry it out of a local minimum towards the global one. Start with the short-term accumulated velocity $v^{(0)} = 0$.',
      'Momentum은 전 단계 탐색 방향의 누적합에 현재 단계의 그래디언트 디센트를 더해서 탐색 방향을 찾기 때문에 국소 최솟값을 벗어나 전역 최솟값으로 갈 수 있게 해 준다. 단기 누적 속도 합은 $v^{(0)} = 0$으로 시작한다.',
    ),
  ],
  nesterovTitle: T('Nesterov', 'Nesterov'),
  nesterovPoints: [
    T(
      'It differs from Momentum only where the gradient is computed: at the look-ahead point $w^{(k)} + \\alpha v^{(k)}$.',
      'Momentum과 그래디언트를 계산하는 부분만 차이가 있다. 미리 가 본 점 $w^{(k)} + \\alpha v^{(k)}$에서 그래디언트를 계산한다.',
    ),
    T(
      'That gradient is more accurate than Momentum’s, so it converges faster.',
      'Nesterov가 Momentum보다 그래디언트 계산을 좀 더 정확하게 해 주기 때문에 수렴 속도가 더 빠르다.',
    ),
  ],
  rateTitle2: T('3.2 Learning-rate methods', '3.2 학습률 기반 알고리즘'),
  adaptivePoints: [
    T(
      'Instead of fixing the learning rate, compute a suitable one at every step.',
      '학습률을 고정하지 않고 매번 적절한 학습률을 계산한다.',
    ),
    T(
      'With a fixed rate, convergence is too slow or it diverges, depending on the rate — SGD, Momentum and Nesterov cannot avoid this.',
      '학습률을 고정하면 학습률에 따라 최솟값으로의 수렴이 너무 느리거나 발산하는 문제가 생긴다. 즉, SGD, Momentum, Nesterov는 이 문제를 피해 갈 수 없다.',
    ),
    T(
      'An adaptive learning rate solves it: start with a large rate, and after each update compare the loss with the previous one — when the step overshoots and the loss goes up, halve the rate.',
      '적응형 학습률을 쓰면 해결할 수 있다! 처음에는 큰 학습률로 시작하고, 업데이트할 때마다 손실함수 값을 전 단계와 비교해 값이 커지면(너무 멀리 갔으면) 학습률을 절반으로 줄인다.',
    ),
    T(
      'Because the rate is updated at every step, its initial value needs less care.',
      '학습률 기반 알고리즘은 매 단계 학습률이 업데이트되기 때문에 학습률의 초깃값을 정할 때 신경을 조금 덜 써도 된다.',
    ),
  ],
  halvingText: T(
    'The idea on $f(x) = x^2 - 4x + 6$ with a deliberately large start rate $\\epsilon = 1$ (which made plain gradient descent bounce forever):',
    '$f(x) = x^2 - 4x + 6$에서 일부러 큰 학습률 $\\epsilon = 1$(일반 경사 하강법이 끝없이 오가던 값)로 시작해 보자.',
  ),
  adagradTitle: T('Adagrad', 'Adagrad'),
  adagradPoints: [
    T(
      'It adapts the learning rate and finds the minimum well, but because it carries the sum of squared gradients from the very start, it can converge slowly. Start with the long-term accumulated gradient size $r^{(0)} = 0$.',
      '학습률을 갱신하기 때문에 최솟값을 잘 찾아가지만, 초기부터 그래디언트 제곱의 누적합을 가지고 가기 때문에 수렴 속도가 느릴 수 있다. 장기 누적 그래디언트 크기는 $r^{(0)} = 0$으로 시작한다.',
    ),
  ],
  rmspropTitle: T('RMSProp (Root Mean Square Propagation)', 'RMSProp (Root Mean Square Propagation)'),
  rmspropPoints: [
    T(
      'Gradients that are too old count less: the accumulator decays with rate $\\rho$. Start with the short-term accumulated gradient size $r^{(0)} = 0$.',
      '너무 오래된 그래디언트는 반영을 적게 하겠다! 누적값이 $\\rho$의 비율로 감쇠한다. 단기 누적 그래디언트 크기는 $r^{(0)} = 0$으로 시작한다.',
    ),
  ],
  adamTitle: T('Adam (Adaptive moments)', 'Adam (Adaptive moments)'),
  adamPoints: [
    T(
      'A combination of Momentum and RMSProp: it looks at the search direction and also adapts the learning rate. Start with $r^{(0)} = 0$ and $s^{(0)} = 0$.',
      'Momentum과 RMSProp의 조합. 즉, 탐색 방향도 보고 학습률도 갱신하는 알고리즘이다. $r^{(0)} = 0$, $s^{(0)} = 0$으로 시작한다.',
    ),
  ],
  adamSteps: [
    T('Search direction: the short-term accumulated gradient', '탐색 방향을 단기 누적 그래디언트 합으로 설정'),
    T('Learning rate: the short-term accumulated gradient size', '학습률을 단기 누적 그래디언트 크기로 설정'),
    T('Update the parameters', '파라미터 업데이트'),
  ],
  stepperOn: T(
    'Each stepper below runs on the lesson’s exercise $f(x, y) = 3(x - 2)^2 + (y - 2)^2$ from $(-2, 4)$.',
    '아래의 각 스테퍼는 연습 문제의 함수 $f(x, y) = 3(x - 2)^2 + (y - 2)^2$를 $(-2, 4)$에서 시작해 실행한다.',
  ),
  treeTitle: T('3.3 The family tree of optimizers', '3.3 수치 최적화 알고리즘(Optimizer) 발달 계보'),
  treeText: T(
    'Finding the small path down the mountain well: each optimizer improves the one before it.',
    '산을 내려오는 작은 오솔길 잘 찾기(Optimizer)의 발달 계보',
  ),
  treeDirection: T('improves the search direction', '탐색방향 개선'),
  treeRate: T('improves the learning rate', '학습률 개선'),
  treeBoth: T('both', '둘 다'),
  raceTitle: T('All six on one surface', '여섯 옵티마이저를 한 곡면에서'),
  raceText: T(
    'The six optimizers race on $3(x - 2)^2 + (y - 2)^2$ from $(-2, 4)$, all with the same learning rate $\\epsilon = 0.1$ for 40 iterations. Here plain gradient descent and Nesterov reach the minimum $(2, 2)$ first, while Adagrad, whose rate only ever shrinks, has covered about a quarter of the way.',
    '여섯 옵티마이저가 $(-2, 4)$에서 같은 학습률 $\\epsilon = 0.1$로 40번씩 $3(x - 2)^2 + (y - 2)^2$의 최솟값을 향해 경주한다. 여기서는 일반 경사 하강법과 Nesterov가 최솟값 $(2, 2)$에 먼저 도착하고, 학습률이 줄어들기만 하는 Adagrad는 4분의 1 정도밖에 가지 못한다.',
  ),
  bestTitle: T('4. Which optimizer is best?', '4. 어떤 Optimizer가 제일 좋은가?'),
  bestWho: T(
    'Yoshua Bengio (one of the founders of deep learning), 2016:',
    'Yoshua Bengio(딥러닝 창립자 중 한 사람), 2016',
  ),
  bestPoints: [
    T(
      'No algorithm solves the optimisation problem of deep learning models perfectly.',
      '어떤 알고리즘도 딥러닝 모델의 최적화 문제를 완벽히 풀 수 없다.',
    ),
    T('Experimenting with the ones you prefer builds know-how.', '선호도를 바탕으로 실험을 하면 노하우가 생기게 된다.'),
    T(
      'Your ability to build deep learning models grows from theory combined with many experiments!',
      '개인의 딥러닝 모델 구성 능력은 이론과 많은 실험의 결합으로 향상시켜야 한다!',
    ),
  ],
  bestRace: T(
    'The race is the answer. On the bowl above, gradient descent and Nesterov won. Below, $f(x, y) = (x^2 - 1)^2 + 0.5x + 0.5y^2$ has a local minimum near $x = 0.93$ and a lower, global one near $x = -1.06$. From $(2, 1)$ with $\\epsilon = 0.05$, gradient descent, RMSProp and Adam settle in the local minimum, Momentum and Nesterov roll on to the global one, and Adagrad is still on its way. Double the learning rate in the playground and Momentum and Nesterov diverge instead. No optimizer is best everywhere — experiment!',
    '경주가 곧 답이다. 위의 그릇 모양에서는 경사 하강법과 Nesterov가 이겼다. 아래의 $f(x, y) = (x^2 - 1)^2 + 0.5x + 0.5y^2$는 $x = 0.93$ 근처에 국소 최솟값, $x = -1.06$ 근처에 더 낮은 전역 최솟값이 있다. $(2, 1)$에서 $\\epsilon = 0.05$로 시작하면 경사 하강법, RMSProp, Adam은 국소 최솟값에 머물고, Momentum과 Nesterov는 전역 최솟값까지 굴러가며, Adagrad는 아직 가는 중이다. 실습장에서 학습률을 두 배로 올리면 이번에는 Momentum과 Nesterov가 발산한다. 어떤 옵티마이저도 모든 문제에서 최고일 수는 없다. 직접 실험해 보자!',
  ),
} as const;

/** Section 2.3, backpropagation (kept together, to move into the message catalogue with the rest). */
export const BACKPROP = {
  title: T('2.3 Backpropagation: the chain rule on a graph', '2.3 역전파(Backpropagation): 그래프 위의 연쇄법칙'),
  points: [
    T(
      'Gradient descent needs $\\nabla L$. A network’s loss is a composition of many simple operations, so $\\nabla L$ comes from the chain rule, applied one operation at a time on the computation graph.',
      '경사 하강법에는 $\\nabla L$이 필요하다. 신경망의 손실은 간단한 연산을 여러 번 합성한 함수이므로, $\\nabla L$은 계산 그래프 위에서 연산 하나씩 연쇄법칙을 적용해 구한다.',
    ),
    T(
      'Forward pass: from the inputs to the loss, compute every node’s value.',
      '순전파(forward pass): 입력에서 손실까지, 모든 노드의 값을 계산한다.',
    ),
    T(
      'Backward pass: start with $\\frac{\\partial L}{\\partial L} = 1$ and go back; each node’s adjoint $\\frac{\\partial L}{\\partial v}$ is the sum over the nodes $u$ that use it of $\\frac{\\partial L}{\\partial u}\\cdot\\frac{\\partial u}{\\partial v}$.',
      '역전파(backward pass): $\\frac{\\partial L}{\\partial L} = 1$에서 시작해 거꾸로 간다. 각 노드의 수반값 $\\frac{\\partial L}{\\partial v}$는 그 노드를 쓰는 노드 $u$마다 $\\frac{\\partial L}{\\partial u}\\cdot\\frac{\\partial u}{\\partial v}$를 더한 값이다.',
    ),
    T(
      'Each local derivative $\\frac{\\partial u}{\\partial v}$ is the derivative of one operation: a rule of section 1. Along a path the local derivatives multiply, exactly as in the chain rule $\\frac{dy}{dx} = \\frac{dy}{dt}\\cdot\\frac{dt}{dx}$.',
      '각 국소 미분 $\\frac{\\partial u}{\\partial v}$는 연산 하나의 미분, 곧 1절의 미분 법칙 하나다. 경로를 따라 국소 미분을 곱하는 것이 바로 연쇄법칙 $\\frac{dy}{dx} = \\frac{dy}{dt}\\cdot\\frac{dt}{dx}$이다.',
    ),
  ],
  chainLink: T('Back to the chain rule', '연쇄법칙 다시 보기'),
  neuronTitle: T('One neuron, one data point', '뉴런 하나, 데이터 한 개'),
  neuronText: T(
    'A single neuron $\\hat y = \\sigma(wx + b)$ with the sigmoid $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ and the squared error on one data point $(x, y) = (2, 1)$, at $w = 0.5$, $b = 0.1$. Step through the forward pass, then the backward pass: the gradient read off $w$ and $b$ at the end is the symbolic gradient of section 1 at that point. One descent step with it lowers the loss.',
    '시그모이드 $\\sigma(z) = \\frac{1}{1 + e^{-z}}$를 쓰는 뉴런 하나 $\\hat y = \\sigma(wx + b)$와 데이터 한 개 $(x, y) = (2, 1)$에 대한 제곱 오차를 $w = 0.5$, $b = 0.1$에서 살펴보자. 순전파를 한 단계씩 진행한 뒤 역전파를 진행하면, 마지막에 $w$와 $b$에서 읽은 그래디언트가 1절의 기호 미분으로 구한 그래디언트와 같다. 이 그래디언트로 경사 하강을 한 번 하면 손실이 줄어든다.',
  ),
  batchTitle: T('The same on a mini-batch', '미니배치에서도 똑같이'),
  batchText: T(
    'On a mini-batch of $m$ rows the loss is the mean of the rows’ losses, so its gradient is the mean of the per-row gradients — the gradient SGD uses in section 3. In the graph of three rows below, $w$ and $b$ feed every row: their adjoints add up the rows’ contributions, and the backward pass computes the mean without being told to.',
    '미니배치가 $m$개의 행이면 손실은 각 행의 손실의 평균이므로, 그래디언트도 행마다 구한 그래디언트의 평균이다. 3절의 SGD가 쓰는 그래디언트가 바로 이것이다. 아래의 세 행짜리 그래프에서 $w$와 $b$는 모든 행에 들어가므로 그 수반값은 각 행의 기여를 더한 값이 되고, 역전파가 평균을 저절로 계산한다.',
  ),
} as const;
