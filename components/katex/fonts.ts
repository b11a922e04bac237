import { KATEX_FONTS } from './katex-fonts.generated.js';

const MARKER = 'data-gradstep-katex-fonts';

/**
 * The faces nearly every formula uses (upright and italic letters, digits, operators). A
 * browser fetches a font only when layout first needs it, which is after the first formula
 * is rendered; preloading these when the first element connects overlaps their download
 * with deriving and typesetting, so the first formula is not held invisible
 * (`font-display: block`) waiting for them.
 */
const FIRST_FACES = new Set(['KaTeX_Main-Regular.woff2', 'KaTeX_Math-Italic.woff2']);

let basePath: string | undefined;

/**
 * Where gradstep finds its assets (KaTeX's fonts, under `fonts/`). By default they are
 * beside gradstep's own modules (the package's `dist/lib/components/katex/`, or the
 * embed build's `assets/`), which is right for a bundler, an import map or a CDN that
 * serves the whole package. A page that serves them elsewhere says so once, before or
 * after the elements appear:
 *
 * ```js
 * import { setBasePath } from 'gradstep/components';
 * setBasePath('/static/gradstep/'); // fonts at /static/gradstep/fonts/KaTeX_Main-Regular.woff2, …
 * ```
 *
 * Relative paths are resolved against the document's base URL. `setBasePath()` with
 * no argument returns to the default.
 */
export function setBasePath(path?: string | URL): void {
  basePath = path === undefined ? undefined : String(path).replace(/\/?$/, '/');
  if (typeof document !== 'undefined') {
    const installed = document.head?.querySelector(`style[${MARKER}]`);
    if (installed) installed.textContent = fontFaces(document);
    const urls = katexFontUrls(document);
    for (const link of document.head?.querySelectorAll<HTMLLinkElement>(`link[${MARKER}]`) ?? []) {
      const i = KATEX_FONTS.findIndex((f) => f.file === link.getAttribute(MARKER));
      if (i >= 0) link.href = urls[i] as string;
    }
  }
}

/** The base path set with setBasePath(), or undefined when assets are found beside the modules. */
export function getBasePath(): string | undefined {
  return basePath;
}

/** The URL of each KaTeX font, honouring setBasePath(). */
export function katexFontUrls(doc?: Document): readonly string[] {
  return KATEX_FONTS.map((f) =>
    basePath === undefined
      ? f.url
      : new URL(`fonts/${f.file}`, new URL(basePath, (doc ?? globalThis.document)?.baseURI)).href,
  );
}

function fontFaces(doc: Document): string {
  const urls = katexFontUrls(doc);
  return KATEX_FONTS.map(
    (f, i) =>
      `@font-face{font-family:${f.family};font-style:${f.style};font-weight:${f.weight};font-display:block;src:url(${JSON.stringify(urls[i])}) format("woff2")}`,
  ).join('\n');
}

/**
 * Declares KaTeX's fonts once at document level. `@font-face` rules inside a
 * shadow root are ignored by browsers, so every component calls this instead.
 */
export function installKatexFonts(doc: Document = document): void {
  if (doc.head.querySelector(`style[${MARKER}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(MARKER, '');
  style.textContent = fontFaces(doc);
  doc.head.append(style);
  settling.set(
    doc,
    new Promise<void>((resolve) => {
      // The fetches start from a microtask, not from the stack that connected the element: that
      // stack usually holds the bundle's top-level code (elements upgrade when their module runs),
      // and an inspector that records each request's initiator (DevTools, Playwright) would
      // otherwise re-parse the whole bundle for its source positions.
      queueMicrotask(() => {
        const timer = setTimeout(resolve, FIRST_FACES_WAIT_MS);
        Promise.allSettled(loadFirstFaces(doc)).then(() => {
          clearTimeout(timer);
          settled.add(doc);
          resolve();
        });
      });
    }),
  );
}

/** How long formulas typeset later wait for the first faces at most (Chrome's `font-display: block` period). */
const FIRST_FACES_WAIT_MS = 3000;

/** Per document: resolves once the first faces have loaded or failed (or after FIRST_FACES_WAIT_MS). */
const settling = new WeakMap<Document, Promise<void>>();
/** Documents whose first faces have settled. */
const settled = new WeakSet<Document>();

/** Preloads and loads the faces of {@link FIRST_FACES}; the loads, one per face. */
function loadFirstFaces(doc: Document): Promise<unknown>[] {
  const urls = katexFontUrls(doc);
  const loads: Promise<unknown>[] = [];
  KATEX_FONTS.forEach((f, i) => {
    if (!FIRST_FACES.has(f.file)) return;
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = 'font';
    link.type = 'font/woff2';
    // Fonts are fetched in CORS mode: without crossorigin the preload is not reused.
    link.crossOrigin = 'anonymous';
    link.href = urls[i] as string;
    link.setAttribute(MARKER, f.file);
    doc.head.append(link);
    // Loaded, not only fetched: a face is otherwise loaded when a layout first asks for it, so
    // the first formula would be laid out with a stand-in font and stay invisible a frame or two.
    if (doc.fonts) loads.push(doc.fonts.load(`${f.style} ${f.weight} 1em ${f.family}`));
  });
  return loads;
}

/**
 * Runs `fn` once KaTeX's first faces are in (loaded, failed, or waited for long enough): at
 * once when they are, or when this document never installed them. Formulas typeset later
 * wait for this, so their typesetting neither shows invisible text (`font-display: block`)
 * nor holds up the tasks that bring the fonts in for the first formulas on the page.
 */
export function whenFirstFacesIn(doc: Document, fn: () => void): void {
  const pending = settled.has(doc) ? undefined : settling.get(doc);
  if (pending === undefined) fn();
  else void pending.then(fn);
}

/** Resolves once KaTeX's first faces are in (see {@link whenFirstFacesIn}). */
export function firstFacesIn(doc: Document = document): Promise<void> {
  return new Promise((resolve) => whenFirstFacesIn(doc, resolve));
}
