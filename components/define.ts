/** A custom element class that may name the gs- elements it renders (see GsElement.dependencies). */
type Definable = CustomElementConstructor & {
  readonly dependencies?: Readonly<Record<string, CustomElementConstructor>>;
  readonly lazyDependencies?: Readonly<Record<string, () => Promise<CustomElementConstructor>>>;
};

const loading = new Set<string>();

/** Loads an element's module off the critical path and defines it when it arrives. */
function defineLater(tag: string, load: () => Promise<CustomElementConstructor>): void {
  if (customElements.get(tag) || loading.has(tag)) return;
  loading.add(tag);
  load().then(
    (cls) => defineElement(tag, cls),
    (error: unknown) => {
      loading.delete(tag); // a later definition may try again
      console.error(`gradstep: could not load <${tag}>`, error);
    },
  );
}

/**
 * Defines a custom element, and first the elements it depends on, unless a tag of
 * that name exists (a page may load gradstep twice, or define a tag itself). Its lazy
 * dependencies start loading right after and are defined when their modules arrive.
 */
export function defineElement(tag: string, element: Definable): void {
  for (const [dependency, cls] of Object.entries(element.dependencies ?? {})) defineElement(dependency, cls);
  if (!customElements.get(tag)) customElements.define(tag, element);
  for (const [dependency, load] of Object.entries(element.lazyDependencies ?? {})) defineLater(dependency, load);
}
