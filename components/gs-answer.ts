import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormName } from '../src/calculus/index.js';
import { type CheckResult, checkPrepared, type PreparedProblem, prepareProblem } from '../src/check/check.js';
import { type AnswerCurves, answerCurves } from '../src/check/curves.js';
import { digitsToDistinguish } from '../src/check/rich.js';
import { texSymbol } from '../src/expr/print-tex.js';
import { type Lang, messagesFor } from '../src/i18n/index.js';
import { texNumber } from '../src/util/format.js';
import { GsPlot, type PlotCurve, type PlotMarker } from './gs-plot.js';
import { katexStyles } from './katex/render.js';
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
import { markedInputTemplate, problemTemplate } from './shared/problem-view.js';
import { deferredHostStyles } from './shared/render-later.js';
import { math, stepsStyles, stepsTemplate } from './shared/steps-view.js';
import { UI } from './shared/strings.js';
import { themeStyles } from './shared/styles.js';

/** Detail of `gs-check`. */
export interface CheckEventDetail {
  readonly verdict: CheckResult['verdict'];
  readonly correct: boolean;
  readonly answer: string;
  /** The diagnosed mistake's id, when the answer is incorrect and one was found. */
  readonly diagnosis?: string;
  /** For a correct answer: the form it is written in (`textbook`, `factored`, …), when it is one of them. */
  readonly form?: FormName;
}

/**
 * An answer box for "find the derivative": live echo of how the answer is read,
 * a verdict with the likely mistake named, and a plot of where the answer and
 * the derivative differ. A complete form control: it submits its answer under
 * `name`, resets to its `value` attribute, restores its state on back/forward
 * navigation, is disabled by `disabled` or a disabled `<fieldset>`, is invalid
 * while `required` and empty, and `focus()` goes to its text field.
 *
 * @tagname gs-answer
 * @summary Homework answer box that checks a derivative and names the mistake.
 *
 * @attr problem - The function to differentiate, as typed (untrusted: parsed, never evaluated).
 * @attr wrt - The variable to differentiate by (default: the only variable, or x); at most 32 characters.
 * @attr vars - The variables, comma-separated (for partial derivatives); at most 200 characters. Every other name is a parameter.
 * @attr params - Names to read as parameters (constant symbols), comma-separated; the answer may use them too.
 * @attr order - 1 (default) for f′, 2 for f″, … up to 10 (a whole number).
 * @attr reveal - Allows showing the worked solution.
 * @attr name - The form field name.
 * @attr value - The answer it starts with and returns to when its form is reset (the `value` property is the current answer).
 * @attr required - An empty answer makes the form invalid ("Enter an answer.").
 * @attr disabled - Takes no input and is left out of its form's data (also when inside a disabled `<fieldset>`).
 * @attr placeholder - Placeholder text of the input; at most 200 characters.
 * @attr lang - "en" or "ko" (inherited from the page when omitted).
 *
 * @fires gs-check - After each check: `detail` is `{ verdict, correct, answer, diagnosis?, form? }`. Bubbles and is composed.
 *
 * @csspart problem - The problem statement.
 * @csspart input - The answer field.
 * @csspart check-button - The check button.
 * @csspart echo - The live "read as" line.
 * @csspart verdict - The verdict and feedback (an aria-live region).
 * @csspart solution - The worked solution, when revealed.
 * @csspart steps - The list of steps in the worked solution.
 * @csspart rule-name - Each step's rule name in the worked solution.
 * @csspart other-forms - "Also written as": the expected answer's other forms (after a correct verdict and in the solution).
 * @csspart error - An inline error with the offending part of the input marked.
 *
 * @csspart hint - A short hint shown while the element has nothing to show (no expression or problem given yet).
 * @cssprop [--gs-success-color] - Colour of a correct verdict.
 * @cssprop [--gs-error-color] - Colour of an incorrect verdict and errors.
 */
export class GsAnswer extends MathElement {
  /** The elements this one renders, defined with it. */
  static override dependencies = { 'gs-plot': GsPlot };
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The first render waits until the element is near the viewport (a placeholder of about its height until then). */
  static override renderWhenNear = true;
  static override styles = [
    deferredHostStyles('9em'),
    themeStyles,
    katexStyles,
    stepsStyles,
    otherFormsStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        gap: 0.5em;
        align-items: center;
        flex-wrap: wrap;
      }
      input {
        font: inherit;
        flex: 1 1 14em;
        padding: 0.45em 0.6em;
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_bg);
        color: var(--_fg);
      }
      [part='echo'] {
        min-height: 1.6em;
        color: var(--_muted);
        font-size: 0.9em;
        overflow-x: auto;
      }
      [part='verdict'] {
        margin-top: 0.5em;
        padding: 0.5em 0.7em;
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      [part='verdict'].good {
        border-left: 4px solid var(--_good);
      }
      [part='verdict'].bad {
        border-left: 4px solid var(--_bad);
      }
      [part='verdict'].open {
        border-left: 4px solid var(--_muted);
      }
      .message {
        margin: 0;
        overflow-x: auto;
      }
      .mark {
        font-weight: 700;
        margin-right: 0.3em;
      }
      .good .mark {
        color: var(--_good);
      }
      .bad .mark {
        color: var(--_bad);
      }
      mark {
        background: color-mix(in srgb, var(--_bad) 25%, transparent);
        color: inherit;
      }
    `,
  ];

  /** The limits of the attributes (refused values are replaced by the default, with a message). */
  static readonly limits = {
    vars: SHARED_LIMITS.vars,
    wrt: SHARED_LIMITS.wrt,
    order: SHARED_LIMITS.order,
    placeholder: { kind: 'text', maxLength: 200 },
  } as const;

  @property() problem = '';
  @property() wrt = '';
  @property() vars = '';
  @property() params = '';
  @property({ type: Number }) order = 1;
  @property({ type: Boolean }) reveal = false;
  @property({ reflect: true }) name = '';
  /** The current answer (the `value` attribute holds the one it starts with and resets to). */
  @property() value = '';
  @property({ type: Boolean, reflect: true }) required = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property() placeholder = '';

  @state() private prepared: PreparedProblem | undefined;
  @state() private problemError: InputProblem | undefined;
  @state() private result: CheckResult | undefined;
  /** The text the shown verdict is about (the input may have changed since). */
  private checkedText = '';
  @state() private showSolution = false;
  private refused: AttributeProblem[] = [];
  /** Disabled by an ancestor `<fieldset disabled>` (formDisabledCallback). */
  @state() private fieldsetDisabled = false;
  private customValidity = '';

  private readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The outcome of the last check. */
  get lastResult(): CheckResult | undefined {
    return this.result;
  }

  /** The answer the box starts with and returns to on reset: the `value` attribute. */
  get defaultValue(): string {
    return this.getAttribute('value') ?? '';
  }

  set defaultValue(value: string) {
    this.setAttribute('value', value);
  }

  /** The form the box belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The `<label>` elements that label the box. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** Whether the box takes part in its form's validation (not when disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** The box's validity state (`valueMissing` when required and empty, `customError` when unreadable). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** Why the box is invalid, in the box's language; empty when it is valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Sets a message of the page's own that makes the box invalid until it is set to ''. */
  setCustomValidity(message: string): void {
    this.customValidity = message;
    this.syncForm();
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
    this.result = undefined;
    this.showSolution = false;
  }

  formStateRestoreCallback(state: File | string | FormData | null): void {
    this.value = typeof state === 'string' ? state : '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.fieldsetDisabled = disabled;
  }

  private get isDisabled(): boolean {
    return this.disabled || this.fieldsetDisabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.refused = checkLimits(this, GsAnswer.limits, resolveLang(this));
    if (['problem', 'wrt', 'vars', 'params', 'order'].some((k) => changed.has(k as keyof GsAnswer))) this.prepare();
    // A new language keeps the verdict (its messages exist in every language); only the problem's
    // error and the form's validity message are made again.
    else if (changed.has('lang' as keyof GsAnswer) && !this.prepared) this.prepare();
    if (changed.has('value') || changed.has('required') || changed.has('lang' as keyof GsAnswer)) this.syncForm();
  }

  protected override updated(): void {
    // The text field exists only after the first render: point validation bubbles at it.
    if (this.internals.validationMessage && !this.anchored) this.syncForm();
  }

  /** Whether the current validity message is anchored to the rendered text field. */
  private anchored = false;

  private prepare(): void {
    const lang = resolveLang(this);
    this.result = undefined;
    this.showSolution = false;
    const vars = splitVars(this.vars);
    const params = splitVars(this.params);
    try {
      this.prepared = prepareProblem({
        problem: this.problem,
        ...(this.wrt ? { wrt: this.wrt } : {}),
        ...(vars.length ? { vars } : {}),
        ...(params.length ? { params } : {}),
        order: Math.max(1, Math.min(10, Math.trunc(this.order) || 1)),
      });
      this.problemError = undefined;
    } catch (error) {
      this.prepared = undefined;
      this.problemError = toProblem(this.problem, error, lang);
    }
  }

  private syncForm(): void {
    this.internals.setFormValue(this.value, this.value);
    const lang = resolveLang(this);
    const input = this.renderRoot?.querySelector?.('input') ?? undefined;
    this.anchored = input !== undefined;
    const [flags, message] = this.invalidity(lang);
    this.internals.setValidity(flags, message, input);
  }

  /** Why the current answer is invalid (no flags when it is valid). */
  private invalidity(lang: Lang): [ValidityStateFlags, string] {
    if (this.customValidity) return [{ customError: true }, this.customValidity];
    if (this.required && !this.value.trim()) return [{ valueMissing: true }, UI.answerRequired[lang]];
    if (this.value.trim()) {
      const reading = readExpression(this.value, this.prepared?.vars ?? [], lang, this.prepared?.params ?? []);
      if (!reading.ok) return [{ customError: true }, reading.message];
    }
    return [{}, ''];
  }

  /** Checks the current value, shows the verdict and fires `gs-check`. */
  check(): CheckResult | undefined {
    if (!this.prepared || this.isDisabled) return undefined;
    const lang = resolveLang(this);
    this.result = checkPrepared(this.prepared, this.value, lang);
    this.checkedText = this.value;
    const detail: CheckEventDetail = {
      verdict: this.result.verdict,
      correct: this.result.correct,
      answer: this.value,
      ...(this.result.diagnosis ? { diagnosis: this.result.diagnosis.id } : {}),
      ...(this.result.form ? { form: this.result.form } : {}),
    };
    emit(this, 'gs-check', detail);
    return this.result;
  }

  override render(): unknown {
    const lang = resolveLang(this);
    return html`${limitsTemplate(this.refused)}${this.body(lang)}`;
  }

  private body(lang: Lang) {
    if (!this.problem.trim()) return hintTemplate(HINTS.problem, lang);
    if (this.problemError) return problemTemplate(this.problemError);
    const p = this.prepared;
    if (!p) return nothing;
    const w = texSymbol(p.wrt);
    const partial = p.vars.length > 1;
    const op =
      p.order === 1
        ? partial
          ? `\\frac{\\partial}{\\partial ${w}}`
          : `\\frac{d}{d${w}}`
        : partial
          ? `\\frac{\\partial^{${p.order}}}{\\partial ${w}^{${p.order}}}`
          : `\\frac{d^{${p.order}}}{d${w}^{${p.order}}}`;
    return html`
      <div part="problem">${math(`${op}\\left(${p.shown.tex}\\right) = \\;?`, true)}</div>
      <div class="row">
        <input
          part="input"
          aria-label=${UI.yourAnswer[lang]}
          placeholder=${this.placeholder || UI.yourAnswer[lang]}
          .value=${this.value}
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          maxlength="1000"
          ?disabled=${this.isDisabled}
          ?required=${this.required}
          aria-invalid=${this.value.trim() && !this.internals.validity.valid ? 'true' : 'false'}
          @input=${(e: Event) => {
            this.value = (e.target as HTMLInputElement).value;
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              this.check();
            }
          }}
        />
        <button part="check-button" @click=${() => this.check()} ?disabled=${this.isDisabled || !this.value.trim()}>${UI.check[lang]}</button>
      </div>
      <div part="echo" class="scroll-x">${this.echoTemplate(p, lang)}</div>
      <div aria-live="polite">${this.result ? this.verdictTemplate(this.result, p, lang) : nothing}</div>
      ${this.reveal ? this.solutionTemplate(p, lang) : nothing}
    `;
  }

  private echoTemplate(p: PreparedProblem, lang: Lang) {
    if (!this.value.trim()) return nothing;
    const reading = readExpression(this.value, p.vars, lang, p.params);
    // Once checked, the verdict says why the answer cannot be read; the echo does not repeat it.
    if (!reading.ok) return this.result && this.checkedText === this.value ? nothing : problemTemplate(reading);
    return html`${UI.readAs[lang]}: ${math(reading.parsed.tex)}`;
  }

  private verdictTemplate(r: CheckResult, p: PreparedProblem, lang: Lang) {
    const good = r.correct;
    // Undecided and out-of-range answers are neither right nor wrong: no ✗ for them.
    const open = r.verdict === 'undecided' || r.verdict === 'out-of-range';
    // The message says the verdict (once); the expressions it quotes are typeset.
    const parts = r.richMessages?.[lang] ?? [{ text: r.messages[lang] }];
    return html`<div part="verdict" class=${good ? 'good' : open ? 'open' : 'bad'} data-verdict=${r.verdict}>
      <p class="message scroll-x" data-diagnosis=${r.diagnosis?.id ?? nothing}>
        <span class="mark" aria-hidden="true">${good ? '✓' : open ? '?' : '✗'}</span>
        ${parts.map((part) => ('tex' in part ? math(part.tex) : part.text))}
      </p>
      ${r.correct ? otherFormsTemplate(p.expected, lang, r.form) : nothing}
      ${r.verdict === 'invalid-answer' && r.error?.range ? html`<div part="error" class="error">${markedInputTemplate(this.checkedText, r.error.range)}</div>` : nothing}
      ${r.counterexample ? this.counterexampleTemplate(r, p, lang) : nothing}
    </div>`;
  }

  private counterexampleTemplate(r: CheckResult, p: PreparedProblem, lang: Lang) {
    const c = r.counterexample;
    if (!c) return nothing;
    const at = Object.entries(c.at)
      .map(([v, x]) => `${texSymbol(v)} = ${texNumber(x)}`)
      .join(',\\ ');
    // As many digits as it takes to show that the two values differ.
    const digits = digitsToDistinguish(c.expected, c.answer);
    const fmt = (v: number | null) =>
      v === null || !Number.isFinite(v) ? `\\text{${messagesFor(lang).verdicts.undefinedValue}}` : texNumber(v, digits);
    const line = `${at}:\\quad \\text{${UI.expected[lang]}} = ${fmt(c.expected)},\\quad \\text{${UI.yourAnswer[lang]}} = ${fmt(c.answer)}`;
    return html`<div class="counterexample"><span class="label">${UI.counterexample[lang]}:</span> ${math(line)} ${
      r.answer ? this.counterexamplePlot(p, c, lang) : nothing
    }</div>`;
  }

  /** The expected derivative and the answer around the counterexample (one variable; parameters at its values). */
  private counterexamplePlot(p: PreparedProblem, c: NonNullable<CheckResult['counterexample']>, lang: Lang) {
    let drawn: AnswerCurves | undefined;
    try {
      drawn = answerCurves(p, this.checkedText, c.at);
    } catch {
      drawn = undefined;
    }
    if (!drawn) return nothing;
    const x0 = c.at[drawn.variable] ?? 0;
    const curves: PlotCurve[] = [
      { fn: drawn.expected, label: UI.expected[lang] },
      { fn: drawn.answer, label: UI.yourAnswer[lang], dashed: true },
    ];
    const markers: PlotMarker[] = [
      { x: x0, y: c.expected },
      ...(c.answer !== null && Number.isFinite(c.answer) ? [{ x: x0, y: c.answer }] : []),
    ];
    const span = Math.max(3, Math.abs(x0) * 1.5);
    return html`<gs-plot .curves=${curves} .markers=${markers} .xmin=${x0 - span} .xmax=${x0 + span} x-label=${drawn.variable} label=${UI.counterexample[lang]}></gs-plot>`;
  }
  private solutionTemplate(p: PreparedProblem, lang: Lang) {
    const highlight = this.result?.diagnosis?.step;
    return html`<div part="solution">
      <button aria-expanded=${this.showSolution ? 'true' : 'false'} @click=${() => {
        this.showSolution = !this.showSolution;
      }}>${UI.showSolution[lang]}</button>
      ${
        this.showSolution
          ? html`${stepsTemplate(p.derivation.steps, { lang, partial: p.vars.length > 1, highlight, simplified: p.derivation.simplified })}
            <div>${math(`= ${p.expectedShown.tex}`, true)}</div>
            ${otherFormsTemplate(p.expected, lang)}`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gs-answer': GsAnswer;
  }
  interface GlobalEventHandlersEventMap {
    'gs-check': CustomEvent<CheckEventDetail>;
  }
}
