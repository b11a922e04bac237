/** Defines a custom element unless a tag of that name exists (a page may load gradstep twice). */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
