import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * Base of every gs- element: `lang` is a reactive property, so switching a
 * page or element between English and Korean redraws it.
 */
export class GsElement extends LitElement {
  /**
   * The gs- elements this one renders in its shadow root, by tag. `defineElement`
   * defines them first, so a class imported without defining it (from
   * `gradstep/components/classes/…`) still brings what it needs.
   */
  static dependencies: Readonly<Record<string, CustomElementConstructor>> = {};

  /** "en" or "ko"; when empty the nearest ancestor's `lang` (or the document's) is used. */
  // Not reflected: writing lang="" onto the element would hide the page's language.
  @property() override lang = '';
}
