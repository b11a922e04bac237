/**
 * The playground: any function → derivative or partials with steps, an answer
 * checker, and an optimizer with every setting from controls. All of it is the
 * URL state (app/state.ts); user text only reaches element attributes,
 * properties and text nodes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { parse } from '../src/expr/parse.js';
import type { Lang } from '../src/i18n/index.js';
import { findOptimizer, hyperFieldsOf } from '../src/optim/optimizers.js';
import { OPTIMIZER_NAMES, UI } from './content.js';
import {
  type AppState,
  CONVENTIONS,
  type ConventionChoice,
  clampNumber,
  cleanExpr,
  cleanStart,
  cleanVars,
  HYPER_OF,
  type HyperKey,
  LIMITS,
  OPTIMIZERS,
  type OptimizerChoice,
  TABS,
  type Tab,
} from './state.js';

export type Commit = (patch: Partial<AppState>, mode: 'push' | 'replace') => void;

export interface PlaygroundContext {
  readonly state: AppState;
  readonly commit: Commit;
  /** Called on every keystroke in the function box (the app decides push or replace). */
  readonly editExpr: (expr: string) => void;
  readonly copyLink: () => void;
  readonly copied: boolean;
}

export const EXAMPLES: readonly { expr: string; vars: string }[] = [
  { expr: '3x^3 - 2x + 1', vars: '' },
  { expr: 'x^2 - 4x + 6', vars: '' },
  { expr: 'x sin x', vars: '' },
  { expr: '(2x - 1)^3', vars: '' },
  { expr: 'ln(x^2 + 1)', vars: '' },
  { expr: '3xy^2 + 4x^3 - 5y^2 + 1', vars: '' },
  { expr: '3(x - 2)^2 + (y - 2)^2', vars: '' },
  { expr: '(1 - x)^2 + 100(y - x^2)^2', vars: '' },
];

/** The variables: as typed, else those the expression uses (sorted), else x. */
export function effectiveVars(state: AppState): string[] {
  const typed = cleanVars(state.vars);
  if (typed && typed.length > 0) return typed;
  try {
    const found = parse(state.expr, { maxLength: LIMITS.exprLength }).vars;
    return found.length > 0 ? found.slice(0, LIMITS.vars) : ['x'];
  } catch {
    return ['x'];
  }
}

/** The start point with one coordinate per variable (a single number is repeated; otherwise 1s fill in). */
export function effectiveStart(start: string, n: number): string {
  const values = (cleanStart(start) || '').split(',').filter(Boolean);
  if (values.length === n) return values.join(',');
  if (values.length === 1) return Array.from({ length: n }, () => values[0]).join(',');
  return Array.from({ length: n }, () => '1').join(',');
}

const TAB_LABEL: Readonly<Record<Tab, keyof typeof UI>> = {
  derivative: 'tabDerivative',
  check: 'tabCheck',
  optimize: 'tabOptimize',
};

const CONVENTION_LABEL: Readonly<Record<ConventionChoice, keyof typeof UI>> = {
  textbook: 'conventionTextbook',
  pytorch: 'conventionPytorch',
  keras: 'conventionKeras',
};

export function playgroundView(ctx: PlaygroundContext): TemplateResult {
  const { state } = ctx;
  const lang = state.lang;
  const vars = effectiveVars(state);
  const varsOk = state.vars === '' || cleanVars(state.vars) !== undefined;
  return html`
    <section class="playground" aria-labelledby="pg-h" lang=${lang}>
      <div class="pg-head">
        <h1 id="pg-h">${UI.pgTitle[lang]}</h1>
        <button type="button" class="copy" aria-live="polite" @click=${ctx.copyLink}>
          ${ctx.copied ? UI.copied[lang] : UI.copyLink[lang]}
        </button>
      </div>
      <p class="lead">${UI.pgIntro[lang]}</p>
      <form class="pg-input" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field field-expr">
          <label for="pg-expr">${UI.fn[lang]}</label>
          <input
            id="pg-expr"
            name="expr"
            type="text"
            inputmode="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength=${LIMITS.exprLength}
            placeholder=${UI.fnPlaceholder[lang]}
            .value=${live(state.expr)}
            @input=${(e: Event) => ctx.editExpr(cleanExpr((e.target as HTMLInputElement).value))}
            @change=${(e: Event) => ctx.commit({ expr: cleanExpr((e.target as HTMLInputElement).value) }, 'replace')}
          />
        </div>
        <div class="field field-vars">
          <label for="pg-vars">${UI.vars[lang]}</label>
          <input
            id="pg-vars"
            name="vars"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength="60"
            placeholder="${UI.varsPlaceholder[lang]}: ${vars.join(', ')}"
            aria-describedby="pg-vars-hint"
            aria-invalid=${varsOk ? 'false' : 'true'}
            .value=${live(state.vars)}
            @change=${(e: Event) => {
              const typed = (e.target as HTMLInputElement).value;
              const clean = cleanVars(typed);
              ctx.commit({ vars: clean ? clean.join(',') : typed.slice(0, 60) }, 'push');
            }}
          />
          <small id="pg-vars-hint" class=${varsOk ? 'hint' : 'hint error'}>
            ${varsOk ? UI.varsHint[lang] : UI.badVars[lang]}
          </small>
        </div>
      </form>
      <div class="examples" aria-label=${UI.examples[lang]}>
        <span class="examples-label">${UI.examples[lang]}:</span>
        ${EXAMPLES.map(
          (ex) =>
            html`<button
              type="button"
              class="chip"
              aria-pressed=${state.expr === ex.expr ? 'true' : 'false'}
              @click=${() => ctx.commit({ expr: ex.expr, vars: ex.vars, step: 0 }, 'push')}
            >
              ${ex.expr}
            </button>`,
        )}
      </div>

      <div class="tabs" role="tablist" aria-label=${UI.pgTitle[lang]} @keydown=${onTabKey(ctx)}>
        ${TABS.map(
          (tab) =>
            html`<button
              type="button"
              role="tab"
              id="tab-${tab}"
              aria-controls="panel"
              aria-selected=${state.tab === tab ? 'true' : 'false'}
              tabindex=${state.tab === tab ? '0' : '-1'}
              @click=${() => ctx.commit({ tab }, 'push')}
            >
              ${UI[TAB_LABEL[tab]][lang]}
            </button>`,
        )}
      </div>
      <div id="panel" class="panel" role="tabpanel" aria-labelledby="tab-${state.tab}">
        ${state.expr.trim() === '' ? html`<p class="note">${UI.emptyFunction[lang]}</p>` : panel(ctx, vars)}
      </div>
    </section>
  `;
}

/** Arrow keys move between tabs (the WAI-ARIA tabs pattern). */
function onTabKey(ctx: PlaygroundContext) {
  return (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const index = TABS.indexOf(ctx.state.tab);
    const next = TABS[(index + delta + TABS.length) % TABS.length] as Tab;
    // currentTarget is gone once the event has been dispatched: keep the tab list now.
    const tabList = event.currentTarget as HTMLElement | null;
    ctx.commit({ tab: next }, 'push');
    requestAnimationFrame(() => tabList?.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  };
}

function panel(ctx: PlaygroundContext, vars: readonly string[]): TemplateResult {
  const { state } = ctx;
  const lang = state.lang;
  const varList = vars.join(',');
  switch (state.tab) {
    case 'derivative':
      return vars.length <= 1
        ? html`<gs-derivative expr=${state.expr} wrt=${vars[0] ?? 'x'} vars=${varList} lang=${lang}></gs-derivative>`
        : html`<gs-gradient expr=${state.expr} vars=${varList} hessian lang=${lang}></gs-gradient>`;
    case 'check':
      return html`<p class="note">${UI.checkIntro[lang]}</p>
        ${vars.map(
          (v) =>
            html`<gs-answer class="answer" problem=${state.expr} wrt=${v} vars=${varList} reveal lang=${lang}></gs-answer>`,
        )}`;
    case 'optimize':
      return optimizePanel(ctx, vars);
  }
}

/** The optimizer's own default for a hyper-parameter in a convention, shown as the placeholder. */
function defaultHyper(optimizer: OptimizerChoice, convention: ConventionChoice, key: HyperKey): string {
  const value = hyperFieldsOf(optimizer, convention).find((f) => f.name === key)?.defaultValue;
  return value === undefined ? '' : String(value);
}

function numberField(
  id: string,
  label: string,
  value: number | undefined,
  placeholder: string,
  range: readonly [number, number],
  onValue: (value: number | undefined) => void,
  step = 'any',
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="number"
      inputmode="decimal"
      step=${step}
      min=${range[0]}
      max=${range[1]}
      placeholder=${placeholder}
      .value=${live(value === undefined ? '' : String(value))}
      @change=${(e: Event) => onValue(clampNumber((e.target as HTMLInputElement).value, range[0], range[1]))}
    />
  </div>`;
}

function optimizePanel(ctx: PlaygroundContext, vars: readonly string[]): TemplateResult {
  const { state, commit } = ctx;
  const lang = state.lang;
  const start = effectiveStart(state.start, vars.length);
  const hyperLabel: Readonly<Record<HyperKey, keyof typeof UI>> = {
    momentum: 'momentum',
    rho: 'rho',
    beta1: 'beta1',
    beta2: 'beta2',
    delta: 'delta',
  };
  const hyper = (key: HyperKey) => (HYPER_OF[state.optimizer].includes(key) ? state.hyper[key] : undefined);
  const setHyper = (key: HyperKey) => (value: number | undefined) => {
    const next = { ...state.hyper };
    if (value === undefined) delete next[key];
    else next[key] = value;
    commit({ hyper: next }, 'push');
  };
  return html`
    <form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="pg-opt">${UI.optimizer[lang]}</label>
        <select
          id="pg-opt"
          .value=${live(state.optimizer)}
          @change=${(e: Event) => {
            const optimizer = (e.target as HTMLSelectElement).value as OptimizerChoice;
            // Newton's method has its own rate (ε = 1); the others share the field's value.
            const own = findOptimizer(optimizer)?.defaultLr;
            commit({ optimizer, ...(own !== undefined ? { lr: own } : {}) }, 'push');
          }}
        >
          ${OPTIMIZERS.map(
            (o) =>
              html`<option value=${o} ?selected=${o === state.optimizer}>${OPTIMIZER_NAMES[o]?.[lang] ?? o}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="pg-conv">${UI.convention[lang]}</label>
        <select
          id="pg-conv"
          .value=${live(state.convention)}
          @change=${(e: Event) =>
            commit({ convention: (e.target as HTMLSelectElement).value as ConventionChoice }, 'push')}
        >
          ${CONVENTIONS.map(
            (c) =>
              html`<option value=${c} ?selected=${c === state.convention}>${UI[CONVENTION_LABEL[c]][lang]}</option>`,
          )}
        </select>
      </div>
      ${numberField('pg-lr', UI.lr[lang], state.lr, '0.1', LIMITS.lr, (lr) => commit({ lr: lr ?? 0.1 }, 'push'))}
      ${numberField(
        'pg-steps',
        UI.steps[lang],
        state.steps,
        '10',
        LIMITS.steps,
        (steps) => {
          const n = Math.round(steps ?? 10);
          commit({ steps: n, step: Math.min(state.step, n) }, 'push');
        },
        '1',
      )}
      <div class="field">
        <label for="pg-start">${UI.start[lang]} (${vars.join(', ')})</label>
        <input
          id="pg-start"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          title=${UI.startHint[lang]}
          .value=${live(start)}
          @change=${(e: Event) => commit({ start: cleanStart((e.target as HTMLInputElement).value) }, 'push')}
        />
      </div>
      ${HYPER_OF[state.optimizer].map((key) =>
        numberField(
          `pg-${key}`,
          UI[hyperLabel[key]][lang],
          hyper(key),
          defaultHyper(state.optimizer, state.convention, key),
          LIMITS.hyper[key],
          setHyper(key),
        ),
      )}
    </form>
    <gs-optimizer
      expr=${state.expr}
      vars=${vars.join(',')}
      start=${start}
      optimizer=${state.optimizer}
      convention=${state.convention}
      lr=${state.lr}
      steps=${state.steps}
      momentum=${ifDefined(hyper('momentum'))}
      rho=${ifDefined(hyper('rho'))}
      beta1=${ifDefined(hyper('beta1'))}
      beta2=${ifDefined(hyper('beta2'))}
      delta=${ifDefined(hyper('delta'))}
      .step=${state.step}
      lang=${lang}
      @gs-step-change=${(e: Event) => {
        const step = (e as CustomEvent<{ step?: number }>).detail?.step;
        if (typeof step === 'number' && step !== state.step) commit({ step }, 'replace');
      }}
    ></gs-optimizer>
    ${nothing}
  `;
}

export type { Lang };
