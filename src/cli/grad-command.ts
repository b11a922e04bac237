// `gradstep grad "<expr>"`: every partial derivative (with its steps), ∇f and optionally the Hessian.
import { gradient, hessian } from '../calculus/differentiate.js';
import { gradientJson, gradientTex, gradientText, hessianTex } from '../calculus/print.js';
import type { Lang } from '../i18n/index.js';
import { langOption, outputFormat, parseArgs, reportError, splitVars } from './args.js';
import { LANG_OPTION, renderUsage } from './help.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The help text (the catalogue's words, literal flags). */
const usage = (lang: Lang) =>
  renderUsage(lang, (m) => {
    const { placeholders: p, commands } = m.help;
    const o = commands.grad.options;
    return {
      synopsis: [`grad "<${p.expr}>" [--vars x,y] [--params a,b] [--hessian] [${LANG_OPTION}] [--json|--tex|--text]`],
      about: commands.grad.about,
      options: [
        ['--vars x,y', o.vars],
        ['--params a,b', o.params],
        ['--hessian', o.hessian],
        [LANG_OPTION, o.lang],
        ['--json', o.output],
      ],
    };
  });

const KNOWN = ['vars', 'params', 'lang'];

export const gradCommand: Command = {
  usage,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json', 'tex', 'text', 'hessian'], KNOWN);
      // An unquoted expression arrives as several words: read them as one.
      if (positional.length === 0) {
        io.err(usage(lang));
        return EXIT.badInput;
      }
      const vars = splitVars(options.vars);
      const params = splitVars(options.params);
      const input = positional.join(' ');
      const inputOptions = { ...(vars ? { vars } : {}), ...(params ? { params } : {}) };
      const h = flags.has('hessian') ? hessian(input, inputOptions) : undefined;
      const g = h ?? gradient(input, inputOptions);
      const format = outputFormat(flags);
      if (format === 'json') io.out(JSON.stringify(gradientJson(g, lang), null, 2));
      else if (format === 'tex') io.out(h ? `${gradientTex(h)}\n${hessianTex(h)}` : gradientTex(g));
      else io.out(gradientText(g, lang));
      return EXIT.ok;
    } catch (e) {
      return reportError(e, io, lang, 'grad');
    }
  },
};
