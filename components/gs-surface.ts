import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { defineElement } from './define.js';
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
import { themeStyles } from './shared/styles.js';

const STRINGS = {
  rotate: { en: 'Drag or use the arrow keys to rotate', ko: '드래그하거나 화살표 키로 회전하세요' },
  surface: { en: 'Surface of', ko: '곡면:' },
};

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
 * @csspart canvas - The drawing surface (focusable; arrow keys rotate).
 * @csspart error - An inline error for an unreadable expression.
 *
 * @cssprop [--gs-surface-low=#3b6fd8] - Colour of the lowest points (hex).
 * @cssprop [--gs-surface-high=#f7c35f] - Colour of the highest points (hex).
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
  @query('canvas') private canvas!: HTMLCanvasElement | null;
  private renderer: typeof import('./plot/surface-renderer.js') | undefined;
  private compiled: Compiled2 | undefined;
  private compiledKey = '';
  /** How many times the surface has been drawn (the renderer loads asynchronously). */
  drawCount = 0;

  override render() {
    const lang = resolveLang(this);
    if (!this.expr.trim()) return html`${limitsTemplate(this.refused)}${hintTemplate(HINTS.expr, lang)}`;
    if (this.error)
      return html`${limitsTemplate(this.refused)}<p part="error" class="error" role="alert">${this.error}</p>`;
    return html`${limitsTemplate(this.refused)}<canvas
        part="canvas"
        tabindex="0"
        role="img"
        aria-label="${STRINGS.surface[lang]} ${this.expr}. ${STRINGS.rotate[lang]}"
        @keydown=${this.onKey}
        @pointerdown=${this.onPointerDown}
      ></canvas>
      <div class="hint">${STRINGS.rotate[lang]}</div>${nothing}`;
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
    this.renderer.drawSurface(
      canvas,
      {
        fn: compiled.fn,
        domain: this.domain as [number, number, number, number],
        path: this.path,
        colors: {
          low: read('--gs-surface-low', '#3b6fd8'),
          high: read('--gs-surface-high', '#f7c35f'),
          path: '#d9480f',
          axis: '#888888',
        },
      },
      this.view,
    );
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

defineElement('gs-surface', GsSurface);

declare global {
  interface HTMLElementTagNameMap {
    'gs-surface': GsSurface;
  }
}
