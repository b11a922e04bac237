/** Creates an element with attributes, adds it to the page and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  setup?: (el: HTMLElementTagNameMap[K]) => void,
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  setup?.(el);
  document.body.append(el);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** The TeX sources of every formula KaTeX rendered in a shadow root (from its MathML annotations). */
export function texIn(root: ShadowRoot | Element): string[] {
  return [...root.querySelectorAll('annotation[encoding="application/x-tex"]')].map((a) => a.textContent ?? '');
}

/** Every shadow root under an element, depth first (for elements composed of others). */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) found.push(...deepQueryAll(el.shadowRoot, selector));
  }
  return found;
}
