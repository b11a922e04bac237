import { type ScaleLinear, scaleLinear } from 'd3-scale';
import { css, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import type { PlotPath } from './gs-plot.js';
import { axesTemplate, formatTick } from './plot/axes.js';
import { contourBands, type RealFunction2 } from './plot/contour.js';
import { equalAxes } from './plot/fit.js';
import { placeLabels, pointBox } from './plot/labels.js';
import { markedIndices } from './plot/thin.js';
import { parseDomain } from './shared/domain.js';
import { emit } from './shared/events.js';
import { GsElement } from './shared/gs-element.js';
import { resolveLang } from './shared/lang.js';
import { type AttributeProblem, checkLimits, limitsTemplate, SHARED_LIMITS } from './shared/limits.js';
import { later } from './shared/scheduler.js';
import { SERIES_COLORS, themeStyles } from './shared/styles.js';
import { WidthController } from './shared/width-controller.js';

/** An arrow, e.g. the negative gradient at the current point. */
export interface PlotArrow {
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  readonly label?: string;
}

const MARGIN = { top: 14, right: 14, bottom: 34, left: 42 };

/** Fill of band i of n: a blend of two themeable colours (CSS variables cannot go through d3's interpolators). */
function bandFill(i: number, n: number): string {
  const pct = Math.round((i / Math.max(1, n - 1)) * 100);
  return `color-mix(in srgb, var(--_contour-high) ${pct}%, var(--_contour-low))`;
}

/** Detail of `gs-point-pick`: the point of the map that was clicked or tapped. */
export interface PointPickDetail {
  readonly x: number;
  readonly y: number;
}

/**
 * A contour map of f(x, y) with optimizer paths and arrows.
 *
 * @tagname gs-contour
 * @summary Contour map with paths, for functions of two variables.
 *
 * @attr domain - "xmin,xmax,ymin,ymax" (default "-5,5,-5,5"); each from -10⁶ to 10⁶, refused with a message otherwise.
 * @attr label - Accessible name of the map.
 * @attr x-label - Label of the horizontal axis.
 * @attr y-label - Label of the vertical axis.
 * @attr equal-axes - One unit is as long on both axes (the shorter side of the domain is widened).
 *
 * @fires gs-point-pick - The map was clicked or tapped; `detail` is the point `{ x, y }`. Bubbles and is composed.
 *
 * @csspart svg - The SVG drawing.
 * @csspart legend - The legend under the map.
 *
 * @csspart error - A visible message naming a refused attribute value (the default is used instead).
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-contour-low=#c9dbff] - Fill of the lowest band (a dark blue on dark pages).
 * @cssprop [--gs-contour-high=#fff4e0] - Fill of the highest band (a dark sand on dark pages).
 */
export class GsContour extends GsElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      svg {
        display: block;
        width: 100%;
        overflow: visible;
      }
      .band {
        stroke: var(--_muted);
        stroke-width: 0.6;
        stroke-opacity: 0.6;
      }
      .grid line {
        stroke: none;
      }
      .axis line {
        stroke: var(--_muted);
        stroke-opacity: 0.5;
      }
      .tick,
      .label {
        fill: var(--_muted);
        font-size: 11px;
      }
      .point-label {
        fill: var(--_fg);
        font-size: 12px;
        paint-order: stroke;
        stroke: var(--_bg);
        stroke-width: 3px;
        stroke-linejoin: round;
      }
      svg {
        cursor: crosshair;
      }
      .arrow {
        stroke: var(--_bad);
        stroke-width: 2;
      }
      [part='legend'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
        font-size: 0.85em;
        color: var(--_muted);
      }
      .swatch {
        display: inline-block;
        width: 1.2em;
        height: 0.25em;
        vertical-align: middle;
        margin-right: 0.3em;
      }
    `,
  ];

  /** The function f(x, y) whose level sets are filled (a compiled function, not text). */
  @property({ attribute: false }) fn: RealFunction2 | undefined = undefined;
  /** Paths drawn over the contours (an optimizer's iterates), each with an optional label and colour. */
  @property({ attribute: false }) paths: readonly PlotPath[] = [];
  /** Arrows drawn over the contours (gradient directions). */
  @property({ attribute: false }) arrows: readonly PlotArrow[] = [];
  @property({ converter: parseDomain })
  domain: readonly number[] = [-5, 5, -5, 5];
  @property() label = '';
  @property({ attribute: 'x-label' }) xLabel = 'x';
  @property({ attribute: 'y-label' }) yLabel = 'y';
  @property({ type: Boolean, attribute: 'equal-axes' }) equalAxes = false;

  /** The limits of the attributes (a refused domain falls back to the default, with a message). */
  static readonly limits = { domain: SHARED_LIMITS.domain } as const;

  private readonly size = new WidthController(this, 420, 720);
  private refused: AttributeProblem[] = [];

  protected override willUpdate(): void {
    this.refused = checkLimits(this, GsContour.limits, resolveLang(this));
  }
  private cache: { key: unknown[]; bands: ReturnType<typeof contourBands> } | undefined;

  override render(): unknown {
    const size = this.size.width;
    const height = Math.round(size * 0.8);
    const [x0, x1, y0, y1] = this.shownDomain(size, height);
    const x = scaleLinear()
      .domain([x0, x1])
      .range([MARGIN.left, size - MARGIN.right]);
    const y = scaleLinear()
      .domain([y0, y1])
      .range([height - MARGIN.bottom, MARGIN.top]);
    const bands = this.bands(x, y, size, height);
    const color = (i: number, given?: string): string => given ?? (SERIES_COLORS[i % SERIES_COLORS.length] as string);
    const clamp = (p: readonly [number, number]): [number, number] => [
      x(Math.min(x1, Math.max(x0, p[0]))),
      y(Math.min(y1, Math.max(y0, p[1]))),
    ];
    const legend = this.paths.map((p, i) => ({ label: p.label, color: color(i, p.color) })).filter((l) => l.label);
    const drawn = this.paths.map((p) =>
      p.points
        .map((q, k) => ({ q, k }))
        .filter(({ q }) => Number.isFinite(q[0]) && Number.isFinite(q[1]))
        .map(({ q, k }) => ({ q, k, at: clamp(q), outside: q[0] < x0 || q[0] > x1 || q[1] < y0 || q[1] > y1 })),
    );
    // A long path is its line with markers (and labels) at some of its points (plot/thin.ts).
    const marked = drawn.map((pts) => {
      const keep = markedIndices(pts.length);
      return pts.filter((p, j) => keep.has(j) || p.outside);
    });
    // Every label of every path placed at once, so none overlap.
    const requests = marked.flatMap((pts, i) =>
      pts.map(({ k, at, outside, q }) => {
        const name = this.paths[i]?.labels?.[k] ?? '';
        return {
          x: at[0],
          y: at[1],
          text: outside && name ? `${name} = (${formatTick(q[0])}, ${formatTick(q[1])})` : name,
          important: outside,
        };
      }),
    );
    const labels = placeLabels(
      requests,
      { left: 2, top: 2, right: size - 2, bottom: height - MARGIN.bottom },
      marked.flat().map(({ at }) => pointBox(at[0], at[1], 3)),
    );
    return html`
      ${limitsTemplate(this.refused)}
      <svg part="svg" role="img" aria-label=${this.label || nothing} viewBox="0 0 ${size} ${height}" height=${height} @click=${(e: MouseEvent) => this.onClick(e, x, y, size)}>
        <defs>
          <marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="context-stroke"></path>
          </marker>
        </defs>
        ${bands.map((b, i) => svg`<path class="band" fill=${bandFill(i, bands.length)} d=${b.d}></path>`)}
        ${axesTemplate(x, y, { x: this.xLabel, y: this.yLabel })}
        ${drawn.map((pts, i) => {
          const c = color(i, this.paths[i]?.color);
          const last = pts.at(-1);
          return svg`<g class="path">
            <polyline fill="none" stroke=${c} stroke-width="2" points=${pts.map((p) => p.at.join(',')).join(' ')}></polyline>
            ${(marked[i] ?? []).map((p) => svg`<circle cx=${p.at[0]} cy=${p.at[1]} r=${p === last ? 4.5 : 2.5} fill=${c} stroke=${p.outside ? 'var(--_bad)' : nothing}><title>${this.paths[i]?.labels?.[p.k] ?? ''} (${formatTick(p.q[0])}, ${formatTick(p.q[1])})</title></circle>`)}
          </g>`;
        })}
        <g class="labels">${labels.map((l) => svg`<text class="point-label" x=${l.x.toFixed(1)} y=${l.y.toFixed(1)}>${l.text}</text>`)}</g>
        ${this.arrows.map((a) => {
          const from = clamp(a.from);
          const to = clamp(a.to);
          return svg`<line class="arrow" x1=${from[0]} y1=${from[1]} x2=${to[0]} y2=${to[1]} marker-end="url(#head)"></line>
            ${a.label ? svg`<text class="point-label" x=${to[0] + 5} y=${to[1] + 12}>${a.label}</text>` : null}`;
        })}
      </svg>
      ${legend.length ? html`<div part="legend">${legend.map((l) => html`<span><span class="swatch" style="background:${l.color}"></span>${l.label}</span>`)}</div>` : nothing}
    `;
  }

  /** The domain drawn: as given, or widened for equal axis scales. */
  shownDomain(width = this.size.width, height = Math.round(width * 0.8)): [number, number, number, number] {
    const d = this.domain as [number, number, number, number];
    if (!this.equalAxes) return d;
    return equalAxes(d, width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom);
  }

  private onClick(
    event: MouseEvent,
    x: ScaleLinear<number, number>,
    y: ScaleLinear<number, number>,
    width: number,
  ): void {
    const svgEl = event.currentTarget as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    if (!box.width) return;
    const scale = width / box.width;
    const px = (event.clientX - box.left) * scale;
    const py = (event.clientY - box.top) * scale;
    const [left, right] = x.range() as [number, number];
    const [bottom, top] = y.range() as [number, number];
    if (px < left || px > right || py < top || py > bottom) return;
    const round = (v: number) => Number.parseFloat(v.toPrecision(3));
    emit(this, 'gs-point-pick', { x: round(x.invert(px)), y: round(y.invert(py)) });
  }

  private bands(
    x: (v: number) => number,
    y: (v: number) => number,
    width: number,
    height: number,
  ): ReturnType<typeof contourBands> {
    if (!this.fn) return [];
    const domain = this.shownDomain(width, height);
    const key = [this.fn, ...domain, width, height];
    const same = (other: readonly unknown[] | undefined) =>
      other !== undefined && other.length === key.length && other.every((k, i) => k === key[i]);
    if (this.cache && same(this.cache.key)) return this.cache.bands;
    // Sampling the function and tracing its bands is the slowest part of a first render (a race's
    // map over a steep function: about 100 ms): done in a turn of the shared scheduler of its own,
    // so the paths show at once and the bands follow; `updateComplete` waits for them.
    if (!same(this.pendingKey)) {
      this.pendingKey = key;
      const fn = this.fn;
      this.completesAfter(
        new Promise<void>((resolve) => {
          later(() => {
            try {
              if (this.pendingKey === key) {
                this.cache = { key, bands: contourBands(fn, domain, (a, b) => [x(a), y(b)]) };
                this.requestUpdate();
              }
            } finally {
              if (this.pendingKey === key) this.pendingKey = undefined;
              resolve();
            }
          });
        }),
      );
    }
    // Meanwhile the same function's last bands (a resize) rather than a blank map for a frame.
    return this.cache?.key[0] === this.fn ? this.cache.bands : [];
  }

  /** The key of the bands being computed in a later turn. */
  private pendingKey: unknown[] | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-contour': GsContour;
  }
  interface GlobalEventHandlersEventMap {
    'gs-point-pick': CustomEvent<PointPickDetail>;
  }
}
