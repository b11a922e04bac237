/**
 * Printers of computation graphs: TeX lines for the element, Graphviz DOT, a
 * text table and JSON for the CLI. They only format what `graph.ts` computed.
 */
import type { Expr } from '../expr/ast.js';
import { texPartial, texSymbol, toTex } from '../expr/print-tex.js';
import { toText } from '../expr/print-text.js';
import { type Lang, messagesFor } from '../i18n/index.js';
import { formatNumber, texNumber, texOperand } from '../util/format.js';
import type { BackwardPass, BackwardStep, ComputationGraph, GraphEdge, GraphNode } from './graph.js';

const nodeOf = (graph: ComputationGraph, id: number): GraphNode => graph.nodes[id] as GraphNode;

/** `\frac{\partial v_2}{\partial v_1}`: the derivative of one node by another. */
export function texNodePartial(graph: ComputationGraph, top: number, bottom: number): string {
  return texPartial(nodeOf(graph, top).name, nodeOf(graph, bottom).name);
}

/** What a node computes: `v_2 = v_1 + b`; an input is just its name. */
export function nodeTex(graph: ComputationGraph, id: number): string {
  const node = nodeOf(graph, id);
  if (node.kind === 'input') return texSymbol(node.name);
  return `${texSymbol(node.name)} = ${toTex(node.op)}`;
}

/** A node's value at the point: `v_2 = 1.1`. */
export function valueTex(graph: ComputationGraph, pass: BackwardPass, id: number): string {
  return `${texSymbol(nodeOf(graph, id).name)} = ${texNumber(pass.values[id] as number)}`;
}

const isNumber = (e: Expr): boolean => e.kind === 'num' || (e.kind === 'neg' && e.arg.kind === 'num');

/** An edge's local derivative as a formula, before its number is known: `\frac{\partial v_2}{\partial v_1} = 2v_1`. */
export function edgeFormulaTex(graph: ComputationGraph, edgeId: number): string {
  const edge = graph.edges[edgeId] as GraphEdge;
  return `${texNodePartial(graph, edge.to, edge.from)} = ${toTex(edge.local)}`;
}

/**
 * An edge's local derivative: `\frac{\partial v_2}{\partial v_1} = 2v_1 = 2.2`; `slashed`
 * writes the partial on one line (`\partial v_2/\partial v_1`), for a small label.
 */
export function edgeTex(graph: ComputationGraph, pass: BackwardPass, edgeId: number, slashed = false): string {
  const edge = graph.edges[edgeId] as GraphEdge;
  const head = slashed
    ? `\\partial ${texSymbol(nodeOf(graph, edge.to).name)}/\\partial ${texSymbol(nodeOf(graph, edge.from).name)}`
    : texNodePartial(graph, edge.to, edge.from);
  const value = texNumber(pass.locals[edgeId] as number);
  return isNumber(edge.local) ? `${head} = ${value}` : `${head} = ${toTex(edge.local)} = ${value}`;
}

/**
 * A node's adjoint as the chain rule: the sum over the paths up to the output of
 * the products of the local derivatives along each, with the numbers
 * (`\frac{\partial L}{\partial w} = \frac{\partial L}{\partial v_2}\frac{\partial v_2}{\partial v_1}\frac{\partial v_1}{\partial w} = 1\cdot 2\cdot 3 = 6`).
 * With too many paths, the sum over the node's parents instead.
 */
export function adjointTex(graph: ComputationGraph, pass: BackwardPass, step: BackwardStep): string {
  const out = pass.output;
  const head = texNodePartial(graph, out, step.node);
  const value = texNumber(step.adjoint);
  if (step.node === out) return `${head} = ${value}`;
  const only = step.paths?.length === 1 && step.paths[0]?.length === 1 ? step.paths[0][0] : undefined;
  // A node the output reads directly: its adjoint is that one edge's local derivative.
  if (only !== undefined) return edgeTex(graph, pass, only).replace(texNodePartial(graph, out, step.node), head);
  const symbolic: string[] = [];
  const numeric: string[] = [];
  if (step.paths) {
    for (const path of step.paths) {
      const edges = [...path].reverse().map((e) => graph.edges[e] as GraphEdge);
      symbolic.push(edges.map((e) => texNodePartial(graph, e.to, e.from)).join(''));
      numeric.push(edges.map((e) => texOperand(pass.locals[e.id] as number)).join('\\cdot '));
    }
  } else {
    for (const t of step.terms) {
      symbolic.push(`${texNodePartial(graph, out, t.parent)}${texNodePartial(graph, t.parent, step.node)}`);
      numeric.push(`${texOperand(t.parentAdjoint)}\\cdot ${texOperand(t.local)}`);
    }
  }
  if (symbolic.length === 0) return `${head} = 0`;
  return `${head} = ${symbolic.join(' + ')} = ${numeric.join(' + ')} = ${value}`;
}

/** The gradient read off the parameter leaves: `\nabla L = \begin{pmatrix}…\end{pmatrix}`. */
export function graphGradientTex(graph: ComputationGraph, pass: BackwardPass): string {
  const out = nodeOf(graph, pass.output).name;
  const parts = graph.params.map((p) => texPartial(out, p));
  const values = pass.gradient.map((g) => texNumber(g));
  if (parts.length === 1) return `${parts[0]} = ${values[0]}`;
  const column = (xs: readonly string[]) => `\\begin{pmatrix}${xs.join('\\\\')}\\end{pmatrix}`;
  return `\\nabla ${texSymbol(out)} = ${column(parts)} = ${column(values)}`;
}

// ------------------------------------------------------------------ text

function kindWord(node: GraphNode, lang: Lang): string {
  const T = messagesFor(lang).graph;
  if (node.kind === 'input') return node.param ? T.param : T.data;
  if (node.kind === 'constant') return T.constant;
  return T.operation;
}

function opText(node: GraphNode): string {
  return node.kind === 'input' ? '' : toText(node.op);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell + ' '.repeat(Math.max(0, (widths[c] as number) - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The nodes (name, operation, value, adjoint), the edges (local derivative as formula and number) and the gradient. */
export function graphTable(graph: ComputationGraph, pass: BackwardPass, lang: Lang = 'en'): string {
  const T = messagesFor(lang).graph;
  const out = nodeOf(graph, pass.output).name;
  const nodeRows = [
    [T.node, T.operation, T.value, `${T.adjoint} ∂${out}/∂·`],
    ...graph.nodes.map((n) => [
      n.name,
      n.kind === 'operation' ? `${n.name} = ${opText(n)}` : kindWord(n, lang),
      formatNumber(pass.values[n.id] as number),
      formatNumber(pass.adjoints[n.id] as number),
    ]),
  ];
  const edgeRows = [
    [T.edge, T.local, T.value],
    ...graph.edges.map((e) => [
      `∂${nodeOf(graph, e.to).name}/∂${nodeOf(graph, e.from).name}`,
      toText(e.local),
      formatNumber(pass.locals[e.id] as number),
    ]),
  ];
  const grad = graph.params.map((p, i) => `∂${out}/∂${p} = ${formatNumber(pass.gradient[i] as number)}`);
  return [
    table(nodeRows),
    '',
    table(edgeRows),
    '',
    `${T.gradient}: ${grad.join(', ')}`,
    `${out} = ${formatNumber(pass.value)}`,
  ].join('\n');
}

/** A DOT string literal (inside double quotes). */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Graphviz DOT, inputs to output left to right: nodes labelled with operation, value and adjoint, edges with the local derivative. */
export function graphDot(graph: ComputationGraph, pass: BackwardPass, lang: Lang = 'en'): string {
  const T = messagesFor(lang).graph;
  const out = nodeOf(graph, pass.output).name;
  const lines = [
    'digraph computation {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const n of graph.nodes) {
    const head = n.kind === 'operation' ? `${n.name} = ${opText(n)}` : `${n.name} (${kindWord(n, lang)})`;
    const label = `${head}\n${T.value} = ${formatNumber(pass.values[n.id] as number)}\n∂${out}/∂${n.name} = ${formatNumber(pass.adjoints[n.id] as number)}`;
    const extra = n.id === pass.output ? ', penwidth=2' : n.param ? ', style="rounded,bold"' : '';
    lines.push(`  n${n.id} [label=${dotString(label)}${extra}];`);
  }
  for (const e of graph.edges) {
    const head = `∂${nodeOf(graph, e.to).name}/∂${nodeOf(graph, e.from).name}`;
    const formula = toText(e.local);
    const value = formatNumber(pass.locals[e.id] as number);
    const label = formula === value ? `${head} = ${value}` : `${head} = ${formula} = ${value}`;
    lines.push(`  n${e.from} -> n${e.to} [label=${dotString(label)}];`);
  }
  lines.push('}');
  return lines.join('\n');
}

export interface GraphJson {
  readonly expr: string;
  readonly params: readonly string[];
  readonly vars: readonly string[];
  readonly output: string;
  readonly value: JsonNumber;
  readonly nodes: readonly {
    readonly id: number;
    readonly name: string;
    readonly kind: GraphNode['kind'];
    readonly param: boolean;
    readonly op: string;
    readonly expr: string;
    readonly symbol: string;
    readonly inputs: readonly number[];
    readonly layer: number;
    readonly value: JsonNumber;
    readonly adjoint: JsonNumber;
  }[];
  readonly edges: readonly {
    readonly from: number;
    readonly to: number;
    readonly local: string;
    readonly localExpr: string;
    readonly tex: string;
    readonly value: JsonNumber;
  }[];
  readonly gradient: Readonly<Record<string, JsonNumber>>;
}

/** A number for JSON: NaN and ±Infinity (which JSON.stringify would turn into null) as strings. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';
const jsonNumber = (v: number): JsonNumber =>
  Number.isFinite(v) ? v : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';

export function graphJson(graph: ComputationGraph, pass: BackwardPass): GraphJson {
  return {
    expr: toText(graph.expr),
    params: graph.params,
    vars: graph.vars,
    output: nodeOf(graph, pass.output).name,
    value: jsonNumber(pass.value),
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      name: n.name,
      kind: n.kind,
      param: n.param,
      op: opText(n),
      expr: toText(n.expr),
      symbol: n.symbol,
      inputs: n.inputs,
      layer: n.layer,
      value: jsonNumber(pass.values[n.id] as number),
      adjoint: jsonNumber(pass.adjoints[n.id] as number),
    })),
    edges: graph.edges.map((e) => ({
      from: e.from,
      to: e.to,
      local: toText(e.local),
      localExpr: toText(e.localExpr),
      tex: edgeTex(graph, pass, e.id),
      value: jsonNumber(pass.locals[e.id] as number),
    })),
    gradient: Object.fromEntries(graph.params.map((p, i) => [p, jsonNumber(pass.gradient[i] as number)])),
  };
}
