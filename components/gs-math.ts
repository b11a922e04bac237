import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { katexStyles, renderTex } from './katex/render.js';
import { readExpression, splitVars } from './shared/engine.js';
import { resolveLang } from './shared/lang.js';
import { type AttributeProblem, checkLimits, limitsTemplate, SHARED_LIMITS } from './shared/limits.js';
import { MathElement } from './shared/math-element.js';
import { problemTemplate } from './shared/problem-view.js';

/**
 * Renders math with KaTeX inside its shadow root.
 *
 * @tagname gs-math
 * @summary Shows a formula, typeset with KaTeX (with MathML for screen readers).
 *
 * @attr expr - An expression as a person types it (`3x^3 - 2x + 1`); read by gradstep's parser (never evaluated) and typeset in textbook form. Takes precedence over `tex`.
 * @attr vars - Variables of `expr`, comma-separated (lets `xy` read as x·y for declared names); at most 200 characters.
 * @attr tex - TeX to render, at most 2000 characters (longer TeX is refused with a message). Rendered with KaTeX's `trust: false`, so links, images and HTML extensions are refused.
 * @attr lang - "en" or "ko" for error messages (inherited from the page when omitted).
 * @attr display - Renders in display (block) style.
 *
 * @csspart math - The element holding the typeset formula.
 * @csspart error - The message shown when the input cannot be read or the TeX cannot be rendered.
 *
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-font-size=1em] - Size of the formula.
 * @cssprop [--gs-error-color=#b42318] - Colour of error messages.
 */
export class GsMath extends MathElement {
  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    vars: SHARED_LIMITS.vars,
    tex: { kind: 'text', maxLength: 2000 },
  } as const;

  static override styles = [
    katexStyles,
    css`
      :host {
        display: inline-block;
        font-size: var(--gs-font-size, 1em);
      }
      :host([display]) {
        display: block;
      }
      [part='error'] {
        color: var(--gs-error-color, #b42318);
        font-family: ui-monospace, monospace;
        font-size: 0.9em;
      }
    `,
  ];

  @property() expr = '';
  @property() vars = '';
  @property() tex = '';
  @property({ type: Boolean, reflect: true }) display = false;

  private refused: AttributeProblem[] = [];

  protected override willUpdate(): void {
    this.refused = checkLimits(this, GsMath.limits, resolveLang(this));
  }

  override render(): unknown {
    return html`${limitsTemplate(this.refused)}${this.formula()}`;
  }

  private formula() {
    let tex = this.tex;
    if (this.expr) {
      const reading = readExpression(this.expr, splitVars(this.vars), resolveLang(this));
      if (!reading.ok) return problemTemplate(reading);
      tex = reading.parsed.tex;
    }
    if (!tex) return nothing;
    const result = renderTex(tex, this.display);
    // KaTeX output with trust:false is the one sanctioned path from text to HTML.
    if (result.ok) return html`<span part="math">${unsafeHTML(result.html)}</span>`;
    return html`<span part="error" role="alert">${result.message}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-math': GsMath;
  }
}
