import { html, type TemplateResult } from 'lit';
import type { Lang, Localized } from '../src/i18n/index.js';

/**
 * Lesson prose with inline TeX between `$…$`, as text nodes and <gs-math> elements.
 * The prose is the app's own (app/content.ts); it is never parsed as HTML.
 */
export function prose(text: string): (string | TemplateResult)[] {
  return text.split('$').map((part, i) => (i % 2 === 1 ? html`<gs-math tex=${part}></gs-math>` : part));
}

/** A localized paragraph. */
export function para(text: Localized, lang: Lang): TemplateResult {
  return html`<p>${prose(text[lang])}</p>`;
}

/** A localized bullet list. */
export function bullets(items: readonly Localized[], lang: Lang): TemplateResult {
  return html`<ul>
    ${items.map((item) => html`<li>${prose(item[lang])}</li>`)}
  </ul>`;
}

/** A displayed (block) formula. */
export function display(tex: string): TemplateResult {
  return html`<gs-math display tex=${tex}></gs-math>`;
}
