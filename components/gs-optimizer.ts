import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { texSymbol } from '../src/expr/print-tex.js';
import type { Lang } from '../src/i18n/index.js';
import {
  type Dataset,
  findDataset,
  formatNumber,
  optimize,
  type PreparedObjective,
  type Trace,
} from '../src/optim/index.js';
import { GsContour, type PlotArrow } from './gs-contour.js';
import { GsPlot } from './gs-plot.js';
import { katexStyles } from './katex/render.js';
import { dataFitTemplate } from './plot/data-fit.js';
import { fitDomain } from './plot/fit.js';
import { parseDomain } from './shared/domain.js';
import { type InputProblem, toProblem } from './shared/engine.js';
import { resolveLang } from './shared/lang.js';
import { type AttributeProblem, checkLimits, HINTS, hintTemplate, limitsTemplate } from './shared/limits.js';
import { MathElement } from './shared/math-element.js';
import {
  blankSettings,
  OPTIMIZER_LIMITS,
  OPTIMIZER_PROPERTIES,
  OPTIMIZER_SETTING_KEYS,
  type OptimizerAttributes,
  prepareFromSettings,
  prepareKey,
  readSettings,
  runOptions,
} from './shared/optimizer-settings.js';
import { problemTemplate } from './shared/problem-view.js';
import { deferredHostStyles } from './shared/render-later.js';
import { type StepChangeDetail, StepperController } from './shared/stepper.js';
import { math } from './shared/steps-view.js';
import { UI } from './shared/strings.js';
import { themeStyles } from './shared/styles.js';

export type { StepChangeDetail } from './shared/stepper.js';

const subscript = (k: number) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string);

/**
 * An optimizer stepper: one iteration at a time, each shown as its update rule,
 * the same rule with the numbers substituted, and the gradient formula evaluated;
 * a history table; and a plot of the path (the curve with labelled iterates for
 * one variable, a contour map with the path and the step's arrow for two).
 *
 * @tagname gs-optimizer
 * @summary Step through GD, Momentum, Nesterov, Adagrad, RMSProp or Adam on any function.
 *
 * @attr expr - The function to minimise (or, with `data`, the per-sample loss). Untrusted: parsed, never evaluated.
 * @attr vars - The parameters, comma-separated, in the order of `start`.
 * @attr at - Values of the function's other names, held constant while `vars` are optimised (`a=1, b=-2` for
 *   `a x^2 + b x`); at most 200 characters.
 * @attr start - The starting point, comma-separated ("4" or "-1.2,1").
 * @attr optimizer - gd (sgd), momentum, nesterov, adagrad, rmsprop, adam, gd-halving or newton.
 * @attr lr - The learning rate ε.
 * @attr steps - Number of iterations (default 10, or with `data` one pass per mini-batch for every epoch; at most 2000).
 * @attr convention - textbook (default, the lesson's formulas), pytorch or keras.
 * @attr momentum - α for Momentum and Nesterov.
 * @attr rho - ρ for RMSProp.
 * @attr beta1 - ρ₁ for Adam.
 * @attr beta2 - ρ₂ for Adam.
 * @attr delta - δ, the small constant of the adaptive methods.
 * @attr initial-accumulator - r₀, Adagrad's initial accumulator (Keras's default 0.1).
 * @attr armijo - c, the sufficient-decrease constant of step halving (default 1e-4).
 * @attr tol - Stop when the gradient's length is at most this.
 * @attr data - A built-in data set id for SGD on mini-batches (e.g. "line"); `expr` is then the per-sample loss.
 * @attr batch-size - Rows per mini-batch.
 * @attr epochs - Passes over the data.
 * @attr seed - Seed of the shuffling.
 * @attr step - Iterations shown (0 = just the start).
 * @attr domain - Plot range: "xmin,xmax" for one variable, "xmin,xmax,ymin,ymax" for two (default: the path and the minimum near it).
 * @attr interval - Milliseconds per step when playing (default 700).
 * @attr equal-axes - One unit as long on both axes of the contour map.
 * @attr loss-chart - Also draws the loss per step.
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @fires gs-step-change - The shown iteration changed; `detail.step`. Bubbles and is composed.
 *
 * @csspart controls - The previous / next / play / reset buttons.
 * @csspart formulas - The current step's formulas.
 * @csspart history - The history table.
 * @csspart data-table - The data table (with `data`): rows numbered from 1, the current mini-batch marked.
 * @csspart plot - The plot.
 * @csspart loss - The loss-per-step chart (with `loss-chart`).
 * @csspart status - Divergence or convergence message, or a warning that the loss keeps rising.
 * @csspart error - An inline error for an unreadable expression or setting.
 *
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-accent] - Accent colour.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the settings' properties are declared in `static properties` and set in the constructor; the interface below gives them their types
export class GsOptimizer extends MathElement implements OptimizerAttributes {
  /** The elements this one renders, defined with it. */
  static override dependencies = { 'gs-contour': GsContour, 'gs-plot': GsPlot };
  /** The first render waits until the element is near the viewport (a placeholder of about its height until then). */
  static override renderWhenNear = true;
  static override styles = [
    deferredHostStyles('40em'),
    themeStyles,
    katexStyles,
    css`
      :host {
        display: block;
      }
      :host(:focus-visible) {
        outline: 2px solid var(--_accent);
        outline-offset: 4px;
      }
      [part='controls'] {
        display: flex;
        gap: 0.4em;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.4em 0;
      }
      .counter {
        margin-left: 0.4em;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      [part='formulas'] {
        background: var(--_surface);
        border-radius: var(--_radius);
        padding: 0.4em 0.7em;
        overflow-x: auto;
        min-height: 5.5em;
      }
      [part='formulas'] .label {
        color: var(--_muted);
        font-size: 0.85em;
        margin-top: 0.3em;
      }
      [part='status'] {
        margin: 0.4em 0;
        font-weight: 600;
      }
      [part='status'].diverged {
        color: var(--_bad);
      }
      details {
        margin-top: 0.4em;
      }
      .table-wrap {
        max-height: 16em;
        overflow: auto;
      }
      table {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        font-size: 0.88em;
        width: 100%;
      }
      th,
      td {
        text-align: right;
        padding: 0.15em 0.6em;
        border-bottom: 1px solid var(--_border);
        white-space: nowrap;
      }
      tr.current {
        background: color-mix(in srgb, var(--_accent) 15%, transparent);
      }
      .hint {
        font-size: 0.8em;
        color: var(--_muted);
      }
      .batch {
        font-size: 0.85em;
        color: var(--_muted);
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  /** The settings (expr, vars, start, optimizer, lr, … seed), declared once in optimizer-settings.ts. */
  static override properties = OPTIMIZER_PROPERTIES;

  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    ...OPTIMIZER_LIMITS,
    step: { kind: 'number', min: 0, max: 20_000, integer: true, fallback: 0 },
  } as const;

  @property() domain = '';
  /** Milliseconds per step when playing (default 700). */
  @property({ type: Number }) interval = 700;
  /** One unit as long on both axes of the contour map. */
  @property({ type: Boolean, attribute: 'equal-axes' }) equalAxes = false;
  /** Also draws the loss f(w⁽ᵏ⁾) per step. */
  @property({ type: Boolean, attribute: 'loss-chart' }) lossChart = false;
  /** Iterations shown: 0 is the start; at most the number of steps computed. */
  @property({ type: Number, reflect: true }) step = 0;

  @state() private trace: Trace | undefined;
  @state() private problem: InputProblem | undefined;
  private refused: AttributeProblem[] = [];
  private readonly stepper = new StepperController(this, {
    count: () => this.trace?.steps.length ?? 0,
    ready: () => this.trace !== undefined,
    intervalMs: () => this.interval,
  });
  private prepared: PreparedObjective | undefined;
  /** What `prepared` was read from: expr, vars and data. */
  private preparedFrom = '';
  private fn: ((...w: number[]) => number) | undefined;
  private fn2: ((x: number, y: number) => number) | undefined;

  constructor() {
    super();
    Object.assign(this, blankSettings());
  }

  /** The computed run (undefined while the settings cannot be used). */
  get current(): Trace | undefined {
    return this.trace;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsOptimizer.limits, resolveLang(this));
    const settings = [...OPTIMIZER_SETTING_KEYS, 'lang'];
    if (settings.some((k) => changed.has(k as keyof GsOptimizer))) this.run();
    const max = this.trace?.steps.length ?? 0;
    const clamped = Math.max(0, Math.min(max, Math.trunc(this.step) || 0));
    if (clamped !== this.step) this.step = clamped;
  }

  /** Re-runs the optimizer; the shown step index is kept (clamped to the new run). */
  private run(): void {
    const lang = resolveLang(this);
    this.problem = undefined;
    if (!this.expr.trim()) {
      this.trace = undefined;
      return;
    }
    try {
      const settings = readSettings(this);
      // Read, differentiated and compiled again only when the objective itself changed.
      const from = prepareKey(settings);
      if (!this.prepared || from !== this.preparedFrom) {
        this.prepared = undefined;
        this.prepared = prepareFromSettings(settings);
        this.preparedFrom = from;
        const prepared = this.prepared;
        this.fn = (...w) => prepared.f(w);
        // One function per objective, so the contour map keeps its bands from step to step.
        this.fn2 = (x, y) => prepared.f([x, y]);
      }
      this.trace = optimize(this.prepared, runOptions(settings));
    } catch (error) {
      this.trace = undefined;
      if (!this.prepared) {
        this.fn = undefined;
        this.fn2 = undefined;
      }
      this.problem = toProblem(this.expr, error, lang);
    }
  }

  next(): void {
    this.stepper.next();
  }

  previous(): void {
    this.stepper.previous();
  }

  reset(): void {
    this.stepper.reset();
  }

  play(): void {
    this.stepper.play();
  }

  pause(): void {
    this.stepper.pause();
  }

  override render(): unknown {
    const lang = resolveLang(this);
    return html`${limitsTemplate(this.refused)}${this.body(lang)}`;
  }

  private body(lang: Lang) {
    if (!this.expr.trim()) return hintTemplate(HINTS.expr, lang);
    if (this.problem) return problemTemplate(this.problem);
    const t = this.trace;
    if (!t) return nothing;
    const max = t.steps.length;
    return html`
      ${this.stepper.controls(lang, `${UI.iteration[lang]} ${this.step} / ${max}`, true)}
      <div class="hint">${UI.keyboardHint[lang]}</div>
      ${this.formulasTemplate(t, lang)}
      ${this.statusTemplate(t, lang)}
      <div part="plot">${this.plotTemplate(t)}</div>
      ${this.data && findDataset(this.data) ? dataFitTemplate(t, findDataset(this.data) as Dataset, this.step, lang) : nothing}
      ${this.lossChart ? this.lossTemplate(t, lang) : nothing}
      ${this.historyTemplate(t, lang)}
      ${this.dataTemplate(t, lang)}
    `;
  }

  private formulasTemplate(t: Trace, lang: Lang) {
    const s = this.step > 0 ? t.steps[this.step - 1] : undefined;
    const w0 = t.path[0] ?? [];
    const point = (w: readonly number[]) =>
      w.length === 1 ? formatNumber(w[0] as number) : `(${w.map((v) => formatNumber(v)).join(', ')})`;
    const name = t.vars.length === 1 ? texSymbol(t.vars[0] as string) : '\\mathbf{w}';
    // Focusable, so a keyboard can scroll formulas wider than a phone.
    return html`<div part="formulas" class="scroll-x" aria-live="polite" tabindex="0" role="region" aria-label=${UI.updateRule[lang]}>
      <div class="label">${t.name[lang]} — ${UI.updateRule[lang]}</div>
      ${math(t.rule, true)}
      <div class="label">${UI.gradient[lang]}</div>
      ${math(t.gradient.formula)}
      ${t.held ? html`<div class="label">${UI.constantsLabel[lang]}</div>${math(t.held.tex)}` : nothing}
      ${
        s
          ? html`<div class="label">${UI.gradientAt[lang]}</div>
            ${math(s.gradient.tex)}
            <div class="label">${UI.withNumbers[lang]}</div>
            ${math(s.tex.substituted, true)}
            ${
              s.batch
                ? html`<div class="batch">${UI.batch[lang]} (${UI.epoch[lang]} ${s.batch.epoch + 1}): ${s.batch.numbers.join(', ')}</div>`
                : nothing
            }`
          : html`<div class="label">${UI.step[lang]} 0</div>
            ${math(`${name}^{(0)} = ${point(w0)}`)}`
      }
    </div>`;
  }

  private statusTemplate(t: Trace, lang: Lang) {
    const ended = t.message && (t.status === 'diverged' || t.status === 'stopped' || t.status === 'converged');
    // Each is shown once the reader reaches the step where it happened.
    const warn = t.warning && this.step >= t.warning.step && !(ended && this.step >= t.steps.length);
    if (warn && t.warning) {
      return html`<div part="status" class="diverged" role="status">${t.warning.message[lang]}</div>`;
    }
    if (!ended || this.step < t.steps.length) return nothing;
    return html`<div part="status" class=${t.status} role="status">${t.message?.[lang]}</div>`;
  }

  /** The data, numbered from 1 as the formula and the caption number them; this step's batch marked. */
  private dataTemplate(t: Trace, lang: Lang) {
    const data = this.prepared?.data;
    if (!data || !t.data) return nothing;
    const s = this.step > 0 ? t.steps[this.step - 1] : undefined;
    const batch = new Set(s?.batch?.numbers ?? []);
    return html`<details part="data-table">
      <summary>${UI.data[lang]} (${data.rows.length})</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">${UI.row[lang]} i</th>${data.columns.map((c) => html`<th scope="col">${c}ᵢ</th>`)}</tr>
          </thead>
          <tbody>
            ${data.rows.map((row, index) => {
              const i = index + 1;
              const marked = batch.has(i);
              return html`<tr class=${marked ? 'current' : ''}>
                <td>${i}${marked ? html`<span class="visually-hidden"> (${UI.inBatch[lang]})</span>` : nothing}</td>
                ${row.map((v) => html`<td>${formatNumber(v)}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </details>`;
  }

  private plotTemplate(t: Trace) {
    const shown = t.path.slice(0, this.step + 1);
    const labels = shown.map((_, k) => `${t.vars.length === 1 ? (t.vars[0] ?? 'x') : 'w'}${subscript(k)}`);
    const f = this.fn;
    if (t.vars.length === 1 && f) {
      const xs = t.path.map((p) => p[0] as number).filter(Number.isFinite);
      const dom = parseDomain(this.domain.split(',').length === 2 ? `${this.domain},0,1` : null);
      const [lo, hi] = this.domain.split(',').length === 2 ? [dom[0] as number, dom[1] as number] : autoRange(xs);
      return html`<gs-plot
        .curves=${[{ fn: (x: number) => f(x), label: 'f' }]}
        .paths=${[{ points: shown.map((p) => [p[0] as number, f(p[0] as number)] as const), labels }]}
        .xmin=${lo}
        .xmax=${hi}
        x-label=${t.vars[0] ?? 'x'}
        label=${t.expr.text}
      ></gs-plot>`;
    }
    if (t.vars.length === 2 && f) {
      const domain = this.domain.split(',').length === 4 ? parseDomain(this.domain) : fitDomain(this.fn2, t.path);
      const s = this.step < t.steps.length ? t.steps[this.step] : undefined;
      const arrows: PlotArrow[] = s ? [{ from: s.w as [number, number], to: s.next as [number, number] }] : [];
      return html`<gs-contour
        .fn=${this.fn2}
        .domain=${domain}
        ?equal-axes=${this.equalAxes}
        .paths=${[{ points: shown.map((p) => [p[0] as number, p[1] as number] as const), labels: labels.map((l, k) => (k === shown.length - 1 ? l : '')) }]}
        .arrows=${arrows}
        x-label=${t.vars[0] ?? 'x'}
        y-label=${t.vars[1] ?? 'y'}
        label=${t.expr.text}
      ></gs-contour>`;
    }
    return nothing;
  }

  private lossTemplate(t: Trace, lang: Lang) {
    const points = t.values
      .slice(0, this.step + 1)
      .map((v, k) => [k, v] as const)
      .filter((p) => Number.isFinite(p[1]) && Math.abs(p[1]) < 1e12);
    return html`<gs-plot part="loss" .paths=${[{ points, label: UI.loss[lang] }]} .xmin=${0} .xmax=${Math.max(1, t.steps.length)} height="170" x-label="k" y-label=${UI.loss[lang]} label=${UI.lossPerStep[lang]}></gs-plot>`;
  }

  private historyTemplate(t: Trace, lang: Lang) {
    const rows = t.path.slice(0, this.step + 1);
    const v = t.vars.length === 1 ? (t.vars[0] ?? 'x') : `(${t.vars.join(', ')})`;
    return html`<details part="history">
      <summary>${UI.history[lang]}</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">k</th><th scope="col">${v}</th><th scope="col">f</th><th scope="col">‖∇f‖</th></tr>
          </thead>
          <tbody>
            ${rows.map((w, k) => {
              const s = t.steps[k];
              return html`<tr class=${k === this.step ? 'current' : ''}>
                <td>${k}</td>
                <td>${w.map((x) => formatNumber(x)).join(', ')}</td>
                <td>${formatNumber(t.values[k] ?? Number.NaN)}</td>
                <td>${s ? formatNumber(s.gradNorm) : '—'}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </details>`;
  }
}

/** An x range around the iterates, with room to see the curve's shape. */
function autoRange(xs: readonly number[]): [number, number] {
  if (xs.length === 0) return [-5, 5];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = Math.max(1, (hi - lo) * 0.3);
  return [lo - pad, hi + pad];
}

// The settings' properties come from OPTIMIZER_PROPERTIES; this merges their types into the class.
// (declared in `static properties`, each set to '' in the constructor)
export interface GsOptimizer extends OptimizerAttributes {}

declare global {
  interface HTMLElementTagNameMap {
    'gs-optimizer': GsOptimizer;
  }
  interface GlobalEventHandlersEventMap {
    'gs-step-change': CustomEvent<StepChangeDetail>;
  }
}
