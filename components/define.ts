/** A custom element class that may name the gs- elements it renders (see GsElement.dependencies). */
type Definable = CustomElementConstructor & {
  readonly dependencies?: Readonly<Record<string, CustomElementConstructor>>;
};

/**
 * Defines a custom element, and first the elements it depends on, unless a tag of
 * that name exists (a page may load gradstep twice, or define a tag itself).
 */
export function defineElement(tag: string, element: Definable): void {
  for (const [dependency, cls] of Object.entries(element.dependencies ?? {})) defineElement(dependency, cls);
  if (!customElements.get(tag)) customElements.define(tag, element);
}
