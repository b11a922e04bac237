import { css, html, nothing, type TemplateResult } from 'lit';
import { answerForms, FORM_LABELS, type FormName, type NamedForm } from '../../src/calculus/index.js';
import type { Expr } from '../../src/expr/ast.js';
import { toTex } from '../../src/expr/print-tex.js';
import type { Lang } from '../../src/i18n/index.js';
import { math } from './steps-view.js';
import { UI } from './strings.js';

/** Forms are computed once per answer tree, when first shown. */
const cache = new WeakMap<Expr, readonly NamedForm[]>();

function formsOf(answer: Expr): readonly NamedForm[] {
  let forms = cache.get(answer);
  if (!forms) {
    try {
      forms = answerForms(answer);
    } catch {
      // Other forms are a bonus: when one cannot be made within the budget, none is shown.
      forms = [];
    }
    cache.set(answer, forms);
  }
  return forms;
}

/**
 * "Also written as": the answer's other common forms (factored, over a common
 * denominator, expanded, shortest) where they differ from it, each labelled.
 * `shown` is the form already on the page, left out of the list; the textbook
 * form (the answer itself) is listed when another form is the one shown.
 */
export function otherFormsTemplate(
  answer: Expr,
  lang: Lang,
  shown: FormName = 'textbook',
): TemplateResult | typeof nothing {
  const forms = [{ name: 'textbook' as const, expr: answer }, ...formsOf(answer)].filter((f) => f.name !== shown);
  if (forms.length === 0 || (forms.length === 1 && shown !== 'textbook' && formsOf(answer).length === 0))
    return nothing;
  return html`<div class="other-forms" part="other-forms">
    <span class="other-forms-label">${UI.alsoWrittenAs[lang]}</span>
    <ul class="scroll-x">
      ${forms.map(
        (f) =>
          html`<li data-form=${f.name}><span class="form-name">${FORM_LABELS[f.name][lang]}</span> ${math(toTex(f.expr))}</li>`,
      )}
    </ul>
  </div>`;
}

export const otherFormsStyles = css`
  .other-forms {
    margin: 0.3em 0;
    font-size: 0.95em;
  }
  .other-forms-label {
    color: var(--_muted);
  }
  .other-forms ul {
    list-style: none;
    margin: 0.2em 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    overflow-x: auto;
  }
  .form-name {
    color: var(--_muted);
    font-size: 0.85em;
    margin-right: 0.4em;
  }
`;
