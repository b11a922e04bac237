/** The optimizers' words in English. The shape is `OptimMessages` (src/i18n/messages.ts). */

import type { OptimMessages } from './messages.js';
import { plural } from './plural.js';

const n = (count: number, forms: { one: string; other: string }) => `${count} ${plural('en', count, forms)}`;

export const OPTIM_EN: OptimMessages = {
  errors: {
    'optim/unknown-hyper': (p) =>
      'same' in p
        ? `${p.same} and ${p.key} name the same hyper-parameter: give one.`
        : `${OPTIM_EN.names[p.optimizer]} has no hyper-parameter ${p.key} (${p.known.length ? `it has: ${p.known.join(', ')}` : 'it has none'}).`,
    'optim/bad-hyper': ({ hyper, range, value, name, symbol }) =>
      `${name} (${symbol}, the ${OPTIM_EN.hyper[hyper]}) must be ${OPTIM_EN.ranges[range]}; got ${value}.`,
    'optim/bad-learning-rate': (p) =>
      'missingFor' in p
        ? `${OPTIM_EN.names[p.missingFor]} needs a learning rate ε.`
        : `The learning rate ${p.name ? `${p.name} ` : ''}ε must be a positive, finite number; got ${p.value}.`,
    'optim/not-a-number': ({ name, type, shown }) =>
      `${name} must be a number; got ${type === 'string' ? `the text '${shown}'` : type === 'list' || type === 'null' ? (type === 'list' ? 'a list' : 'an empty value') : `a ${type}${shown ? ` (${shown})` : ''}`}.`,
    'optim/needs-data': ({ name, data }) =>
      `${name} applies only to SGD over data, and this run has none: give ${data} (a built-in data set such as line), or leave ${name} out.`,
    'optim/bad-param': ({ name, value }) => `The constant ${name} needs a finite number as its value; got ${value}.`,
    'optim/bad-start': ({ expected, got }) =>
      expected === undefined
        ? 'Every coordinate of the start point must be a finite number.'
        : `The start point needs ${n(expected, { one: 'coordinate', other: 'coordinates' })}, one per parameter; got ${got}.`,
    'optim/bad-steps': ({ value, max }) => `The number of steps must be a whole number from 0 to ${max}; got ${value}.`,
    'optim/bad-tolerance': ({ value }) => `The tolerance must be zero or a positive, finite number; got ${value}.`,
    'optim/undefined-at-start': ({ point, f }) =>
      `The function or its gradient is undefined at the start point ${point} (f = ${f}); choose another start.`,
    'optim/no-hessian': ({ optimizer }) => `${OPTIM_EN.names[optimizer]} needs the Hessian.`,
    'optim/unknown-dataset': ({ name }) => `There is no built-in data set '${name}'.`,
    'optim/bad-data': ({ maxRows, row, columns }) =>
      row === undefined
        ? `The data need at least one column and between 1 and ${maxRows} rows.`
        : `Row ${row + 1} must hold ${columns?.length ?? 0} finite numbers (${(columns ?? []).join(', ')}).`,
    'optim/no-parameters': () => 'The function has no parameters to optimise.',
    'optim/parameter-is-data': ({ name, what }) =>
      `'${name}' is both a variable to optimise and ${what === 'constant' ? 'a constant with a given value' : 'a data column'}.`,
    'optim/unknown-variable': ({ names, params }) =>
      `The function uses ${names.join(', ')}, which ${names.length === 1 ? 'is' : 'are'} neither a variable optimised (${params.join(', ')}) nor a data column; list ${names.length === 1 ? 'it' : 'them'} among the variables, or give ${names.length === 1 ? 'it a value as a constant' : 'them values as constants'} (at: ${names.map((n) => `${n}=1`).join(', ')}).`,
    'optim/bad-setting': ({ name, min, max, value }) =>
      `${name} must be a whole number from ${min} to ${max}; got ${value}.`,
    'optim/too-many-steps': (p) =>
      'rowsPerStep' in p
        ? `With these data each step evaluates ${p.rowsPerStep} rows; at most ${p.most} steps fit the budget of ${p.budget.toLocaleString('en')} row evaluations, got ${p.steps}. Use fewer steps, epochs or rows, or a smaller batch.`
        : `At most ${p.maxTex} steps are written out with TeX; got ${p.steps}. Ask for the numbers only (${p.off ?? 'tex: false'}) to run up to ${p.max}.`,
    'optim/unknown-optimizer': ({ name, known }) =>
      `Unknown optimizer '${name}'. Choose one of: ${known.join(', ')} (or sgd).`,
    'optim/unknown-convention': ({ name }) => `Unknown convention '${name}': use textbook, pytorch or keras.`,
  },
  settings: {
    optimizer: 'the optimizer',
    lr: "learning rate ε (Newton's method: default 1)",
    start: 'the start point, one number per variable',
    vars: 'the variables optimised, in the order of the start point',
    at: "the values of the function's other names, held constant (a t^2 + b t with a=1,b=-2)",
    steps: 'number of steps (default 10; with data, epochs × batches per epoch)',
    convention: "whose formulas: textbook (default, the lesson's), pytorch or keras",
    tol: "stop once the gradient's length is at most t",
    data: 'SGD over a built-in data set (line, logistic); the expression is the per-sample loss',
    batchSize: 'rows per mini-batch (with data; default 4)',
    epochs: 'passes over the data (default 1)',
    seed: 'seed of the shuffling (default 1)',
  },
  names: {
    gd: 'Gradient descent',
    momentum: 'Momentum',
    nesterov: 'Nesterov momentum',
    adagrad: 'Adagrad',
    rmsprop: 'RMSProp',
    adam: 'Adam',
    'gd-halving': 'Gradient descent with step halving',
    newton: 'Newton’s method',
  },
  hyper: {
    alpha: 'momentum',
    rho: 'decay rate',
    rho1: 'first-moment decay rate',
    rho2: 'second-moment decay rate',
    delta: 'small constant for numerical stability',
    initialAccumulator: 'initial accumulator value',
    armijo: 'sufficient-decrease constant of the Armijo condition',
  },
  ranges: {
    unit: 'in [0, 1)',
    'open-unit': 'in (0, 1)',
    positive: 'positive and finite',
    nonnegative: 'zero or more, and finite',
  },
  conventions: { textbook: 'textbook', pytorch: 'PyTorch', keras: 'Keras' },
  status: {
    'max-steps': 'ran every step asked for',
    converged: 'converged',
    diverged: 'diverged',
    stopped: 'stopped',
  },
  summaries: {
    gd: 'Step against the gradient with a constant learning rate.',
    momentum: 'Accumulate a velocity from recent gradients and move with it.',
    nesterov: 'Momentum with the gradient taken where the velocity is about to carry you.',
    adagrad: 'Scale each coordinate’s rate by the inverse root of its accumulated squared gradients.',
    rmsprop: 'Like Adagrad, but with an exponentially decaying (short-term) average of squared gradients.',
    adam: 'Momentum on the gradient and RMSProp on its square, both bias-corrected.',
    'gd-halving':
      'If a step would not lower the loss enough (the Armijo condition), halve ε and try again; the smaller ε is kept.',
    newton: 'Step to the minimum of the local quadratic model: w ← w − H⁻¹∇f.',
  },
  states: {
    velocity: 'velocity',
    momentumBuffer: 'momentum buffer',
    squaredGradient: 'accumulated squared gradient',
    firstMoment: 'first moment estimate',
    secondMoment: 'second moment estimate',
    rateInUse: 'learning rate in use',
  },
  datasets: { line: 'Noisy line y ≈ 2x + 1 (20 rows)', logistic: 'Two classes on a line (16 rows)' },
  run: {
    converged: ({ k, tol }) => `Converged at step ${k}: the gradient’s length is at most ${tol}.`,
    overflow: ({ k, state, gradient }) =>
      `Stopped at step ${k}: the ${state} overflowed to infinity (the gradient is about ${gradient}, and g⊙g exceeds the largest floating-point number, about 1.8e+308), so every later step would be 0 and w would stop moving. Start nearer the minimum, or scale f down.`,
    corner: ({ k, point, f, minimum }) =>
      minimum
        ? `Reached a minimum at step ${k}: w^(${k}) = ${point} is a corner of f (f = ${f}), where the gradient is undefined, and f is no lower nearby.`
        : `Stopped at step ${k}: the gradient is undefined at w^(${k}) = ${point} (a corner or cusp of f, where f = ${f}), so there is no direction to step in.`,
    rising: ({ steps, start, k, from, to, newton, lr, smaller }) =>
      `The loss has risen for ${steps} steps in a row (from ${from} at step ${start} to ${to} at step ${k}): ${
        newton
          ? "Newton's method is heading for a maximum or a saddle point, where the Hessian is not positive definite."
          : `the run is diverging. The learning rate ε = ${lr} is probably too large; try a smaller one (for example ${smaller}).`
      }`,
    diverged: ({ k, why, kind, point, bound, advice, lr, smaller }) => {
      const nan = kind === 'nan';
      const what = {
        gradient: `the gradient at w^(${k}) = ${point} is ${nan ? 'undefined (NaN)' : 'infinite'}`,
        point: `w^(${k}) = ${point} is ${nan ? 'undefined (NaN)' : 'infinite (overflow)'}`,
        loss: `f(w^(${k})) at w^(${k}) = ${point} is ${nan ? 'undefined (NaN): the step left the domain or overflowed' : 'infinite (overflow)'}`,
        growth: `the loss f(w^(${k})) grew past ${bound} times its starting value`,
      }[why];
      const then = {
        'no-minimum':
          'The loss kept falling without bound, so f has no minimum in this direction; no learning rate will make the run converge.',
        newton:
          "Newton's method went astray (a nearly singular or indefinite Hessian); try another start, or gradient descent.",
        rate: `Try a smaller learning rate than ε = ${lr} (for example ${smaller}).`,
      }[advice];
      return `Diverged at step ${k}: ${what}. ${then}`;
    },
    halve: ({ rate, from, to, bound }) =>
      `With ε = ${rate} the loss would go from ${from} to ${to}, not below ${bound} (= f − c·ε‖∇f‖²): halve ε.`,
    noDecrease: ({ halvings, eps }) =>
      eps === undefined
        ? `No step along −∇f lowers the loss enough even after ${halvings} halvings of ε: the point is (numerically) stationary.`
        : `No step along −∇f lowers the loss enough even after ${halvings} halvings of ε (now ${eps}): the learning rate is far too large; start with a smaller one.`,
    singular: ({ k }) =>
      `The Hessian at step ${k} is singular, so H⁻¹∇f does not exist; Newton's method stops here. Try gradient descent, or another start.`,
    indefinite: ({ k }) =>
      `The Hessian at step ${k} is not positive definite: the Newton step heads for a saddle point or a maximum, not necessarily downhill.`,
  },
};
