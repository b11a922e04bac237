import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang, Messages } from '../../src/i18n/index.js';
import { LocalizeController } from './localize.js';

/**
 * Base of every gs- element: it speaks the language of its own `lang`, else of its nearest
 * ancestor with `lang`, else of the document, and redraws when any of these changes.
 */
export class GsElement extends LitElement {
  /**
   * The gs- elements this one renders in its shadow root, by tag. `defineElement`
   * defines them first, so a class imported without defining it (from
   * `gradstep/components/classes/…`) still brings what it needs.
   */
  static dependencies: Readonly<Record<string, CustomElementConstructor>> = {};

  /**
   * The gs- elements this one renders but not for its first paint (a plot beside a
   * derivation), by tag, each with the import of its class: `defineElement` starts
   * loading them once this element is defined and defines them when they arrive,
   * so their code is not part of the page's up-front bytes.
   */
  static lazyDependencies: Readonly<Record<string, () => Promise<CustomElementConstructor>>> = {};

  /** A language tag ("en", "ko"); when empty the nearest ancestor's `lang` (or the document's) is used. */
  // Not reflected: writing lang="" onto the element would hide the page's language.
  @property() override lang = '';

  protected readonly localize = new LocalizeController(this);

  /** The language the element speaks now. */
  protected get speaks(): Lang {
    return this.localize.lang();
  }

  /** The catalogue of that language. */
  protected get msg(): Messages {
    return this.localize.messages();
  }
}
