import { css, html, nothing, render, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import {
  assumedPositive,
  heldNames,
  type Simplification,
  type Step,
  simplificationTex,
  stepTex,
} from '../../src/calculus/index.js';
import { texSymbol, toTex } from '../../src/expr/print-tex.js';
import { toText } from '../../src/expr/print-text.js';
import { type Lang, messagesFor } from '../../src/i18n/index.js';
import { shorten } from '../../src/util/visible.js';
import { later } from './scheduler.js';
import { UI } from './strings.js';
import { budgetFor, overBudget, tooLongNote, typeset, typesetLater } from './typeset.js';

/**
 * Typeset TeX that gradstep produced (KaTeX with trust: false; errors shown as text).
 * TeX over the one-formula budget (`TYPESET_BUDGET.formula`) is shown as `text` (or
 * the TeX source, shortened) with a note, instead of blocking the page.
 */
export function math(tex: string, display = false, text?: string, lang: Lang = 'en'): TemplateResult {
  if (overBudget(tex)) {
    return html`<code class="typeset-text">${shorten(text ?? tex, 600)}</code>
      <small class="typeset-note">${tooLongNote(tex.length, lang)}</small>`;
  }
  const result = typeset(tex, display);
  return result.ok ? html`${unsafeHTML(result.html)}` : html`<code class="error">${shorten(tex, 600)}</code>`;
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
  /** What the typesetting budget is counted for (default: these steps); share one across several lists. */
  readonly budget?: object;
}

/** How each deferred step body is filled in, by its placeholder (a child of its `<details>`). */
const fillers = new WeakMap<Element, () => void>();

/**
 * The body of a `<details>` that may start closed: rendered with the step when open, else only
 * once opened (a closed step costs its summary line, not its formulas, prose and substeps).
 */
function deferredBody(open: boolean, body: () => TemplateResult): unknown {
  if (open) return body();
  return html`<div class="deferred" ${ref((el) => {
    if (!(el instanceof HTMLElement)) return;
    // The placeholder may still be in a template fragment here: look for its <details> when filling.
    const fill = () => {
      if (el.parentElement instanceof HTMLDetailsElement && el.parentElement.open) render(body(), el);
    };
    fillers.set(el, fill);
    fill();
  })}></div>`;
}

/** A list longer than this renders its first `LIST_CHUNK` items at once and the rest in chunks. */
const LIST_AT_ONCE = 12;
/** Items per later chunk of a long list (each a job of the shared scheduler). */
const LIST_CHUNK = 8;
/** Per list element: the comment nodes after which its later chunks are rendered. */
const chunkMarks = new WeakMap<Element, Comment[]>();

/**
 * The items of an `<ol>`: a long list (a product of 60 factors has 60 open substeps) renders
 * its first items with the element and the rest in later jobs of the shared scheduler, so no
 * single task lays out the whole list. Use as `<ol ${rest}>${first}</ol>`.
 */
function chunkedItems<T>(items: readonly T[], item: (t: T) => TemplateResult): { first: unknown; rest: unknown } {
  const at = items.length > LIST_AT_ONCE ? LIST_CHUNK : items.length;
  const first = items.slice(0, at).map(item);
  const rest = ref((ol) => {
    if (!(ol instanceof HTMLElement)) return;
    const chunks: T[][] = [];
    for (let i = at; i < items.length; i += LIST_CHUNK) chunks.push(items.slice(i, i + LIST_CHUNK));
    const marks = chunkMarks.get(ol) ?? [];
    chunkMarks.set(ol, marks);
    // Each chunk is its own lit part, before its own marker at the end of the list (after the
    // outer template's items); a re-render updates them, and clears chunks no longer needed.
    while (marks.length < chunks.length) marks.push(ol.appendChild(ol.ownerDocument.createComment('')));
    marks.forEach((mark, k) => {
      const chunk = chunks[k];
      if (!chunk) render(nothing, ol, { renderBefore: mark });
      else later(() => mark.isConnected && render(html`${chunk.map(item)}`, ol, { renderBefore: mark }));
    });
  });
  return { first, rest };
}

function onToggle(e: Event): void {
  const placeholder = (e.currentTarget as Element).querySelector(':scope > .deferred');
  if (placeholder) fillers.get(placeholder)?.();
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
 * A closed step renders only its summary until it is opened; formulas are typeset lazily
 * (only on screen), in chunks that yield, within the typesetting budget
 * (`components/shared/typeset.ts`).
 */
export function stepsTemplate(steps: readonly Step[], options: StepsViewOptions): TemplateResult {
  const partial = options.partial ?? false;
  const lang = options.lang;
  const rules = messagesFor(lang).rules;
  const budget = budgetFor(options.budget ?? steps);
  const lazy = (key: object, part: string, tex: () => string, text: () => string) =>
    ref((el) => typesetLater(el, { key: [key, part, partial, lang], tex, text, lang, budget }));
  const stepLine = (step: Step) =>
    lazy(
      step,
      'line',
      () => stepTex(step, partial).tex,
      () => `d/d${step.wrt} [${toText(step.expr)}] = ${toText(step.result)}`,
    );
  const list = (kind: 'steps' | 'substeps', items: readonly Step[], one: (s: Step) => TemplateResult) => {
    const { first, rest } = chunkedItems(items, one);
    return kind === 'steps'
      ? html`<ol class="steps" part="steps" ${rest}>${first}</ol>`
      : html`<ol class="substeps" ${rest}>${first}</ol>`;
  };
  const item = (step: Step, depth: number): TemplateResult => {
    const rule = rules[step.rule];
    const marked = options.highlight === step.id;
    const open =
      options.expanded || depth < 2 || (options.highlight !== undefined && contains(step, options.highlight));
    const names = heldNames(step);
    const held = names.length
      ? html`<span class="held">(${names.map((v) => texSymbol(v)).map((v) => math(v))} ${UI.heldConstant[lang]})</span>`
      : nothing;
    const base = assumedPositive(step);
    const assumed = base
      ? html`<span class="held assumed">(${math(`${toTex(base)} > 0`)} ${UI.assumed[lang]})</span>`
      : nothing;
    return html`<li class="step ${marked ? 'marked' : ''}" data-step=${step.id} data-rule=${step.rule}>
      <details ?open=${open} @toggle=${onToggle}>
        <summary class="scroll-x">
          <span class="rule-name" part="rule-name">${rule.name}</span>
          ${held} ${assumed}
          <span class="line" ${stepLine(step)}></span>
        </summary>
        ${deferredBody(
          open,
          () => html`<div class="explain">
          <div class="formula"><span class="label">${UI.generalFormula[lang]}:</span> <span ${lazy(
            step,
            'formula',
            () => stepTex(step, partial).formula,
            () => rule.name,
          )}></span></div>
          <p class="prose">${rule.prose}</p>
        </div>
        ${step.substeps.length ? list('substeps', step.substeps, (s) => item(s, depth + 1)) : nothing}`,
        )}
      </details>
    </li>`;
  };
  const simplification = (
    s: Simplification,
    id: string,
  ): TemplateResult => html`<li class="step" data-step=${id} data-rule="simplify">
      <details @toggle=${onToggle}>
        <summary class="scroll-x">
          <span class="rule-name" part="rule-name">${rules.simplify.name}</span>
          <span class="line" ${lazy(
            s,
            'simplify',
            () => simplificationTex(s).tex,
            () => `${toText(s.before)} = ${toText(s.after)}`,
          )}></span>
        </summary>
        ${deferredBody(
          false,
          () => html`<div class="explain">
            <div class="formula">
              <span class="label">${messagesFor(lang).simplified.label}:</span> ${simplifiedText(s, lang)}
            </div>
            <p class="prose">${rules.simplify.prose}</p>
          </div>`,
        )}
      </details>
    </li>`;
  // Read as on paper: a final simplification comes after the rules it tidies up.
  const roots = list('steps', steps, (s) => {
    const simplified = options.simplified?.[steps.indexOf(s)];
    return html`${item(s, 0)}${simplified ? simplification(simplified, `${s.id}.simplify`) : nothing}`;
  });
  return roots;
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
  .pending {
    color: var(--_muted);
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
    min-height: 1.2em;
  }
  .typeset-text {
    font-size: 0.85em;
    white-space: pre-wrap;
    word-break: break-all;
  }
  .typeset-note {
    color: var(--_muted);
  }
  .deferred {
    display: contents;
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
