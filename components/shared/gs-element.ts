import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * Base of every gs- element: `lang` is a reactive property, so switching a
 * page or element between English and Korean redraws it.
 */
export class GsElement extends LitElement {
  /** "en" or "ko"; when empty the nearest ancestor's `lang` (or the document's) is used. */
  // Not reflected: writing lang="" onto the element would hide the page's language.
  @property() override lang = '';
}
