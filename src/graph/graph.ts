/**
 * Backpropagation as the chain rule on a graph.
 *
 * `buildGraph` turns an expression into a computation graph: a DAG whose leaves
 * are the variables and whose other nodes are operations (`v₁ = w·x`,
 * `v₂ = v₁ + b`, `L = v₃²`). Equal sub-expressions are one node: the graph is
 * hash-consed on a key made of the operation and its inputs' node ids (the
 * inputs of a sum or a product in sorted order, so `w·x` and `x·w` are one node).
 * Sub-expressions without a variable (`2`, `ln 3`, `π/2`) are part of the
 * operation that uses them, not nodes of their own.
 *
 * Each operation is a template over placeholders (`p₁·p₂`, `p₁^2`, `sin p₁`); its
 * local derivatives ∂node/∂input come from the differentiation engine's public
 * `differentiate` applied to that template — never from a second table of rules —
 * and are then written in the graph's names (`∂v₂/∂v₁ = 1`) and, with the
 * sub-expressions put back, in the variables. Templates are differentiated and
 * compiled once per shape and kept in a small module-wide cache.
 *
 * `forward` gives every node's value at a point; `backward` every node's adjoint
 * ∂L/∂node (reverse mode: the output's adjoint is 1, and each node's is the sum
 * over the edges to its parents of the parent's adjoint times the edge's local
 * derivative) and every edge's local derivative as a number. `graphTrace` lays
 * both passes out as steps a player can walk through.
 */
import { differentiate } from '../calculus/differentiate.js';
import { GradstepError } from '../errors.js';
import { children, type Expr, freeVars, substitute, sym, withChildren } from '../expr/ast.js';
import { type CompiledFunction, compile } from '../expr/compile.js';
import { parse } from '../expr/parse.js';
import { toText } from '../expr/print-text.js';

import { keyOf } from '../expr/simplify.js';
import { validateTree } from '../expr/tree-check.js';

/** Most nodes a graph may have (the parser's own node limit). */
export const MAX_GRAPH_NODES = 2000;
/** Deepest expression accepted. */
export const MAX_GRAPH_DEPTH = 200;
/** Most paths from a node to the output written out in a backward step (a shared node can have many). */
export const MAX_PATHS = 8;

export type GraphNodeKind = 'input' | 'constant' | 'operation';

export interface GraphNode {
  /** Index in `nodes`; inputs come before the operations that use them (a topological order). */
  readonly id: number;
  readonly kind: GraphNodeKind;
  /** The node's name in formulas: the variable for an input, `v1`, `v2`, … for operations, `L` for the output. */
  readonly name: string;
  /** What the node computes, written in the variables. */
  readonly expr: Expr;
  /** Operations: the operation applied to its inputs' names (`v1 + b`); inputs and constants: `expr`. */
  readonly op: Expr;
  /** A short symbol for drawing: `+`, `×`, `÷`, `−`, `^2`, `exp`, `σ`, …; the variable for an input. */
  readonly symbol: string;
  /** The input nodes, in the order they first occur in the operation. */
  readonly inputs: readonly number[];
  /** Longest path from a leaf (leaves are layer 0): the column it is drawn in. */
  readonly layer: number;
  /** Inputs: whether it is a parameter (its adjoint is part of the gradient) or data. */
  readonly param: boolean;
}

export interface GraphEdge {
  /** Index in `edges`. */
  readonly id: number;
  /** The input (child) node. */
  readonly from: number;
  /** The operation (parent) node that uses it. */
  readonly to: number;
  /** ∂to/∂from in the graph's names: the derivative of the parent's operation by this input. */
  readonly local: Expr;
  /** The same derivative with the sub-expressions written out in the variables. */
  readonly localExpr: Expr;
}

export interface ComputationGraph {
  /** The expression the graph computes. */
  readonly expr: Expr;
  /** Every variable, in order: the parameters first, then the data. */
  readonly vars: readonly string[];
  /** The variables the gradient is taken by. */
  readonly params: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The node of the whole expression. */
  readonly output: number;
}

export interface GraphOptions {
  /** The parameters (default: every variable). */
  readonly params?: readonly string[];
  /** The variables, for reading `wx` as w·x (the parameters are added); default: every letter is a variable. */
  readonly vars?: readonly string[];
}

export interface ForwardPass {
  /** Every node's value, by node id. */
  readonly values: Float64Array;
  /** The output's value. */
  readonly value: number;
}

export interface BackwardPass extends ForwardPass {
  /** The node whose derivatives were taken (normally the output). */
  readonly output: number;
  /** ∂output/∂node for every node, by node id (0 for a node the output does not use). */
  readonly adjoints: Float64Array;
  /** Every edge's local derivative at the point, by edge id. */
  readonly locals: Float64Array;
  /** ∂output/∂p for each parameter, in the order of `graph.params`. */
  readonly gradient: readonly number[];
}

export type GraphPoint = Readonly<Record<string, number>>;

// ------------------------------------------------------------------ templates

/** An operation's shape: what it computes from placeholders, and its derivatives by each. */
interface Template {
  readonly expr: Expr;
  readonly symbol: string;
  readonly placeholders: readonly string[];
  readonly evaluate: CompiledFunction;
  readonly partials: readonly Expr[];
  readonly partialFns: readonly CompiledFunction[];
}

const PLACEHOLDERS = Array.from({ length: 64 }, (_, k) => `p${k + 1}`);
const TEMPLATE_CACHE_LIMIT = 1000;
const templates = new Map<string, Template>();

/** The template of shape `key` (the operation with its constants' keys and placeholder slots), made by `make` on a miss. */
function template(key: string, make: () => Expr, arity: number): Template {
  const cached = templates.get(key);
  if (cached) return cached;
  const expr = make();
  const placeholders = PLACEHOLDERS.slice(0, arity);
  // The local derivatives: the differentiation engine on the operation itself.
  const partials = placeholders.map((p) => differentiate(expr, { wrt: p, vars: placeholders }).result);
  const made: Template = {
    expr,
    symbol: opSymbol(expr),
    placeholders,
    evaluate: compile(expr, placeholders),
    partials,
    partialFns: partials.map((d) => compile(d, placeholders)),
  };
  if (templates.size >= TEMPLATE_CACHE_LIMIT) templates.delete(templates.keys().next().value as string);
  templates.set(key, made);
  return made;
}

/** Forgets the differentiated templates (for benchmarks of a cold start). */
export function clearGraphCache(): void {
  templates.clear();
}

// ------------------------------------------------------------------ building

function tooLarge(): GradstepError {
  return new GradstepError('graph/too-large', { max: MAX_GRAPH_NODES });
}

function opSymbol(t: Expr): string {
  switch (t.kind) {
    case 'add':
      return '+';
    case 'mul':
      return '×';
    case 'neg':
      return '−';
    case 'div':
      return '÷';
    case 'pow':
      if (t.base.kind === 'sym' && freeVars(t.exp).length === 0) {
        const k = toText(t.exp);
        return /^\d+$/.test(k) ? `^${k}` : `^(${k})`;
      }
      return t.exp.kind === 'sym' && t.base.kind === 'const' && t.base.name === 'e' ? 'exp' : '^';
    case 'call':
      return t.fn === 'sigmoid' ? 'σ' : t.fn;
    default:
      return '';
  }
}

/** The name prefix of operation nodes: `v` unless a variable is already called v1, v2, … */
const PREFIXES = ['v', 'u', 't', 'h', 'q', 'z'].map((p) => ({ p, taken: new RegExp(`^${p}\\d+$`) }));
function namePrefix(vars: readonly string[]): string {
  for (const { p, taken } of PREFIXES) if (!vars.some((v) => taken.test(v))) return p;
  return 'node';
}

interface Draft {
  readonly kind: GraphNodeKind;
  readonly expr: Expr;
  /** Operations: the template; each of its placeholders stands for the input of the same index. */
  readonly template: Template | undefined;
  readonly inputs: readonly number[];
  readonly layer: number;
}

const NO_INPUTS: readonly number[] = Object.freeze([]);

/**
 * An operation node. Its formulas (`op`, and its edges' `local` and `localExpr`) are
 * written out when first read: building a graph and both passes need only the numbers.
 */
class OperationNode implements GraphNode {
  readonly kind = 'operation' as const;
  readonly param = false;
  readonly #template: Template;
  readonly #drafts: readonly Draft[];
  readonly #names: readonly string[];
  #op: Expr | undefined;
  #byName: Record<string, Expr> | undefined;
  #byExpr: Record<string, Expr> | undefined;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly expr: Expr,
    readonly inputs: readonly number[],
    readonly layer: number,
    template: Template,
    drafts: readonly Draft[],
    names: readonly string[],
  ) {
    this.#template = template;
    this.#drafts = drafts;
    this.#names = names;
  }

  get symbol(): string {
    return this.#template.symbol;
  }

  get op(): Expr {
    this.#op ??= substitute(this.#template.expr, this.#substitution(false));
    return this.#op;
  }

  /** ∂node/∂(input `slot`): in the graph's names, or with the inputs' expressions put back. */
  partial(slot: number, expanded: boolean): Expr {
    return substitute(this.#template.partials[slot] as Expr, this.#substitution(expanded));
  }

  #substitution(expanded: boolean): Record<string, Expr> {
    let found = expanded ? this.#byExpr : this.#byName;
    if (!found) {
      const made: Record<string, Expr> = {};
      this.inputs.forEach((input, slot) => {
        made[this.#template.placeholders[slot] as string] = expanded
          ? (this.#drafts[input] as Draft).expr
          : sym(this.#names[input] as string);
      });
      if (expanded) this.#byExpr = made;
      else this.#byName = made;
      found = made;
    }
    return found;
  }
}

class Edge implements GraphEdge {
  readonly #node: OperationNode;
  readonly #slot: number;
  #local: Expr | undefined;
  #localExpr: Expr | undefined;

  constructor(
    readonly id: number,
    readonly from: number,
    readonly to: number,
    node: OperationNode,
    slot: number,
  ) {
    this.#node = node;
    this.#slot = slot;
  }

  get local(): Expr {
    this.#local ??= this.#node.partial(this.#slot, false);
    return this.#local;
  }

  get localExpr(): Expr {
    this.#localExpr ??= this.#node.partial(this.#slot, true);
    return this.#localExpr;
  }
}

/** The computation graph of `input` (text or tree). */
export function buildGraph(input: string | Expr, options: GraphOptions = {}): ComputationGraph {
  const given = options.vars ? [...new Set([...(options.params ?? []), ...options.vars])] : undefined;
  if (typeof input !== 'string') validateTree(input);
  const expr = typeof input === 'string' ? parse(input, given?.length ? { vars: given } : {}).expr : input;
  for (const p of options.params ?? []) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(p)) throw new GradstepError('graph/bad-param', { name: p });
  }

  const drafts: Draft[] = [];
  /** Operation nodes by their key: the operation and its inputs' node ids (sorted for a sum or product). */
  const byKey = new Map<string, number>();
  const byVar = new Map<string, number>();
  const constantKeys = new Map<Expr, string>();
  const constantKey = (c: Expr): string => {
    // Numbers and named constants directly (keyOf's own spelling of them); anything else through keyOf.
    if (c.kind === 'num') return c.approx ? `~${c.n}` : c.d === 1 ? `${c.n}` : `${c.n}/${c.d}`;
    if (c.kind === 'const') return `#${c.name}`;
    let k = constantKeys.get(c);
    if (k === undefined) {
      k = keyOf(c);
      constantKeys.set(c, k);
    }
    return k;
  };
  const add = (draft: Draft): number => {
    if (drafts.length >= MAX_GRAPH_NODES) throw tooLarge();
    return drafts.push(draft) - 1;
  };

  // One walk of the tree, depth checked on the way down. Returns the node of `e`, or -1 for a
  // sub-expression without a variable (kept as a constant inside the operation that uses it).
  const read = (e: Expr, depth: number): number => {
    if (depth > MAX_GRAPH_DEPTH) throw tooLarge();
    if (e.kind === 'sym') {
      const found = byVar.get(e.name);
      if (found !== undefined) return found;
      const id = add({ kind: 'input', expr: e, template: undefined, inputs: NO_INPUTS, layer: 0 });
      byVar.set(e.name, id);
      return id;
    }
    const kids = children(e);
    const n = kids.length;
    if (n === 0) return -1;
    const refs: number[] = new Array(n);
    let anyNode = false;
    for (let k = 0; k < n; k++) {
      const r = read(kids[k] as Expr, depth + 1);
      refs[k] = r;
      if (r >= 0) anyNode = true;
    }
    if (!anyNode) return -1;
    const head = e.kind === 'call' ? e.fn : e.kind;
    let key: string;
    if (e.kind === 'add' || e.kind === 'mul') {
      const parts: string[] = new Array(n);
      for (let k = 0; k < n; k++) {
        const r = refs[k] as number;
        parts[k] = r >= 0 ? `#${r}` : constantKey(kids[k] as Expr);
      }
      key = `${head}(${parts.sort().join(',')})`;
    } else {
      key = `${head}(`;
      for (let k = 0; k < n; k++) {
        const r = refs[k] as number;
        key += `${k ? ',' : ''}${r >= 0 ? `#${r}` : constantKey(kids[k] as Expr)}`;
      }
      key += ')';
    }
    const found = byKey.get(key);
    if (found !== undefined) return found;

    // A new node. Its template: constants stay, each distinct input node becomes one placeholder.
    const inputs: number[] = [];
    const slots: number[] = new Array(n);
    let shape = `${head}(`;
    let layer = 0;
    for (let k = 0; k < n; k++) {
      const r = refs[k] as number;
      let part: string;
      if (r < 0) {
        slots[k] = -1;
        part = constantKey(kids[k] as Expr);
      } else {
        let slot = inputs.indexOf(r);
        if (slot < 0) {
          slot = inputs.push(r) - 1;
          layer = Math.max(layer, (drafts[r] as Draft).layer);
        }
        slots[k] = slot;
        part = `#${slot}`;
      }
      shape += `${k ? ',' : ''}${part}`;
    }
    if (inputs.length > PLACEHOLDERS.length) throw tooLarge();
    const make = () =>
      withChildren(
        e,
        kids.map((kid, k) => ((slots[k] as number) < 0 ? kid : sym(PLACEHOLDERS[slots[k] as number] as string))),
      );
    const t = template(`${shape})`, make, inputs.length);
    const id = add({ kind: 'operation', expr: e, template: t, inputs, layer: layer + 1 });
    byKey.set(key, id);
    return id;
  };

  const root = read(expr, 1);
  const free = [...byVar.keys()].sort();
  const params = [...(options.params ?? free)];
  const paramSet = new Set(params);
  const vars = [...params, ...free.filter((v) => !paramSet.has(v))];
  const output = root >= 0 ? root : add({ kind: 'constant', expr, template: undefined, inputs: NO_INPUTS, layer: 0 });

  const prefix = namePrefix(vars);
  const outputName = vars.includes('L') ? undefined : 'L';
  let count = 0;
  const names: string[] = new Array(drafts.length);
  for (let id = 0; id < drafts.length; id++) {
    const d = drafts[id] as Draft;
    if (d.kind === 'input') names[id] = (d.expr as { name: string }).name;
    else if (id === output && outputName) names[id] = outputName;
    else names[id] = d.kind === 'constant' ? 'c' : `${prefix}${++count}`;
  }

  const edges: GraphEdge[] = [];
  const edgeStart = new Int32Array(drafts.length).fill(-1);
  const parentCount = new Int32Array(drafts.length + 1);
  const nodes: GraphNode[] = new Array(drafts.length);
  for (let id = 0; id < drafts.length; id++) {
    const d = drafts[id] as Draft;
    const name = names[id] as string;
    if (!d.template) {
      nodes[id] = {
        id,
        kind: d.kind,
        name,
        expr: d.expr,
        op: d.expr,
        symbol: d.kind === 'input' ? name : '',
        inputs: NO_INPUTS,
        layer: d.layer,
        param: d.kind === 'input' && paramSet.has(name),
      };
      continue;
    }
    const node = new OperationNode(id, name, d.expr, d.inputs, d.layer, d.template, drafts, names);
    nodes[id] = node;
    edgeStart[id] = edges.length;
    for (let slot = 0; slot < d.inputs.length; slot++) {
      const from = d.inputs[slot] as number;
      edges.push(new Edge(edges.length, from, id, node, slot));
      (parentCount[from + 1] as number)++;
    }
  }
  // The edges to each node's parents, as one list cut at `parentStart`.
  const parentStart = parentCount;
  for (let id = 0; id < drafts.length; id++) (parentStart[id + 1] as number) += parentStart[id] as number;
  const parentList = new Int32Array(edges.length);
  const fill = parentStart.slice(0, drafts.length);
  const edgeTo = new Int32Array(edges.length);
  for (const e of edges) {
    parentList[(fill[e.from] as number)++] = e.id;
    edgeTo[e.id] = e.to;
  }
  const paramNodes = params.map((p) => byVar.get(p) ?? -1);

  const graph: ComputationGraph = { expr, vars, params, nodes, edges, output };
  // Kept on the graph itself, hidden (a WeakMap of every graph ever built slows the garbage collector).
  Object.defineProperty(graph, INTERNALS, {
    value: {
      templates: drafts.map((d) => d.template),
      parentStart,
      parentList,
      edgeTo,
      edgeStart,
      paramNodes,
    } satisfies Compiled,
  });
  return graph;
}

interface Compiled {
  readonly templates: readonly (Template | undefined)[];
  /** The edges to node `id`'s parents are `parentList[parentStart[id] … parentStart[id + 1] − 1]`. */
  readonly parentStart: Int32Array;
  readonly parentList: Int32Array;
  /** Each edge's parent (`edges[e].to`), read in the backward pass's inner loop. */
  readonly edgeTo: Int32Array;
  /** For each operation, the id of its first edge (its edges are consecutive, in the order of its inputs); −1 otherwise. */
  readonly edgeStart: Int32Array;
  /** The input node of each parameter, in the order of `params` (−1 for one the expression does not use). */
  readonly paramNodes: readonly number[];
}

const INTERNALS = Symbol('gradstep.graph');

function internals(graph: ComputationGraph): Compiled {
  const found = (graph as { [INTERNALS]?: Compiled })[INTERNALS];
  if (!found) throw new GradstepError('graph/not-built', {});
  return found;
}

// ------------------------------------------------------------------ passes

/** Every node's value at `point` (which must give every variable a number). */
export function forward(graph: ComputationGraph, point: GraphPoint): ForwardPass {
  const { templates: ts } = internals(graph);
  const values = new Float64Array(graph.nodes.length);
  const args: number[] = [];
  for (const node of graph.nodes) {
    const t = ts[node.id];
    if (node.kind === 'input') {
      const v = Object.hasOwn(point, node.name) ? point[node.name] : undefined;
      if (typeof v !== 'number') {
        throw new GradstepError('graph/missing-value', { name: node.name });
      }
      values[node.id] = v;
    } else if (!t) {
      values[node.id] = compile(node.expr, [])();
    } else {
      args.length = 0;
      for (const i of node.inputs) args.push(values[i] as number);
      values[node.id] = t.evaluate(...args);
    }
  }
  return { values, value: values[graph.output] as number };
}

/**
 * Reverse mode at `point`: every node's adjoint ∂output/∂node and every edge's
 * local derivative as a number. `output` is a node id (default: the graph's output).
 */
export function backward(
  graph: ComputationGraph,
  point: GraphPoint | ForwardPass,
  output = graph.output,
): BackwardPass {
  const info = internals(graph);
  const pass = point.values instanceof Float64Array ? (point as ForwardPass) : forward(graph, point as GraphPoint);
  const { values } = pass;
  const locals = new Float64Array(graph.edges.length);
  const args: number[] = [];
  for (const node of graph.nodes) {
    const t = info.templates[node.id];
    if (!t) continue;
    args.length = 0;
    for (const i of node.inputs) args.push(values[i] as number);
    const first = info.edgeStart[node.id] as number;
    for (let slot = 0; slot < node.inputs.length; slot++) {
      locals[first + slot] = (t.partialFns[slot] as CompiledFunction)(...args);
    }
  }
  const adjoints = new Float64Array(graph.nodes.length);
  if (output < 0 || output >= graph.nodes.length) throw new GradstepError('graph/bad-output', { id: output });
  adjoints[output] = 1;
  const { parentStart, parentList, edgeTo } = info;
  for (let id = output - 1; id >= 0; id--) {
    let sum = 0;
    for (let k = parentStart[id] as number, end = parentStart[id + 1] as number; k < end; k++) {
      const e = parentList[k] as number;
      const to = edgeTo[e] as number;
      if (to > output) continue;
      const a = adjoints[to] as number;
      if (a !== 0) sum += a * (locals[e] as number);
    }
    adjoints[id] = sum;
  }
  const gradient = info.paramNodes.map((id) => (id < 0 ? 0 : (adjoints[id] as number)));
  return { values, value: values[output] as number, output, adjoints, locals, gradient };
}

// ------------------------------------------------------------------ the trace

export interface ForwardStep {
  readonly phase: 'forward';
  readonly node: number;
  readonly value: number;
}

/** One term of a backward step: the parent's adjoint times the edge's local derivative. */
export interface AdjointTerm {
  readonly edge: number;
  readonly parent: number;
  readonly parentAdjoint: number;
  readonly local: number;
}

export interface BackwardStep {
  readonly phase: 'backward';
  readonly node: number;
  readonly adjoint: number;
  /** Empty for the output (its adjoint is 1); otherwise one term per edge to a parent that the output uses. */
  readonly terms: readonly AdjointTerm[];
  /**
   * The chain rule written out: each path from the node up to the output as its
   * edge ids (the node's edge first); the adjoint is the sum over the paths of the
   * products of their local derivatives. Undefined when there are more than MAX_PATHS.
   */
  readonly paths: readonly (readonly number[])[] | undefined;
}

export type GraphStep = ForwardStep | BackwardStep;

/**
 * The two passes as steps: the forward pass computes each operation in order
 * (the inputs hold their values from the start), then the backward pass gives
 * the output its adjoint 1 and goes back through every node the output uses.
 */
export function graphTrace(graph: ComputationGraph, pass: BackwardPass): GraphStep[] {
  const info = internals(graph);
  // The nodes the output depends on.
  const used = new Set<number>([pass.output]);
  for (let id = pass.output; id >= 0; id--) {
    if (used.has(id)) for (const i of (graph.nodes[id] as GraphNode).inputs) used.add(i);
  }
  const steps: GraphStep[] = [];
  for (const node of graph.nodes) {
    if (node.kind === 'operation' && used.has(node.id))
      steps.push({ phase: 'forward', node: node.id, value: pass.values[node.id] as number });
  }
  // The paths from each node up to the output.
  const paths = new Map<number, number[][] | undefined>([[pass.output, [[]]]]);
  for (let id = pass.output; id >= 0; id--) {
    if (!used.has(id)) continue;
    const terms: AdjointTerm[] = [];
    let mine: number[][] | undefined = id === pass.output ? [[]] : [];
    for (let k = info.parentStart[id] as number; k < (info.parentStart[id + 1] as number); k++) {
      const e = info.parentList[k] as number;
      const edge = graph.edges[e] as GraphEdge;
      if (!used.has(edge.to) || edge.to > pass.output) continue;
      terms.push({
        edge: e,
        parent: edge.to,
        parentAdjoint: pass.adjoints[edge.to] as number,
        local: pass.locals[e] as number,
      });
      const above = paths.get(edge.to);
      if (!above || !mine) mine = undefined;
      else for (const p of above) mine.push([e, ...p]);
      if (mine && mine.length > MAX_PATHS) mine = undefined;
    }
    paths.set(id, mine);
    steps.push({ phase: 'backward', node: id, adjoint: pass.adjoints[id] as number, terms, paths: mine });
  }
  return steps;
}

export interface SymbolicGradient {
  /** ∂f/∂p for each parameter, as the differentiation engine derives it for the whole expression (what gs-gradient shows). */
  readonly partials: readonly Expr[];
  /** Their values at the point. */
  readonly values: readonly number[];
  /** Whether every entry equals the backpropagated gradient (to 1e-9, relative). */
  readonly agrees: boolean;
}

const symbolic = new WeakMap<ComputationGraph, { partials: readonly Expr[]; fns: readonly CompiledFunction[] }>();

/** The symbolic gradient of the whole expression at the point, compared with the one backpropagation read off the leaves. */
export function symbolicGradientAt(graph: ComputationGraph, point: GraphPoint, pass: BackwardPass): SymbolicGradient {
  let found = symbolic.get(graph);
  if (!found) {
    // The partials gradient() derives (one derivation per variable), for the parameters only.
    const partials = graph.params.map((p) => differentiate(graph.expr, { wrt: p, vars: graph.vars }).result);
    found = { partials, fns: partials.map((d) => compile(d, graph.vars)) };
    symbolic.set(graph, found);
  }
  const args = graph.vars.map((v) => point[v] ?? Number.NaN);
  const values = found.fns.map((f) => f(...args));
  const agrees = values.every((v, i) => {
    const b = pass.gradient[i] as number;
    return Math.abs(v - b) <= 1e-9 * (1 + Math.abs(v)) || (Number.isNaN(v) && Number.isNaN(b));
  });
  return { partials: found.partials, values, agrees };
}

/** One gradient-descent step on the parameters: p ← p − lr·∂L/∂p, the data kept. */
export function descentStep(graph: ComputationGraph, point: GraphPoint, lr: number): Record<string, number> {
  const pass = backward(graph, point);
  const next: Record<string, number> = { ...point };
  graph.params.forEach((p, i) => {
    next[p] = (point[p] ?? 0) - lr * (pass.gradient[i] as number);
  });
  return next;
}
