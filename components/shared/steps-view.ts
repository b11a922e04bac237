import { css, html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  heldNames,
  type Simplification,
  type Step,
  type StepTex,
  simplificationTex,
  stepTex,
} from '../../src/calculus/index.js';
import { texSymbol } from '../../src/expr/print-tex.js';
import { type Lang, messagesFor } from '../../src/i18n/index.js';
import { renderTex } from '../katex/render.js';
import { UI } from './strings.js';

/** Typeset TeX that gradstep produced (KaTeX with trust: false; errors shown as text). */
export function math(tex: string, display = false): TemplateResult {
  const result = renderTex(tex, display);
  return result.ok ? html`${unsafeHTML(result.html)}` : html`<code class="error">${tex}</code>`;
}

export interface StepsViewOptions {
  readonly lang: Lang;
  /** Write ∂/∂x rather than d/dx. */
  readonly partial?: boolean;
  /** A step id to mark (e.g. where the answer checker found the mistake); its ancestors open. */
  readonly highlight?: string | undefined;
  /** Open every level (otherwise the first two levels are open). */
  readonly expanded?: boolean;
  /** Per root: its final simplification (shown after the rules it tidies), from `Derivation.simplified`. */
  readonly simplified?: readonly (Simplification | undefined)[];
}

function contains(step: Step, id: string): boolean {
  return step.id === id || step.substeps.some((s) => contains(s, id));
}

/** What a final simplification did, from the reasons the engine recorded. */
function simplifiedText(simplified: Simplification, lang: Lang): string {
  const m = messagesFor(lang).simplified;
  const did = (simplified.tidied ?? []).map((r) => m.did[r]);
  return m.join(did.length ? did : [m.rewrote]);
}

/**
 * A derivation as nested disclosure widgets: each step shows its rule, the line
 * with the functions substituted, and (opened) the general formula, the prose
 * and its substeps. Native <details> keeps it keyboard and screen-reader friendly.
 */
export function stepsTemplate(steps: readonly Step[], options: StepsViewOptions): TemplateResult {
  const item = (step: Step, depth: number): TemplateResult => {
    const rule = messagesFor(options.lang).rules[step.rule];
    const tex = stepTex(step, options.partial ?? false);
    const marked = options.highlight === step.id;
    const open =
      options.expanded || depth < 2 || (options.highlight !== undefined && contains(step, options.highlight));
    const names = heldNames(step);
    const held = names.length
      ? html`<span class="held">(${names.map((v) => texSymbol(v)).map((v) => math(v))} ${UI.heldConstant[options.lang]})</span>`
      : nothing;
    return html`<li class="step ${marked ? 'marked' : ''}" data-step=${step.id} data-rule=${step.rule}>
      <details ?open=${open}>
        <summary>
          <span class="rule-name" part="rule-name">${rule.name}</span>
          ${held}
          <span class="line">${math(tex.tex)}</span>
        </summary>
        <div class="explain">
          <div class="formula"><span class="label">${UI.generalFormula[options.lang]}:</span> ${math(tex.formula)}</div>
          <p class="prose">${rule.prose}</p>
        </div>
        ${step.substeps.length ? html`<ol class="substeps">${step.substeps.map((s) => item(s, depth + 1))}</ol>` : nothing}
      </details>
    </li>`;
  };
  const simplification = (
    tex: StepTex,
    id: string,
    simplified: Simplification,
  ): TemplateResult => html`<li class="step" data-step=${id} data-rule="simplify">
      <details>
        <summary>
          <span class="rule-name" part="rule-name">${messagesFor(options.lang).rules.simplify.name}</span>
          <span class="line">${math(tex.tex)}</span>
        </summary>
        <div class="explain">
          <div class="formula">
            <span class="label">${messagesFor(options.lang).simplified.label}:</span> ${simplifiedText(simplified, options.lang)}
          </div>
          <p class="prose">${messagesFor(options.lang).rules.simplify.prose}</p>
        </div>
      </details>
    </li>`;
  // Read as on paper: a final simplification comes after the rules it tidies up.
  const roots = steps.map((s, k) => {
    const simplified = options.simplified?.[k];
    return html`${item(s, 0)}${simplified ? simplification(simplificationTex(simplified), `${s.id}.simplify`, simplified) : nothing}`;
  });
  return html`<ol class="steps" part="steps">${roots}</ol>`;
}

export const stepsStyles = css`
  ol.steps,
  ol.substeps {
    list-style: none;
    margin: 0;
    padding-left: 0;
  }
  ol.substeps {
    padding-left: 1.1em;
    border-left: 2px solid var(--_border);
    margin-left: 0.35em;
  }
  li.step {
    margin: 0.25em 0;
  }
  summary {
    cursor: pointer;
    padding: 0.2em 0.3em;
    border-radius: calc(var(--_radius) / 2);
    overflow-x: auto;
  }
  summary:hover {
    background: var(--_surface);
  }
  .rule-name {
    font-weight: 600;
    margin-right: 0.5em;
    color: var(--_accent);
  }
  .held {
    color: var(--_muted);
    font-size: 0.9em;
    margin-right: 0.5em;
  }
  .line {
    display: inline-block;
  }
  .explain {
    margin: 0.2em 0 0.4em 1.2em;
    color: var(--_muted);
    font-size: 0.92em;
  }
  .explain .prose {
    margin: 0.2em 0;
  }
  .label {
    font-weight: 600;
  }
  li.marked > details > summary {
    background: color-mix(in srgb, var(--_bad) 14%, transparent);
    outline: 2px solid var(--_bad);
  }
`;
