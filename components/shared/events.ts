/** Dispatches a bubbling, composed event so a course page outside the shadow roots can hear it. */
export function emit<T>(target: EventTarget, type: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: false }));
}
