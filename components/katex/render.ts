import katex from 'katex';
import { css, unsafeCSS } from 'lit';
import { KATEX_CSS } from './katex-styles.generated.js';

/** KaTeX's own rules, for every shadow root that shows math (fonts live at document level). */
export const katexStyles = css`
  ${unsafeCSS(KATEX_CSS)}
`;

/**
 * Options for every KaTeX call in gradstep. `trust: false` blocks \href, \url,
 * \includegraphics and \htmlData; the size and macro-expansion limits stop
 * expansion bombs; `htmlAndMathml` keeps MathML for screen readers.
 */
const SAFE_OPTIONS = {
  trust: false,
  strict: 'error',
  maxSize: 20,
  maxExpand: 200,
  output: 'htmlAndMathml',
  throwOnError: true,
} as const;

export type TexRenderResult = { ok: true; html: string } | { ok: false; message: string };

/** Renders TeX to HTML with gradstep's safe options; never throws. */
export function renderTex(tex: string, displayMode = false): TexRenderResult {
  try {
    return { ok: true, html: katex.renderToString(tex, { ...SAFE_OPTIONS, displayMode, macros: {} }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
