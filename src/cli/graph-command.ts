// `gradstep graph "<expr>" --params w,b --at w=0.5,b=0.1,x=2,y=1`: the computation graph with
// every node's value and adjoint and every edge's local derivative, as a table, Graphviz DOT or JSON.
import { readPoint } from '../expr/point.js';
import { backward, buildGraph } from '../graph/graph.js';
import { graphDot, graphJson, graphTable } from '../graph/print.js';
import type { Lang } from '../i18n/index.js';
import { langOption, parseArgs, reportError, splitVars } from './args.js';
import { LANG_OPTION, renderUsage } from './help.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

/** The help text (the catalogue's words, literal flags). */
const usage = (lang: Lang) =>
  renderUsage(lang, (m) => {
    const { placeholders: p, commands } = m.help;
    const o = commands.graph.options;
    return {
      synopsis: [`graph "<${p.expr}>" --at w=0.5,b=0.1,x=2,y=1 [--params w,b] [${LANG_OPTION}] [--table|--dot|--json]`],
      about: commands.graph.about,
      options: [
        ['--at a=1,b=2', o.at],
        ['--params w,b', o.params],
        [LANG_OPTION, o.lang],
        ['--table', o.table],
        ['--dot', o.dot],
        ['--json', o.json],
      ],
    };
  });

export const graphCommand: Command = {
  usage,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json', 'dot', 'table'], ['params', 'at', 'lang']);
      if (positional.length === 0) {
        io.err(usage(lang));
        return EXIT.badInput;
      }
      const point = readPoint(options.at ?? '');
      const params = splitVars(options.params);
      const graph = buildGraph(positional.join(' '), {
        ...(params ? { params } : {}),
        vars: [...(params ?? []), ...Object.keys(point)],
      });
      const pass = backward(graph, point);
      if (flags.has('json')) io.out(JSON.stringify(graphJson(graph, pass), null, 2));
      else if (flags.has('dot')) io.out(graphDot(graph, pass, lang));
      else io.out(graphTable(graph, pass, lang));
      return EXIT.ok;
    } catch (e) {
      return reportError(e, io, lang, 'graph');
    }
  },
};
