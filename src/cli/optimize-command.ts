// `gradstep optimize "<expr>" --optimizer adam --lr 0.1 --start 4,4`: runs an optimizer on the
// derived gradient and prints the path, a table, the TeX of every step, or JSON.
import { GradstepError } from '../errors.js';
import { type Lang, messagesFor } from '../i18n/index.js';
import { kebab, SETTINGS, type SettingSpec } from '../optim/hyper.js';
import { optimize, type RunOptions, type Trace } from '../optim/optimize.js';
import { describeDefaults, OPTIMIZER_IDS } from '../optim/optimizers.js';
import { formatNumber } from '../util/format.js';
import { langOption, parseArgs, reportError, splitVars, UsageError } from './args.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The usage line of one setting, from its description: `--beta1 ρ₁  first-moment decay rate (…)`. */
function usageLine(setting: SettingSpec): string {
  const flag = `--${kebab(setting.name)} ${setting.value}`;
  const aliases = setting.aliases.filter((a) => a !== setting.name).map((a) => `--${kebab(a)}`);
  const extra = setting.hyper ? `; default ${describeDefaults(setting.hyper.id)}` : '';
  const also = aliases.length ? ` (also ${aliases.join(', ')})` : '';
  const what = setting.name === 'optimizer' ? `${OPTIMIZER_IDS.join(', ')} (sgd = gd)` : setting.description.en;
  return `  ${flag.padEnd(26)} ${what}${extra}${also}`;
}

const USAGE = `Usage: gradstep optimize "<expr>" --optimizer <id> --lr <ε> --start <a[,b,…]> [options] [--json [--no-tex]|--tex|--table]

Runs an optimizer on the gradient that gradstep derives, and shows every step.
${SETTINGS.map(usageLine).join('\n')}
  --lang en|ko               the language of the messages
  --json                     the trace as JSON (with the TeX of every step; --no-tex: the numbers only,
                             for runs longer than 2,000 steps)
  --tex                      the TeX of every step; --table: k, w, f(w), |g|
Exit status: 0 done (also when the run diverged: see "status"), 2 bad input.`;

const FLAGS = ['json', 'tex', 'no-tex', 'table'];
/** Every setting's flag and its aliases' flags, camelCase name → kebab flag. */
const FLAG_OF = new Map<string, SettingSpec>(
  SETTINGS.flatMap((s: SettingSpec) => [s.name, ...s.aliases].map((name) => [kebab(name), s] as const)),
);
const KNOWN = [...FLAG_OF.keys(), 'lang'];

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The JSON the command prints: the issue's shape, plus the messages and formulas. */
export function traceJson(trace: Trace): Record<string, unknown> {
  return {
    optimizer: trace.optimizer,
    convention: trace.convention,
    status: trace.status,
    ...(trace.message ? { message: trace.message.en, messages: trace.message } : {}),
    ...(trace.warning
      ? { warning: { step: trace.warning.step, message: trace.warning.message.en, messages: trace.warning.message } }
      : {}),
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
      ...(s.gradient.tex ? { gradientTex: s.gradient.tex } : {}),
      state: s.state,
      extras: s.extras,
      next: s.next,
      ...(s.tex.substituted ? { tex: s.tex } : {}),
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
  const warning = trace.warning ? `warning (step ${trace.warning.step}): ${trace.warning.message[lang]}\n` : '';
  return (
    warning +
    (trace.message
      ? `${trace.status}: ${trace.message[lang]}`
      : `${trace.status} (${messagesFor(lang).optim.status[trace.status]})`)
  );
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
    const batch = s.batch ? `  rows ${s.batch.numbers.join(', ')}` : '';
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
  lines.push(
    '',
    ...statusLine(trace, lang)
      .split('\n')
      .map((line) => `% ${line}`),
  );
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
      if (flags.has('no-tex') && flags.has('tex')) {
        throw new UsageError('--tex and --no-tex ask for opposite things: give one');
      }
      // Values go to the engine as typed: it reads the numbers and names the flag in its messages.
      const hyper: Record<string, string> = {};
      const settings: Record<string, unknown> = {};
      for (const [flag, value] of Object.entries(options)) {
        const setting = FLAG_OF.get(flag);
        if (!setting) continue; // --lang
        if (setting.hyper) hyper[camel(flag)] = value;
        else if (setting.name === 'vars') settings.vars = splitVars(value);
        else settings[setting.name] = value;
      }
      const trace = optimize({
        expr,
        ...(settings as unknown as RunOptions),
        hyper,
        spelling: 'flag',
        tex: (flags.has('json') && !flags.has('no-tex')) || flags.has('tex'),
      });
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
