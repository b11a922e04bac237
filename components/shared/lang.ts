import type { Lang } from '../../src/i18n/index.js';
import { toLang } from '../../src/i18n/index.js';

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's
 * `lang` attribute (crossing shadow roots), else the document's.
 */
export function resolveLang(element: Element): Lang {
  // The element's own `lang` property (set as attribute or property), then its ancestors'.
  const own = (element as HTMLElement).lang;
  if (own) return toLang(own);
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLang(element.ownerDocument?.documentElement.lang);
}
