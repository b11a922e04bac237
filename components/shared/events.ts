/**
 * The detail type of a gs- event, read from the global event map where each element
 * declares the events it fires (next to its `HTMLElementTagNameMap` entry), so that
 * `addEventListener('gs-check', (e) => e.detail.verdict)` type-checks in a page.
 */
export type GsEventDetail<K extends keyof GlobalEventHandlersEventMap> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a bubbling, composed event so a course page outside the shadow roots can
 * hear it. Only events declared in the global event map can be sent, with their detail type.
 */
export function emit<K extends keyof GlobalEventHandlersEventMap & `gs-${string}`>(
  target: EventTarget,
  type: K,
  detail: GsEventDetail<K>,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false }));
}
