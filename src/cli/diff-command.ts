// `gradstep diff "<expr>"`: the derivative with its step-by-step derivation.

import type { Detail } from '../calculus/derivation.js';
import { differentiate } from '../calculus/differentiate.js';
import { derivationJson, derivationTex, derivationText } from '../calculus/print.js';
import type { Lang } from '../i18n/index.js';
import { langOption, outputFormat, parseArgs, reportError, splitVars } from './args.js';
import { LANG_OPTION, renderUsage } from './help.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The help text (the catalogue's words, literal flags). */
const usage = (lang: Lang) =>
  renderUsage(lang, (m) => {
    const { placeholders: p, commands } = m.help;
    const o = commands.diff.options;
    return {
      synopsis: [
        `diff "<${p.expr}>" [--wrt x] [--order n] [--vars x,y] [--params a,b] [--detail full|normal|brief] [${LANG_OPTION}] [--json|--tex|--text]`,
      ],
      about: commands.diff.about,
      options: [
        ['--wrt x', o.wrt],
        ['--order n', o.order],
        ['--vars x,y', o.vars],
        ['--params a,b', o.params],
        ['--detail', o.detail],
        [LANG_OPTION, o.lang],
        ['--json', o.output],
      ],
    };
  });

const KNOWN = ['wrt', 'order', 'vars', 'params', 'detail', 'lang'];

export const diffCommand: Command = {
  usage,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json', 'tex', 'text'], KNOWN);
      // An unquoted expression arrives as several words (`gradstep diff x^2 + 1`): read them as one.
      if (positional.length === 0) {
        io.err(usage(lang));
        return EXIT.badInput;
      }
      const order = options.order === undefined ? undefined : Number(options.order);
      const d = differentiate(positional.join(' '), {
        ...(options.wrt !== undefined ? { wrt: options.wrt } : {}),
        ...(order !== undefined ? { order } : {}),
        ...(options.vars !== undefined ? { vars: splitVars(options.vars) } : {}),
        ...(options.params !== undefined ? { params: splitVars(options.params) } : {}),
        ...(options.detail !== undefined ? { detail: options.detail as Detail } : {}),
      });
      const format = outputFormat(flags);
      if (format === 'json') io.out(JSON.stringify(derivationJson(d, lang), null, 2));
      else if (format === 'tex') io.out(derivationTex(d));
      else io.out(derivationText(d, lang));
      return EXIT.ok;
    } catch (e) {
      return reportError(e, io, lang, 'diff');
    }
  },
};
