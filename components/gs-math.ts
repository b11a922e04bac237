import { css, html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { defineElement } from './define.js';
import { installKatexFonts } from './katex/fonts.js';
import { katexStyles, renderTex } from './katex/render.js';

/**
 * Renders math with KaTeX inside its shadow root.
 *
 * @summary Shows a formula, typeset with KaTeX (with MathML for screen readers).
 *
 * @attr tex - TeX to render. Rendered with KaTeX's `trust: false`, so links, images and HTML extensions are refused.
 * @attr display - Renders in display (block) style.
 *
 * @csspart math - The element holding the typeset formula.
 * @csspart error - The message shown when the TeX cannot be rendered.
 *
 * @cssprop [--gs-font-size=1em] - Size of the formula.
 * @cssprop [--gs-error-color=#b42318] - Colour of error messages.
 */
export class GsMath extends LitElement {
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

  @property() tex = '';
  @property({ type: Boolean, reflect: true }) display = false;

  override connectedCallback(): void {
    super.connectedCallback();
    installKatexFonts(this.ownerDocument);
  }

  override render() {
    if (!this.tex) return nothing;
    const result = renderTex(this.tex, this.display);
    // KaTeX output with trust:false is the one sanctioned path from text to HTML.
    if (result.ok) return html`<span part="math">${unsafeHTML(result.html)}</span>`;
    return html`<span part="error" role="alert">${result.message}</span>`;
  }
}

defineElement('gs-math', GsMath);

declare global {
  interface HTMLElementTagNameMap {
    'gs-math': GsMath;
  }
}
