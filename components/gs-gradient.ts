import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Gradient, gradient, gradientTex, type Hessian, hessian, hessianTex } from '../src/calculus/index.js';
import { texSymbol, toTex } from '../src/expr/print-tex.js';
import { toText } from '../src/expr/print-text.js';
import { katexStyles } from './katex/render.js';
import { type InputProblem, readExpression, splitVars, toProblem } from './shared/engine.js';
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

/**
 * All partial derivatives of a function of several variables, each with its
 * "held constant" steps, the gradient vector and optionally the Hessian.
 *
 * @tagname gs-gradient
 * @summary Partial derivatives with steps, the gradient ∇f and the Hessian.
 *
 * @attr expr - The function, as a person types it (`3xy^2 + 4x^3 - 5y^2 + 1`). Untrusted: parsed, never evaluated.
 * @attr vars - The variables, comma-separated (default: those that occur, sorted); at most 200 characters. Every other name is a parameter.
 * @attr params - Names to read as parameters (constant symbols), comma-separated, held constant in every partial.
 * @attr hessian - Also shows the second partials and the Hessian matrix.
 * @attr detail - "normal" (default), "full" or "brief".
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @csspart partial - Each partial derivative's section.
 * @csspart steps - The list of steps of a partial.
 * @csspart rule-name - Each step's rule name.
 * @csspart gradient - The gradient vector.
 * @csspart hessian - The Hessian matrix.
 * @csspart error - An inline error with the offending part of the input marked.
 *
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-accent] - Accent colour.
 */
export class GsGradient extends MathElement {
  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = { vars: SHARED_LIMITS.vars } as const;

  /** The first render waits until the element is near the viewport (a placeholder of about its height until then). */
  static override renderWhenNear = true;
  static override styles = [
    deferredHostStyles('20em'),
    themeStyles,
    katexStyles,
    stepsStyles,
    css`
      :host {
        display: block;
      }
      section {
        margin: 0.6em 0;
      }
      h4 {
        margin: 0.3em 0;
        font-size: 1em;
        font-weight: 600;
      }
      .result,
      [part='gradient'],
      [part='hessian'] {
        padding: 0.4em 0.6em;
        background: var(--_surface);
        border-radius: var(--_radius);
        overflow-x: auto;
      }
      mark {
        background: color-mix(in srgb, var(--_bad) 25%, transparent);
        color: inherit;
      }
    `,
  ];

  @property() expr = '';
  @property() vars = '';
  @property() params = '';
  @property({ type: Boolean }) hessian = false;
  @property() detail: 'full' | 'normal' | 'brief' = 'normal';

  @state() private result: Gradient | Hessian | undefined;
  @state() private problem: InputProblem | undefined;
  private refused: AttributeProblem[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsGradient.limits, resolveLang(this));
    if (['expr', 'vars', 'params', 'hessian', 'detail', 'lang'].some((k) => changed.has(k as keyof GsGradient)))
      this.derive();
  }

  private derive(): void {
    const lang = resolveLang(this);
    this.result = undefined;
    this.problem = undefined;
    if (!this.expr.trim()) return;
    const reading = readExpression(this.expr, splitVars(this.vars), lang, splitVars(this.params));
    if (!reading.ok) {
      this.problem = reading;
      return;
    }
    const options = {
      vars: reading.parsed.vars,
      params: reading.parsed.params,
      detail: this.detail === 'full' || this.detail === 'brief' ? this.detail : ('normal' as const),
    };
    try {
      this.result = this.hessian ? hessian(reading.parsed.expr, options) : gradient(reading.parsed.expr, options);
    } catch (error) {
      this.problem = toProblem(this.expr, error, lang);
    }
  }

  override render(): unknown {
    const lang = resolveLang(this);
    return html`${limitsTemplate(this.refused)}${this.body(lang)}`;
  }

  private body(lang: 'en' | 'ko') {
    if (this.problem) return problemTemplate(this.problem);
    const g = this.result;
    if (!g) return this.expr.trim() ? nothing : hintTemplate(HINTS.expr, lang);
    const args = g.vars.map(texSymbol).join(', ');
    return html`
      <div class="function">${math(`f(${args}) = ${toTex(g.expr)}`, true, toText(g.expr), lang)}</div>
      ${g.partials.map((p, i) => {
        const v = texSymbol(g.vars[i] as string);
        const held = [...g.vars.filter((_, j) => j !== i), ...g.params];
        return html`<section part="partial" data-var=${g.vars[i]}>
          <h4>${UI.partialWrt[lang]} ${math(v)}${held.length ? html` (${held.map((h) => math(texSymbol(h)))} ${UI.heldConstant[lang]})` : nothing}</h4>
          ${stepsTemplate(p.steps, { lang, partial: true, simplified: p.simplified, budget: g })}
          <div class="result">${math(`\\frac{\\partial f}{\\partial ${v}} = ${toTex(g.gradient[i] ?? p.result)}`, false, toText(g.gradient[i] ?? p.result), lang)}</div>
        </section>`;
      })}
      <h4>${UI.gradient[lang]}</h4>
      <div part="gradient">${math(gradientTex(g), true, undefined, lang)}</div>
      ${
        'hessian' in g
          ? html`<h4>${UI.hessian[lang]}</h4>
            <div part="hessian">${math(hessianTex(g), true, undefined, lang)}</div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-gradient': GsGradient;
  }
}
