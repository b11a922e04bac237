import { installKatexFonts } from '../katex/fonts.js';
import { GsElement } from './gs-element.js';

/**
 * Base of every element that typesets math: KaTeX's fonts are declared once on
 * the document when the element connects (shadow roots ignore @font-face).
 */
export class MathElement extends GsElement {
  override connectedCallback(): void {
    super.connectedCallback();
    installKatexFonts(this.ownerDocument);
  }
}
