import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang, Messages } from '../../src/i18n/index.js';
import { LocalizeController } from './localize.js';
import { startSoon, whenNearViewport } from './render-later.js';

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

  /**
   * Whether the first render waits until the element is near the viewport, taking its turn in
   * the shared scheduler (`components/shared/render-later.ts`); set by the elements that derive,
   * check or optimize, which also take `deferredHostStyles(height)`. Reading `updateComplete`
   * asks for the render: an element that a script waits for renders in the next turn, near the
   * viewport or not.
   */
  static renderWhenNear = false;

  protected readonly localize = new LocalizeController(this);

  /** Someone waits for the first render (`updateComplete` was read): it is not deferred. */
  private renderWanted = false;

  protected override getUpdateComplete(): Promise<boolean> {
    if (!this.hasUpdated && !this.renderWanted) {
      this.renderWanted = true;
      startSoon(this);
    }
    return super.getUpdateComplete();
  }

  // biome-ignore lint/suspicious/noConfusingVoidType: Lit's own signature
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ctor = this.constructor as typeof GsElement;
    if (this.hasUpdated || !ctor.renderWhenNear) return super.scheduleUpdate();
    const root = this.renderRoot;
    // A cheap stand-in of about the rendered size, so that the page keeps its length.
    const placeholder = this.ownerDocument.createElement('div');
    placeholder.className = 'gs-placeholder';
    root.append(placeholder);
    return new Promise<void>((resolve) => {
      whenNearViewport(this, this.renderWanted, () => {
        try {
          placeholder.remove();
          super.scheduleUpdate();
        } finally {
          resolve();
        }
      });
    });
  }

  /** The language the element speaks now. */
  protected get speaks(): Lang {
    return this.localize.lang();
  }

  /** The catalogue of that language. */
  protected get msg(): Messages {
    return this.localize.messages();
  }
}
