import { html, nothing, type TemplateResult } from 'lit';
import type { InputProblem } from './engine.js';

/**
 * An input error shown inline: the message, then the input with the offending
 * range marked. Everything is rendered as text, never as HTML.
 */
export function problemTemplate(problem: InputProblem): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <div>${problem.message}</div>
    ${markedInputTemplate(problem.input, problem.range)}
  </div>`;
}

/** The input with the offending range marked (a message elsewhere says what is wrong). */
export function markedInputTemplate(input: string, range: InputProblem['range']): TemplateResult | typeof nothing {
  const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  const marked =
    range && range.start < shown.length
      ? html`<code class="input"
          >${shown.slice(0, range.start)}<mark>${shown.slice(range.start, Math.max(range.end, range.start + 1)) || ' '}</mark
          >${shown.slice(Math.max(range.end, range.start + 1))}</code
        >`
      : shown
        ? html`<code class="input">${shown}</code>`
        : nothing;
  return marked;
}
