// `gradstep graph "<expr>" --params w,b --at w=0.5,b=0.1,x=2,y=1`: the computation graph with
// every node's value and adjoint and every edge's local derivative, as a table, Graphviz DOT or JSON.
import { backward, buildGraph, readPoint } from '../graph/graph.js';
import { graphDot, graphJson, graphTable } from '../graph/print.js';
import type { Lang } from '../i18n/index.js';
import { langOption, parseArgs, reportError, splitVars } from './args.js';
import { type CliIO, EXIT } from './io.js';
import type { Command } from './main.js';

const USAGE = `Usage: gradstep graph "<expr>" --at w=0.5,b=0.1,x=2,y=1 [--params w,b] [--lang en|ko] [--table|--dot|--json]

Backpropagation: the expression as a computation graph, each node's value (forward pass) and
adjoint ∂L/∂node (backward pass), each edge's local derivative as a formula and a number, and
the gradient read off the parameters.
  --at a=1,b=2   a value for every variable (parameters and data)
  --params w,b   the parameters the gradient is taken by (default: every variable)
  --lang en|ko   language of the headings
  --table        nodes, edges and the gradient as text (default)
  --dot          Graphviz DOT, values and adjoints in the labels: gradstep graph … --dot | dot -Tsvg > graph.svg
  --json         JSON { nodes, edges, gradient, value }`;

export const graphCommand: Command = {
  summary: 'backpropagation on the computation graph: values, adjoints, local derivatives',
  usage: USAGE,
  run(args: string[], io: CliIO): number {
    let lang: Lang = 'en';
    try {
      lang = langOption(args);
      const { positional, options, flags } = parseArgs(args, ['json', 'dot', 'table'], ['params', 'at', 'lang']);
      if (positional.length === 0) {
        io.err(USAGE);
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
