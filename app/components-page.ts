// components.html: every element, a copy button on each snippet, and the page in the language of ?lang=.
import '../components/index.js';
import '../components/define/gs-contour.js';
import '../components/define/gs-plot.js';
import { markScrollCue, scrollCueStyles } from '../components/shared/scroll-cue.js';
import { toLang } from '../src/i18n/index.js';
import { COMPONENTS_PAGE as TEXT } from './content.js';

type Key = keyof typeof TEXT;

const lang = toLang(new URLSearchParams(location.search).get('lang') ?? navigator.language);
// The elements follow the page's language.
document.documentElement.lang = lang;
document.title = TEXT.pageTitle[lang];
for (const el of document.querySelectorAll<HTMLElement>('[data-text]')) {
  const key = el.dataset.text as Key;
  if (key in TEXT) el.textContent = TEXT[key][lang];
}
const back = document.getElementById('back') as HTMLAnchorElement | null;
if (back) back.href = `./index.html?lang=${lang}`;
for (const a of document.querySelectorAll<HTMLAnchorElement>('#langs a')) {
  a.setAttribute('aria-current', a.lang === lang ? 'true' : 'false');
}

for (const pre of document.querySelectorAll('pre')) {
  // The button sits in the padding above the code (see the page's CSS), so it never covers it.
  const wrap = document.createElement('div');
  wrap.className = 'snippet';
  pre.replaceWith(wrap);
  wrap.append(pre);
  const button = document.createElement('button');
  button.className = 'copy';
  button.type = 'button';
  button.textContent = TEXT.copy[lang];
  button.setAttribute('aria-label', TEXT.copyLabel[lang]);
  button.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(pre.querySelector('code')?.textContent ?? '');
    button.textContent = TEXT.copied[lang];
    setTimeout(() => {
      button.textContent = TEXT.copy[lang];
    }, 1500);
  });
  wrap.append(button);
}

// A snippet wider than the screen scrolls sideways with the shared cue: a shadow on the edge
// with more, and a named region a keyboard can scroll.
const sheet = scrollCueStyles.styleSheet;
if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const markSnippets = () => {
  for (const pre of document.querySelectorAll('pre')) markScrollCue(pre, TEXT.snippet[lang]);
};
document.addEventListener(
  'scroll',
  (event) => {
    if (event.target instanceof HTMLPreElement) markScrollCue(event.target, TEXT.snippet[lang]);
  },
  { capture: true, passive: true },
);
addEventListener('resize', () => requestAnimationFrame(markSnippets));
requestAnimationFrame(markSnippets);
document.fonts?.ready.then(markSnippets);

// The plot and contour demos take functions, so they are set up here (as the snippets show).
const plot = document.getElementById('demo-plot') as HTMLElementTagNameMap['gs-plot'] | null;
if (plot) {
  const f = (x: number) => x * x - 4 * x + 6;
  plot.curves = [{ fn: f, label: 'f' }];
  plot.slope = (x) => 2 * x - 4;
  plot.paths = [{ points: [4, 3.2, 2.72].map((x) => [x, f(x)] as const), labels: ['x₀', 'x₁', 'x₂'] }];
}
const map = document.getElementById('demo-contour') as HTMLElementTagNameMap['gs-contour'] | null;
if (map) {
  map.fn = (x, y) => 3 * (x - 2) ** 2 + (y - 2) ** 2;
  map.paths = [
    {
      points: [
        [4, 4],
        [2.8, 3.6],
        [2.32, 3.28],
      ],
      labels: ['w₀', 'w₁', 'w₂'],
      label: 'GD',
    },
  ];
  map.arrows = [{ from: [2.32, 3.28], to: [2.13, 3.02] }];
}
