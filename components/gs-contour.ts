import { scaleLinear } from 'd3-scale';
import { css, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from './define.js';
import type { PlotPath } from './gs-plot.js';
import { axesTemplate } from './plot/axes.js';
import { contourBands, type RealFunction2 } from './plot/contour.js';
import { parseDomain } from './shared/domain.js';
import { GsElement } from './shared/gs-element.js';
import { resolveLang } from './shared/lang.js';
import { type AttributeProblem, checkLimits, limitsTemplate, SHARED_LIMITS } from './shared/limits.js';
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
 *
 * @csspart svg - The SVG drawing.
 * @csspart legend - The legend under the map.
 *
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
        font-size: 11px;
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

  @property({ attribute: false }) fn: RealFunction2 | undefined = undefined;
  @property({ attribute: false }) paths: readonly PlotPath[] = [];
  @property({ attribute: false }) arrows: readonly PlotArrow[] = [];
  @property({ converter: parseDomain })
  domain: readonly number[] = [-5, 5, -5, 5];
  @property() label = '';
  @property({ attribute: 'x-label' }) xLabel = 'x';
  @property({ attribute: 'y-label' }) yLabel = 'y';

  /** The limits of the attributes (a refused domain falls back to the default, with a message). */
  static readonly limits = { domain: SHARED_LIMITS.domain } as const;

  private readonly size = new WidthController(this, 420, 720);
  private refused: AttributeProblem[] = [];

  protected override willUpdate(): void {
    this.refused = checkLimits(this, GsContour.limits, resolveLang(this));
  }
  private cache: { key: unknown[]; bands: ReturnType<typeof contourBands> } | undefined;

  override render() {
    const [x0, x1, y0, y1] = this.domain as [number, number, number, number];
    const size = this.size.width;
    const height = Math.round(size * 0.8);
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
    return html`
      ${limitsTemplate(this.refused)}
      <svg part="svg" role="img" aria-label=${this.label || nothing} viewBox="0 0 ${size} ${height}" height=${height}>
        <defs>
          <marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="context-stroke"></path>
          </marker>
        </defs>
        ${bands.map((b, i) => svg`<path class="band" fill=${bandFill(i, bands.length)} d=${b.d}></path>`)}
        ${axesTemplate(x, y, { x: this.xLabel, y: this.yLabel })}
        ${this.paths.map((p, i) => {
          const pts = p.points.filter((q) => Number.isFinite(q[0]) && Number.isFinite(q[1])).map(clamp);
          const c = color(i, p.color);
          return svg`<g class="path">
            <polyline fill="none" stroke=${c} stroke-width="2" points=${pts.map((q) => q.join(',')).join(' ')}></polyline>
            ${pts.map((q, k) => svg`<circle cx=${q[0]} cy=${q[1]} r=${k === pts.length - 1 ? 4.5 : 2.5} fill=${c}></circle>`)}
            ${p.labels ? pts.map((q, k) => (p.labels?.[k] ? svg`<text class="point-label" x=${q[0] + 5} y=${q[1] - 5}>${p.labels[k]}</text>` : null)) : null}
          </g>`;
        })}
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

  private bands(
    x: (v: number) => number,
    y: (v: number) => number,
    width: number,
    height: number,
  ): ReturnType<typeof contourBands> {
    if (!this.fn) return [];
    const key = [this.fn, ...this.domain, width, height];
    if (this.cache && this.cache.key.length === key.length && this.cache.key.every((k, i) => k === key[i])) {
      return this.cache.bands;
    }
    const bands = contourBands(this.fn, this.domain as [number, number, number, number], (a, b) => [x(a), y(b)]);
    this.cache = { key, bands };
    return bands;
  }
}

defineElement('gs-contour', GsContour);

declare global {
  interface HTMLElementTagNameMap {
    'gs-contour': GsContour;
  }
}
