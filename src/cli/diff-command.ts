// `gradstep diff "<expr>"`: the derivative with its step-by-step derivation.

import type { Detail } from '../calculus/derivation.js';
import { differentiate } from '../calculus/differentiate.js';
import { derivationJson, derivationTex, derivationText } from '../calculus/print.js';
import type { Lang } from '../i18n/index.js';
import { langOption, outputFormat, parseArgs, reportError, splitVars } from './args.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

const USAGE = `Usage: gradstep diff "<expr>" [--wrt x] [--order n] [--vars x,y] [--params a,b] [--detail full|normal|brief] [--lang en|ko] [--json|--tex|--text]

Differentiates the expression and shows every step (sum, product, quotient and chain rules, …).
  --wrt x        the variable to differentiate by (default: the only variable, or x)
  --order n      1 for f′ (default), 2 for f″, … up to 10
  --vars x,y     the variables (so 'xy' reads as x·y); any other name is a parameter, held constant
  --params a,b   names to read as parameters (constant symbols), also longer ones such as 'rate'
  --detail       full (every step), normal (default), brief (chain, product, quotient, simplify)
  --lang en|ko   language of the step names and prose
  --json         the whole derivation as JSON; --tex: the aligned TeX chain; --text (default)`;

const KNOWN = ['wrt', 'order', 'vars', 'params', 'detail', 'lang'];

export const diffCommand: Command = {
  summary: 'differentiate an expression, showing every step',
  usage: USAGE,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json', 'tex', 'text'], KNOWN);
      // An unquoted expression arrives as several words (`gradstep diff x^2 + 1`): read them as one.
      if (positional.length === 0) {
        io.err(USAGE);
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
