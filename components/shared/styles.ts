import { css } from 'lit';
import { scrollCueStyles } from './scroll-cue.js';

/**
 * Theme shared by every gs- element. Custom properties let a course page restyle
 * them; `prefers-color-scheme` switches the defaults for dark pages. These are the
 * theme tokens: every element reads them (the manifest lists them on each element,
 * the README in one table).
 *
 * @cssprop [--gs-accent=#1f57c3] - Accent colour: rule names, links, the probe and the tangent, focus rings.
 * @cssprop [--gs-color=#1d2330] - Text colour.
 * @cssprop [--gs-muted-color=#5b6577] - Secondary text: notes, "read as", captions.
 * @cssprop [--gs-background=#ffffff] - Background of inputs and plots.
 * @cssprop [--gs-surface=#f4f6fa] - Background of answers, buttons and highlighted rows.
 * @cssprop [--gs-border-color=#d5dae3] - Borders and the lines of the step tree.
 * @cssprop [--gs-success-color=#1a7f4b] - "Correct" verdicts.
 * @cssprop [--gs-error-color=#b42318] - Errors and "incorrect" verdicts.
 * @cssprop [--gs-radius=8px] - Corner radius (buttons and inputs use half of it).
 * @cssprop [--gs-series-1=#2f6fde] - First plot series (f, the first optimizer).
 * @cssprop [--gs-series-2=#d9480f] - Second plot series (f′, …).
 * @cssprop [--gs-series-3=#2b8a3e] - Third plot series.
 * @cssprop [--gs-series-4=#ae3ec9] - Fourth plot series.
 * @cssprop [--gs-series-5=#e8a400] - Fifth plot series.
 * @cssprop [--gs-series-6=#0b7285] - Sixth plot series.
 * @cssprop [--gs-contour-low=#c9dbff] - Contour fill at the lowest level.
 * @cssprop [--gs-contour-high=#fff4e0] - Contour fill at the highest level.
 * @cssprop [--gs-font-size=1rem] - Base font size; math scales with it.
 * @cssprop [--gs-font-family=system-ui, sans-serif] - Text font (math is always in KaTeX's fonts).
 * @cssprop [--gs-scroll-cue-color=rgb(20 30 50 / 0.55)] - The shadow on the edge of a box that scrolls sideways.
 */
export const themeStyles = css`
  :host {
    --_accent: var(--gs-accent, #1f57c3);
    --_fg: var(--gs-color, #1d2330);
    --_muted: var(--gs-muted-color, #5b6577);
    --_bg: var(--gs-background, #ffffff);
    --_surface: var(--gs-surface, #f4f6fa);
    --_border: var(--gs-border-color, #d5dae3);
    --_good: var(--gs-success-color, #1a7f4b);
    --_bad: var(--gs-error-color, #b42318);
    --_radius: var(--gs-radius, 8px);
    --_series-1: var(--gs-series-1, #2f6fde);
    --_series-2: var(--gs-series-2, #d9480f);
    --_series-3: var(--gs-series-3, #2b8a3e);
    --_series-4: var(--gs-series-4, #ae3ec9);
    --_series-5: var(--gs-series-5, #e8a400);
    --_series-6: var(--gs-series-6, #0b7285);
    --_contour-low: var(--gs-contour-low, #c9dbff);
    --_contour-high: var(--gs-contour-high, #fff4e0);
    color: var(--_fg);
    font-size: var(--gs-font-size, 1rem);
    /* Latin first, then the Korean system fonts (macOS/iOS, Windows, Android/Linux). */
    font-family: var(--gs-font-family, system-ui, -apple-system, 'Segoe UI', 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', 'NanumGothic', sans-serif);
    /* Korean breaks between words (eojeol), not inside them; Latin is unaffected. */
    word-break: keep-all;
    overflow-wrap: break-word;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--gs-accent, #7aa7ff);
      --_fg: var(--gs-color, #e6e9ef);
      --_muted: var(--gs-muted-color, #a3acbb);
      --_bg: var(--gs-background, #161a22);
      --_surface: var(--gs-surface, #1f2530);
      --_border: var(--gs-border-color, #394253);
      --_good: var(--gs-success-color, #5bd28f);
      --_bad: var(--gs-error-color, #ff8a7a);
      --_series-1: var(--gs-series-1, #7aa7ff);
      --_series-2: var(--gs-series-2, #ff9d5c);
      --_series-3: var(--gs-series-3, #69db7c);
      --_series-4: var(--gs-series-4, #e599f7);
      --_series-5: var(--gs-series-5, #ffd43b);
      --_series-6: var(--gs-series-6, #66d9e8);
      --_contour-low: var(--gs-contour-low, #1d3766);
      --_contour-high: var(--gs-contour-high, #3d3424);
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.3em 0.8em;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .error {
    color: var(--_bad);
  }
  /* The shared sideways-scroll cue (class scroll-x; see scroll-cue.ts). */
  ${scrollCueStyles}
`;

/** The series colours, in order, for plots with several runs. */
export const SERIES_COLORS = [1, 2, 3, 4, 5, 6].map((i) => `var(--_series-${i})`);
