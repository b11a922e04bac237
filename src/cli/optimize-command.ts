// `gradstep optimize "<expr>" --optimizer adam --lr 0.1 --start 4,4`: runs an optimizer on the
// derived gradient and prints the path, a table, the TeX of every step, or JSON.
import { GradstepError } from '../errors.js';
import { type CliMessages, cliMessagesFor } from '../i18n/cli.js';
import type { Lang } from '../i18n/index.js';
import { optimMessagesFor } from '../i18n/optim.js';
import { HYPER_SETTINGS, kebab, SETTINGS, type SettingSpec } from '../optim/hyper.js';
import { optimize, type RunOptions, type Trace } from '../optim/optimize.js';
import { describeDefaults, OPTIMIZER_IDS, OPTIMIZERS } from '../optim/optimizers.js';
import type { HyperId } from '../optim/types.js';
import { formatNumber } from '../util/format.js';
import { langOption, parseArgs, reportError, splitVars } from './args.js';
import { LANG_OPTION, renderUsage } from './help.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The usage line of one setting, from its description: `--beta1 ρ₁  first-moment decay rate (…)`. */
function usageLine(setting: SettingSpec, m: CliMessages, lang: Lang): readonly [string, string] {
  const flag = `--${kebab(setting.name)} ${setting.value}`;
  const aliases = setting.aliases.filter((a) => a !== setting.name).map((a) => `--${kebab(a)}`);
  const help = m.help;
  const what =
    setting.name === 'optimizer'
      ? help.choice({
          what: setting.description[lang],
          values: OPTIMIZER_IDS,
          aliases: OPTIMIZERS.flatMap((o) => o.aliases.map((a) => [a, o.id] as const)),
        })
      : setting.description[lang];
  const defaults = setting.hyper ? describeDefaults(setting.hyper.id) : undefined;
  return [flag, help.setting({ what, defaults, aliases })];
}

/** The help text (the catalogue's words, literal flags; the settings' lines from SETTINGS). */
const usage = (lang: Lang) =>
  renderUsage(lang, (m) => {
    const { placeholders: p, commands, exit } = m.help;
    const c = commands.optimize;
    return {
      synopsis: [
        `optimize "<${p.expr}>" --optimizer <id> --lr <ε> --start <a[,b,…]> [${p.options}] [--json [--no-tex]|--tex|--table]`,
      ],
      about: c.about,
      options: [
        ...SETTINGS.map((s) => usageLine(s, m, lang)),
        [LANG_OPTION, c.options.lang],
        ['--json', c.options.json],
        ['--tex', c.options.tex],
      ],
      exit: exit({
        statuses: [
          [EXIT.ok, c.exit.done],
          [EXIT.badInput, c.exit.bad],
        ],
      }),
    };
  });

const FLAGS = ['json', 'tex', 'no-tex', 'table'];
/** Every setting's flag and its aliases' flags, camelCase name → kebab flag. */
const FLAG_OF = new Map<string, SettingSpec>(
  SETTINGS.flatMap((s: SettingSpec) => [s.name, ...s.aliases].map((name) => [kebab(name), s] as const)),
);
const KNOWN = [...FLAG_OF.keys(), 'lang'];

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The JSON the command prints: the shape, plus the messages and formulas. */
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
    ...(trace.constants ? { constants: trace.constants } : {}),
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
  const t = cliMessagesFor(lang).optimize;
  const warning = trace.warning
    ? `${t.warning({ step: trace.warning.step, message: trace.warning.message[lang] })}\n`
    : '';
  const status = optimMessagesFor(lang).status[trace.status];
  return warning + t.status({ status, message: trace.message?.[lang] });
}

function plainText(trace: Trace, lang: Lang): string {
  const cli = cliMessagesFor(lang);
  // ε and the hyper-parameters by their symbols (ρ₁ = 0.9), as the lesson writes them.
  const settings = [
    `ε = ${formatNumber(trace.lr)}`,
    ...Object.entries(trace.hyper).map(
      ([id, v]) => `${HYPER_SETTINGS[id as HyperId]?.value ?? id} = ${formatNumber(v)}`,
    ),
  ].join(', ');
  const lines = [
    cli.optimize.heading({
      name: trace.name[lang],
      convention: optimMessagesFor(lang).conventions[trace.convention],
      settings,
    }),
    `f = ${trace.expr.text}`,
    ...(trace.held ? [cli.optimize.held({ values: trace.held.text })] : []),
    `∇f = (${trace.gradient.text.join(', ')})`,
  ];
  for (const s of trace.steps) {
    const batch = s.batch ? `  ${cli.optimize.batch({ rows: s.batch.numbers })}` : '';
    lines.push(
      `k=${s.k}  w = ${point(s.w)}  f = ${formatNumber(s.f)}  g = ${point(s.grad)}  → ${point(s.next)}${batch}`,
    );
    for (const note of s.notes) lines.push(`      ${note[lang]}`);
  }
  lines.push(statusLine(trace, lang));
  return lines.join('\n');
}

function texText(trace: Trace, lang: Lang): string {
  const lines = [trace.rule, trace.gradient.formula, ...(trace.held ? [trace.held.tex] : [])];
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
  usage,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, FLAGS, KNOWN);
      // An unquoted expression arrives as several words: read them as one.
      const expr = positional.length > 0 ? positional.join(' ') : undefined;
      if (expr === undefined) {
        io.err(usage(lang));
        return EXIT.badInput;
      }
      for (const required of ['optimizer', 'start']) {
        if (options[required] === undefined) {
          throw new GradstepError('cli/missing-option', { option: required });
        }
      }
      if (flags.has('no-tex') && flags.has('tex')) {
        throw new GradstepError('cli/conflicting-flags', { first: 'tex', second: 'no-tex' });
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
