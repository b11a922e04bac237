/** The command line's words in English. The shape is `CliMessages` (src/i18n/cli.ts). */

import type { CliMessages } from './cli.js';
import { plural } from './plural.js';

const n = (count: number, forms: { one: string; other: string }) => `${count} ${plural('en', count, forms)}`;
/** A verdict counted in `check --file`'s summary: `3 correct`, `1 unreadable answer`, `2 unreadable answers`. */
const SUMMARY_VERDICTS: Record<keyof CliMessages['verdicts'], { one: string; other: string }> = {
  correct: { one: 'correct', other: 'correct' },
  'correct-unsimplified': { one: 'unsimplified', other: 'unsimplified' },
  incorrect: { one: 'incorrect', other: 'incorrect' },
  'invalid-answer': { one: 'unreadable answer', other: 'unreadable answers' },
  unevaluated: { one: 'unevaluated', other: 'unevaluated' },
  undecided: { one: 'undecided', other: 'undecided' },
  'out-of-range': { one: 'out of range', other: 'out of range' },
  'invalid-problem': { one: 'unreadable problem', other: 'unreadable problems' },
};

export const CLI_EN: CliMessages = {
  errors: {
    'cli/bad-option': ({ option, value }) => `--${option} ${value}: expected a number.`,
    'cli/missing-option': ({ option }) => `--${option} is required.`,
    'cli/unknown-command': ({ command }) => `unknown command '${command}'. Run 'gradstep --help' for the list.`,
    'cli/unknown-option': ({ option }) => `unknown option --${option}`,
    'cli/takes-no-value': ({ option }) => `--${option} takes no value`,
    'cli/needs-value': ({ option }) => `option --${option} needs a value`,
    'cli/unknown-language': ({ lang, known }) => `unknown language --lang ${lang} (use ${known.join(', ')})`,
    'cli/conflicting-flags': ({ first, second }) => `--${first} and --${second} ask for opposite things: give one`,
    'cli/missing-expression': () => 'missing the expression',
  },
  // The one-row forms are the verdict words of `check`'s result lines.
  verdicts: Object.fromEntries(
    Object.entries(SUMMARY_VERDICTS).map(([verdict, forms]) => [verdict, forms.one]),
  ) as CliMessages['verdicts'],
  labels: {
    expected: 'expected',
    answer: 'answer',
    at: 'at',
    mistake: 'mistake',
    characters: 'characters',
    read: 'read',
    text: 'text',
    tex: 'tex',
    vars: 'vars',
    params: 'params',
    none: '(none)',
  },
  summary: ({ rows, verdicts }) =>
    `${n(rows, { one: 'row', other: 'rows' })}: ${verdicts.map(({ verdict, count }) => n(count, SUMMARY_VERDICTS[verdict])).join(', ')}`,
  where: ({ start, end }) => ` (at ${start}–${end})`,
  help: {
    tagline: ({ version }) =>
      `gradstep ${version} — derivatives that show their work, answer checking and optimizers, in the terminal`,
    headings: { usage: 'Usage', commands: 'Commands', options: 'Options', examples: 'Examples' },
    placeholders: {
      expr: 'expr',
      problem: 'problem',
      answer: 'answer',
      command: 'command',
      options: 'options',
      csv: 'answers.csv',
      path: 'path',
    },
    global: {
      help: "show this help (or a command's: gradstep <command> --help)",
      version: 'print the version',
      lang: 'the language of the help and the messages',
    },
    setting: ({ what, defaults, aliases }) =>
      `${what}${defaults ? `; default ${defaults}` : ''}${aliases.length ? ` (also ${aliases.join(', ')})` : ''}`,
    choice: ({ what, values, aliases }) =>
      `${what}: ${values.join(', ')}${aliases.length ? ` (${aliases.map(([a, b]) => `${a} = ${b}`).join(', ')})` : ''}`,
    exit: ({ statuses }) => `Exit status: ${statuses.map(([code, what]) => `${code} ${what}`).join(', ')}.`,
    commands: {
      parse: {
        summary: 'show how an expression is read: normalised text, TeX, notes',
        about:
          'Shows how gradstep reads an expression: the normalised text, the TeX, and how\nthe input was read (implicit products, functions without parentheses, …).',
        options: {
          vars: 'the variables (default: every single letter is a variable); with them, other names are parameters',
          json: 'print the result (or the error) as JSON',
          lang: 'language of messages (default: en)',
        },
      },
      diff: {
        summary: 'differentiate an expression, showing every step',
        about: 'Differentiates the expression and shows every step (sum, product, quotient and chain rules, …).',
        options: {
          wrt: 'the variable to differentiate by (default: the only variable, or x)',
          order: '1 for f′ (default), 2 for f″, … up to 10',
          vars: "the variables (so 'xy' reads as x·y); any other name is a parameter, held constant",
          params: "names to read as parameters (constant symbols), also longer ones such as 'rate'",
          detail: 'full (every step), normal (default), brief (chain, product, quotient, simplify)',
          lang: 'language of the step names and prose',
          output: 'the whole derivation as JSON; --tex: the aligned TeX chain; --text (default)',
        },
      },
      grad: {
        summary: 'gradient (and Hessian) with the partial derivatives worked out',
        about: 'Every partial derivative with its steps (the other variables held constant), and the gradient ∇f.',
        options: {
          vars: 'the variables, in order (default: the free variables, sorted); any other name is a parameter',
          params: 'names to read as parameters (constant symbols), held constant in every partial',
          hessian: 'also the matrix of second partials',
          lang: 'language of the step names and prose',
          output: 'JSON { vars, partials, gradient, hessian? }; --tex: ∇f (and H) in TeX; --text (default)',
        },
      },
      check: {
        summary: 'check a derivative: verdict, likely mistake and a counterexample',
        about:
          'Checks a derivative: correct, correct but not simplified, or incorrect — with the likely\nmistake, the step of the derivation where it happens, and a point where the two differ.',
        options: {
          wrt: 'the variable to differentiate by (default: the only variable, or x)',
          vars: "the variables (so 'xy' reads as x·y); any other name is a parameter, held constant",
          params: "names to read as parameters (constant symbols), also longer ones such as 'rate'",
          order: '1 for f′ (default), 2 for f″, …',
          lang: 'language of the messages',
          json: 'the result as JSON',
          file: 'a CSV with the columns problem, wrt, answer (header row first)',
        },
        exit: { correct: 'correct', incorrect: 'incorrect', unreadable: 'unreadable input' },
      },
      optimize: {
        summary: 'run an optimizer (GD, Momentum, Nesterov, Adagrad, RMSProp, Adam, Newton) on the derived gradient',
        about: 'Runs an optimizer on the gradient that gradstep derives, and shows every step.',
        options: {
          lang: 'the language of the messages',
          json: 'the trace as JSON (with the TeX of every step; --no-tex: the numbers only,\nfor runs longer than 2,000 steps)',
          tex: 'the TeX of every step; --table: k, w, f(w), |g|',
        },
        exit: { done: 'done (also when the run diverged: see the last line)', bad: 'bad input' },
      },
      graph: {
        summary: 'backpropagation on the computation graph: values, adjoints, local derivatives',
        about:
          "Backpropagation: the expression as a computation graph, each node's value (forward pass) and\nadjoint ∂L/∂node (backward pass), each edge's local derivative as a formula and a number, and\nthe gradient read off the parameters.",
        options: {
          at: 'a value for every variable (parameters and data)',
          params: 'the parameters the gradient is taken by (default: every variable)',
          lang: 'language of the headings',
          table: 'nodes, edges and the gradient as text (default)',
          dot: 'Graphviz DOT, values and adjoints in the labels: gradstep graph … --dot | dot -Tsvg > graph.svg',
          json: 'JSON { nodes, edges, gradient, value }',
        },
      },
    },
  },
  optimize: {
    heading: ({ name, convention, settings }) => `${name} (${convention}), ${settings}`,
    held: ({ values }) => `held constant: ${values}`,
    batch: ({ rows }) => `rows ${rows.join(', ')}`,
    warning: ({ step, message }) => `warning (step ${step}): ${message}`,
    status: ({ status, message }) => (message === undefined ? status : `${status}: ${message}`),
  },
};
