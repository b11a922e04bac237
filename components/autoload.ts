/**
 * Loads the heavier elements only when a page uses them, as the best component
 * libraries' autoloaders do: a tag such as <gs-optimizer> found in the page (now or
 * later) pulls in its module, and the browser upgrades the element when it arrives.
 * The optimizers and the answer checker are a tenth of the code; a page that only
 * shows derivatives never downloads them.
 */
const LAZY: Readonly<Record<string, () => Promise<unknown>>> = {
  'gs-answer': () => import('./define/gs-answer.js'),
  'gs-graph': () => import('./define/gs-graph.js'),
  'gs-optimizer': () => import('./define/gs-optimizer.js'),
  'gs-optimizer-race': () => import('./define/gs-optimizer-race.js'),
  'gs-surface': () => import('./define/gs-surface.js'),
};

const SELECTOR = Object.keys(LAZY).join(',');
const requested = new Set<string>();

function load(tag: string): void {
  const loader = LAZY[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag); // let a later appearance try again
    console.error(`gradstep: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  if (root instanceof Element && root.matches(SELECTOR)) load(root.localName);
  for (const el of root.querySelectorAll(SELECTOR)) load(el.localName);
}

/** Loads the elements used under `root` now, and those added to it later. */
export function autoload(root: Document | Element = document): void {
  scan(root);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  }).observe(root, { childList: true, subtree: true });
}
