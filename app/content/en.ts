/**
 * The tutor app's text in English: its chrome, the optimizers' display names and the lesson.
 * Lesson prose may hold inline TeX between `$…$` (trusted: written here, never from the URL);
 * the app splits it into text nodes and <gs-math> elements, so no string here is parsed as HTML.
 * `AppContent` (./types.ts) is this object's shape; every other language implements it.
 */
export const en = {
  /** The app's chrome: header, navigation, buttons and playground controls. */
  ui: {
    brand: 'gradstep',
    tagline: 'Derivatives that show their work',
    lesson: 'Lesson',
    playground: 'Playground',
    language: 'Language',
    contents: 'Contents',
    skip: 'Skip to content',
    tryIt: 'Try it yourself',
    showSolution: 'Show the worked solution',
    hideSolution: 'Hide the solution',
    solved: 'Correct — well done. The worked solution is open below.',
    wrt: 'with respect to',
    openInPlayground: 'Open in the playground',
    footer: 'gradstep runs entirely in your browser; nothing you type leaves this page.',
    // Playground
    pgTitle: 'Playground',
    pgIntro:
      'Type any function of one or more variables. gradstep differentiates it step by step, checks your own answer, and runs an optimizer on it. The address bar keeps everything you set, so a link shows exactly this view.',
    fn: 'Function',
    fnPlaceholder: 'e.g. 3x^3 - 2x + 1 or x sin x + y^2',
    vars: 'Variables',
    varsPlaceholder: 'automatic',
    varsHint: 'comma-separated, e.g. x, y (empty: found in the function)',
    examples: 'Examples',
    tabDerivative: 'Derivative',
    tabCheck: 'Check my answer',
    tabOptimize: 'Optimize it',
    checkIntro: 'Differentiate the function yourself, type your answer, and press Enter.',
    optimizer: 'Optimizer',
    convention: 'Convention',
    conventionTextbook: 'Lesson (Goodfellow et al.)',
    conventionPytorch: 'PyTorch',
    conventionKeras: 'Keras',
    lr: 'Learning rate ε',
    steps: 'Iterations',
    start: 'Start',
    startHint: 'one number per variable, comma-separated',
    momentum: 'Momentum α',
    rho: 'Decay ρ',
    beta1: 'Decay ρ₁',
    beta2: 'Decay ρ₂',
    delta: 'Small constant δ',
    wideFormula: 'Wide formula, scrolls sideways',
    wideTable: 'Wide table, scrolls sideways',
    copyLink: 'Copy link',
    copied: 'Link copied',
    emptyFunction: 'Type a function above to begin.',
    badVars: 'Variable names are letters, digits and _ (starting with a letter), at most six.',
  },

  /** Display names of the optimizers (as the lesson writes them). */
  /** The playground's workbench controls: derivative settings and the optimizer's modes. */
  playground: {
    params: 'Parameters',
    paramsHint: 'names held constant, e.g. a, b',
    order: 'Order',
    orderNames: ['f′ (first)', 'f″ (second)', 'f‴ (third)'],
    orderN: 'th derivative',
    detail: 'Detail',
    detailNames: {
      normal: 'Normal',
      full: 'Full (every step)',
      brief: 'Brief',
    },
    wrt: 'Differentiate by',
    paramValues: 'Parameter values for the plot',
    paramValuesHint:
      'The steps and the derivative keep the parameters as symbols; only the plot uses these values (over the plot range).',
    paramValuesRun: 'Values of the other names',
    paramValuesRunHint: 'The run holds them at these values; the gradient keeps them as symbols.',
    range: 'Plot range',
    rangeHint1: 'xmin, xmax (empty: automatic)',
    rangeHint2: 'xmin, xmax, ymin, ymax (empty: automatic)',
    badRange: 'Give increasing pairs of numbers, e.g. -2, 3.',
    mode: 'Mode',
    modeNames: {
      single: 'One optimizer',
      compare: 'Compare',
      data: 'Data (SGD)',
    },
    vary: 'Compare',
    varyNames: {
      optimizers: 'Optimizers',
      lr: 'Learning rates',
      start: 'Starting points',
    },
    raceSet: 'Optimizers in the race',
    values: 'Values',
    valuesHintLr: 'learning rates, e.g. 0.2, 0.01, 1',
    valuesHintStart: 'starts separated by ;, e.g. 4; -2 or 4,4; -4,4',
    dataset: 'Data set',
    batch: 'Batch size',
    epochs: 'Epochs',
    seed: 'Shuffle seed',
    speed: 'Play speed',
    perStep: 's / step',
    equal: 'Equal axis scales',
    pickHint: 'Click or tap the plot to start there.',
    dataNote: 'Each step uses one mini-batch; its rows are highlighted on the data plot.',
  },
  /** components.html, the embedding guide: its prose (the snippets are code, the same in every language). */
  componentsPage: {
    pageTitle: 'gradstep components — embed them in any course page',
    back: '← Back to the gradstep app',
    title: 'gradstep components',
    intro:
      'One script tag defines every gs- element. Attributes are read by gradstep’s parser (never evaluated), so a student’s or a teacher’s text is safe to pass in. Set lang="ko" on an element or the page for Korean (this page: ?lang=ko). Events bubble and cross shadow roots.',
    plotText:
      'The plots the other elements are built from. They take JavaScript functions and points as properties (curves, paths, markers, slope); probe adds a draggable tangent, and without one a click fires gs-point-pick.',
    contourText:
      'A contour map of f(x, y) with paths and arrows; equal-axes keeps one unit as long both ways, and a click fires gs-point-pick with the point.',
    copy: 'Copy',
    copied: 'Copied',
    snippet: 'Code, scrolls sideways',
    copyLabel: 'Copy this code',
  },
  optimizerNames: {
    gd: 'Gradient descent',
    sgd: 'Stochastic gradient descent',
    momentum: 'Momentum',
    nesterov: 'Nesterov',
    adagrad: 'Adagrad',
    rmsprop: 'RMSProp',
    adam: 'Adam',
    'gd-halving': 'Gradient descent, halving the rate',
    newton: "Newton's method",
  },

  /** The lesson, section by section. */
  lesson: {
    title: 'Derivatives, gradients and optimizers',
    intro:
      'A lesson in three parts: what a derivative is, how training a neural network becomes finding the minimum of a function, and the optimizers that find it. Every formula below is live — drag, step, and type your own answers.',

    // 1. Derivatives
    s1: '1. Derivatives',
    s1Points: [
      'You cannot study the theory of deep learning without derivatives.',
      'A derivative is the slope of a function at a point.',
      'Before university we learn to differentiate functions of one variable.',
    ],
    s1Task: "Let us compute the derivative $\\frac{df}{dx}\\,(= f'(x))$ of the following function with respect to $x$.",
    s1Tangent:
      'Drag the point along the curve (or focus it and use the arrow keys): the dashed line is the tangent there, and its slope is the value of the derivative.',
    partialTitle: 'Partial derivatives',
    partialWhy:
      'To understand deep learning we need derivatives of functions of many variables, $f(x_1, x_2, \\ldots, x_n)$ → partial derivatives.',
    partialTask:
      'Compute $\\frac{\\partial f}{\\partial x}\\,(= f_x)$ and $\\frac{\\partial f}{\\partial y}\\,(= f_y)$ for the function of two variables below. For each partial, the other variable is held constant — it behaves like a number.',
    chainTitle: 'The chain rule',
    chainPoints: [
      'Let $y = f(t)$ be a function of $t$.',
      'If $t$ is itself a function of $x$, $t = g(x)$, the two compose into $y = f(t) = f(g(x))$.',
      'Then $y$ is a function of $x$, and',
    ],
    chainWhy:
      'We differentiate the outer function $f$ and multiply by the derivative of the inner function $g$ — one link of the chain after another, hence the name.',
    ex1Title: 'Exercise 1',
    ex1Task: 'Compute $\\frac{df}{dx}$ for $f(x) = (2x - 1)^3$.',
    ex2Title: 'Exercise 2',
    ex2Task:
      'Compute $\\frac{\\partial}{\\partial x}f(x, y)$ and $\\frac{\\partial}{\\partial y}f(x, y)$ for $f(x, y) = 3(x - 2)^2 + (y - 2)^2$.',

    // 2. Training as optimisation
    s2: '2. Training a neural network',
    s2Points: [
      'An optimisation problem: finding which value is best in a given situation.',
      'A neural network computes an output, and a loss function $L(\\mathbf{w}, \\mathbf{b})$ (chosen for the problem: classification or regression) measures the distance between the output and the correct answer.',
      'Training updates the weights and biases to bring output and answer closer — that is, to find the minimum of the loss function. In other words, training solves an optimisation problem:',
    ],
    quadTask: 'Take a quadratic problem. There are four ways to solve it:',
    way1: '1. Completing the square',
    way1Text: 'A square is never negative, so $f(x) \\ge 2$, with equality exactly when $x = 2$.',
    way2: '2. Using the derivative',
    way2Text: "At the minimum the slope is zero: $f'(x) = 2x - 4 = 0$ gives $x = 2$ and $f(2) = 2$.",
    way3: '3. Trying every value of x',
    way3Text:
      'Evaluate $f$ on a grid and keep the smallest value. Below, a grid with spacing 0.5 on $[-1, 5]$ happens to hit $x = 2$. But the count of points grows as (points per axis)^(number of parameters): in practice this is impossible.',
    way3Grid: 'Grid search: 13 evaluations of f',
    way3Best: 'best on the grid',
    gridParams: 'parameters',
    gridSpacing: 'grid spacing on [−10, 10]',
    gridPoints: 'evaluations of f',
    gridTime: 'at 10⁹ evaluations per second',
    gridCaption:
      'How the count of grid points explodes with precision and dimension. Even a small neural network has millions of parameters.',
    way4: '4. A numerical optimisation algorithm',
    way4Text:
      'Training a deep learning model (computing the minimum of the loss) is done numerically, because ways 1, 2 and 3 cannot solve it. Numerical optimisation is iterative: start from an initial value, find the direction in which to update, and move by the learning rate — then repeat.',
    seconds: 's',
    years: 'years',
    gdTitle: '2.1 Understanding optimisation through gradient descent',
    gdPoints: [
      'The gradient: the direction in which a function rises most steeply at a point.',
      'The gradient of the loss points where the loss increases most steeply.',
      'We want the loss to decrease most steeply → moving against the gradient takes us towards the minimum.',
    ],
    gdTask:
      "Suppose the loss is $f(x) = x^2 - 4x + 6$ and find its minimum with gradient descent from $x_0 = 4$ with learning rate $\\varepsilon = 0.2$. The function is convex, so moving against the gradient $f'(x) = 2x - 4$ with a small enough learning rate converges to the minimum. Step through it one iteration at a time.",
    lrTitle: 'Three learning rates side by side',
    lrText:
      'The same start $x_0 = 4$, six iterations, with $\\varepsilon = 0.2$, $0.01$ and $1$: the first converges, the second barely moves, the third bounces between $4$ and $0$ forever.',
    limitsTitle: 'The limits of gradient descent',
    limitsPoints: [
      'Sensitivity to the start: depending on where it starts, it may reach the global minimum or a local one.',
      'Sensitivity to the learning rate: a large rate can diverge, so it is usually small — but then reaching the minimum can take long.',
    ],
    startTitle: 'Sensitivity to the start',
    startText: '$f(x) = x\\sin x$ on $[-1, 7]$ with $\\varepsilon = 0.25$: from $x_0 = 2.5$ and from $x_0 = 1.5$.',
    rateTitle: 'Sensitivity to the learning rate',
    rateText: 'The same function from $x_0 = 2.5$ with $\\varepsilon = 1.0$ and $\\varepsilon = 0.05$.',
    localTitle: '2.2 The limits of numerical optimisation',
    localPoints: [
      'If the loss is a convex function, every local minimum is the global minimum.',
      'In practice the loss is almost never convex (it cannot even be visualised).',
      'So every numerical optimisation algorithm finds a local minimum, but cannot always find the global one.',
      'Recent algorithms soften this limit, but they do not always find the global minimum either.',
    ],
    surfaceText:
      '3-D surface plots over the grid $x, y \\in [-5, 5]$. Left: a convex bowl, where the only local minimum is the global one. Right: $x\\sin x + y\\sin y$, with a local minimum at the origin and lower global minima near the corners. Drag to rotate.',
    convex: 'Convex: $x^2 + y^2$',
    nonConvex: 'Not convex: $x\\sin x + y\\sin y$',

    // 3. Optimizers
    s3: '3. Optimizers by search direction and by learning rate',
    s3Intro:
      'The numerical optimisation algorithms used in deep learning (ways of walking down to the minimum of the loss: optimizers) improve either the search direction or the learning rate:',
    tableCaption: 'Optimizers by what they improve',
    tableHead: ['Based on', 'Search direction', 'Learning rate', 'Year', 'Algorithm'],
    tableRows: [
      ['Search direction', 'Gradient', 'Constant', '1945', 'Stochastic Gradient Descent'],
      ['Search direction', 'Short-term accumulated gradient', 'Constant', '1964/1983', 'Momentum/Nesterov'],
      [
        'Learning rate',
        'Gradient',
        'Inversely proportional to the long-term accumulated squared gradient',
        '2011',
        'Adagrad',
      ],
      [
        'Learning rate',
        'Gradient',
        'Inversely proportional to the short-term accumulated squared gradient',
        '2012',
        'RMSProp',
      ],
      [
        'Learning rate',
        'Short-term accumulated gradient',
        'Inversely proportional to the short-term accumulated squared gradient',
        '2014',
        'Adam',
      ],
    ],
    directionTitle: '3.1 Search-direction methods',
    sgdTitle: 'Stochastic gradient descent',
    sgdPoints: [
      'Gradient descent on all the data costs too much when there is a lot of it.',
      'To fix this, stochastic gradient descent draws random subsets of the data (mini-batches) and computes the gradient on each.',
    ],
    loop: [
      'Set the initial value $w^{(0)}$',
      'Shuffle the data',
      'Split it into mini-batches',
      'For each mini-batch, repeat:',
      'When every mini-batch is used, repeat from 2 for each epoch',
    ],
    sgdSub: [
      'Compute the gradient on the mini-batch: $\\nabla f(w^{(k)})$',
      'Search direction: against the gradient, scaled by the learning rate: $-\\varepsilon \\nabla f(w^{(k)})$',
      'Update the parameters: $w^{(k+1)} \\leftarrow w^{(k)} - \\varepsilon \\nabla f(w^{(k)})$',
    ],
    sgdData:
      'Here: fit a line $\\hat y = wx + b$ to 20 noisy points with the per-sample loss $(wx + b - y)^2$, mini-batches of 4, 3 epochs. Each step uses the gradient of one mini-batch only.',
    momentumTitle: 'Momentum',
    momentumPoints: [
      'Gradient descent has no way out once it falls into a local minimum.',
      'Momentum adds the current gradient step to the accumulated sum of the previous search directions, which can carry it out of a local minimum towards the global one. Start with the short-term accumulated velocity $v^{(0)} = 0$.',
    ],
    nesterovTitle: 'Nesterov',
    nesterovPoints: [
      'It differs from Momentum only where the gradient is computed: at the look-ahead point $w^{(k)} + \\alpha v^{(k)}$.',
      'That gradient is more accurate than Momentum’s, so it converges faster.',
    ],
    rateTitle2: '3.2 Learning-rate methods',
    adaptivePoints: [
      'Instead of fixing the learning rate, compute a suitable one at every step.',
      'With a fixed rate, convergence is too slow or it diverges, depending on the rate — SGD, Momentum and Nesterov cannot avoid this.',
      'An adaptive learning rate solves it: start with a large rate, and after each update compare the loss with the previous one — when the step overshoots and the loss goes up, halve the rate.',
      'Because the rate is updated at every step, its initial value needs less care.',
    ],
    halvingText:
      'The idea on $f(x) = x^2 - 4x + 6$ with a deliberately large start rate $\\varepsilon = 1$ (which made plain gradient descent bounce forever):',
    adagradTitle: 'Adagrad',
    adagradPoints: [
      'It adapts the learning rate and finds the minimum well, but because it carries the sum of squared gradients from the very start, it can converge slowly. Start with the long-term accumulated gradient size $r^{(0)} = 0$.',
    ],
    rmspropTitle: 'RMSProp (Root Mean Square Propagation)',
    rmspropPoints: [
      'Gradients that are too old count less: the accumulator decays with rate $\\rho$. Start with the short-term accumulated gradient size $r^{(0)} = 0$.',
    ],
    adamTitle: 'Adam (Adaptive moments)',
    adamPoints: [
      'A combination of Momentum and RMSProp: it looks at the search direction and also adapts the learning rate. Start with $r^{(0)} = 0$ and $s^{(0)} = 0$.',
    ],
    adamSteps: [
      'Search direction: the short-term accumulated gradient',
      'Learning rate: the short-term accumulated gradient size',
      'Update the parameters',
    ],
    stepperOn: 'Each stepper below runs on the lesson’s exercise $f(x, y) = 3(x - 2)^2 + (y - 2)^2$ from $(-2, 4)$.',
    treeTitle: '3.3 The family tree of optimizers',
    treeText: 'Finding the small path down the mountain well: each optimizer improves the one before it.',
    treeDirection: 'improves the search direction',
    treeRate: 'improves the learning rate',
    treeBoth: 'both',
    raceTitle: 'All six on one surface',
    raceText:
      'The six optimizers race on $3(x - 2)^2 + (y - 2)^2$ from $(-2, 4)$, all with the same learning rate $\\varepsilon = 0.1$ for 40 iterations. Here plain gradient descent and Nesterov reach the minimum $(2, 2)$ first, while Adagrad, whose rate only ever shrinks, has covered about a quarter of the way.',
    bestTitle: '4. Which optimizer is best?',
    bestWho: 'Yoshua Bengio (one of the founders of deep learning), 2016:',
    bestPoints: [
      'No algorithm solves the optimisation problem of deep learning models perfectly.',
      'Experimenting with the ones you prefer builds know-how.',
      'Your ability to build deep learning models grows from theory combined with many experiments!',
    ],
    bestRace:
      'The race is the answer. On the bowl above, gradient descent and Nesterov won. Below, $f(x, y) = (x^2 - 1)^2 + 0.5x + 0.5y^2$ has a local minimum near $x = 0.93$ and a lower, global one near $x = -1.06$. From $(2, 1)$ with $\\varepsilon = 0.05$, gradient descent, RMSProp and Adam settle in the local minimum, Momentum and Nesterov roll on to the global one, and Adagrad is still on its way. Double the learning rate in the playground and Momentum and Nesterov diverge instead. No optimizer is best everywhere — experiment!',
  },
  backprop: {
    title: '2.3 Backpropagation: the chain rule on a graph',
    points: [
      'Gradient descent needs $\\nabla L$. A network’s loss is a composition of many simple operations, so $\\nabla L$ comes from the chain rule, applied one operation at a time on the computation graph.',
      'Forward pass: from the inputs to the loss, compute every node’s value.',
      'Backward pass: start with $\\frac{\\partial L}{\\partial L} = 1$ and go back; each node’s adjoint $\\frac{\\partial L}{\\partial v}$ is the sum over the nodes $u$ that use it of $\\frac{\\partial L}{\\partial u}\\cdot\\frac{\\partial u}{\\partial v}$.',
      'Each local derivative $\\frac{\\partial u}{\\partial v}$ is the derivative of one operation: a rule of section 1. Along a path the local derivatives multiply, exactly as in the chain rule $\\frac{dy}{dx} = \\frac{dy}{dt}\\cdot\\frac{dt}{dx}$.',
    ],
    chainLink: 'Back to the chain rule',
    neuronTitle: 'One neuron, one data point',
    neuronText:
      'A single neuron $\\hat y = \\sigma(wx + b)$ with the sigmoid $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ (whose derivative is $\\sigma^{\\prime} = \\sigma(1 - \\sigma)$) and the squared error on one data point $(x, y) = (2, 1)$, at $w = 0.5$, $b = 0.1$. Step through the forward pass, then the backward pass: the gradient read off $w$ and $b$ at the end is the symbolic gradient of section 1 at that point. One descent step with it lowers the loss.',
    batchTitle: 'The same on a mini-batch',
    batchText:
      'On a mini-batch of $m$ rows the loss is the mean of the rows’ losses, so its gradient is the mean of the per-row gradients — the gradient SGD uses in section 3. In the graph of three rows below, $w$ and $b$ feed every row: their adjoints add up the rows’ contributions, and the backward pass computes the mean without being told to.',
  },
} as const;
