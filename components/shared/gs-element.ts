import { html, LitElement, type PropertyValues, ReactiveElement, render } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Lang, Messages } from '../../src/i18n/index.js';
import { LocalizeController } from './localize.js';
import { keepWhenFar, releaseWhenFar, startSoon, whenNearViewport } from './render-later.js';
import { ScrollCueController } from './scroll-cue.js';

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

  /**
   * Whether, once rendered, the element gives up its shadow DOM while it is far off screen
   * (`FAR_VIEWPORT` in `components/shared/render-later.ts`) and renders it again when it comes
   * back: for elements that render from their properties alone (a derivation), so that a page
   * of hundreds of them keeps a few screens of DOM. A released element keeps its properties
   * and state (what it derived), holds a placeholder of its height, and keeps its DOM while
   * it has the focus and for good once the reader has clicked or typed in it (opened steps
   * are DOM state); reading `updateComplete` renders it again for good.
   */
  static releaseWhenFar = false;

  protected readonly localize = new LocalizeController(this);

  /** Someone waits for the first render (`updateComplete` was read): it is not deferred. */
  private renderWanted = false;

  /** The height held while the shadow DOM is released (undefined: rendered). */
  private releasedHeight: number | undefined;

  /** Work the element finishes in later turns (see {@link completesAfter}). */
  private readonly unfinished = new Set<Promise<unknown>>();

  /**
   * Makes `updateComplete` wait for `work`, which the element does in later turns to keep a task
   * short (the rest of a first render, a long race's runs, a contour's bands), and for the render
   * that work asks for.
   */
  protected completesAfter(work: Promise<unknown>): void {
    this.unfinished.add(work);
    const forget = () => this.unfinished.delete(work);
    work.then(forget, forget);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    if (!this.hasUpdated && !this.renderWanted) {
      this.renderWanted = true;
      startSoon(this);
    }
    if (this.releasedHeight !== undefined) {
      // A script waits for this element: it shows its content again, and keeps it.
      keepWhenFar(this);
      this.restore();
    }
    let done = await super.getUpdateComplete();
    while (this.unfinished.size > 0) {
      await Promise.allSettled([...this.unfinished]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override update(changed: PropertyValues): void {
    if (this.releasedHeight === undefined) {
      super.update(changed);
      return;
    }
    // Released: the properties are kept (and reflected), the shadow DOM is a placeholder.
    // (ReactiveElement's own update: LitElement's would render the template.)
    (ReactiveElement.prototype as unknown as { update(c: PropertyValues): void }).update.call(this, changed);
    render(
      html`<div class="gs-placeholder" style=${styleMap({ minHeight: `${this.releasedHeight}px` })}></div>`,
      this.renderRoot,
      this.renderOptions,
    );
  }

  private release(): boolean {
    if (this.releasedHeight !== undefined || this.matches(':focus-within')) return false;
    this.releasedHeight = this.getBoundingClientRect().height;
    this.requestUpdate();
    // At once, in this task (not a microtask after it), so the caller's turn accounts for it.
    this.performUpdate();
    return true;
  }

  private restore(): void {
    if (this.releasedHeight === undefined) return;
    this.releasedHeight = undefined;
    this.requestUpdate();
    this.performUpdate();
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
          if (ctor.releaseWhenFar && !this.renderWanted) {
            releaseWhenFar(this, { release: () => this.release(), restore: () => this.restore() });
            // What a reader did inside (steps opened, the tangent moved, text typed) lives in the
            // DOM too: an element the reader has clicked or typed in keeps its DOM for good.
            const keep = () => keepWhenFar(this);
            for (const type of ['pointerdown', 'keydown'])
              root.addEventListener(type, keep, { capture: true, once: true, passive: true });
          }
        } finally {
          resolve();
        }
      });
    });
  }
  /** The scroll cue of every `.scroll-x` box in the shadow root (components/shared/scroll-cue.ts). */
  protected readonly scrollCue = new ScrollCueController(this, () => this.localize.messages().ui.scrollRegion);

  /** The language the element speaks now. */
  protected get speaks(): Lang {
    return this.localize.lang();
  }

  /** The catalogue of that language. */
  protected get msg(): Messages {
    return this.localize.messages();
  }
}
