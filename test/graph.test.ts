import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reference from '../fixtures/graph.json' with { type: 'json' };
import { differentiate, gradient } from '../src/calculus/index.js';
import { isGradstepError } from '../src/errors.js';
import { type Expr, freeVars, size } from '../src/expr/ast.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';
import {
  type BackwardStep,
  backward,
  buildGraph,
  descentStep,
  forward,
  graphTrace,
  MAX_GRAPH_NODES,
} from '../src/graph/index.js';
import { adjointTex, edgeFormulaTex, edgeTex, graphDot, graphJson, graphTable } from '../src/graph/print.js';
import { arbExpr, arbPoint } from './support/arbitraries.js';
import { evaluate } from './support/evaluate.js';

const NEURON = '(1/(1+e^(-(w*x+b))) - y)^2';
const AT = { w: 0.5, b: 0.1, x: 2, y: 1 };

const close = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

describe('buildGraph', () => {
  it('is a DAG in topological order with equal sub-expressions shared', () => {
    const g = buildGraph('(1/(1+e^(-(w*x+b))) - y)^2 + e^(-(w*x+b))', {
      params: ['w', 'b'],
      vars: ['w', 'b', 'x', 'y'],
    });
    for (const n of g.nodes) for (const i of n.inputs) expect(i).toBeLessThan(n.id);
    // e^{-(wx+b)} occurs twice in the text and is one node with two parents.
    const exps = g.nodes.filter((n) => toText(n.expr) === 'e^(-(w*x + b))');
    expect(exps).toHaveLength(1);
    expect(g.edges.filter((e) => e.from === exps[0]?.id)).toHaveLength(2);
    // Each variable is one leaf.
    expect(g.nodes.filter((n) => n.kind === 'input').map((n) => n.name)).toEqual(['w', 'x', 'b', 'y']);
    expect(g.nodes[g.output]?.name).toBe('L');
  });

  it('shares w·x and x·w (a sum or product does not depend on the order of its inputs)', () => {
    const g = buildGraph('sin(w*x) + cos(x*w)');
    expect(g.nodes.filter((n) => n.symbol === '×')).toHaveLength(1);
  });

  it('keeps constants inside the operation that uses them, with one edge per distinct input', () => {
    const g = buildGraph('3*x*x + 2');
    const product = g.nodes.find((n) => n.symbol === '×');
    expect(product?.inputs).toHaveLength(1);
    expect(toText(g.edges.find((e) => e.to === product?.id)?.local as Expr)).toBe('6*x');
  });

  it('takes each local derivative from the differentiation engine', () => {
    const g = buildGraph(NEURON, { params: ['w', 'b'], vars: ['w', 'b', 'x', 'y'] });
    for (const e of g.edges) {
      const parent = g.nodes[e.to];
      const child = g.nodes[e.from];
      if (!parent || !child) throw new Error('edge to nowhere');
      const names = parent.inputs.map((i) => g.nodes[i]?.name as string);
      const direct = differentiate(parent.op, { wrt: child.name, vars: names }).result;
      expect(toText(e.local)).toBe(toText(direct));
    }
  });

  it('draws a constant expression as one constant node', () => {
    const g = buildGraph('2 + 3');
    expect(g.nodes).toHaveLength(1);
    expect(backward(g, {}).value).toBe(5);
  });

  it('refuses an expression larger than its node limit', () => {
    const terms = Array.from({ length: MAX_GRAPH_NODES + 10 }, (_, k) => `sin(x + ${k})`).join('+');
    expect(() => buildGraph(parse(terms, { maxLength: 1e6, maxNodes: 1e5 }).expr)).toThrow(/too large/);
  });

  it('refuses a point without a value for a variable', () => {
    const g = buildGraph(NEURON);
    expect(() => forward(g, { w: 1, b: 1, x: 1 })).toThrow(/y/);
  });
});

interface Case {
  expr: string;
  params: string[];
  at: Record<string, number>;
  value: number;
  gradient: number[];
}

describe('forward and backward against SymPy', () => {
  for (const c of reference.cases as unknown as Case[]) {
    it(c.expr, () => {
      const g = buildGraph(c.expr, { params: c.params, vars: Object.keys(c.at) });
      const pass = backward(g, c.at);
      expect(close(pass.value, c.value)).toBe(true);
      pass.gradient.forEach((v, i) => {
        expect(close(v, c.gradient[i] as number)).toBe(true);
      });
    });
  }

  it('a mini-batch gradient is the mean of the per-row gradients', () => {
    const c = reference.batch;
    const g = buildGraph(c.expr, { params: c.params, vars: ['w', 'b', 'x', 'y'] });
    const sum = [0, 0];
    let loss = 0;
    for (const [x, y] of c.rows) {
      const pass = backward(g, { ...c.at, x: x as number, y: y as number });
      loss += pass.value / c.rows.length;
      pass.gradient.forEach((v, i) => {
        sum[i] = (sum[i] as number) + v / c.rows.length;
      });
    }
    expect(close(loss, c.loss)).toBe(true);
    sum.forEach((v, i) => {
      expect(close(v, c.gradient[i] as number)).toBe(true);
    });
  });

  it('one descent step lowers the loss', () => {
    const g = buildGraph(NEURON, { params: ['w', 'b'] });
    const next = descentStep(g, AT, 0.5);
    expect(next.x).toBe(2);
    expect(forward(g, next).value).toBeLessThan(forward(g, AT).value);
  });
});

describe('the trace', () => {
  it('computes every operation forward, then every node backward from the output', () => {
    const g = buildGraph(NEURON, { params: ['w', 'b'] });
    const pass = backward(g, AT);
    const steps = graphTrace(g, pass);
    const fwd = steps.filter((s) => s.phase === 'forward');
    const bwd = steps.filter((s): s is BackwardStep => s.phase === 'backward');
    expect(fwd.map((s) => s.node)).toEqual(g.nodes.filter((n) => n.kind === 'operation').map((n) => n.id));
    expect(steps.indexOf(bwd[0] as BackwardStep)).toBe(fwd.length);
    expect(bwd[0]?.node).toBe(g.output);
    expect(bwd[0]?.adjoint).toBe(1);
    // Backward goes from the output towards the leaves: each node after all its parents.
    const seen = new Set<number>();
    for (const s of bwd) {
      for (const t of s.terms) expect(seen.has(t.parent)).toBe(true);
      // The adjoint is the sum of parent adjoint × local, and the sum over paths of the products.
      const sum = s.terms.reduce((acc, t) => acc + t.parentAdjoint * t.local, 0);
      if (s.node !== g.output) expect(close(s.adjoint, sum)).toBe(true);
      const viaPaths = (s.paths ?? []).reduce(
        (acc, p) => acc + p.reduce((q, e) => q * (pass.locals[e] as number), 1),
        0,
      );
      expect(close(s.adjoint, viaPaths)).toBe(true);
      seen.add(s.node);
    }
    const w = bwd.find((s) => g.nodes[s.node]?.name === 'w') as BackwardStep;
    expect(adjointTex(g, pass, w)).toMatch(/^\\frac\{\\partial L\}\{\\partial w\} = .*\\cdot .* = -0\.187175$/);
  });
});

describe('printers', () => {
  const g = buildGraph(NEURON, { params: ['w', 'b'] });
  const pass = backward(g, AT);

  it('DOT: one node per graph node with value and adjoint, one edge per edge with its local derivative', () => {
    const dot = graphDot(g, pass);
    expect(dot.startsWith('digraph computation {')).toBe(true);
    expect(dot.match(/ \[label="/g)?.length).toBe(g.nodes.length + g.edges.length);
    expect(dot).toContain('∂L/∂w = -0.187175');
    expect(dot).toContain('∂v1/∂w = x = 2');
  });

  it('a table, JSON and TeX of the edges', () => {
    expect(graphTable(g, pass)).toContain('∂L/∂w = -0.187175, ∂L/∂b = -0.0935875');
    expect(graphTable(g, pass, 'ko')).toContain('그래디언트');
    const json = graphJson(g, pass);
    expect(json.gradient.w).toBeCloseTo(-0.1871749357314133, 12);
    expect(json.edges).toHaveLength(g.edges.length);
    expect(edgeTex(g, pass, 0)).toBe('\\frac{\\partial v_{1}}{\\partial w} = x = 2');
    // On one line for the drawing's labels, and without the number before the backward pass reaches it.
    expect(edgeTex(g, pass, 0, true)).toBe('\\partial v_{1}/\\partial w = x = 2');
    expect(edgeFormulaTex(g, 0)).toBe('\\frac{\\partial v_{1}}{\\partial w} = x');
  });
});

// ------------------------------------------------------------ properties

const VARS = ['w', 'b', 'x'];
const exprs = arbExpr({ vars: VARS, maxDepth: 3 });
const points = arbPoint(VARS);

function fd(f: (t: number) => number, t: number, h: number): number {
  return (8 * (f(t + h) - f(t - h)) - (f(t + 2 * h) - f(t - 2 * h))) / (12 * h);
}

/** A finite difference of `e` by `v` at `at`, or undefined where it is not stable (a kink, a pole, a cliff). */
function finiteDifference(e: Expr, v: string, at: Record<string, number>): number | undefined {
  const t0 = at[v] as number;
  const f = (t: number) => evaluate(e, { ...at, [v]: t });
  const h = 1e-3 * Math.max(1, Math.abs(t0));
  const d1 = fd(f, t0, h);
  const d2 = fd(f, t0, h / 2);
  if (!Number.isFinite(d1) || !Number.isFinite(d2) || Math.abs(f(t0)) > 1e6) return undefined;
  const scale = 1 + Math.abs(d2);
  if (Math.abs(d1 - d2) > 1e-6 * scale || scale > 1e6) return undefined;
  return d2;
}

/** The graph, or undefined where the engine refuses the expression (a negative base to a varying power, too large). */
function tryBuild(e: Expr) {
  try {
    return buildGraph(e, { params: VARS });
  } catch (error) {
    if (
      isGradstepError(error) &&
      (error.code === 'calculus/domain' ||
        error.code === 'calculus/too-large' ||
        error.code === 'expr/undefined-everywhere')
    ) {
      return undefined;
    }
    throw error;
  }
}

describe('properties over random expressions', () => {
  it('backprop gradient = symbolic gradient = finite difference', () => {
    let compared = 0;
    fc.assert(
      fc.property(exprs, points, (e, at) => {
        const g = freeVars(e).length ? tryBuild(e) : undefined;
        if (!g) return;
        const pass = backward(g, at);
        if (!Number.isFinite(pass.value)) return;
        const symbolic = gradient(e, { vars: VARS }).gradient.map((d) => evaluate(d, at));
        VARS.forEach((v, i) => {
          const mine = pass.gradient[i] as number;
          const theirs = symbolic[i] as number;
          const numeric = finiteDifference(e, v, at);
          if (!Number.isFinite(theirs) || numeric === undefined) return;
          compared++;
          const scale = 1 + Math.abs(theirs);
          if (Math.abs(mine - theirs) > 1e-7 * scale || Math.abs(mine - numeric) > 1e-5 * scale)
            throw new Error(
              `∂/∂${v} ${toText(e)} at ${JSON.stringify(at)}: graph ${mine}, symbolic ${theirs}, fd ${numeric}`,
            );
        });
      }),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it("each edge's local derivative is the derivative of the parent's operation by that input", () => {
    let compared = 0;
    fc.assert(
      fc.property(exprs, points, (e, at) => {
        const g = freeVars(e).length ? tryBuild(e) : undefined;
        if (!g) return;
        const pass = backward(g, at);
        const byName: Record<string, number> = {};
        for (const n of g.nodes) byName[n.name] = pass.values[n.id] as number;
        for (const edge of g.edges) {
          const parent = g.nodes[edge.to];
          const child = g.nodes[edge.from];
          if (!parent || !child) throw new Error('edge to nowhere');
          // Written in the parent operation's inputs (the child and its siblings), as the engine derives it from the operation.
          const inputs = new Set(parent.inputs.map((i) => g.nodes[i]?.name));
          for (const v of freeVars(edge.local))
            if (!inputs.has(v)) throw new Error(`${v} in ∂${parent.name}/∂${child.name}`);
          const names = parent.inputs.map((i) => g.nodes[i]?.name as string);
          expect(toText(edge.local)).toBe(toText(differentiate(parent.op, { wrt: child.name, vars: names }).result));
          const numeric = finiteDifference(parent.op, child.name, byName);
          const local = pass.locals[edge.id] as number;
          if (numeric === undefined || !Number.isFinite(local)) continue;
          // The number, the formula in the graph's names and the formula in the variables agree.
          const byFormula = evaluate(edge.local, byName);
          const expanded = evaluate(edge.localExpr, at);
          const scale = 1 + Math.abs(numeric);
          compared++;
          if (
            Math.abs(local - numeric) > 1e-5 * scale ||
            Math.abs(byFormula - local) > 1e-9 * scale ||
            (Number.isFinite(expanded) && Math.abs(expanded - local) > 1e-7 * scale)
          )
            throw new Error(`∂${parent.name}/∂${child.name} of ${toText(parent.op)}: ${local}, fd ${numeric}`);
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('the graph has at most as many operation nodes as the tree', () => {
    fc.assert(
      fc.property(exprs, (e) => {
        const g = tryBuild(e);
        if (g) expect(g.nodes.length).toBeLessThanOrEqual(size(e));
      }),
      { numRuns: 200 },
    );
  });
});
