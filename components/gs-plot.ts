import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { css, html, nothing, type PropertyValues, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { axesTemplate, formatTick } from './plot/axes.js';
import { type Box, type LabelRequest, placeLabels, pointBox } from './plot/labels.js';
import { clipRuns, niceYRange, type RealFunction, sampleCurve } from './plot/sample.js';
import { markedIndices, marksEvery } from './plot/thin.js';
import { emit } from './shared/events.js';
import { GsElement } from './shared/gs-element.js';
import { resolveLang } from './shared/lang.js';
import { type AttributeProblem, checkLimits, finiteRange, limitsTemplate, SHARED_LIMITS } from './shared/limits.js';
import { SERIES_COLORS, themeStyles } from './shared/styles.js';
import { WidthController } from './shared/width-controller.js';

/** A curve y = f(x). */
export interface PlotCurve {
  readonly fn: RealFunction;
  readonly label?: string;
  readonly color?: string;
  readonly dashed?: boolean;
}

/** A sequence of labelled points, e.g. an optimizer's iterates x₀, x₁, … */
export interface PlotPath {
  readonly points: readonly (readonly [number, number])[];
  readonly labels?: readonly string[];
  readonly label?: string;
  readonly color?: string;
  /** Draw arrows between consecutive points. */
  readonly connect?: boolean;
}

/** A single marked point, e.g. where two answers differ. */
export interface PlotMarker {
  readonly x: number;
  readonly y: number;
  readonly label?: string;
  readonly color?: string;
  /** Radius in px (default 5). */
  readonly size?: number;
}

/** Detail of `gs-point-pick`: the point of the plot that was clicked or tapped. */
export interface PointPickDetail {
  readonly x: number;
  readonly y: number;
}

/** Detail of `gs-probe-change`. */
export interface ProbeChangeDetail {
  readonly x: number;
}

const MARGIN = { top: 18, right: 16, bottom: 34, left: 46 };

/**
 * A 2-D function plot: curves, labelled point sequences, markers and an
 * optional draggable probe with its tangent line.
 *
 * @tagname gs-plot
 * @summary Plots y = f(x) with labelled points and a draggable tangent.
 *
 * @attr xmin - Left end of the x range, from -10⁶ to 10⁶.
 * @attr xmax - Right end of the x range, from -10⁶ to 10⁶.
 * @attr ymin - Bottom of the y range (automatic when omitted), from -10¹² to 10¹².
 * @attr ymax - Top of the y range (automatic when omitted), from -10¹² to 10¹².
 * @attr label - Accessible name of the plot.
 * @attr x-label - Label of the x axis.
 * @attr y-label - Label of the y axis.
 * @attr probe - x position of the draggable probe (omit for none), from -10⁶ to 10⁶.
 * @attr height - Height in CSS pixels, from 40 to 2000 (default 260).
 *
 * Refused attribute values are replaced by the default and named in a message; points
 * whose coordinates are not finite are left out of the drawing.
 *
 * @fires gs-probe-change - The probe moved; `detail.x` is its new position. Bubbles and is composed.
 * @fires gs-point-pick - Without a probe, the plot was clicked or tapped; `detail` is the point `{ x, y }`. Bubbles and is composed.
 *
 * @csspart svg - The SVG drawing.
 * @csspart legend - The legend under the plot.
 * @csspart probe - The draggable probe (a slider for keyboards and screen readers).
 *
 * @csspart error - A visible message naming a refused attribute value (the default is used instead).
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-accent] - Colour of the probe and tangent.
 * @cssprop [--gs-series-1] - First curve's colour (up to --gs-series-6).
 */
export class GsPlot extends GsElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      svg {
        display: block;
        width: 100%;
        overflow: visible;
        touch-action: pan-y;
        user-select: none;
      }
      .grid line {
        stroke: var(--_border);
        stroke-width: 0.5;
      }
      .axis line {
        stroke: var(--_muted);
      }
      .tick,
      .label,
      .point-label {
        fill: var(--_muted);
        font-size: 11px;
      }
      .leader {
        stroke: var(--_muted);
        stroke-width: 1;
      }
      .point-label {
        fill: var(--_fg);
        font-size: 12px;
        paint-order: stroke;
        stroke: var(--_bg);
        stroke-width: 3px;
        stroke-linejoin: round;
      }
      .edge-marker {
        stroke: var(--_bg);
        stroke-width: 1;
      }
      .curve {
        fill: none;
        stroke-width: 2;
      }
      .dashed {
        stroke-dasharray: 6 4;
      }
      .tangent {
        stroke: var(--_accent);
        stroke-width: 1.5;
        stroke-dasharray: 4 3;
      }
      .probe {
        fill: var(--_accent);
        stroke: var(--_bg);
        stroke-width: 2;
        cursor: grab;
      }
      .probe:focus-visible {
        outline: none;
        stroke: var(--_fg);
      }
      [part='legend'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
        font-size: 0.85em;
        color: var(--_muted);
        margin-top: 0.2em;
      }
      .swatch {
        display: inline-block;
        width: 1.2em;
        height: 0.25em;
        vertical-align: middle;
        margin-right: 0.3em;
        border-radius: 2px;
      }
    `,
  ];

  /** The curves y = f(x) to draw (compiled functions, not text), each with a label. */
  @property({ attribute: false }) curves: readonly PlotCurve[] = [];
  /** Polylines drawn over the curves (an optimizer's iterates). */
  @property({ attribute: false }) paths: readonly PlotPath[] = [];
  /** Labelled points marked on the plot. */
  @property({ attribute: false }) markers: readonly PlotMarker[] = [];
  /** Slope function for the tangent at the probe (usually f′). */
  @property({ attribute: false }) slope: RealFunction | undefined = undefined;
  @property({ type: Number }) xmin = -5;
  @property({ type: Number }) xmax = 5;
  @property({ type: Number }) ymin: number | undefined = undefined;
  @property({ type: Number }) ymax: number | undefined = undefined;
  @property({ type: Number }) probe: number | undefined = undefined;
  @property({ type: Number }) height = 260;
  @property() label = '';
  @property({ attribute: 'x-label' }) xLabel = 'x';
  @property({ attribute: 'y-label' }) yLabel = 'y';

  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    xmin: { ...SHARED_LIMITS.coordinate, fallback: -5 },
    xmax: { ...SHARED_LIMITS.coordinate, fallback: 5 },
    ymin: { kind: 'number', min: -1e12, max: 1e12, fallback: undefined },
    ymax: { kind: 'number', min: -1e12, max: 1e12, fallback: undefined },
    probe: SHARED_LIMITS.coordinate,
    height: { kind: 'number', min: 40, max: 2000, fallback: 260 },
  } as const;

  private readonly size = new WidthController(this, 480);
  private refused: AttributeProblem[] = [];

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsPlot.limits, resolveLang(this));
  }

  /** The scales for the current size and data. */
  private scales() {
    const x = scaleLinear()
      .domain(finiteRange(this.xmin, this.xmax, [-5, 5]))
      .range([MARGIN.left, this.size.width - MARGIN.right]);
    const runs = this.curves.map((c) => sampleCurve(c.fn, this.xmin, this.xmax, Math.min(800, this.size.width)));
    const mustShow = [
      // Points beyond the x range are marked at the edge; their heights need not stretch the plot.
      ...this.paths.flatMap((p) => p.points.filter((q) => q[0] >= this.xmin && q[0] <= this.xmax).map((q) => q[1])),
      ...this.markers.filter((m) => m.x >= this.xmin && m.x <= this.xmax).map((m) => m.y),
      ...(this.probe !== undefined ? this.curves.slice(0, 1).map((c) => c.fn(this.probe as number)) : []),
    ];
    const [autoLo, autoHi] = niceYRange(runs.flat(), mustShow);
    const y = scaleLinear()
      .domain(finiteRange(this.ymin ?? autoLo, this.ymax ?? autoHi, [-1, 1]))
      .range([this.height - MARGIN.bottom, MARGIN.top]);
    return { x, y, runs };
  }

  override render(): unknown {
    const { x, y, runs } = this.scales();
    const [yLo, yHi] = y.domain() as [number, number];
    const toPath = line<[number, number]>()
      .defined((p) => Number.isFinite(x(p[0])) && Number.isFinite(y(p[1])))
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    const color = (i: number, given?: string): string => given ?? (SERIES_COLORS[i % SERIES_COLORS.length] as string);
    const legend = [
      ...this.curves.map((c, i) => ({ label: c.label, color: color(i, c.color) })),
      ...this.paths.map((p, i) => ({ label: p.label, color: color(i + this.curves.length, p.color) })),
    ].filter((item) => item.label);
    return html`
      ${limitsTemplate(this.refused)}
      <svg
        part="svg"
        role=${this.probe === undefined ? 'img' : 'group'}
        aria-label=${this.label || nothing}
        viewBox="0 0 ${this.size.width} ${this.height}"
        height=${this.height}
        @pointerdown=${this.onPointerDown}
      >
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="context-stroke"></path>
          </marker>
          <clipPath id="area"><rect x=${MARGIN.left} y=${MARGIN.top} width=${Math.max(0, this.size.width - MARGIN.left - MARGIN.right)} height=${this.height - MARGIN.top - MARGIN.bottom}></rect></clipPath>
        </defs>
        ${axesTemplate(x, y, { x: this.xLabel, y: this.yLabel })}
        <g clip-path="url(#area)">
          ${this.curves.map((c, i) =>
            clipRuns(runs[i] ?? [], yLo, yHi).map(
              (run) =>
                svg`<path class="curve ${c.dashed ? 'dashed' : ''}" stroke=${color(i, c.color)} d=${toPath(run) ?? ''}></path>`,
            ),
          )}
          ${this.tangentTemplate(x, y)}
        </g>
        ${this.pointsTemplate(color, x, y)}
        ${this.probeTemplate(x, y)}
      </svg>
      ${legend.length ? html`<div part="legend">${legend.map((l) => html`<span><span class="swatch" style="background:${l.color}"></span>${l.label}</span>`)}</div>` : nothing}
    `;
  }

  /** Screen position of a data point, clamped to the plot area; `edge` says which side it was pushed to. */
  private place(
    q: readonly [number, number],
    x: ScaleLinear<number, number>,
    y: ScaleLinear<number, number>,
  ): { sx: number; sy: number; edge: '' | 'left' | 'right' | 'top' | 'bottom' } {
    const [x0, x1] = x.domain() as [number, number];
    const [y0, y1] = y.domain() as [number, number];
    const edge = q[0] < x0 ? 'left' : q[0] > x1 ? 'right' : q[1] < y0 ? 'bottom' : q[1] > y1 ? 'top' : '';
    return {
      sx: x(Math.min(x1, Math.max(x0, q[0]))),
      sy: y(Math.min(y1, Math.max(y0, q[1]))),
      edge,
    };
  }

  /**
   * The paths' points and arrows, the markers, and every label placed so that none
   * overlap. A point outside the range sits on the edge as a triangle with its value.
   */
  private pointsTemplate(
    color: (i: number, given?: string) => string,
    x: ScaleLinear<number, number>,
    y: ScaleLinear<number, number>,
  ) {
    const requests: LabelRequest[] = [];
    const obstacles: Box[] = [];
    const drawn = this.paths.map((p, i) => {
      const c = color(i + this.curves.length, p.color);
      const all = p.points
        .map((q, k) => ({ q, k }))
        .filter(({ q }) => Number.isFinite(q[0]) && Number.isFinite(q[1]))
        .map(({ q, k }) => ({ q, k, ...this.place(q, x, y) }));
      // A long path is one line with markers (and labels) at some of its points (plot/thin.ts).
      const keep = markedIndices(all.length);
      const pts = all.filter((pt, j) => keep.has(j) || pt.edge);
      const line = marksEvery(all.length) ? undefined : all.map((pt) => `${pt.sx},${pt.sy}`).join(' ');
      for (const pt of pts) {
        obstacles.push(pointBox(pt.sx, pt.sy));
        const name = p.labels?.[pt.k] ?? '';
        if (pt.edge) {
          const value = pt.edge === 'left' || pt.edge === 'right' ? pt.q[0] : pt.q[1];
          const axis = pt.edge === 'left' || pt.edge === 'right' ? this.xLabel : this.yLabel;
          requests.push({ x: pt.sx, y: pt.sy, text: `${name || axis} = ${formatTick(value)}`, important: true });
        } else requests.push({ x: pt.sx, y: pt.sy, text: name });
      }
      return { p, c, pts, line };
    });
    for (const m of this.markers) {
      const at = this.place([m.x, m.y], x, y);
      obstacles.push(pointBox(at.sx, at.sy, 5));
      requests.push({ x: at.sx, y: at.sy, text: m.label ?? '', important: true });
    }
    const [left, right] = x.range() as [number, number];
    const [bottom] = y.range() as [number, number];
    const labels = placeLabels(
      requests,
      { left: left - MARGIN.left + 2, top: 2, right: right + MARGIN.right - 2, bottom },
      obstacles,
    );
    const triangle = (sx: number, sy: number, edge: string) => {
      const turn = { left: 180, right: 0, top: -90, bottom: 90 }[edge] ?? 0;
      return svg`<path class="edge-marker" d="M-5,-6 L6,0 L-5,6 z" transform="translate(${sx},${sy}) rotate(${turn})"></path>`;
    };
    return svg`
      ${drawn.map(
        ({ p, c, pts, line }) => svg`<g class="path">
          ${
            p.connect !== false && line !== undefined
              ? svg`<polyline fill="none" stroke=${c} stroke-width="1.5" points=${line}></polyline>`
              : p.connect !== false
                ? pts.slice(1).map((q, i) => {
                    const from = pts[i] as (typeof pts)[number];
                    const clipped = Boolean(from.edge || q.edge);
                    return svg`<line x1=${from.sx} y1=${from.sy} x2=${q.sx} y2=${q.sy} stroke=${c} stroke-width="1.5" stroke-dasharray=${clipped ? '3 3' : nothing} marker-end=${clipped ? nothing : 'url(#arrow)'}></line>`;
                  })
                : null
          }
          ${pts.map((q) =>
            q.edge
              ? svg`<g class="edge" fill=${c}>${triangle(q.sx, q.sy, q.edge)}<title>${p.labels?.[q.k] ?? ''} (${formatTick(q.q[0])}, ${formatTick(q.q[1])})</title></g>`
              : svg`<circle cx=${q.sx} cy=${q.sy} r="4" fill=${c}><title>${p.labels?.[q.k] ? `${p.labels[q.k]} ` : ''}(${formatTick(q.q[0])}, ${formatTick(q.q[1])})</title></circle>`,
          )}
        </g>`,
      )}
      ${this.markers.map((m) => {
        const at = this.place([m.x, m.y], x, y);
        return at.edge
          ? svg`<g fill=${m.color ?? 'var(--_bad)'}>${triangle(at.sx, at.sy, at.edge)}</g>`
          : svg`<circle class="marker" cx=${at.sx} cy=${at.sy} r=${m.size ?? 5} fill=${m.color ?? 'var(--_bad)'}></circle>`;
      })}
      <g class="labels">${labels.map(
        (l) =>
          svg`${l.leader ? svg`<line class="leader" x1=${l.leader.x1.toFixed(1)} y1=${l.leader.y1.toFixed(1)} x2=${l.leader.x2.toFixed(1)} y2=${l.leader.y2.toFixed(1)}></line>` : nothing}<text class="point-label" x=${l.x.toFixed(1)} y=${l.y.toFixed(1)}>${l.text}</text>`,
      )}</g>`;
  }

  private tangentTemplate(x: (v: number) => number, y: (v: number) => number) {
    const f = this.curves[0]?.fn;
    if (this.probe === undefined || !f || !this.slope) return null;
    const x0 = this.probe;
    const y0 = f(x0);
    const m = this.slope(x0);
    if (!Number.isFinite(y0) || !Number.isFinite(m)) return null;
    const at = (v: number) => y0 + m * (v - x0);
    if (![x(this.xmin), y(at(this.xmin)), x(this.xmax), y(at(this.xmax))].every(Number.isFinite)) return null;
    return svg`<line class="tangent" x1=${x(this.xmin)} y1=${y(at(this.xmin))} x2=${x(this.xmax)} y2=${y(at(this.xmax))}></line>`;
  }

  private probeTemplate(x: (v: number) => number, y: (v: number) => number) {
    const f = this.curves[0]?.fn;
    if (this.probe === undefined || !f) return null;
    const y0 = f(this.probe);
    if (!Number.isFinite(y0) || !Number.isFinite(x(this.probe)) || !Number.isFinite(y(y0))) return null;
    const slope = this.slope?.(this.probe);
    const text = `x = ${formatTick(this.probe)}, f(x) = ${formatTick(y0)}${slope !== undefined && Number.isFinite(slope) ? `, f′(x) = ${formatTick(slope)}` : ''}`;
    return svg`<circle
      part="probe"
      class="probe"
      tabindex="0"
      role="slider"
      aria-label=${this.xLabel}
      aria-valuemin=${this.xmin}
      aria-valuemax=${this.xmax}
      aria-valuenow=${this.probe}
      aria-valuetext=${text}
      cx=${x(this.probe)}
      cy=${y(y0)}
      r="7"
      @keydown=${this.onKey}
    ></circle>`;
  }

  /** Without a probe, a click or tap reports the point of the plot under it. */
  private pick(event: PointerEvent): void {
    const svgEl = event.currentTarget as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    if (!box.width) return;
    const { x, y } = this.scales();
    const px = ((event.clientX - box.left) / box.width) * this.size.width;
    const py = ((event.clientY - box.top) / box.width) * this.size.width;
    const [left, right] = x.range() as [number, number];
    const [bottom, top] = y.range() as [number, number];
    if (px < left || px > right || py < top || py > bottom) return;
    const round = (v: number) => Number.parseFloat(v.toPrecision(3));
    emit(this, 'gs-point-pick', { x: round(x.invert(px)), y: round(y.invert(py)) });
  }

  private moveProbe(value: number): void {
    const clamped = Math.min(this.xmax, Math.max(this.xmin, value));
    const rounded = Number.parseFloat(clamped.toPrecision(4));
    if (rounded === this.probe) return;
    this.probe = rounded;
    emit(this, 'gs-probe-change', { x: rounded });
  }

  private onKey = (event: KeyboardEvent): void => {
    const step = (this.xmax - this.xmin) / (event.shiftKey ? 10 : 100);
    const moves: Record<string, number> = { ArrowRight: step, ArrowUp: step, ArrowLeft: -step, ArrowDown: -step };
    if (event.key in moves) {
      event.preventDefault();
      this.moveProbe((this.probe ?? 0) + (moves[event.key] as number));
    } else if (event.key === 'Home') this.moveProbe(this.xmin);
    else if (event.key === 'End') this.moveProbe(this.xmax);
  };

  private onPointerDown = (event: PointerEvent): void => {
    if (this.probe === undefined) {
      this.pick(event);
      return;
    }
    const svgEl = event.currentTarget as SVGSVGElement;
    const { x } = this.scales();
    const toX = (e: PointerEvent) => {
      const box = svgEl.getBoundingClientRect();
      return x.invert(((e.clientX - box.left) / box.width) * this.size.width);
    };
    svgEl.setPointerCapture?.(event.pointerId);
    this.moveProbe(toX(event));
    const move = (e: PointerEvent) => this.moveProbe(toX(e));
    const up = () => {
      svgEl.removeEventListener('pointermove', move);
      svgEl.removeEventListener('pointerup', up);
      svgEl.removeEventListener('pointercancel', up);
    };
    svgEl.addEventListener('pointermove', move);
    svgEl.addEventListener('pointerup', up);
    svgEl.addEventListener('pointercancel', up);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-plot': GsPlot;
  }
  interface GlobalEventHandlersEventMap {
    'gs-point-pick': CustomEvent<PointPickDetail>;
    'gs-probe-change': CustomEvent<ProbeChangeDetail>;
  }
}
