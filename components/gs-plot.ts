import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { css, html, nothing, type PropertyValues, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from './define.js';
import { axesTemplate, formatTick } from './plot/axes.js';
import { clipRuns, niceYRange, type RealFunction, sampleCurve } from './plot/sample.js';
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
 *
 * @csspart svg - The SVG drawing.
 * @csspart legend - The legend under the plot.
 * @csspart probe - The draggable probe (a slider for keyboards and screen readers).
 *
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
        touch-action: none;
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
      .point-label {
        fill: var(--_fg);
        font-size: 12px;
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

  @property({ attribute: false }) curves: readonly PlotCurve[] = [];
  @property({ attribute: false }) paths: readonly PlotPath[] = [];
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

  /** The scales for the current size and data (exposed for tests and composite elements). */
  scales() {
    const x = scaleLinear()
      .domain(finiteRange(this.xmin, this.xmax, [-5, 5]))
      .range([MARGIN.left, this.size.width - MARGIN.right]);
    const runs = this.curves.map((c) => sampleCurve(c.fn, this.xmin, this.xmax, Math.min(800, this.size.width)));
    const mustShow = [
      ...this.paths.flatMap((p) => p.points.map((q) => q[1])),
      ...this.markers.map((m) => m.y),
      ...(this.probe !== undefined ? this.curves.slice(0, 1).map((c) => c.fn(this.probe as number)) : []),
    ];
    const [autoLo, autoHi] = niceYRange(runs.flat(), mustShow);
    const y = scaleLinear()
      .domain(finiteRange(this.ymin ?? autoLo, this.ymax ?? autoHi, [-1, 1]))
      .range([this.height - MARGIN.bottom, MARGIN.top]);
    return { x, y, runs };
  }

  override render() {
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
        ${this.paths.map((p, i) => this.pathTemplate(p, color(i + this.curves.length, p.color), x, y))}
        ${this.markers
          .filter((m) => Number.isFinite(x(m.x)) && Number.isFinite(y(m.y)))
          .map(
            (m) => svg`<circle cx=${x(m.x)} cy=${y(m.y)} r="5" fill=${m.color ?? 'var(--_bad)'}></circle>
            ${m.label ? svg`<text class="point-label" x=${x(m.x) + 8} y=${y(m.y) - 8}>${m.label}</text>` : null}`,
          )}
        ${this.probeTemplate(x, y)}
      </svg>
      ${legend.length ? html`<div part="legend">${legend.map((l) => html`<span><span class="swatch" style="background:${l.color}"></span>${l.label}</span>`)}</div>` : nothing}
    `;
  }

  private pathTemplate(p: PlotPath, color: string, x: (v: number) => number, y: (v: number) => number) {
    const pts = p.points.filter((q) => Number.isFinite(x(q[0])) && Number.isFinite(y(q[1])));
    return svg`<g class="path">
      ${
        p.connect !== false
          ? pts.slice(1).map((q, i) => {
              const from = pts[i] as readonly [number, number];
              return svg`<line x1=${x(from[0])} y1=${y(from[1])} x2=${x(q[0])} y2=${y(q[1])} stroke=${color} stroke-width="1.5" marker-end="url(#arrow)"></line>`;
            })
          : null
      }
      ${pts.map(
        (q, i) => svg`<circle cx=${x(q[0])} cy=${y(q[1])} r="4" fill=${color}></circle>
        ${p.labels?.[i] ? svg`<text class="point-label" x=${x(q[0]) + 6} y=${y(q[1]) - 7}>${p.labels[i]}</text>` : null}`,
      )}
    </g>`;
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

  private moveProbe(value: number): void {
    const clamped = Math.min(this.xmax, Math.max(this.xmin, value));
    const rounded = Number.parseFloat(clamped.toPrecision(4));
    if (rounded === this.probe) return;
    this.probe = rounded;
    emit<ProbeChangeDetail>(this, 'gs-probe-change', { x: rounded });
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
    if (this.probe === undefined) return;
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

defineElement('gs-plot', GsPlot);

declare global {
  interface HTMLElementTagNameMap {
    'gs-plot': GsPlot;
  }
}
