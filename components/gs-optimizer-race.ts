import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compile } from '../src/expr/compile.js';
import { type Parsed, parse } from '../src/expr/parse.js';
import type { Lang } from '../src/i18n/index.js';
import { formatNumber, optimize, type Trace } from '../src/optim/index.js';
import { defineElement } from './define.js';
import { GsElement } from './shared/gs-element.js';
import './gs-contour.js';
import './gs-plot.js';
import type { PlotPath } from './gs-plot.js';
import { fitDomain } from './plot/fit.js';
import { parseDomain } from './shared/domain.js';
import { type InputProblem, splitVars, toProblem } from './shared/engine.js';
import { emit } from './shared/events.js';
import { resolveLang } from './shared/lang.js';
import {
  type AttributeProblem,
  checkLimits,
  HINTS,
  hintTemplate,
  limitsTemplate,
  OPTIMIZER_LIMITS,
  RACE_STEP_BUDGET,
  raceBudgetMessage,
} from './shared/limits.js';
import {
  OPTIMIZER_SETTING_KEYS,
  type OptimizerAttributes,
  parseNumberList,
  readSettings,
  toOptimizeOptions,
} from './shared/optimizer-settings.js';
import { PlaybackController } from './shared/playback.js';
import { problemTemplate } from './shared/problem-view.js';
import { UI } from './shared/strings.js';
import { SERIES_COLORS, themeStyles } from './shared/styles.js';

interface Run {
  readonly label: string;
  readonly trace?: Trace;
  readonly problem?: InputProblem;
}

const MAX_RUNS = 8;
const DEFAULT_LR = 0.1;

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
 * @attr start - The starting point ("4" or "4,4").
 * @attr optimizers - Comma-separated optimizer ids to race (default "gd,momentum,nesterov,adagrad,rmsprop,adam").
 * @attr optimizer - The one optimizer used when `vary` is set (default gd).
 * @attr vary - "lr" or "start": run one optimizer once per value in `values`.
 * @attr values - The learning rates ("0.2,0.01,1") or starts ("2.5,1.5"; for two variables "4,4;-4,4").
 * @attr lr - The learning rate for every run (default 0.1).
 * @attr steps - Iterations per run (default 20).
 * @attr convention - textbook (default), pytorch or keras.
 * @attr momentum - α for Momentum and Nesterov.
 * @attr rho - ρ for RMSProp.
 * @attr beta1 - ρ₁ for Adam.
 * @attr beta2 - ρ₂ for Adam.
 * @attr delta - δ, the small constant of the adaptive methods.
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
 * @csspart error - An inline error.
 */
export class GsOptimizerRace extends GsElement implements OptimizerAttributes {
  static override styles = [
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
      h4 {
        margin: 0.6em 0 0.2em;
        font-size: 0.95em;
        color: var(--_muted);
        font-weight: 600;
      }
    `,
  ];

  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    ...OPTIMIZER_LIMITS,
    values: { kind: 'list', min: -1e6, max: 1e6, maxCount: 24, fallback: '' },
    optimizers: { kind: 'text', maxLength: 200 },
    step: { kind: 'number', min: -1, max: 20_000, integer: true, fallback: -1 },
  } as const;

  @property() expr = '';
  @property() vars = '';
  @property() start = '';
  @property() optimizers = 'gd,momentum,nesterov,adagrad,rmsprop,adam';
  @property() optimizer = 'gd';
  @property() vary = '';
  @property() values = '';
  @property() lr = '';
  @property() steps = '20';
  @property() convention = 'textbook';
  @property() momentum = '';
  @property() rho = '';
  @property() beta1 = '';
  @property() beta2 = '';
  @property() delta = '';
  @property() tol = '';
  @property() data = '';
  @property({ attribute: 'batch-size' }) batchSize = '';
  @property() epochs = '';
  @property() seed = '';
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
  /** How many parameters the expression has (from `vars`, else from the expression). */
  private dims = 1;

  /** The computed runs. */
  get current(): readonly Run[] {
    return this.runs;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsOptimizerRace.limits, resolveLang(this));
    const keys = [...OPTIMIZER_SETTING_KEYS, 'optimizers', 'vary', 'values', 'lang'];
    if (keys.some((k) => changed.has(k as keyof GsOptimizerRace))) this.compute();
    const max = this.maxSteps();
    if (this.step < 0 || this.step > max) this.step = max;
  }

  private maxSteps(): number {
    return Math.max(0, ...this.runs.map((r) => r.trace?.steps.length ?? 0));
  }

  private compute(): void {
    const lang = resolveLang(this);
    this.problem = undefined;
    this.budgetNote = '';
    this.runs = [];
    if (!this.expr.trim()) return;
    const vars = splitVars(this.vars);
    let parsed: Parsed;
    let names: string[];
    try {
      parsed = parse(this.expr, vars.length ? { vars } : {});
      names = vars.length ? vars : parsed.vars;
      const f = compile(parsed.expr, names);
      this.fn = (...w) => f(...w);
      // One function per computation, so the contour map can keep its bands between steps.
      this.fn2 = (x, y) => f(x, y);
      this.dims = Math.max(1, names.length);
    } catch (error) {
      this.problem = toProblem(this.expr, error, lang);
      return;
    }
    const steps = this.steps.trim() ? this.steps : '20';
    const base = readSettings(this, { steps, lr: this.lr || String(DEFAULT_LR) });
    // Every run starts from the expression already read above, not from the text again.
    // With data the parameters are the variables minus the data columns, which optimize works out.
    const shared = this.data ? { expr: parsed.expr } : { expr: parsed.expr, vars: names };
    const configs: { label: string; overrides: Parameters<typeof toOptimizeOptions>[1] }[] = [];
    if (this.vary === 'lr') {
      for (const lr of parseNumberList(this.values).slice(0, MAX_RUNS)) {
        configs.push({ label: `ε = ${formatNumber(lr)}`, overrides: { lr, optimizer: this.optimizer || 'gd' } });
      }
    } else if (this.vary === 'start') {
      for (const start of this.startValues().slice(0, MAX_RUNS)) {
        const shown = start.map((v) => formatNumber(v)).join(', ');
        configs.push({
          label: `${names.length === 1 ? (names[0] ?? 'x') : 'w'}₀ = ${start.length > 1 ? `(${shown})` : shown}`,
          overrides: { start, optimizer: this.optimizer || 'gd' },
        });
      }
    } else {
      for (const id of splitVars(this.optimizers).slice(0, MAX_RUNS))
        configs.push({ label: id, overrides: { optimizer: id } });
    }
    // The race's total work is budgeted: the runs share RACE_STEP_BUDGET steps.
    const requested = Math.trunc(parseNumberList(steps)[0] ?? 0);
    const perRun = Math.floor(RACE_STEP_BUDGET / Math.max(1, configs.length));
    this.budgetNote = requested > perRun ? raceBudgetMessage(configs.length, requested, perRun, lang) : '';
    if (requested > perRun) base.steps = String(perRun);
    this.runs = configs.map(({ label, overrides }) => {
      try {
        const trace = optimize({ ...toOptimizeOptions(base, { ...shared, ...overrides }), tex: false });
        return { label: this.vary ? label : trace.name[lang], trace };
      } catch (error) {
        return { label, problem: toProblem(this.expr, error, lang) };
      }
    });
  }

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

  override render() {
    const lang = resolveLang(this);
    return html`${limitsTemplate(this.refused)}${this.body(lang)}`;
  }

  private body(lang: Lang) {
    if (!this.expr.trim()) return hintTemplate(HINTS.expr, lang);
    if (this.problem) return problemTemplate(this.problem);
    if (!this.runs.length) return hintTemplate(HINTS.optimizers, lang);
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
      <h4>${UI.lossPerStep[lang]}</h4>
      ${this.lossTemplate(lang)}
    `;
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

const subscript = (k: number) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string);

defineElement('gs-optimizer-race', GsOptimizerRace);

declare global {
  interface HTMLElementTagNameMap {
    'gs-optimizer-race': GsOptimizerRace;
  }
}
