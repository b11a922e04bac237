import { LitElement } from 'lit';
import { installKatexFonts } from '../katex/fonts.js';

/**
 * Base of every element that typesets math: KaTeX's fonts are declared once on
 * the document when the element connects (shadow roots ignore @font-face).
 */
export class MathElement extends LitElement {
  override connectedCallback(): void {
    super.connectedCallback();
    installKatexFonts(this.ownerDocument);
  }
}
