import { css, html, nothing, type PropertyValues, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Expr } from '../src/expr/ast.js';
import { readPoint } from '../src/expr/point.js';
import { texPartial, texSymbol, toTex } from '../src/expr/print-tex.js';
import { toText } from '../src/expr/print-text.js';
import {
  type BackwardPass,
  type BackwardStep,
  backward,
  buildGraph,
  type ComputationGraph,
  descentStep,
  type GraphEdge,
  type GraphStep,
  graphTrace,
  type SymbolicGradient,
  symbolicGradientAt,
} from '../src/graph/graph.js';
import { adjointTex, edgeFormulaTex, edgeTex, graphGradientTex, nodeTex, valueTex } from '../src/graph/print.js';
import { type Lang, messagesFor } from '../src/i18n/index.js';
import type { GraphMessages } from '../src/i18n/messages.js';
import { formatNumber, texNumber } from '../src/util/format.js';
import { katexStyles } from './katex/render.js';
import { type InputProblem, splitVars, toProblem } from './shared/engine.js';
import { emit } from './shared/events.js';
import { type LabelledLayout, labelledLayout } from './shared/layered-layout.js';
import { HINTS, hintTemplate } from './shared/limits.js';
import { MathElement } from './shared/math-element.js';
import { problemTemplate } from './shared/problem-view.js';
import { type StepChangeDetail, StepperController } from './shared/stepper.js';
import { math } from './shared/steps-view.js';
import { UI } from './shared/strings.js';
import { themeStyles } from './shared/styles.js';

/** Detail of `gs-step-change`: the shared detail, with the graph's phase besides. */
export interface GraphStepDetail extends StepChangeDetail {
  /** Steps done (0 = only the inputs have values). */
  readonly step: number;
  /** The phase of the last step done, or undefined at 0. */
  readonly phase: 'forward' | 'backward' | undefined;
}

/** Detail of `gs-descent-step`. */
export interface DescentStepDetail {
  /** The new point (parameters moved, data kept). */
  readonly point: Readonly<Record<string, number>>;
  readonly loss: number;
  readonly previousLoss: number;
}

const SIZES = { nodeWidth: 104, nodeHeight: 60, columnGap: 38, rowGap: 16 } as const;
/** Room between the drawing's edge and its content. */
const PAD = 4;
/**
 * The smallest scale the drawing is shrunk to so that it fits the element's width: its 12 px
 * text stays at 9 px or more. A drawing that would need less scrolls sideways instead.
 */
export const MIN_SCALE = 0.75;
/** A label's size before the browser has measured it: about 6 px a character of its text form, one fraction high. */
const estimate = (text: string) => ({ width: 6 * (text.length + 12), height: 30 });

/**
 * Backpropagation as the chain rule on a graph. The expression is drawn as its
 * computation graph, inputs to output left to right; step through the forward
 * pass (each node's value) and then the backward pass (each node's adjoint
 * ∂L/∂node, written out as the product of the local derivatives along every path
 * to the output), with each edge's local derivative ∂parent/∂child as a formula
 * and a number. At the end the gradient read off the parameters is set beside the
 * symbolic gradient; a button takes one gradient-descent step with it.
 *
 * @tagname gs-graph
 * @summary Forward and backward pass on a computation graph, step by step.
 *
 * Keyboard (when the element has the focus, as in gs-optimizer: one shared stepper): ← previous step,
 * → next, space play/pause, Home back to the start, End the last step.
 *
 * @attr expr - The loss, as a person types it (`(sigmoid(w*x + b) - y)^2`). Untrusted: parsed, never evaluated.
 * @attr params - The parameters, comma-separated (default: every variable).
 * @attr at - A value for every variable: `w=0.5, b=0.1, x=2, y=1`.
 * @attr lr - The learning rate of the descent button (default 0.5).
 * @attr step - Steps shown (0 = only the inputs; forward steps, then backward steps).
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @fires gs-step-change - The shown step changed; `detail.step`, `detail.phase`. Bubbles and is composed.
 * @fires gs-descent-step - A gradient-descent step was taken; `detail.point`, `detail.loss`, `detail.previousLoss`. Bubbles and is composed.
 *
 * @csspart graph - The drawing of the graph: shrunk to the element's width (to 3/4 at most), scrolled sideways beyond that.
 * @csspart node - Each node's box (with `data-node`, the node's name).
 * @csspart edge - Each edge.
 * @csspart edge-label - Each edge's label, ∂parent/∂child = formula = number (with `data-edge`, the edge's id), shown from the backward step that uses it.
 * @csspart controls - The reset / previous / play / next buttons.
 * @csspart step - The current step's formulas.
 * @csspart gradient - The gradient by backpropagation and the symbolic one.
 * @csspart descent - The gradient-descent button and the loss.
 * @csspart table - The graph as tables of nodes and edges.
 * @csspart error - An inline error for an unreadable expression or point.
 * @csspart hint - A short hint shown while the element has nothing to show (no expression given yet).
 *
 * @cssprop [--gs-accent] - Accent colour: the current node and edges, the parameters.
 * @cssprop [--gs-graph-node-background] - Fill of the node boxes.
 */
export class GsGraph extends MathElement {
  static override styles = [
    themeStyles,
    katexStyles,
    css`
      :host {
        display: block;
        --_node-bg: var(--gs-graph-node-background, var(--_bg));
      }
      :host(:focus-visible) {
        outline: 2px solid var(--_accent);
        outline-offset: 4px;
      }
      [part='graph'] {
        background: var(--_surface);
        border-radius: var(--_radius);
        padding: 0.5em;
      }
      svg {
        display: block;
        font-size: 12px;
        font-variant-numeric: tabular-nums;
      }
      .box {
        fill: var(--_node-bg);
        stroke: var(--_border);
        stroke-width: 1.2;
      }
      .param .box {
        stroke: var(--_accent);
        stroke-width: 2;
      }
      .output .box {
        stroke-width: 2.5;
        stroke: var(--_fg);
      }
      .current .box {
        fill: color-mix(in srgb, var(--_accent) 22%, var(--_node-bg));
      }
      text {
        fill: var(--_fg);
      }
      .name {
        font-weight: 600;
      }
      .pending {
        fill: var(--_muted);
      }
      .adj {
        fill: var(--_series-2);
      }
      path.edge {
        fill: none;
        stroke: var(--_muted);
        stroke-width: 1.2;
      }
      path.edge.active {
        stroke: var(--_accent);
        stroke-width: 2.5;
      }
      .fit {
        position: relative;
        overflow: hidden;
      }
      .canvas {
        position: absolute;
        left: 0;
        top: 0;
        transform-origin: 0 0;
      }
      /* A relayout (a gap widening for the labels that appear, a new scale) moves things smoothly. */
      .fit,
      .canvas,
      [part='node'],
      path.edge,
      .edge-label {
        transition-duration: 0.35s;
        transition-timing-function: ease-in-out;
      }
      .fit {
        transition-property: width, height;
      }
      .canvas {
        transition-property: transform;
      }
      [part='node'] {
        transition-property: transform;
      }
      path.edge {
        transition-property: d;
      }
      .edge-label {
        transition-property: left, top;
      }
      @media (prefers-reduced-motion: reduce) {
        .fit,
        .canvas,
        [part='node'],
        path.edge,
        .edge-label {
          transition: none;
        }
      }
      .edge-label {
        position: absolute;
        width: max-content;
        white-space: nowrap;
        font-size: 12px;
        line-height: 1.2;
        padding: 1px 5px;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 4px;
        visibility: hidden;
      }
      .edge-label.shown {
        visibility: visible;
      }
      .edge-label.active {
        border-color: var(--_accent);
        color: var(--_accent);
        box-shadow: 0 0 0 1px var(--_accent);
      }
      .legend,
      .hint {
        font-size: 0.8em;
        color: var(--_muted);
        margin: 0.3em 0;
      }
      [part='controls'] {
        display: flex;
        gap: 0.4em;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.4em 0;
      }
      .counter {
        margin-left: 0.4em;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      [part='step'],
      [part='gradient'] {
        background: var(--_surface);
        border-radius: var(--_radius);
        padding: 0.4em 0.7em;
        overflow-x: auto;
        margin: 0.4em 0;
      }
      [part='step'] {
        min-height: 4.5em;
      }
      .label {
        color: var(--_muted);
        font-size: 0.85em;
        margin-top: 0.3em;
      }
      .agree {
        color: var(--_good);
        font-weight: 600;
      }
      .disagree {
        color: var(--_bad);
        font-weight: 600;
      }
      [part='descent'] {
        display: flex;
        gap: 0.6em;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.4em 0;
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        font-size: 0.9em;
        margin: 0.4em 0;
      }
      th,
      td {
        text-align: left;
        padding: 0.15em 0.6em;
        border-bottom: 1px solid var(--_border);
        white-space: nowrap;
      }
      td.num {
        text-align: right;
      }
      tr.current {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
      }
    `,
  ];

  @property() expr = '';
  @property() params = '';
  @property() at = '';
  @property() lr = '';
  /** Steps shown: 0 is the inputs only; at most the number of steps of both passes. */
  @property({ type: Number, reflect: true }) step = 0;

  @state() private graph: ComputationGraph | undefined;
  @state() private point: Record<string, number> = {};
  @state() private pass: BackwardPass | undefined;
  @state() private problem: InputProblem | undefined;
  @state() private previousLoss: number | undefined;
  /** The tables are typeset only while open (a graph of a hundred nodes is a few hundred formulas). */
  @state() private tableOpen = false;
  private trace: GraphStep[] = [];
  private layout: LabelledLayout | undefined;
  /** The edge labels' measured sizes, by edge id (the layout makes room for them). */
  private labelSizes: ({ width: number; height: number } | undefined)[] = [];
  private labelObserver: ResizeObserver | undefined;
  /** The width the drawing may take (the graph box's content width), once measured. */
  @state() private room: number | undefined;
  private roomObserver: ResizeObserver | undefined;
  private laidOutFor: { graph: ComputationGraph | undefined; shown: string } = { graph: undefined, shown: '' };
  private observed = new WeakSet<Element>();
  private symbolic: SymbolicGradient | undefined;
  private readonly stepper = new StepperController<GraphStepDetail>(this, {
    count: () => this.trace.length,
    ready: () => this.graph !== undefined,
    intervalMs: 900,
    detail: (step) => ({ step, phase: this.trace[step - 1]?.phase }),
  });

  /** The graph (undefined while the expression or the point cannot be used). */
  get current(): ComputationGraph | undefined {
    return this.graph;
  }

  /** The backward pass at the current point. */
  get result(): BackwardPass | undefined {
    return this.pass;
  }

  /** The current point (the parameters move with each descent step). */
  get values(): Readonly<Record<string, number>> {
    return this.point;
  }

  /** Every step of both passes, in order. */
  get steps(): readonly GraphStep[] {
    return this.trace;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['expr', 'params', 'at', 'lang'].some((k) => changed.has(k as keyof GsGraph))) this.build();
    const clamped = Math.max(0, Math.min(this.trace.length, Math.trunc(this.step) || 0));
    if (clamped !== this.step) this.step = clamped;
    this.relayout();
  }

  private build(): void {
    const lang = this.speaks;
    this.problem = undefined;
    this.graph = undefined;
    this.pass = undefined;
    this.trace = [];
    this.previousLoss = undefined;
    if (!this.expr.trim()) return;
    let input = this.expr;
    try {
      const params = splitVars(this.params);
      input = this.at;
      const point = readPoint(this.at);
      input = this.expr;
      const graph = buildGraph(this.expr, {
        ...(params.length ? { params } : {}),
        vars: [...params, ...Object.keys(point)],
      });
      this.graph = graph;
      // A new graph: its labels are measured afresh (the old ones are no longer watched).
      this.labelSizes = [];
      this.labelObserver?.disconnect();
      this.observed = new WeakSet();
      this.evaluate(point);
    } catch (error) {
      this.graph = undefined;
      this.problem = toProblem(input, error, lang);
    }
  }

  private evaluate(point: Record<string, number>): void {
    const graph = this.graph as ComputationGraph;
    this.point = point;
    const pass = backward(graph, point);
    this.pass = pass;
    this.trace = graphTrace(graph, pass);
    this.laidOutFor = { graph: undefined, shown: '' };
    this.relayout();
    try {
      this.symbolic = symbolicGradientAt(graph, point, pass);
    } catch {
      this.symbolic = undefined; // too large to derive symbolically: the comparison is left out
    }
  }

  private get learningRate(): number {
    const lr = Number(this.lr);
    return this.lr.trim() !== '' && Number.isFinite(lr) && lr > 0 ? lr : 0.5;
  }

  /** Takes one gradient-descent step on the parameters with the backpropagated gradient, and shows the new graph computed. */
  descend(): void {
    const graph = this.graph;
    const pass = this.pass;
    if (!graph || !pass) return;
    this.pause();
    const previousLoss = pass.value;
    const lang = this.speaks;
    try {
      this.evaluate(descentStep(graph, this.point, this.learningRate));
    } catch (error) {
      this.problem = toProblem(this.expr, error, lang);
      return;
    }
    this.previousLoss = previousLoss;
    this.step = this.trace.length;
    emit(this, 'gs-descent-step', {
      point: { ...this.point },
      loss: (this.pass as BackwardPass).value,
      previousLoss,
    });
  }

  /** The edges whose label is shown at the current step: from the backward step that uses it on. */
  private shownEdges(): Set<number> {
    const graph = this.graph;
    const shown = new Set<number>();
    if (!graph) return shown;
    const done = new Set<number>();
    this.trace.slice(0, this.step).forEach((s) => {
      if (s.phase === 'backward') done.add(s.node);
    });
    for (const e of graph.edges) if (done.has(e.from)) shown.add(e.id);
    return shown;
  }

  /**
   * Lays the graph out with room for the labels shown at this step (measured ones at their
   * measured size): before the backward pass the columns stand close together, and a gap
   * widens as the labels of the edges that cross it appear.
   */
  private relayout(force = false): void {
    const graph = this.graph;
    if (!graph) return;
    const shownSet = this.shownEdges();
    const shown = [...shownSet].join(',');
    if (!force && this.layout && this.laidOutFor.graph === graph && this.laidOutFor.shown === shown) return;
    this.laidOutFor = { graph, shown };
    this.layout = labelledLayout(
      { inputs: graph.nodes.map((n) => n.inputs), layer: graph.nodes.map((n) => n.layer) },
      graph.edges,
      SIZES,
      (k) =>
        shownSet.has(k) ? (this.labelSizes[k] ?? estimate(toText((graph.edges[k] as GraphEdge).local))) : undefined,
    );
  }

  /** The drawing's scale: shrunk to fit the room it has, never below MIN_SCALE (then it scrolls). */
  private get scale(): number {
    const layout = this.layout;
    if (!layout || this.room === undefined || !(this.room > 0)) return 1;
    const w = layout.width + 2 * PAD;
    return Math.max(MIN_SCALE, Math.min(1, this.room / w));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.labelObserver?.disconnect();
    this.labelObserver = undefined;
    this.roomObserver?.disconnect();
    this.roomObserver = undefined;
  }

  /** Measures the room the drawing has (the graph box's content width), again when the element is resized. */
  private watchRoom(): void {
    if (typeof ResizeObserver === 'undefined') return;
    const box = this.renderRoot.querySelector<HTMLElement>('[part="graph"]');
    if (!box) return;
    if (!this.roomObserver) {
      this.roomObserver = new ResizeObserver((entries) => {
        const width = entries.at(-1)?.contentRect.width;
        if (width !== undefined && width > 0 && Math.abs(width - (this.room ?? 0)) > 0.5) this.room = width;
      });
    }
    if (!this.observed.has(box)) {
      this.observed.add(box);
      this.roomObserver.disconnect();
      this.roomObserver.observe(box);
    }
  }

  /** Measures the edge labels as the browser typeset them (again when a font arrives) and lays out again if they changed. */
  private watchLabels(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.labelObserver ??= new ResizeObserver(() => {
      let changed = false;
      for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.edge-label')) {
        const k = Number(box.dataset.edge);
        const size = { width: box.offsetWidth, height: box.offsetHeight };
        if (!(size.width > 0)) continue;
        const known = this.labelSizes[k];
        this.labelSizes[k] = size;
        if (!known || Math.abs(known.width - size.width) > 1 || Math.abs(known.height - size.height) > 1)
          changed = true;
      }
      if (changed) {
        this.relayout(true);
        this.requestUpdate();
      }
    });
    for (const box of this.renderRoot.querySelectorAll('.edge-label')) {
      if (this.observed.has(box)) continue;
      this.observed.add(box);
      this.labelObserver.observe(box);
    }
  }

  protected override updated(): void {
    this.watchLabels();
    this.watchRoom();
    // Keep the current step in view when the drawing is wider than the page: its node and,
    // in the backward pass, the labels of the edges it uses (centred when they fit; else from the node).
    const current = this.trace[this.step - 1];
    const scroller = this.renderRoot.querySelector<HTMLElement>('[part="graph"]');
    const layout = this.layout;
    const x = current && layout ? layout.x[current.node] : undefined;
    if (!scroller || !layout || !current || x === undefined || scroller.scrollWidth <= scroller.clientWidth) return;
    const k = this.scale;
    let from = x - SIZES.nodeWidth / 2;
    let to = x + SIZES.nodeWidth / 2;
    if (current.phase === 'backward') {
      for (const t of current.terms) {
        const box = layout.labels[t.edge];
        if (box) to = Math.max(to, box.x + box.width);
      }
    } else {
      for (const e of this.graph?.edges ?? [])
        if (e.to === current.node) from = Math.min(from, (layout.x[e.from] as number) - SIZES.nodeWidth / 2);
      from = Math.max(from, to - scroller.clientWidth + 2 * PAD);
    }
    from *= k;
    to *= k;
    const span = to - from + 2 * PAD;
    const left = span <= scroller.clientWidth ? from - (scroller.clientWidth - span) / 2 : from - PAD;
    const target = Math.max(0, Math.min(scroller.scrollWidth - scroller.clientWidth, left));
    // Only when the step is not already in view, so that the reader's own scrolling is kept.
    const shown = scroller.scrollLeft <= from && scroller.scrollLeft + scroller.clientWidth >= to + 2 * PAD;
    if (!shown) scroller.scrollLeft = target;
  }

  next(): void {
    this.stepper.next();
  }

  previous(): void {
    this.stepper.previous();
  }

  reset(): void {
    this.stepper.reset();
  }

  play(): void {
    this.stepper.play();
  }

  pause(): void {
    this.stepper.pause();
  }

  // ---------------------------------------------------------------- what is known at this step

  /** Node id → index of its forward step / backward step in the trace. */
  private indices(): { fwd: Map<number, number>; bwd: Map<number, number> } {
    const fwd = new Map<number, number>();
    const bwd = new Map<number, number>();
    this.trace.forEach((s, k) => {
      (s.phase === 'forward' ? fwd : bwd).set(s.node, k);
    });
    return { fwd, bwd };
  }

  override render(): unknown {
    const lang = this.speaks;
    const T = messagesFor(lang).graph;
    if (this.problem) return problemTemplate(this.problem);
    // An empty expr is not an error, but the element must not stay blank.
    if (!this.expr.trim()) return hintTemplate(HINTS.expr, lang);
    const graph = this.graph;
    const pass = this.pass;
    if (!graph || !pass) return nothing;
    const total = this.trace.length;
    const current = this.trace[this.step - 1];
    const forwardCount = this.trace.filter((s) => s.phase === 'forward').length;
    const phase =
      current === undefined
        ? ''
        : current.phase === 'forward'
          ? `${T.forward} ${this.step}/${forwardCount}`
          : `${T.backward} ${this.step - forwardCount}/${total - forwardCount}`;
    return html`
      <div part="graph" class="scroll-x" tabindex="0" role="region" aria-label=${T.graph}>${this.drawing(graph, pass, lang)}</div>
      <div class="legend">${T.legend}</div>
      ${this.stepper.controls(lang, `${UI.step[lang]} ${this.step} / ${total}${phase ? ` · ${phase}` : ''}`)}
      <div class="hint">${UI.keyboardHint[lang]}</div>
      <div part="step" aria-live="polite" tabindex="0" role="region" aria-label=${UI.step[lang]}>${this.stepTemplate(graph, pass, current, lang)}</div>
      ${this.step >= total ? this.gradientTemplate(graph, pass, lang) : nothing}
      <div part="descent">
        <button class="descend" @click=${() => this.descend()}>${T.descend} (η = ${formatNumber(this.learningRate)})</button>
        <span class="loss" role="status">${T.loss} ${graph.nodes[pass.output]?.name} =
          ${this.previousLoss !== undefined ? `${formatNumber(this.previousLoss)} → ` : ''}${formatNumber(pass.value)}</span>
      </div>
      ${this.tableTemplate(graph, pass, lang)}
    `;
  }

  private drawing(graph: ComputationGraph, pass: BackwardPass, lang: Lang) {
    const T = messagesFor(lang).graph;
    const layout = this.layout as LabelledLayout;
    const { fwd, bwd } = this.indices();
    const done = this.step;
    const current = this.trace[done - 1];
    const known = (id: number) => {
      const k = fwd.get(id);
      return k === undefined ? graph.nodes[id]?.kind !== 'operation' : k < done;
    };
    const adjointKnown = (id: number) => {
      const k = bwd.get(id);
      return k !== undefined && k < done;
    };
    const activeEdges = new Set<number>();
    if (current?.phase === 'backward') for (const t of current.terms) activeEdges.add(t.edge);
    if (current?.phase === 'forward') for (const e of graph.edges) if (e.to === current.node) activeEdges.add(e.id);
    const hw = SIZES.nodeWidth / 2;
    const hh = SIZES.nodeHeight / 2;
    // An edge's label is shown from the backward step that uses its local derivative on.
    const shown = (e: GraphEdge) => adjointKnown(e.from);
    const edges = graph.edges.map((e) => {
      const x1 = (layout.x[e.from] as number) + hw;
      const y1 = layout.y[e.from] as number;
      const x2 = (layout.x[e.to] as number) - hw;
      const y2 = layout.y[e.to] as number;
      const box = layout.labels[e.id];
      const active = activeEdges.has(e.id);
      let d = `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`;
      if (box && shown(e)) {
        // Into the label's left side, along under it, and out of its right side to the parent.
        const ly = box.y + box.height / 2;
        const lx = box.x - 2;
        const rx = box.x + box.width + 2;
        const m1 = (x1 + lx) / 2;
        const m2 = (rx + x2) / 2;
        d = `M${x1},${y1} C${m1},${y1} ${m1},${ly} ${lx},${ly} L${rx},${ly} C${m2},${ly} ${m2},${y2} ${x2},${y2}`;
      }
      return svg`<path part="edge" class="edge ${active ? 'active' : ''}" data-edge=${e.id} d=${d} style=${`d: path('${d}')`} marker-end="url(#arrow)"></path>`;
    });
    const labels = graph.edges.map((e) => {
      const box = layout.labels[e.id];
      const style = box ? { left: `${box.x + PAD}px`, top: `${box.y + PAD}px` } : {};
      const cls = `edge-label ${shown(e) ? 'shown' : ''} ${activeEdges.has(e.id) && shown(e) ? 'active' : ''}`;
      return html`<div part="edge-label" class=${cls} data-edge=${e.id} style=${styleMap(style)}>${math(edgeTex(graph, pass, e.id, true))}</div>`;
    });
    const nodes = graph.nodes.map((n) => {
      const x = -hw;
      const y = -hh;
      const move = `transform: translate(${layout.x[n.id] as number}px, ${layout.y[n.id] as number}px)`;
      const isCurrent = current?.node === n.id;
      const head = n.kind === 'operation' ? `${n.name}  ${n.symbol}` : n.name;
      const value = known(n.id) ? formatNumber(pass.values[n.id] as number, 4) : '?';
      const adjoint = adjointKnown(n.id) ? `∂ ${formatNumber(pass.adjoints[n.id] as number, 4)}` : '';
      const cls = `${n.param ? 'param' : ''} ${n.id === pass.output ? 'output' : ''} ${isCurrent ? 'current' : ''}`;
      return svg`<g part="node" class=${cls} data-node=${n.name} style=${move}>
        <rect class="box" x=${x} y=${y} width=${SIZES.nodeWidth} height=${SIZES.nodeHeight} rx="8"></rect>
        <text class="name" x=${x + 8} y=${y + 16}>${head}</text>
        <text class="value ${known(n.id) ? '' : 'pending'}" x=${x + 8} y=${y + 33}>${value}</text>
        <text class="adj" x=${x + 8} y=${y + 50}>${adjoint}</text>
      </g>`;
    });
    const w = layout.width + 2 * PAD;
    const h = layout.height + 2 * PAD;
    const label = `${T.graph}: ${graph.nodes.length} ${T.node}, ${graph.edges.length} ${T.edge}`;
    const k = this.scale;
    return html`<div class="fit" style=${styleMap({ width: `${w * k}px`, height: `${h * k}px` })}>
      <div class="canvas" style=${styleMap({ width: `${w}px`, height: `${h}px`, transform: `scale(${k})` })}>
      <svg width=${w} height=${h} viewBox=${`${-PAD} ${-PAD} ${w} ${h}`} role="img" aria-label=${label}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" style="color: var(--_muted)"></path>
          </marker>
        </defs>
        ${edges}${nodes}
      </svg>
      <div class="edge-labels" aria-hidden="true">${labels}</div>
    </div></div>`;
  }

  private stepTemplate(graph: ComputationGraph, pass: BackwardPass, s: GraphStep | undefined, lang: Lang) {
    const T = messagesFor(lang).graph;
    if (!s) {
      const inputs = graph.nodes.filter((n) => n.kind === 'input');
      return html`<div class="label">${T.start}</div>
        ${math(inputs.map((n) => valueTex(graph, pass, n.id)).join(',\\quad '))}`;
    }
    const node = graph.nodes[s.node];
    if (!node) return nothing;
    if (s.phase === 'forward') {
      const inputs = node.inputs.map((i) => valueTex(graph, pass, i)).join(',\\ ');
      return html`<div class="label">${T.forward}</div>
        ${math(`${nodeTex(graph, node.id)} = ${texNumber(s.value)}`, true)}
        <div class="label">${T.where}</div>
        ${math(inputs)}`;
    }
    const step = s as BackwardStep;
    return html`<div class="label">${T.backward}${
      step.terms.length === 0 ? html` — ${T.seed}` : html` — ${step.paths ? T.chain : T.sumParents}`
    }</div>
      ${math(adjointTex(graph, pass, step), true)}
      ${
        step.terms.length
          ? html`<div class="label">${T.locals}</div>
            ${step.terms.map((t) => html`<div>${math(edgeTex(graph, pass, t.edge))}</div>`)}`
          : nothing
      }`;
  }

  private gradientTemplate(graph: ComputationGraph, pass: BackwardPass, lang: Lang) {
    const T = messagesFor(lang).graph;
    const sym = this.symbolic;
    const out = graph.nodes[pass.output]?.name ?? 'L';
    return html`<div part="gradient">
      <div class="label">${T.backprop}</div>
      ${math(graphGradientTex(graph, pass), true)}
      ${
        sym
          ? html`<div class="label">${T.symbolic}</div>
            ${graph.params.map(
              (p, i) =>
                html`<div class="symbolic">${math(`${texPartial(out, p)} = ${toTex(sym.partials[i] as Expr)} = ${texNumber(sym.values[i] as number)}`)}</div>`,
            )}
            <div class=${sym.agrees ? 'agree' : 'disagree'}>${sym.agrees ? T.agree : T.disagree}</div>`
          : nothing
      }
    </div>`;
  }

  private tableTemplate(graph: ComputationGraph, pass: BackwardPass, lang: Lang) {
    const T = messagesFor(lang).graph;
    return html`<details
      part="table"
      ?open=${this.tableOpen}
      @toggle=${(e: Event) => {
        this.tableOpen = (e.currentTarget as HTMLDetailsElement).open;
      }}
    >
      <summary>${T.table}</summary>
      ${this.tableOpen ? this.tables(graph, pass, T) : nothing}
    </details>`;
  }

  private tables(graph: ComputationGraph, pass: BackwardPass, T: GraphMessages) {
    const { fwd, bwd } = this.indices();
    const done = this.step;
    const current = this.trace[done - 1];
    const valueKnown = (id: number) => {
      const k = fwd.get(id);
      return k === undefined ? graph.nodes[id]?.kind !== 'operation' : k < done;
    };
    const adjointKnown = (id: number) => (bwd.get(id) ?? Number.POSITIVE_INFINITY) < done;
    const out = graph.nodes[pass.output]?.name ?? 'L';
    return html`<div class="table-wrap">
        <table>
          <caption class="label">${T.graph}</caption>
          <thead>
            <tr>
              <th scope="col">${T.nodeHeader}</th>
              <th scope="col">${T.operationHeader}</th>
              <th scope="col">${T.valueHeader}</th>
              <th scope="col">${T.adjointHeader} ∂${out}/∂·</th>
            </tr>
          </thead>
          <tbody>
            ${graph.nodes.map(
              (n) => html`<tr class=${current?.node === n.id ? 'current' : ''} data-node=${n.name}>
                <th scope="row">${math(texSymbol(n.name))}</th>
                <td>${n.kind === 'input' ? (n.param ? T.param : T.data) : math(nodeTex(graph, n.id))}</td>
                <td class="num">${valueKnown(n.id) ? formatNumber(pass.values[n.id] as number) : '—'}</td>
                <td class="num">${adjointKnown(n.id) ? formatNumber(pass.adjoints[n.id] as number) : '—'}</td>
              </tr>`,
            )}
          </tbody>
        </table>
        <table>
          <thead>
            <tr><th scope="col">${T.edgeHeader}</th><th scope="col">${T.localHeader}</th></tr>
          </thead>
          <tbody>
            ${graph.edges.map(
              (
                e,
              ) => html`<tr class=${current?.phase === 'backward' && current.terms.some((t) => t.edge === e.id) ? 'current' : ''} data-edge=${e.id}>
                <th scope="row">${graph.nodes[e.from]?.name} → ${graph.nodes[e.to]?.name}</th>
                <td>${math(adjointKnown(e.from) ? edgeTex(graph, pass, e.id) : edgeFormulaTex(graph, e.id))}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-graph': GsGraph;
  }
  interface GlobalEventHandlersEventMap {
    'gs-descent-step': CustomEvent<DescentStepDetail>;
    'gs-step-change': CustomEvent<StepChangeDetail>;
  }
}
