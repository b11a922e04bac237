import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Derivation, differentiate } from '../src/calculus/index.js';
import { compile } from '../src/expr/compile.js';
import type { Parsed } from '../src/expr/parse.js';
import { readPoint } from '../src/expr/point.js';
import { texSymbol, toTex } from '../src/expr/print-tex.js';
import { toText } from '../src/expr/print-text.js';
import type { Lang } from '../src/i18n/index.js';
import type { PlotCurve, ProbeChangeDetail } from './gs-plot.js';
import { katexStyles } from './katex/render.js';
import { probePoint, realRange } from './plot/sample.js';
import { type InputProblem, readExpression, splitVars, toProblem } from './shared/engine.js';
import { emit } from './shared/events.js';
import { otherFormsStyles, otherFormsTemplate } from './shared/forms-view.js';
import { resolveLang } from './shared/lang.js';
import {
  type AttributeProblem,
  checkLimits,
  HINTS,
  hintTemplate,
  limitsTemplate,
  SHARED_LIMITS,
} from './shared/limits.js';
import { MathElement } from './shared/math-element.js';
import { problemTemplate } from './shared/problem-view.js';
import { deferredHostStyles } from './shared/render-later.js';
import { math, stepsStyles, stepsTemplate } from './shared/steps-view.js';
import { UI } from './shared/strings.js';
import { themeStyles } from './shared/styles.js';
import { typesetIdle } from './shared/typeset.js';

/** Detail of `gs-change`. */
export interface ExpressionChangeDetail {
  readonly expr: string;
}

/**
 * A derivative that shows its work: every rule applied, as an expandable tree,
 * the final answer, and a plot of f and f′ with a draggable tangent.
 *
 * @tagname gs-derivative
 * @summary Step-by-step derivative with a tangent-line plot.
 *
 * @attr expr - The function, as a person types it (`3x^3 - 2x + 1`). Untrusted: parsed, never evaluated.
 * @attr wrt - The variable to differentiate by (default: the only variable, or x); at most 32 characters.
 * @attr vars - The variables, comma-separated, when the function has several (partials are then taken); at most 200 characters.
 *   With `vars`, every other name is a parameter: a constant symbol, held constant (`a t^2 + b t`, vars `t`).
 * @attr params - Names to read as parameters (constant symbols), comma-separated, also longer ones (`rate`).
 * @attr at - Values of the parameters for the plot (`a=1, b=-2`); the derivation stays symbolic. Without a value
 *   for every parameter there is no plot; at most 200 characters.
 * @attr order - 1 for f′ (default), 2 for f″, … up to 10 (a whole number).
 * @attr detail - "normal" (default), "full" (every step) or "brief" (chain, product, quotient and the answer).
 * @attr editable - Shows an input so the reader can change the function.
 * @attr plot - "auto" (default: plot when there is one variable) or "none".
 * @attr probe - x of the tangent point (default: a point inside the function's real domain; the reader can drag it).
 * @attr xmin - Left end of the plot (default: −5, or where the function's real domain starts inside [−5, 5]); from -10⁶ to 10⁶.
 * @attr xmax - Right end of the plot (default: 5, or where the real domain ends); from -10⁶ to 10⁶.
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @fires gs-change - The reader edited the function; `detail.expr` is the new text. Bubbles and is composed.
 *
 * @csspart input - The text field (when editable).
 * @csspart steps - The list of steps.
 * @csspart rule-name - Each step's rule name.
 * @csspart answer - The final answer (in the textbook form).
 * @csspart other-forms - "Also written as": the answer's factored, common-denominator, expanded and shortest forms, where they differ.
 * @csspart error - An inline error with the offending part of the input marked.
 *
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-accent] - Accent colour (rule names, probe, tangent).
 * @cssprop [--gs-font-size] - Base font size.
 */
export class GsDerivative extends MathElement {
  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    vars: SHARED_LIMITS.vars,
    wrt: SHARED_LIMITS.wrt,
    order: SHARED_LIMITS.order,
    at: { kind: 'text', maxLength: 200 },
    probe: SHARED_LIMITS.coordinate,
    xmin: { ...SHARED_LIMITS.coordinate, fallback: -5 },
    xmax: { ...SHARED_LIMITS.coordinate, fallback: 5 },
  } as const;

  /**
   * The plot it renders (d3 and the plot, a tenth of the code), fetched once the formulas on
   * screen are typeset, so it neither weighs on the page's first load nor delays the derivation.
   */
  static override lazyDependencies = {
    'gs-plot': async () => {
      if (typeof requestAnimationFrame === 'function') await typesetIdle();
      return (await import('./gs-plot.js')).GsPlot;
    },
  };
  /** The first render waits until the element is near the viewport (a placeholder of about its height until then). */
  static override renderWhenNear = true;
  /** Far off screen it keeps a placeholder of its height, not its DOM (rendered again from its properties when near). */
  static override releaseWhenFar = true;
  static override styles = [
    deferredHostStyles('52em'),
    themeStyles,
    katexStyles,
    stepsStyles,
    otherFormsStyles,
    css`
      :host {
        display: block;
      }
      /* The plot's room, kept while its module loads, so the page does not jump when it arrives. */
      gs-plot:not(:defined),
      .plot-room {
        display: block;
        min-height: calc(260px + 1.2em);
      }
      .function,
      .answer {
        margin: 0.4em 0;
        overflow-x: auto;
      }
      .answer {
        font-size: 1.1em;
        padding: 0.4em 0.6em;
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .read-as {
        color: var(--_muted);
        font-size: 0.85em;
      }
      input {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        padding: 0.4em 0.6em;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_bg);
        color: var(--_fg);
      }
      .slope {
        color: var(--_muted);
        font-size: 0.9em;
      }
      mark {
        background: color-mix(in srgb, var(--_bad) 25%, transparent);
        color: inherit;
      }
    `,
  ];

  @property() expr = '';
  @property() wrt = '';
  @property() vars = '';
  @property() params = '';
  @property() at = '';
  @property({ type: Number }) order = 1;
  @property() detail: 'full' | 'normal' | 'brief' = 'normal';
  @property({ type: Boolean }) editable = false;
  @property() plot: 'auto' | 'none' = 'auto';
  @property({ type: Number }) xmin: number | undefined = undefined;
  @property({ type: Number }) xmax: number | undefined = undefined;

  @state() private derivation: Derivation | undefined;
  @state() private parsed: Parsed | undefined;
  @state() private problem: InputProblem | undefined;
  /** x of the tangent point (undefined: chosen inside the function's real domain). */
  @property({ type: Number }) probe: number | undefined = undefined;
  /** The tangent point the reader moved to since `probe` was last set. */
  @state() private moved: number | undefined = undefined;
  private refused: AttributeProblem[] = [];
  /**
   * Whether the other forms and the plot are rendered. The first render shows the function, the
   * steps and the answer; these two follow in a task after the first frame (they are below the
   * answer, so nothing above them moves), and every later render has them at once.
   */
  @state() private restShown = false;

  /** The derivation shown (undefined while the input cannot be read). */
  get current(): Derivation | undefined {
    return this.derivation;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsDerivative.limits, resolveLang(this));
    if (changed.has('probe')) this.moved = undefined;
    if (
      ['expr', 'wrt', 'vars', 'params', 'order', 'detail', 'lang'].some((k) => changed.has(k as keyof GsDerivative))
    ) {
      if (changed.has('expr') || changed.has('wrt') || changed.has('vars') || changed.has('params'))
        this.moved = undefined;
      this.derive();
    }
  }

  protected override firstUpdated(): void {
    if (this.restShown) return;
    // `updateComplete` covers the whole first render.
    this.completesAfter(
      new Promise<void>((resolve) => {
        let shown = false;
        const show = () => {
          if (shown) return;
          shown = true;
          this.restShown = true;
          resolve();
        };
        if (typeof requestAnimationFrame === 'function') {
          requestAnimationFrame(() => setTimeout(show));
          // No frames while the page is hidden: the rest does not wait for them.
          setTimeout(show, 250);
        } else show();
      }),
    );
  }

  private derive(): void {
    const lang = resolveLang(this);
    if (!this.expr.trim()) {
      this.derivation = undefined;
      this.problem = undefined;
      return;
    }
    const reading = readExpression(this.expr, splitVars(this.vars), lang, splitVars(this.params));
    if (!reading.ok) {
      this.derivation = undefined;
      this.parsed = undefined;
      this.problem = reading;
      return;
    }
    this.parsed = reading.parsed;
    try {
      this.derivation = differentiate(reading.parsed.expr, {
        ...(this.wrt ? { wrt: this.wrt } : {}),
        vars: reading.parsed.vars,
        params: reading.parsed.params,
        order: Math.max(1, Math.min(10, Math.trunc(this.order) || 1)),
        detail: this.detail === 'full' || this.detail === 'brief' ? this.detail : 'normal',
      });
      this.problem = undefined;
    } catch (error) {
      this.derivation = undefined;
      this.problem = toProblem(this.expr, error, lang);
    }
  }

  override render(): unknown {
    const lang = resolveLang(this);
    const d = this.derivation;
    return html`
      ${this.editable ? this.inputTemplate(lang) : nothing}
      ${limitsTemplate(this.refused)}
      ${!this.expr.trim() && !this.editable ? hintTemplate(HINTS.expr, lang) : nothing}
      ${this.problem ? problemTemplate(this.problem) : nothing}
      ${d ? this.derivationTemplate(d, lang) : nothing}
    `;
  }

  private inputTemplate(lang: Lang) {
    return html`<label>
      <span class="label">${UI.editExpression[lang]}</span>
      <input
        part="input"
        .value=${this.expr}
        spellcheck="false"
        autocomplete="off"
        maxlength="1000"
        @change=${(e: Event) => {
          this.expr = (e.target as HTMLInputElement).value;
          emit(this, 'gs-change', { expr: this.expr });
        }}
      />
    </label>`;
  }

  private derivationTemplate(d: Derivation, lang: Lang) {
    const partial = d.vars.length > 1;
    const w = texSymbol(d.wrt);
    const args = d.vars.map(texSymbol).join(', ');
    const name = partial
      ? `\\frac{\\partial${d.order > 1 ? `^{${d.order}}` : ''} f}{\\partial ${w}${d.order > 1 ? `^{${d.order}}` : ''}}`
      : `f${"'".repeat(Math.min(d.order, 3))}${d.order > 3 ? `^{(${d.order})}` : ''}(${args})`;
    return html`
      <div class="function scroll-x" data-scroll-label=${`f = ${toText(d.expr)}`}>${math(`f(${args}) = ${toTex(d.expr)}`, true, `f = ${toText(d.expr)}`, lang)}</div>
      ${this.parsed ? html`<div class="read-as">${UI.readAs[lang]}: <code>${this.parsed.text}</code></div>` : nothing}
      ${stepsTemplate(d.steps, { lang, partial, simplified: d.simplified })}
      <div class="answer scroll-x" part="answer" aria-live="polite" data-scroll-label=${toText(d.result)}>
        ${math(`${name} = ${toTex(d.result)}`, true, toText(d.result), lang)}
      </div>
      ${this.restShown ? otherFormsTemplate(d.result, lang) : nothing}
      ${this.restShown ? this.plotTemplate(d, lang) : this.plot === 'none' || d.vars.length !== 1 ? nothing : html`<div class="plot-room"></div>`}
    `;
  }

  private plotTemplate(d: Derivation, lang: Lang) {
    if (this.plot === 'none' || d.vars.length !== 1) return nothing;
    // Parameters are plotted with the values in `at` (the derivation above stays symbolic).
    let values: number[] = [];
    if (d.params.length > 0) {
      let point: Record<string, number>;
      try {
        point = readPoint(this.at);
      } catch (error) {
        return html`<div part="error" class="error" role="alert">${toProblem(this.at, error, lang).message}</div>`;
      }
      if (!d.params.every((p) => Object.hasOwn(point, p))) return nothing;
      values = d.params.map((p) => point[p] as number);
    }
    const v = d.vars[0] as string;
    const names = [v, ...d.params];
    const withValues = (g: (...args: number[]) => number) => (x: number) => g(x, ...values);
    let f: (x: number) => number;
    let df: (x: number) => number;
    let slope: (x: number) => number;
    try {
      f = withValues(compile(d.expr, names));
      df = withValues(compile(d.result, names));
      const first = d.steps[0]?.result ?? d.result;
      slope = withValues(compile(first, names));
    } catch {
      return nothing;
    }
    const curves: PlotCurve[] = [
      { fn: f, label: 'f' },
      { fn: df, label: d.order === 1 ? 'f′' : `f^(${d.order})`, dashed: true },
    ];
    const given = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
    // Without a given range: [−5, 5], narrowed to where f is real.
    const [autoLo, autoHi] = realRange(f, given(this.xmin) ? this.xmin : -5, given(this.xmax) ? this.xmax : 5);
    const lo = given(this.xmin) ? this.xmin : autoLo;
    const hi = given(this.xmax) && this.xmax > lo ? this.xmax : Math.max(autoHi, lo + 1e-6);
    // The reader's point while it is on the plot; else one inside f's domain where the slope is real.
    const wanted = this.moved ?? this.probe;
    const at =
      typeof wanted === 'number' && Number.isFinite(wanted) && wanted >= lo && wanted <= hi
        ? wanted
        : probePoint(f, slope, lo, hi);
    const m = slope(at);
    return html`
      <gs-plot
        .curves=${curves}
        .slope=${slope}
        .probe=${at}
        .xmin=${lo}
        .xmax=${hi}
        x-label=${v}
        label=${d.params.length ? `${UI.plotOf[lang]} (${d.params.map((p, i) => `${p} = ${values[i]}`).join(', ')})` : UI.plotOf[lang]}
        @gs-probe-change=${(e: CustomEvent<ProbeChangeDetail>) => {
          this.moved = e.detail.x;
        }}
      ></gs-plot>
      <div class="slope" aria-live="polite">
        ${UI.tangentAt[lang]} ${v} = ${at}: ${UI.slope[lang]} f′(${at}) = ${Number.isFinite(m) ? Number(m.toPrecision(6)) : '—'}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-derivative': GsDerivative;
  }
  interface GlobalEventHandlersEventMap {
    'gs-change': CustomEvent<ExpressionChangeDetail>;
  }
}
