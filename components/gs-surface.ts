import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { SurfaceView } from './plot/surface-renderer.js';
import { parseDomain } from './shared/domain.js';
import { type Compiled2, compileSurface } from './shared/engine.js';
import { GsElement } from './shared/gs-element.js';
import { resolveLang } from './shared/lang.js';
import {
  type AttributeProblem,
  checkLimits,
  HINTS,
  hintTemplate,
  limitsTemplate,
  SHARED_LIMITS,
} from './shared/limits.js';
import { UI } from './shared/strings.js';
import { themeStyles } from './shared/styles.js';

/**
 * A rotatable 3-D surface z = f(x, y), with an optional optimizer path. The
 * renderer is loaded lazily, the first time the element is shown.
 *
 * @tagname gs-surface
 * @summary Rotatable 3-D surface plot (the lesson's plotly figure).
 *
 * @attr expr - The function of two variables, as a person types it (untrusted; parsed, never evaluated).
 * @attr vars - The two variables, comma-separated (default "x,y"); at most 200 characters.
 * @attr domain - "xmin,xmax,ymin,ymax" (default "-5,5,-5,5"); each from -10⁶ to 10⁶, refused with a message otherwise.
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @csspart canvas - The drawing surface (focusable; arrow keys rotate), with axes and ticks.
 * @csspart scale - The colour scale: which colour is which height z.
 * @csspart error - An inline error for an unreadable expression.
 *
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-surface-low=#3b6fd8] - Colour of the lowest points (hex).
 * @cssprop [--gs-surface-high=#f7c35f] - Colour of the highest points (hex).
 * @cssprop [--gs-surface-height=320px] - Height of the drawing.
 */
export class GsSurface extends GsElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      canvas {
        display: block;
        width: 100%;
        height: var(--gs-surface-height, 320px);
        cursor: grab;
        touch-action: none;
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      .hint {
        font-size: 0.8em;
        color: var(--_muted);
      }
      [part='scale'] {
        display: flex;
        align-items: center;
        gap: 0.5em;
        font-size: 0.8em;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
        margin-top: 0.3em;
      }
      .bar {
        flex: 0 1 12em;
        height: 0.7em;
        border-radius: 2px;
        border: 1px solid var(--_border);
      }
    `,
  ];

  @property() expr = '';
  @property() vars = 'x,y';
  @property({ converter: parseDomain }) domain: readonly number[] = [-5, 5, -5, 5];
  /** Points of a path drawn on the surface, e.g. an optimizer's iterates. */
  @property({ attribute: false }) path: readonly (readonly [number, number])[] = [];

  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = { vars: SHARED_LIMITS.vars, domain: SHARED_LIMITS.domain } as const;
  private refused: AttributeProblem[] = [];

  @state() private view: SurfaceView = { azimuth: -0.7, elevation: 0.55 };
  @state() private error = '';
  /** The range of z the colours span, known once drawn. */
  @state() private zRange: { zMin: number; zMax: number; low: string; high: string } | undefined;
  @query('canvas') private canvas!: HTMLCanvasElement | null;
  private renderer: typeof import('./plot/surface-renderer.js') | undefined;
  private compiled: Compiled2 | undefined;
  private compiledKey = '';
  /** How many times the surface has been drawn (the renderer loads asynchronously). */
  drawCount = 0;

  override render(): unknown {
    const lang = resolveLang(this);
    if (!this.expr.trim()) return html`${limitsTemplate(this.refused)}${hintTemplate(HINTS.expr, lang)}`;
    if (this.error)
      return html`${limitsTemplate(this.refused)}<p part="error" class="error" role="alert">${this.error}</p>`;
    return html`${limitsTemplate(this.refused)}<canvas
        part="canvas"
        tabindex="0"
        role="img"
        aria-label="${UI.surfaceOf[lang]} ${this.expr}. ${UI.rotateHint[lang]}"
        @keydown=${this.onKey}
        @pointerdown=${this.onPointerDown}
      ></canvas>
      ${this.scaleTemplate(lang)}
      <div class="hint">${UI.rotateHint[lang]}</div>${nothing}`;
  }

  private scaleTemplate(lang: 'en' | 'ko') {
    const r = this.zRange;
    if (!r || !this.renderer) return nothing;
    const render = this.renderer;
    const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${render.levelColor(t, r.low, r.high)} ${t * 100}%`).join(', ');
    const fmt = (v: number) => String(Number.parseFloat(v.toPrecision(4)));
    const z = this.vars.split(',').length === 3 ? (this.vars.split(',')[2] as string).trim() : 'z';
    return html`<div part="scale" role="img" aria-label="${UI.colourScale[lang]}: ${fmt(r.zMin)} … ${fmt(r.zMax)}">
      <span>${z}</span><span>${fmt(r.zMin)}</span><span class="bar" style="background: linear-gradient(to right, ${stops})"></span><span>${fmt(r.zMax)}</span>
    </div>`;
  }

  protected override willUpdate(): void {
    this.refused = checkLimits(this, GsSurface.limits, resolveLang(this));
    // Rotating redraws every frame; read and compile the expression only when it changes.
    const key = `${resolveLang(this)}\u0000${this.vars}\u0000${this.expr}`;
    if (this.compiledKey === key) return;
    this.compiled = compileSurface(this.expr, this.vars, resolveLang(this));
    this.compiledKey = key;
    this.error = this.compiled.ok ? '' : this.compiled.message;
  }

  override async updated(): Promise<void> {
    const compiled = this.compiled;
    if (!compiled?.ok || !this.expr.trim()) return;
    this.renderer ??= await import('./plot/surface-renderer.js');
    const canvas = this.canvas;
    if (!canvas) return;
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const [xName, yName] = this.vars.split(',').map((v) => v.trim());
    const low = read('--gs-surface-low', '#3b6fd8');
    const high = read('--gs-surface-high', '#f7c35f');
    const drawn = this.renderer.drawSurface(
      canvas,
      {
        fn: compiled.fn,
        domain: this.domain as [number, number, number, number],
        path: this.path,
        colors: { low, high, path: '#d9480f', axis: '#888888', text: style.color || '#444444' },
        labels: { x: xName || 'x', y: yName || 'y', z: 'z' },
      },
      this.view,
    );
    const r = this.zRange;
    if (drawn && (!r || r.zMin !== drawn.zMin || r.zMax !== drawn.zMax || r.low !== low || r.high !== high)) {
      this.zRange = { ...drawn, low, high };
    }
    this.drawCount++;
  }

  private rotate(dAzimuth: number, dElevation: number): void {
    this.view = {
      azimuth: this.view.azimuth + dAzimuth,
      elevation: Math.max(-0.2, Math.min(1.4, this.view.elevation + dElevation)),
    };
  }

  private onKey = (event: KeyboardEvent): void => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-0.15, 0],
      ArrowRight: [0.15, 0],
      ArrowUp: [0, 0.1],
      ArrowDown: [0, -0.1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.rotate(...move);
    }
  };

  private onPointerDown = (event: PointerEvent): void => {
    const target = event.currentTarget as HTMLCanvasElement;
    target.setPointerCapture?.(event.pointerId);
    let last = [event.clientX, event.clientY];
    const move = (e: PointerEvent) => {
      this.rotate((e.clientX - (last[0] as number)) * 0.01, (e.clientY - (last[1] as number)) * 0.01);
      last = [e.clientX, e.clientY];
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-surface': GsSurface;
  }
}
