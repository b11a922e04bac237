import { KATEX_FONTS } from './katex-fonts.generated.js';

const MARKER = 'data-gradstep-katex-fonts';

/**
 * Declares KaTeX's fonts once at document level. `@font-face` rules inside a
 * shadow root are ignored by browsers, so every component calls this instead.
 */
export function installKatexFonts(doc: Document = document): void {
  if (doc.head.querySelector(`style[${MARKER}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = KATEX_FONTS.map(
    (f) =>
      `@font-face{font-family:${f.family};font-style:${f.style};font-weight:${f.weight};font-display:block;src:url(${JSON.stringify(f.url)}) format("woff2")}`,
  ).join('\n');
  doc.head.append(style);
}
