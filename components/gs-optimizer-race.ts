import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Lang } from '../src/i18n/index.js';
import { findOptimizer, formatNumber, type PreparedObjective, type Trace } from '../src/optim/index.js';
import { GsContour } from './gs-contour.js';
import type { StepChangeDetail } from './gs-optimizer.js';
import { GsPlot, type PlotPath } from './gs-plot.js';
import { fitDomain } from './plot/fit.js';
import { parseDomain } from './shared/domain.js';
import { type InputProblem, splitVars, toProblem } from './shared/engine.js';
import { emit } from './shared/events.js';
import { GsElement } from './shared/gs-element.js';
import { resolveLang } from './shared/lang.js';
import {
  type AttributeProblem,
  checkLimits,
  HINTS,
  hintTemplate,
  limitsTemplate,
  RACE_STEP_BUDGET,
  raceBudgetMessage,
} from './shared/limits.js';
import {
  blankSettings,
  OPTIMIZER_LIMITS,
  OPTIMIZER_PROPERTIES,
  OPTIMIZER_SETTING_KEYS,
  type OptimizerAttributes,
  parseNumberList,
  prepareFromSettings,
  type RaceConfig,
  type RaceRun,
  raceRuns,
  readSettings,
} from './shared/optimizer-settings.js';
import { PlaybackController } from './shared/playback.js';
import { problemTemplate } from './shared/problem-view.js';
import { deferredHostStyles } from './shared/render-later.js';
import { later } from './shared/scheduler.js';
import { UI } from './shared/strings.js';
import { SERIES_COLORS, themeStyles } from './shared/styles.js';

interface Run {
  readonly label: string;
  readonly trace?: Trace;
  readonly problem?: InputProblem;
}

const MAX_RUNS = 8;
/** Up to this many steps in all, a race runs at once; a longer one runs one configuration per turn. */
const SYNC_RACE_STEPS = 400;
const DEFAULT_LR = 0.1;
const DEFAULT_STEPS = 20;

/**
 * Several optimizer runs on one plot: different optimizers from one start, or
 * one optimizer with different learning rates or starts (the lesson's
 * sensitivity figures), with a legend, a loss-per-step chart and shared controls.
 *
 * @tagname gs-optimizer-race
 * @summary Compare optimizers, learning rates or starting points on one plot.
 *
 * @attr expr - The function to minimise. Untrusted: parsed, never evaluated.
 * @attr vars - The parameters, comma-separated.
 * @attr at - Values of the function's other names, held constant while `vars` are optimised (`a=1, b=-2` for
 *   `a x^2 + b x`); at most 200 characters.
 * @attr start - The starting point ("4" or "4,4").
 * @attr optimizers - Comma-separated optimizer ids to race (default "gd,momentum,nesterov,adagrad,rmsprop,adam").
 * @attr optimizer - The one optimizer used when `vary` is set (default gd).
 * @attr vary - "lr" or "start": run one optimizer once per value in `values`.
 * @attr values - The learning rates ("0.2,0.01,1") or starts ("2.5,1.5"; for two variables "4,4;-4,4").
 * @attr lr - The learning rate for every run (default 0.1; Newton's method: its own 1).
 * @attr steps - Iterations per run (default 20; with `data`, one pass per mini-batch for every epoch).
 * @attr convention - textbook (default), pytorch or keras.
 * A hyper-parameter applies to the runs whose optimizer has it (momentum to Momentum and Nesterov…).
 * @attr momentum - α for Momentum and Nesterov.
 * @attr rho - ρ for RMSProp.
 * @attr beta1 - ρ₁ for Adam.
 * @attr beta2 - ρ₂ for Adam.
 * @attr delta - δ, the small constant of the adaptive methods.
 * @attr initial-accumulator - r₀, Adagrad's initial accumulator (Keras's default 0.1).
 * @attr armijo - c, the sufficient-decrease constant of step halving (default 1e-4).
 * @attr tol - Stop a run when the gradient's length is at most this.
 * @attr data - A built-in data set id for SGD on mini-batches; `expr` is then the per-sample loss.
 * @attr batch-size - Rows per mini-batch.
 * @attr epochs - Passes over the data.
 * @attr seed - Seed of the shuffling.
 * @attr layout - "overlay" (default: one plot) or "multiples" (one plot per run, side by side).
 * @attr domain - Plot range: "xmin,xmax" or "xmin,xmax,ymin,ymax" (default: the paths and the minimum near them).
 * @attr interval - Milliseconds per step when playing (default 400).
 * @attr equal-axes - One unit as long on both axes of the contour map.
 * @attr step - Iterations shown.
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @fires gs-step-change - The shown iteration changed; `detail.step`. Bubbles and is composed.
 *
 * @csspart controls - The shared controls.
 * @csspart plot - The main plot (or the small multiples).
 * @csspart loss - The loss-per-step chart.
 * @csspart notes - The runs' stop and warning messages (a run that diverged, stopped or keeps rising), each named by
 *   its run's label and colour, shown once the shown iteration reaches the step where it happened.
 * @csspart error - An inline error.
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the settings' properties are declared in `static properties` and set in the constructor; the interface below gives them their types
export class GsOptimizerRace extends GsElement implements OptimizerAttributes {
  /** The elements this one renders, defined with it. */
  static override dependencies = { 'gs-contour': GsContour, 'gs-plot': GsPlot };
  /** The first render waits until the element is near the viewport (a placeholder of about its height until then). */
  static override renderWhenNear = true;
  static override styles = [
    deferredHostStyles('54em'),
    themeStyles,
    css`
      :host {
        display: block;
      }
      [part='controls'] {
        display: flex;
        gap: 0.5em;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.4em 0;
      }
      input[type='range'] {
        flex: 1 1 8em;
        accent-color: var(--_accent);
      }
      .multiples {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: 0.6em;
      }
      .multiples h5 {
        margin: 0.2em 0;
        font-weight: 600;
        font-size: 0.9em;
      }
      .run-error {
        font-size: 0.85em;
      }
      .notes {
        list-style: none;
        margin: 0.4em 0;
        padding: 0;
        font-size: 0.9em;
      }
      .notes li {
        margin: 0.2em 0;
        overflow-wrap: anywhere;
      }
      .notes .swatch {
        display: inline-block;
        width: 0.8em;
        height: 0.8em;
        border-radius: 2px;
        margin-inline-end: 0.4em;
        vertical-align: -0.05em;
      }
      h4 {
        margin: 0.6em 0 0.2em;
        font-size: 0.95em;
        color: var(--_muted);
        font-weight: 600;
      }
    `,
  ];

  /** The shared settings (expr, vars, start, optimizer, lr, … seed), declared once in optimizer-settings.ts. */
  static override properties = OPTIMIZER_PROPERTIES;

  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    ...OPTIMIZER_LIMITS,
    values: { kind: 'list', min: -1e6, max: 1e6, maxCount: 24, fallback: '' },
    optimizers: { kind: 'text', maxLength: 200 },
    step: { kind: 'number', min: -1, max: 20_000, integer: true, fallback: -1 },
  } as const;

  @property() optimizers = 'gd,momentum,nesterov,adagrad,rmsprop,adam';
  @property() optimizer = 'gd';
  @property() vary = '';
  @property() values = '';
  @property() layout: 'overlay' | 'multiples' = 'overlay';
  @property() domain = '';
  /** Milliseconds per step when playing (default 400). */
  @property({ type: Number }) interval = 400;
  /** One unit as long on both axes of the contour map. */
  @property({ type: Boolean, attribute: 'equal-axes' }) equalAxes = false;
  @property({ type: Number, reflect: true }) step = -1;

  @state() private runs: Run[] = [];
  @state() private problem: InputProblem | undefined;
  private refused: AttributeProblem[] = [];
  /** Said when the steps were cut to fit the race's budget. */
  private budgetNote = '';
  private readonly playback = new PlaybackController(
    this,
    () => {
      this.go(this.step + 1);
      return this.step < this.maxSteps();
    },
    () => this.interval,
  );
  private fn: ((...w: number[]) => number) | undefined;
  private fn2: ((x: number, y: number) => number) | undefined;
  /** The objective every run shares: read, differentiated and compiled once. */
  private prepared: PreparedObjective | undefined;
  /** How many variables are optimised. */
  private dims = 1;

  constructor() {
    super();
    Object.assign(this, blankSettings());
  }

  /** The objective the runs share (undefined while the expression cannot be read). */
  get objective(): PreparedObjective | undefined {
    return this.prepared;
  }

  /** The computed runs. */
  get current(): readonly Run[] {
    return this.runs;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsOptimizerRace.limits, resolveLang(this));
    const keys = [...OPTIMIZER_SETTING_KEYS, 'optimizers', 'vary', 'values', 'lang'];
    if (keys.some((k) => changed.has(k as keyof GsOptimizerRace))) this.compute();
    // While a long race computes, the step asked for is kept for the runs to come.
    const max = this.maxSteps();
    if (!this.runsReady && (this.step < 0 || this.step > max)) this.step = max;
  }

  private maxSteps(): number {
    return Math.max(0, ...this.runs.map((r) => r.trace?.steps.length ?? 0));
  }

  private compute(): void {
    const lang = resolveLang(this);
    // A long race's runs come in later turns: until then the element shows the race before.
    const before = { runs: this.runs, fn: this.fn, fn2: this.fn2 };
    const generation = ++this.generation;
    this.runsReady = undefined;
    this.problem = undefined;
    this.budgetNote = '';
    this.runs = [];
    this.prepared = undefined;
    if (!this.expr.trim()) return;
    // 20 steps a run, or with data one pass per mini-batch for every epoch.
    const base = readSettings(this, { steps: this.steps.trim() || (this.data.trim() ? '' : String(DEFAULT_STEPS)) });
    let prepared: PreparedObjective;
    try {
      // Once for every run: the data columns are never optimised, only `vars` (or the other names).
      prepared = prepareFromSettings(base);
      this.prepared = prepared;
      this.fn = (...w) => prepared.f(w);
      // One function per computation, so the contour map can keep its bands between steps.
      this.fn2 = (x, y) => prepared.f([x, y]);
      this.dims = prepared.vars.length;
    } catch (error) {
      this.problem = toProblem(this.expr, error, lang);
      return;
    }
    const configs: RaceConfig[] = [];
    const one = this.optimizer.trim() || 'gd';
    // The race's rate is 0.1 unless given; Newton's method keeps its own ε = 1.
    const lrFor = (id: string) =>
      this.lr.trim() || (findOptimizer(id)?.defaultLr !== undefined ? undefined : String(DEFAULT_LR));
    const withLr = (id: string) => {
      const lr = lrFor(id);
      return lr ? { lr } : {};
    };
    if (this.vary === 'lr') {
      for (const lr of parseNumberList(this.values).slice(0, MAX_RUNS)) {
        configs.push({ label: `ε = ${formatNumber(lr)}`, overrides: { lr, optimizer: one } });
      }
    } else if (this.vary === 'start') {
      for (const start of this.startValues().slice(0, MAX_RUNS)) {
        const shown = start.map((v) => formatNumber(v)).join(', ');
        configs.push({
          label: `${this.prepared?.vars.length === 1 ? (this.prepared.vars[0] ?? 'x') : 'w'}₀ = ${start.length > 1 ? `(${shown})` : shown}`,
          overrides: { start, optimizer: one, ...withLr(one) },
        });
      }
    } else {
      for (const id of splitVars(this.optimizers).slice(0, MAX_RUNS)) {
        configs.push({ label: id, overrides: { optimizer: id, ...withLr(id) } });
      }
    }
    // The race's total work is budgeted: the runs share RACE_STEP_BUDGET steps.
    const requested = Math.trunc(parseNumberList(base.steps)[0] ?? 0);
    const perRun = Math.floor(RACE_STEP_BUDGET / Math.max(1, configs.length));
    if (requested > perRun) {
      this.budgetNote = raceBudgetMessage(configs.length, requested, perRun, lang);
      base.steps = String(perRun);
    }
    const toRun = ({ label, trace, error }: RaceRun): Run =>
      trace
        ? { label: this.vary ? label : trace.name[lang], trace }
        : { label, problem: toProblem(this.expr, error, lang) };
    const stepsEach = Number(base.steps) || (base.data.trim() ? Number.POSITIVE_INFINITY : DEFAULT_STEPS);
    if (configs.length * stepsEach <= SYNC_RACE_STEPS) {
      this.runs = raceRuns(prepared, base, configs).map(toRun);
      return;
    }
    // A long race runs one configuration per turn of the shared scheduler, so that the page
    // paints and answers input meanwhile; the runs show together once all are in, and
    // `updateComplete` waits for them.
    const done: Run[] = [];
    const next = { fn: this.fn, fn2: this.fn2 };
    Object.assign(this, before);
    this.runsReady = new Promise<void>((resolve) => {
      const turn = (i: number) =>
        later(() => {
          if (generation !== this.generation) return resolve();
          done.push(...raceRuns(prepared, base, [configs[i] as RaceConfig]).map(toRun));
          if (i + 1 < configs.length) return turn(i + 1);
          Object.assign(this, next, { runs: done });
          this.runsReady = undefined;
          resolve();
        });
      turn(0);
    });
    this.completesAfter(this.runsReady);
  }

  /** Which computation is current (a later one makes a pending one's turns stop). */
  private generation = 0;
  /** Settles once a long race's runs are in (undefined: none pending). */
  private runsReady: Promise<void> | undefined;

  /** Starts for vary="start": one number each for one variable, else groups separated by ";". */
  private startValues(): number[][] {
    const groups = this.values.includes(';') ? this.values.split(';') : this.values.split(',');
    const dims = this.dims;
    if (!this.values.includes(';') && dims > 1) return [];
    return groups.map((g) => parseNumberList(g)).filter((g) => g.length === dims && g.every(Number.isFinite));
  }

  private go(step: number): void {
    const next = Math.max(0, Math.min(this.maxSteps(), step));
    if (next === this.step) return;
    this.step = next;
    emit(this, 'gs-step-change', { step: next });
  }

  play(): void {
    if (this.playback.playing) return;
    if (this.step >= this.maxSteps()) this.go(0);
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  override render(): unknown {
    const lang = resolveLang(this);
    return html`${limitsTemplate(this.refused)}${this.body(lang)}`;
  }

  private body(lang: Lang) {
    if (!this.expr.trim()) return hintTemplate(HINTS.expr, lang);
    if (this.problem) return problemTemplate(this.problem);
    if (!this.runs.length)
      return this.runsReady ? html`<div class="gs-placeholder"></div>` : hintTemplate(HINTS.optimizers, lang);
    const max = this.maxSteps();
    const failed = this.runs.filter((r) => r.problem);
    return html`
      <div part="controls">
        <button @click=${() => (this.playback.playing ? this.pause() : this.play())} aria-pressed=${this.playback.playing ? 'true' : 'false'}>
          ${this.playback.playing ? UI.pause[lang] : UI.play[lang]}
        </button>
        <button @click=${() => {
          this.pause();
          this.go(0);
        }}>${UI.reset[lang]}</button>
        <input
          type="range"
          min="0"
          max=${max}
          .value=${String(this.step)}
          aria-label=${UI.iteration[lang]}
          @input=${(e: Event) => this.go(Number((e.target as HTMLInputElement).value))}
        />
        <span aria-live="polite">${UI.iteration[lang]} ${this.step} / ${max}</span>
      </div>
      ${this.budgetNote ? html`<div part="error" class="error budget" role="status">${this.budgetNote}</div>` : nothing}
      ${failed.map((r) => html`<div class="run-error error">${r.label}: ${r.problem?.message}</div>`)}
      <div part="plot">${this.plotTemplate(lang)}</div>
      ${this.notesTemplate(lang)}
      <h4>${UI.lossPerStep[lang]}</h4>
      ${this.lossTemplate(lang)}
    `;
  }

  /** Each run's stop message (diverged or stopped) or warning, as `gs-optimizer` shows it, once reached. */
  private notesTemplate(lang: Lang) {
    const notes = this.runs.flatMap((r, i) => {
      const t = r.trace;
      if (!t) return [];
      const ended = t.message && (t.status === 'diverged' || t.status === 'stopped') && this.step >= t.steps.length;
      const text = ended ? t.message?.[lang] : t.warning && this.step >= t.warning.step ? t.warning.message[lang] : '';
      if (!text) return [];
      return [{ label: r.label, text, color: SERIES_COLORS[i % SERIES_COLORS.length] as string, status: t.status }];
    });
    if (!notes.length) return nothing;
    return html`<div part="notes" role="status"><ul class="notes">
      ${notes.map(
        (n) =>
          html`<li class=${n.status}><span class="swatch" style=${`background:${n.color}`} aria-hidden="true"></span><strong>${n.label}</strong>: ${n.text}</li>`,
      )}
    </ul></div>`;
  }

  private paths(): PlotPath[] {
    const dims = this.runs.find((r) => r.trace)?.trace?.vars.length ?? 1;
    const f = this.fn;
    return this.runs.flatMap((r, i) => {
      if (!r.trace || !f) return [];
      const shown = r.trace.path.slice(0, this.step + 1);
      const color = SERIES_COLORS[i % SERIES_COLORS.length] as string;
      const points =
        dims === 1
          ? shown.map((p) => [p[0] as number, f(p[0] as number)] as const)
          : shown.map((p) => [p[0] as number, p[1] as number] as const);
      const name = r.trace.vars[0] ?? 'x';
      const labels = dims === 1 && this.runs.length <= 3 ? shown.map((_, k) => `${name}${subscript(k)}`) : undefined;
      return [{ points, label: r.label, color, ...(labels ? { labels } : {}) }];
    });
  }

  private plotTemplate(lang: Lang) {
    const f = this.fn;
    const first = this.runs.find((r) => r.trace)?.trace;
    if (!f || !first) return nothing;
    const paths = this.paths();
    if (first.vars.length === 1) {
      const [lo, hi] = this.xRange();
      const plot = (ps: PlotPath[], label: string) =>
        html`<gs-plot .curves=${[{ fn: (x: number) => f(x), label: 'f', color: 'var(--_muted)' }]} .paths=${ps} .xmin=${lo} .xmax=${hi} x-label=${first.vars[0] ?? 'x'} label=${label}></gs-plot>`;
      if (this.layout === 'multiples') {
        return html`<div class="multiples">
          ${paths.map((p) => html`<div><h5>${p.label}</h5>${plot([{ ...p, label: '' }], `${first.expr.text}: ${p.label}`)}</div>`)}
        </div>`;
      }
      return plot(paths, first.expr.text);
    }
    if (first.vars.length === 2) {
      const domain =
        this.domain.split(',').length === 4
          ? parseDomain(this.domain)
          : fitDomain(
              this.fn2,
              this.runs.flatMap((r) => r.trace?.path ?? []),
            );
      return html`<gs-contour
        .fn=${this.fn2}
        .domain=${domain}
        ?equal-axes=${this.equalAxes}
        .paths=${paths}
        x-label=${first.vars[0] ?? 'x'}
        y-label=${first.vars[1] ?? 'y'}
        label=${`${first.expr.text} (${UI.lossPerStep[lang]})`}
      ></gs-contour>`;
    }
    return nothing;
  }

  private lossTemplate(lang: Lang) {
    const paths: PlotPath[] = this.runs.flatMap((r, i) =>
      r.trace
        ? [
            {
              points: r.trace.values
                .slice(0, this.step + 1)
                .map((v, k) => [k, v] as const)
                .filter((p) => Number.isFinite(p[1]) && Math.abs(p[1]) < 1e12),
              label: r.label,
              color: SERIES_COLORS[i % SERIES_COLORS.length] as string,
            },
          ]
        : [],
    );
    return html`<gs-plot part="loss" .paths=${paths} .xmin=${0} .xmax=${Math.max(1, this.maxSteps())} height="180" x-label="k" y-label=${UI.loss[lang]} label=${UI.lossPerStep[lang]}></gs-plot>`;
  }

  private xRange(): [number, number] {
    if (this.domain.split(',').length >= 2) {
      const [a, b] = parseNumberList(this.domain);
      if (a !== undefined && b !== undefined && a < b) return [a, b];
    }
    const xs = this.runs
      .flatMap((r) => r.trace?.path.map((p) => p[0] as number) ?? [])
      .filter((x) => Number.isFinite(x) && Math.abs(x) < 1e6);
    if (!xs.length) return [-5, 5];
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const pad = Math.max(1, (hi - lo) * 0.25);
    return [lo - pad, hi + pad];
  }
}

// The settings' properties come from OPTIMIZER_PROPERTIES; this merges their types into the class.
// (declared in `static properties`, each set to '' in the constructor)
export interface GsOptimizerRace extends OptimizerAttributes {}

const subscript = (k: number) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string);

declare global {
  interface HTMLElementTagNameMap {
    'gs-optimizer-race': GsOptimizerRace;
  }
  interface GlobalEventHandlersEventMap {
    'gs-step-change': CustomEvent<StepChangeDetail>;
  }
}
