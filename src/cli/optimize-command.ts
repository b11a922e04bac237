// `gradstep optimize "<expr>" --optimizer adam --lr 0.1 --start 4,4`: runs an optimizer on the
// derived gradient and prints the path, a table, the TeX of every step, or JSON.
import { GradstepError } from '../errors.js';
import { type Lang, messagesFor } from '../i18n/index.js';
import { type OptimizeOptions, optimize, type Trace } from '../optim/optimize.js';
import { OPTIMIZER_IDS } from '../optim/optimizers.js';
import type { Convention, HyperId } from '../optim/types.js';
import { formatNumber } from '../util/format.js';
import { langOption, parseArgs, reportError, splitVars } from './args.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

const USAGE = `Usage: gradstep optimize "<expr>" --optimizer <id> --lr <ε> --start <a[,b,…]> [--vars x,y] [--steps N]
       [--convention textbook|pytorch|keras] [--momentum α] [--rho ρ] [--beta1 ρ₁] [--beta2 ρ₂] [--delta δ]
       [--tol t] [--data line|logistic --batch-size B --epochs E --seed S] [--lang en|ko] [--json|--tex|--table]

Runs an optimizer on the gradient that gradstep derives, and shows every step.
  --optimizer id   ${OPTIMIZER_IDS.join(', ')} (sgd = gd)
  --lr ε           learning rate (Newton's method: default 1)
  --start a,b      the start point, one number per parameter
  --vars x,y       the parameters, in the order of --start (default: the variables, sorted)
  --steps N        number of steps (default 10; with --data, epochs × batches)
  --convention     textbook (default, the lesson's formulas), pytorch or keras
  --momentum α     momentum (momentum, nesterov; default 0.9)
  --rho ρ          RMSProp decay (default 0.9; pytorch 0.99)
  --beta1 ρ₁       Adam first-moment decay (default 0.9)
  --beta2 ρ₂       Adam second-moment decay (default 0.999)
  --delta δ        the small constant (defaults per optimizer and convention)
  --tol t          stop once the gradient's length is at most t
  --data id        SGD over a built-in data set (line, logistic); the expression is the per-sample loss
  --json           the trace as JSON; --tex: the TeX of every step; --table: k, w, f(w), |g|
Exit status: 0 done (also when the run diverged: see "status"), 2 bad input.`;

const FLAGS = ['json', 'tex', 'table'];
const KNOWN = [
  'optimizer',
  'lr',
  'start',
  'vars',
  'steps',
  'convention',
  'momentum',
  'rho',
  'beta1',
  'beta2',
  'delta',
  'tol',
  'data',
  'batch-size',
  'epochs',
  'seed',
  'lang',
];
const HYPER_FLAGS: Record<string, HyperId> = {
  momentum: 'alpha',
  rho: 'rho',
  beta1: 'rho1',
  beta2: 'rho2',
  delta: 'delta',
};

function readNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw new GradstepError('cli/bad-option', { option: name, value });
  return n;
}

function readNumbers(name: string, value: string): number[] {
  return value.split(',').map((part) => readNumber(name, part) as number);
}

/** The JSON the command prints: the issue's shape, plus the messages and formulas. */
export function traceJson(trace: Trace): Record<string, unknown> {
  return {
    optimizer: trace.optimizer,
    convention: trace.convention,
    status: trace.status,
    ...(trace.message ? { message: trace.message.en, messages: trace.message } : {}),
    lr: trace.lr,
    hyper: trace.hyper,
    vars: trace.vars,
    expr: trace.expr,
    gradient: trace.gradient,
    rule: trace.rule,
    path: trace.path,
    values: trace.values,
    steps: trace.steps.map((s) => ({
      k: s.k,
      w: s.w,
      f: s.f,
      grad: s.grad,
      gradNorm: s.gradNorm,
      gradientTex: s.gradient.tex,
      state: s.state,
      extras: s.extras,
      next: s.next,
      tex: s.tex,
      ...(s.batch ? { batch: s.batch } : {}),
      ...(s.notes.length ? { notes: s.notes } : {}),
    })),
    ...(trace.data ? { data: trace.data } : {}),
  };
}

function point(values: readonly number[]): string {
  return values.length === 1 ? formatNumber(values[0] as number) : `(${values.map((v) => formatNumber(v)).join(', ')})`;
}

function tableText(trace: Trace): string {
  const header = [
    'k',
    trace.vars.length === 1 ? (trace.vars[0] as string) : `w = (${trace.vars.join(', ')})`,
    'f(w)',
    '|g|',
  ];
  const rows = trace.path.map((w, k) => {
    const step = trace.steps[k];
    // The last point has no step of its own; its gradient is the one a next step would use.
    const norm = step ? formatNumber(step.gradNorm) : '';
    return [String(k), point(w), formatNumber(trace.values[k] as number), norm];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function statusLine(trace: Trace, lang: Lang): string {
  return trace.message
    ? `${trace.status}: ${trace.message[lang]}`
    : `${trace.status} (${messagesFor(lang).optim.status[trace.status]})`;
}

function plainText(trace: Trace, lang: Lang): string {
  const lines = [
    `${trace.name[lang]} (${trace.convention}), ε = ${formatNumber(trace.lr)}${Object.entries(trace.hyper)
      .map(([k, v]) => `, ${k} = ${formatNumber(v)}`)
      .join('')}`,
    `f = ${trace.expr.text}`,
    `∇f = (${trace.gradient.text.join(', ')})`,
  ];
  for (const s of trace.steps) {
    const batch = s.batch ? `  batch [${s.batch.rows.join(', ')}]` : '';
    lines.push(
      `k=${s.k}  w = ${point(s.w)}  f = ${formatNumber(s.f)}  g = ${point(s.grad)}  → ${point(s.next)}${batch}`,
    );
    for (const note of s.notes) lines.push(`      ${note[lang]}`);
  }
  lines.push(statusLine(trace, lang));
  return lines.join('\n');
}

function texText(trace: Trace, lang: Lang): string {
  const lines = [trace.rule, trace.gradient.formula];
  for (const s of trace.steps) lines.push('', `% k = ${s.k}`, s.gradient.tex, s.tex.substituted);
  lines.push('', `% ${statusLine(trace, lang)}`);
  return lines.join('\n');
}

export const optimizeCommand: Command = {
  summary: 'run an optimizer (GD, Momentum, Nesterov, Adagrad, RMSProp, Adam, Newton) on the derived gradient',
  usage: USAGE,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, FLAGS, KNOWN);
      // An unquoted expression arrives as several words: read them as one.
      const expr = positional.length > 0 ? positional.join(' ') : undefined;
      if (expr === undefined) {
        io.err(USAGE);
        return EXIT.badInput;
      }
      for (const required of ['optimizer', 'start']) {
        if (options[required] === undefined) {
          throw new GradstepError('cli/missing-option', { option: required });
        }
      }
      const hyper: Partial<Record<HyperId, number>> = {};
      for (const [flag, id] of Object.entries(HYPER_FLAGS)) {
        const value = readNumber(flag, options[flag]);
        if (value !== undefined) hyper[id] = value;
      }
      const vars = splitVars(options.vars);
      const lr = readNumber('lr', options.lr);
      const steps = readNumber('steps', options.steps);
      const tol = readNumber('tol', options.tol);
      const batchSize = readNumber('batch-size', options['batch-size']);
      const epochs = readNumber('epochs', options.epochs);
      const seed = readNumber('seed', options.seed);
      const settings: OptimizeOptions = {
        expr,
        start: readNumbers('start', options.start as string),
        optimizer: options.optimizer as string,
        hyper,
        convention: (options.convention ?? 'textbook') as Convention,
        ...(vars ? { vars } : {}),
        ...(lr !== undefined ? { lr } : {}),
        ...(steps !== undefined ? { steps } : {}),
        ...(tol !== undefined ? { tol } : {}),
        ...(options.data !== undefined ? { data: options.data } : {}),
        ...(batchSize !== undefined ? { batchSize } : {}),
        ...(epochs !== undefined ? { epochs } : {}),
        ...(seed !== undefined ? { seed } : {}),
        tex: flags.has('json') || flags.has('tex'),
      };
      const trace = optimize(settings);
      if (flags.has('json')) io.out(JSON.stringify(traceJson(trace), null, 2));
      else if (flags.has('tex')) io.out(texText(trace, lang));
      else if (flags.has('table')) io.out(`${tableText(trace)}\n${statusLine(trace, lang)}`);
      else io.out(plainText(trace, lang));
      return EXIT.ok;
    } catch (e) {
      return reportError(e, io, lang, 'optimize');
    }
  },
};
