/** English: every string gradstep shows. The shape is `Messages` (src/i18n/messages.ts). */

import { FUNCTION_NAMES } from '../expr/functions.js';
import type { Messages } from './messages.js';
import { plural } from './plural.js';
import { RULES_EN } from './rules.en.js';

const n = (count: number, forms: { one: string; other: string }) => `${count} ${plural('en', count, forms)}`;
const quoted = (names: readonly string[]) => names.map((x) => `'${x}'`).join(', ');
const capital = (s: string) => s.replace(/^./, (c) => c.toUpperCase());
/** `x is` / `x, y are`. */
const isAre = (names: readonly string[]) => `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'}`;

const ALLOWED = 'an expression may use only numbers, variables, e, π, + − × ÷ ^, parentheses and functions';
/** The functions gradstep knows: the names of the function table. */
const FUNCTIONS = `${FUNCTION_NAMES.slice(0, -1).join(', ')} and ${FUNCTION_NAMES.at(-1)}`;

/** The rule table's words: written by the engine in rules.en.ts. */
const rules = RULES_EN;

export const en: Messages = {
  tag: 'en',
  name: 'English',

  errors: {
    'parse/not-text': () => 'The expression must be text.',
    'parse/empty': () => 'The expression is empty: type a formula such as 3x^2 + 1.',
    'parse/too-long': ({ length, max }) =>
      `The expression is too long: ${n(length, { one: 'character', other: 'characters' })}, at most ${max} are allowed.`,
    'parse/too-deep': ({ max }) => `The expression is nested too deeply: at most ${max} levels are allowed.`,
    'parse/too-many-nodes': ({ max }) =>
      `The expression is too large: at most ${max} numbers, variables and operations are allowed.`,
    'parse/unexpected': ({ kind, near }) =>
      ({
        character: `Unexpected character '${near}'.`,
        end: 'The expression ends too early: something is missing at the end.',
        value: `A number, variable or parenthesis is expected before '${near}'.`,
        paren: `A ')' is expected before '${near}'.`,
        operator: `Unexpected '${near}'.`,
        other: `The expression cannot be read at '${near}'.`,
      })[kind],
    'parse/not-allowed': ({ construct, detail }) =>
      capital(`${en.constructs[construct]}${detail === undefined ? '' : ` '${detail}'`} is not allowed: ${ALLOWED}.`),
    'parse/unbalanced': ({ opener, closer }) =>
      opener === undefined
        ? `'${closer}' has no matching opening parenthesis.`
        : `'${opener}' is not closed: a '${closer}' is missing.`,
    'parse/unknown-name': ({ unknown, word, declared }) => {
      const whole = unknown.length === 1 && unknown[0] === word;
      const hint =
        declared === undefined
          ? "variables are single letters (write a product as a*b) unless you declare longer names such as 'w1' or 'x_1'"
          : declared.length === 0
            ? 'no variables are declared'
            : `the variables are ${declared.join(', ')}`;
      return `Unknown ${plural('en', unknown.length, { one: 'name', other: 'names' })} ${quoted(unknown)}${whole ? '' : ` in '${word}'`}: ${hint}.`;
    },
    'parse/unknown-function': ({ name, inverse }) =>
      inverse
        ? `'${name}^-1' (the inverse of ${name}) is not a function gradstep knows; for the reciprocal write 1/${name}(x).`
        : `Unknown function '${name}': gradstep knows ${FUNCTIONS}.`,
    'parse/missing-argument': ({ name }) => `'${name}' needs an argument, as in ${name}(x).`,
    'parse/arity': ({ name, expected, got }) =>
      `'${name}' takes ${expected === 'one' ? 'one argument' : 'one or two arguments'}, but ${got} ${plural('en', got, { one: 'was', other: 'were' })} given.`,
    'parse/bad-variable': ({ name, why }) =>
      `'${name}' cannot be a variable: ${
        {
          syntax: 'a variable name is a letter followed by letters, digits or _ (or a Greek letter)',
          reserved: 'it is a reserved word',
          function: 'it is the name of a function',
          constant: "it is the constant π; only 'e' may be declared as a variable",
        }[why]
      }.`,
    'parse/internal': () => 'The expression could not be read (an internal check failed).',
    'calculus/unknown-function': ({ name }) => `gradstep does not know how to differentiate the function '${name}'.`,
    'calculus/bad-option': ({ option, value }) => `Invalid ${option}: ${value}.`,
    'calculus/domain': ({ base }) =>
      `A negative base (${base}) raised to a varying power is not a real function: it is real only at some rational exponents. Write it with a positive base, e.g. (-1)^n·2^x for (-2)^x at whole n.`,
    'calculus/too-large': ({ nodes, ms }) =>
      `The expression is too large to differentiate step by step (over ${nodes.toLocaleString('en')} nodes or ${ms} ms).`,
    'compile/unknown-variable': ({ name, vars }) =>
      `The expression uses '${name}', which is not one of its variables (${vars.length ? vars.join(', ') : 'none'}).`,
    'compile/bad-node': ({ what }) => `Cannot compile ${what}.`,
    'compile/too-deep': ({ max }) => `The expression is nested too deeply to compile (more than ${max} levels).`,
    'compile/duplicate-variable': ({ name }) => `The variable '${name}' is listed twice.`,
    'compile/bad-number': () => 'The expression contains a number node whose value is not a number.',
    'compile/wrong-arity': ({ what, expected, got }) =>
      what === 'coordinates'
        ? `Expected a point with ${n(expected, { one: 'coordinate', other: 'coordinates' })}, got ${got}.`
        : `Expected ${n(expected, { one: 'column', other: 'columns' })}, one per variable, got ${got}.`,
    'compile/ragged-columns': () => 'All columns must have the same length.',
    'compile/short-output': ({ have, need }) =>
      `The output array holds ${n(have, { one: 'value', other: 'values' })} but ${need} are needed.`,
    'print/too-deep': () => 'The expression is nested too deeply to work with.',
    'simplify/too-deep': () => 'The expression is nested too deeply to work with.',
    'expr/bad-tree': ({ what }) => `Not an expression tree: ${what}.`,
    'expr/undefined-everywhere': ({ part }) =>
      `The part ${part} has no real value, so the expression is undefined for every value of its variables.`,
    'check/unreadable-derivative': ({ near }) =>
      `This derivative notation could not be read (${near === undefined ? 'unbalanced parentheses before the prime' : `'${near}'`}). Write d/dx(…) with brackets, or (…)'.`,
    'check/too-many-lines': ({ count, max }) => `Too many lines (${count}); at most ${max} are checked.`,
    'check/line-too-long': ({ length, max }) =>
      `The line is too long (${n(length, { one: 'character', other: 'characters' })}; at most ${max}).`,
    'check/unknown-variable': ({ name }) => `'${name}' is not a variable of the problem.`,
    'check/file': ({ path }) => `Cannot read the file '${path}'.`,
    'check/file-too-large': ({ max }) => `The file is too large: more than ${max.toLocaleString('en')} bytes.`,
    'check/csv-columns': () => 'The CSV needs a header row with the columns problem, wrt and answer.',
    'check/csv-too-long': ({ count, max }) => `Too many rows (${count}); at most ${max}.`,
    'graph/too-large': ({ max }) => `The expression is too large to draw as a graph (at most ${max} nodes).`,
    'graph/bad-param': ({ name }) => `Invalid parameter: ${name}.`,
    'graph/missing-value': ({ name }) => `No value was given for ${name}.`,
    'graph/bad-output': ({ id }) => `There is no node ${id}.`,
    'graph/not-built': () => 'Build the graph with buildGraph first.',
    'graph/bad-point': ({ text }) => `${text}: expected name=number pairs separated by commas (w=0.5, x=2).`,
  },

  constructs: {
    string: 'text in quotes',
    brackets: 'square brackets (matrices and indexing)',
    braces: 'braces (objects)',
    assignment: "'=' (assignments and equations)",
    comparison: 'a comparison',
    accessor: "property access with '.'",
    factorial: "the factorial '!'",
    percent: "'%' (percent and remainder)",
    range: "a range with ':'",
    conditional: "a conditional with '?'",
    block: "several expressions separated by ';'",
    'function-definition': 'a function definition',
    indexing: 'indexing',
    object: 'an object',
    matrix: 'a matrix',
    unit: 'a unit',
    logical: 'a logical operator',
    operator: 'this operator',
  },

  notes: {
    'implicit-function-call': ({ typed, reading }) => `read '${typed}' as ${reading}`,
    'function-power': ({ typed, reading, name }) =>
      `read '${typed}' as ${reading}: the power applies to the value of ${name}`,
    'inverse-function': ({ typed, inverse, name }) =>
      `read '${typed}' as the inverse function ${inverse}, not 1/${name}`,
    'split-name': ({ word, reading }) => `read '${word}' as ${reading}`,
    'natural-log': () => "read 'log' as the natural logarithm ln; write log10 for base 10",
    'product-after-division': ({ shown, left, right }) =>
      `read '${shown}' as (${left})·${right}: only what follows '/' directly is divided; write /(…) to divide by a product`,
    'product-after-power': ({ shown, left, right }) =>
      `read '${shown}' as (${left})·${right}: the exponent ends before '${right}'; write ^(…) for a longer exponent`,
    'product-after-root': ({ shown, left, right, radicand }) =>
      `read '${shown}' as (${left})·${right}: the root covers only '${radicand}'; write √(…) for a longer radicand`,
    'scientific-notation': ({ text, mantissa, power }) =>
      `read '${text}' as ${mantissa}·10^${power} (scientific notation); write ${mantissa}*e for a product with e`,
  },

  rules,

  derivation: {
    held: ({ names }) => `${names.join(', ')} held constant`,
    letWord: 'let',
    order: ({ k }) => `Order ${k}:`,
    answer: 'Answer',
    assuming: ({ bases }) => `assuming ${bases.map((b) => `${b} > 0`).join(', ')}`,
    assumption: ({ bases }) =>
      `Assuming ${bases.map((b) => `${b} > 0`).join(' and ')}: a base raised to a varying power is a real function, with derivative aᵘ·ln a, only when the base a is positive.`,
  },

  mistakes: {
    'chain-factor-missing': ({ expr, inner, detail }) =>
      `The chain-rule factor is missing: after differentiating the outer function of ${expr}, multiply by the derivative of the inner function ${inner}, which is ${detail}.`,
    'product-as-product-of-derivatives': ({ expr }) =>
      `The derivative of the product ${expr} was taken as the product of the derivatives. The product rule is (fg)′ = f′g + fg′.`,
    'product-term-dropped': ({ expr, detail }) =>
      `A term of the product rule is missing in the derivative of ${expr}: ${detail}. Differentiate each factor in turn, keep the others, and add all the terms.`,
    'quotient-sign-reversed': ({ expr }) =>
      `The numerator of the quotient rule has its sign reversed for ${expr}: it is f′g − fg′, not fg′ − f′g.`,
    'quotient-as-ratio-of-derivatives': ({ expr }) =>
      `The derivative of the quotient ${expr} was taken as f′/g′. The quotient rule is (f/g)′ = (f′g − fg′)/g².`,
    'power-rule-on-exponential': ({ expr }) =>
      `The power rule was applied to the exponential ${expr}. The variable is in the exponent, so (aᵘ)′ = aᵘ·ln a·u′ (and (eᵘ)′ = eᵘ·u′), not u·a^(u−1).`,
    'power-rule-on-variable-exponent': ({ expr }) =>
      `The power rule was applied to ${expr}, but both the base and the exponent vary. Use logarithmic differentiation: (f^g)′ = f^g·(g·ln f)′.`,
    'term-dropped': ({ expr, detail }) => `A term is missing: the derivative of ${expr}, which is ${detail}.`,
    'trig-sign-error': ({ expr, ruleProse }) => `Sign error in the derivative of ${expr}. ${ruleProse}`,
    'total-instead-of-partial': ({ expr, wrt, others }) => {
      const one = others.length === 1;
      return `This is the partial derivative of ${expr} with respect to ${wrt}: ${isAre(others)} held constant, so ${one ? 'its' : 'their'} derivative is 0. The answer treats ${others.join(', ')} as if ${one ? 'it changed' : 'they changed'} with ${wrt}.`;
    },
    'constant-kept': ({ expr, wrt, held }) =>
      held
        ? `${expr} does not contain ${wrt}, so in the partial derivative it is a constant and its derivative is 0; it was kept instead.`
        : `The constant ${expr} was kept, but the derivative of a constant is 0.`,
  },

  unsimplified: {
    'numeric-factors': 'numbers in a product are not multiplied out',
    'numeric-terms': 'numbers in a sum are not added up',
    'identity-element': 'a + 0, a factor 1 or an exponent 1 is still written',
    'like-terms': 'like terms are not collected',
    'like-factors': 'like factors are not combined',
    'foldable-constant': 'a constant can still be evaluated',
    'double-negation': 'a double minus is left in',
  },

  simplified: {
    label: 'What the simplification did',
    did: {
      'numeric-factors': 'multiplied the numbers in a product',
      'numeric-terms': 'added up the numbers in a sum',
      'identity-element': 'dropped + 0, factors 1 and exponents 1',
      'like-terms': 'collected like terms',
      'like-factors': 'combined like factors',
      'foldable-constant': 'evaluated the constants',
      'double-negation': 'removed a double minus',
    },
    rewrote: 'rewrote the result in a tidier equivalent form',
    join: (items) => {
      const text = items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    },
  },

  forms: {
    textbook: 'textbook form',
    smallest: 'shortest form',
    factored: 'factored form',
    'common-denominator': 'common-denominator form',
    expanded: 'expanded form',
  },

  verdicts: {
    correct: ({ form }) => (form ? `Correct. Your answer is in the ${form}.` : 'Correct.'),
    unsimplified: ({ reason, expected }) => `Correct, but not simplified: ${reason}. Simplified: ${expected}.`,
    incorrect: ({ at, expected, answer }) =>
      answer === null
        ? `Not correct: at ${at} the derivative is ${expected}, but your answer is undefined there.`
        : `Not correct: at ${at} the derivative is ${expected}, but your answer gives ${answer}.`,
    sameAsProblem: () => 'Your answer is the original function itself, not its derivative.',
    invalid: ({ error }) => `Your answer could not be read: ${error}`,
    unknownVariable: ({ name, vars }) =>
      `Your answer uses '${name}', which is not a variable of the problem (${vars.join(', ')}).`,
    unevaluated: ({ found }) =>
      `Your answer still contains a derivative (${found}). Carry out the differentiation and write the result.`,
    undecided: ({ points }) =>
      `Could not decide: the derivative is defined at too few sample points (${points}) to compare.`,
    outOfRange: () =>
      'Cannot decide at these magnitudes: the values here leave what floating point holds (about 5e-324 to 1.8e+308), so the answer cannot be compared numerically. It is not marked wrong.',
    join: (first, second) => `${first} ${second}`,
    undefinedValue: 'undefined',
    diagnosisSkipped: '(Diagnosis skipped: finding the likely mistake would take longer than the checker allows.)',
  },

  lines: {
    unreadable: ({ line, error }) => `Line ${line} could not be read: ${error}`,
    undecided: ({ line }) => `Line ${line} could not be compared: the derivative is defined at too few sample points.`,
    outOfRange: ({ line }) =>
      `Line ${line} cannot be decided at these magnitudes: the values leave what floating point holds (about 5e-324 to 1.8e+308), so it cannot be compared numerically. It is not marked wrong; the lines after it are not checked.`,
    notDerivative: ({ line, at, expected, got }) =>
      `Line ${line} is not the derivative: at ${at} the derivative is ${expected}, but this line gives ${got}.`,
    notFollowing: ({ line, previous, at, expected, got }) =>
      `Line ${line} does not follow from line ${previous}: at ${at} line ${previous} gives ${expected}, but this line gives ${got}.`,
    none: () => 'There are no lines to check.',
    broken: ({ line }) => `Line ${line} breaks the work.`,
    unfinished: () => 'Every line follows, but the last line still holds a derivative: finish the differentiation.',
    unsimplified: ({ expected }) =>
      `Every line follows and the result is right, but the last line is not simplified: ${expected}.`,
    correct: () => 'Every line follows, and the last line is the derivative.',
  },

  ui: {
    readAs: 'Read as',
    alsoWrittenAs: 'Also written as',
    steps: 'Steps',
    generalFormula: 'General formula',
    heldConstant: 'held constant',
    assumed: 'assumed',
    tangentAt: 'Tangent at',
    slope: 'slope',
    plotOf: 'Plot of f and its derivative',
    editExpression: 'Function to differentiate',
    gradient: 'Gradient',
    hessian: 'Hessian',
    partialWrt: 'Partial derivative with respect to',
    check: 'Check',
    yourAnswer: 'Your answer',
    showSolution: 'Show the worked solution',
    expected: 'Expected',
    counterexample: 'Where they differ',
    correct: 'Correct!',
    correctUnsimplified: 'Correct, but not simplified.',
    incorrect: 'Not quite.',
    unevaluated: 'The answer still contains a derivative to take.',
    invalid: 'This answer could not be read.',
    answerRequired: 'Enter an answer.',
    previous: 'Previous step',
    next: 'Next step',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset',
    step: 'Step',
    iteration: 'Iteration',
    history: 'History',
    loss: 'Loss',
    updateRule: 'Update rule',
    withNumbers: 'With the numbers',
    gradientAt: 'Gradient at the current point',
    constantsLabel: 'Held constant',
    batch: 'Mini-batch rows',
    data: 'Data',
    row: 'Row',
    inBatch: 'in this mini-batch',
    epoch: 'epoch',
    lossPerStep: 'Loss per step',
    scrollRegion: 'Wide formula, scrolls sideways',
    keyboardHint: 'Keys: ← previous, → next, space play/pause',
    internalError: 'Something went wrong inside gradstep.',
    rotateHint: 'Drag or use the arrow keys to rotate',
    surfaceOf: 'Surface of',
    colourScale: 'Colour scale of z',
    dataPlot: 'Data and the fitted model',
    dataRows: 'rows',
    dataBatch: 'rows in this step’s batch',
    modelAtStep: 'model at step',
  },

  graph: {
    node: 'node',
    operation: 'operation',
    value: 'value',
    adjoint: 'adjoint',
    edge: 'edge',
    local: 'local derivative',
    gradient: 'gradient',
    param: 'parameter',
    data: 'data',
    constant: 'constant',
    graph: 'Computation graph',
    legend:
      'Each box: the node and its operation, its value (forward pass), ∂ its adjoint ∂L/∂node (backward pass). Edges: the local derivative.',
    start: 'The inputs hold their values. Step forward to compute each node.',
    forward: 'Forward pass',
    backward: 'Backward pass',
    where: 'with',
    seed: 'The output’s adjoint is 1.',
    chain: 'Chain rule along every path to the output',
    sumParents: 'Chain rule: sum over the parents',
    locals: 'Local derivatives used',
    backprop: 'Gradient by backpropagation',
    symbolic: 'Symbolic gradient (as gs-gradient derives it), at the point',
    agree: 'The two agree.',
    disagree: 'The two differ.',
    descend: 'One gradient-descent step',
    loss: 'Loss',
    table: 'The graph as a table',
    nodeHeader: 'Node',
    operationHeader: 'Operation',
    valueHeader: 'Value',
    adjointHeader: 'Adjoint',
    edgeHeader: 'Edge',
    localHeader: 'Local derivative',
  },

  limits: {
    notNumber: ({ attr, value }) => `${attr}="${value}" is not a number.`,
    notFinite: ({ attr, value }) => `${attr}="${value}" is not a finite number.`,
    range: ({ attr, value, min, max }) => `${attr}="${value}" is outside the range ${min} to ${max}.`,
    integer: ({ attr, value, min, max }) => `${attr}="${value}" must be a whole number from ${min} to ${max}.`,
    tooLong: ({ attr, length, most }) => `${attr} is too long (${length} characters; at most ${most}).`,
    tooMany: ({ attr, length, most }) => `${attr} has too many values (${length}; at most ${most}).`,
    order: ({ attr, value }) => `${attr}="${value}": each lower end must be below its upper end.`,
    ignored: 'The default is used instead.',
    raceBudget: ({ runs, steps, perRun, budget }) =>
      `${runs} runs of ${steps} steps exceed the budget of ${budget} steps for a race; each run stops after ${perRun} steps.`,
    hints: {
      expr: 'Nothing to show yet: give the element an expression in expr (for example expr="x^2").',
      problem: 'No problem set: give the element a function in problem (for example problem="x^2").',
      optimizers: 'No runs to race: list optimizers (for example optimizers="gd,adam") or values to vary.',
    },
  },

  typeset: {
    tooLong: ({ length }) => `Too long to typeset (${length} characters of TeX); shown as text.`,
    budget: 'This derivation is too large to typeset in full; the rest is shown as text.',
  },
};
