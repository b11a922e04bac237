// `gradstep grad "<expr>"`: every partial derivative (with its steps), ∇f and optionally the Hessian.
import { gradient, hessian } from '../calculus/differentiate.js';
import { gradientJson, gradientTex, gradientText, hessianTex } from '../calculus/print.js';
import type { Lang } from '../i18n/index.js';
import { langOption, outputFormat, parseArgs, reportError, splitVars } from './args.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

const USAGE = `Usage: gradstep grad "<expr>" [--vars x,y] [--params a,b] [--hessian] [--lang en|ko] [--json|--tex|--text]

Every partial derivative with its steps (the other variables held constant), and the gradient ∇f.
  --vars x,y     the variables, in order (default: the free variables, sorted); any other name is a parameter
  --params a,b   names to read as parameters (constant symbols), held constant in every partial
  --hessian      also the matrix of second partials
  --lang en|ko   language of the step names and prose
  --json         JSON { vars, partials, gradient, hessian? }; --tex: ∇f (and H) in TeX; --text (default)`;

const KNOWN = ['vars', 'params', 'lang'];

export const gradCommand: Command = {
  summary: 'gradient (and Hessian) with the partial derivatives worked out',
  usage: USAGE,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json', 'tex', 'text', 'hessian'], KNOWN);
      // An unquoted expression arrives as several words: read them as one.
      if (positional.length === 0) {
        io.err(USAGE);
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
