import type { ReactiveController, ReactiveElement } from 'lit';
import { type Lang, type Messages, messagesFor } from '../../src/i18n/index.js';
import { resolveLang } from './lang.js';

type Host = ReactiveElement;

/** Every connected element that speaks, so one observer can tell them all. */
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function observe(doc: Document): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  // A change of `lang` anywhere in the light DOM (the page's, an ancestor's) re-resolves every
  // element's language; only the elements whose language changed update.
  observer = new MutationObserver(() => {
    for (const c of connected) c.refresh();
  });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The language of an element, in the manner of Shoelace's LocalizeController: its own `lang`,
 * else the nearest ancestor's `lang` (across shadow roots), else the document's. It follows
 * changes: a new `lang` on the document or on an ancestor updates the element, and the host sees
 * `lang` among its changed properties, so derived text (error messages) is made again.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: Host;
  private current: Lang | undefined;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    this.current = resolveLang(this.host);
    observe(this.host.ownerDocument);
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** The language the element speaks now. */
  lang(): Lang {
    return resolveLang(this.host);
  }

  /** The catalogue of that language. */
  messages(): Messages {
    return messagesFor(this.lang());
  }

  /** Re-resolves the language; updates the host when it changed. */
  refresh(): void {
    const next = resolveLang(this.host);
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    // Reported as a change of `lang`, so willUpdate re-derives language-dependent text.
    this.host.requestUpdate('lang', previous);
  }
}
