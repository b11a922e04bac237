/**
 * The playground: any function → derivative or partials with steps, an answer
 * checker, and an optimizer with every setting from controls. All of it is the
 * URL state (app/state.ts); user text only reaches element attributes,
 * properties and text nodes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ref } from 'lit/directives/ref.js';
import { parse } from '../src/expr/parse.js';
import type { Lang } from '../src/i18n/index.js';
import { DATASETS } from '../src/optim/datasets.js';
import { findOptimizer, hyperFieldsOf } from '../src/optim/optimizers.js';
import { OPTIMIZER_NAMES, PG, UI } from './content.js';
import {
  type AppState,
  CONVENTIONS,
  type ConventionChoice,
  clampNumber,
  cleanAnswers,
  cleanAt,
  cleanExpr,
  cleanRace,
  cleanRange,
  cleanStart,
  cleanValues,
  cleanVars,
  DATASET_CHOICES,
  type DatasetChoice,
  DETAILS,
  firstStep,
  type HyperKey,
  hyperOf,
  LIMITS,
  MODES,
  OPTIMIZERS,
  SPEEDS,
  TABS,
  type Tab,
  VARIES,
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

/** The variables: as typed, else those the expression uses (sorted, less the parameters), else x. */
export function effectiveVars(state: AppState): string[] {
  const typed = cleanVars(state.vars);
  if (typed && typed.length > 0) return typed;
  const params = cleanVars(state.params) ?? [];
  try {
    const found = parse(state.expr, { maxLength: LIMITS.exprLength }).vars.filter((v) => !params.includes(v));
    return found.length > 0 ? found.slice(0, LIMITS.vars) : ['x'];
  } catch {
    return ['x'];
  }
}

/** The parameters: the names that are not variables (typed as parameters, or any other letter once variables are typed). */
export function effectiveParams(state: AppState): string[] {
  const vars = cleanVars(state.vars);
  const params = cleanVars(state.params) ?? [];
  try {
    return parse(state.expr, {
      maxLength: LIMITS.exprLength,
      ...(vars && vars.length > 0 ? { vars } : {}),
      params,
    }).params.slice(0, LIMITS.vars);
  } catch {
    return [];
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
        <div class="field field-vars">
          <label for="pg-params">${PG.params[lang]}</label>
          <input
            id="pg-params"
            name="params"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            maxlength="60"
            aria-describedby="pg-params-hint"
            .value=${live(state.params)}
            @change=${(e: Event) => {
              const clean = cleanVars((e.target as HTMLInputElement).value);
              ctx.commit({ params: clean ? clean.join(',') : '' }, 'push');
            }}
          />
          <small id="pg-params-hint" class="hint">${PG.paramsHint[lang]}</small>
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
              @click=${() => ctx.commit({ expr: ex.expr, vars: ex.vars, step: firstStep(state.mode) }, 'push')}
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
  const wrt = state.wrt && vars.includes(state.wrt) ? state.wrt : (vars[0] ?? 'x');
  switch (state.tab) {
    case 'derivative': {
      const plotted = vars.length <= 1;
      const sliders = plotted ? paramSliders(ctx, effectiveParams(state)) : undefined;
      return html`${derivativeControls(ctx, vars, wrt, sliders?.template)}
        ${
          vars.length <= 1 || state.order > 1
            ? html`<gs-derivative
                expr=${state.expr}
                wrt=${wrt}
                vars=${varList}
                params=${state.params}
                at=${sliders?.at ?? ''}
                probe=${ifDefined(state.probe)}
                @gs-probe-change=${onProbe(ctx)}
                order=${state.order}
                detail=${state.detail}
                xmin=${ifDefined(rangeOf(state.range)[0])}
                xmax=${ifDefined(rangeOf(state.range)[1])}
                lang=${lang}
              ></gs-derivative>`
            : html`<gs-gradient expr=${state.expr} vars=${varList} params=${state.params} hessian lang=${lang}></gs-gradient>`
        }`;
    }
    case 'check':
      return html`<form class="controls" @submit=${(e: Event) => e.preventDefault()}>${orderField(ctx)}</form>
        <p class="note">${UI.checkIntro[lang]}</p>
        ${vars.map(
          (v, i) =>
            html`<gs-answer
              class="answer"
              value=${state.answers[i] ?? ''}
              ${ref(checkOnce)}
              @gs-check=${(e: Event) => {
                const answer = (e as CustomEvent<{ answer?: string }>).detail?.answer ?? '';
                if (answer === (state.answers[i] ?? '')) return;
                const answers = vars.map((_, k) => (k === i ? answer : (state.answers[k] ?? '')));
                ctx.commit({ answers: cleanAnswers(answers) }, 'replace');
              }}
              problem=${state.expr}
              wrt=${v}
              vars=${varList}
              params=${state.params}
              order=${state.order}
              reveal
              lang=${lang}
            ></gs-answer>`,
        )}`;
    case 'optimize':
      return optimizePanel(ctx, vars);
  }
}

/** The two ends of the x range, when the range is set. */
function rangeOf(range: string): [number | undefined, number | undefined] {
  const parts = range ? range.split(',').map(Number) : [];
  return [parts[0], parts[1]];
}

function selectField<T extends string>(
  id: string,
  label: string,
  value: T,
  options: readonly T[],
  name: (option: T) => string,
  onValue: (value: T) => void,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} .value=${live(value)} @change=${(e: Event) => onValue((e.target as HTMLSelectElement).value as T)}>
      ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${name(o)}</option>`)}
    </select>
  </div>`;
}

function orderField(ctx: PlaygroundContext): TemplateResult {
  const { state } = ctx;
  const lang = state.lang;
  const orders = Array.from({ length: LIMITS.order[1] }, (_, i) => String(i + 1));
  return selectField(
    'pg-order',
    PG.order[lang],
    String(state.order),
    orders,
    (o) => PG.orderNames[Number(o) - 1]?.[lang] ?? `${o}${PG.orderN[lang]}`,
    (o) => ctx.commit({ order: Number(o) }, 'push'),
  );
}

function rangeField(ctx: PlaygroundContext, dims: number): TemplateResult {
  const { state } = ctx;
  const lang = state.lang;
  const hint = dims === 2 ? PG.rangeHint2[lang] : PG.rangeHint1[lang];
  return html`<div class="field field-wide">
    <label for="pg-range">${PG.range[lang]}</label>
    <input
      id="pg-range"
      type="text"
      inputmode="decimal"
      autocomplete="off"
      placeholder=${hint}
      aria-describedby="pg-range-hint"
      .value=${live(state.range.replaceAll(',', ', '))}
      @change=${(e: Event) => ctx.commit({ range: cleanRange((e.target as HTMLInputElement).value) }, 'push')}
    />
    <small id="pg-range-hint" class="hint">${hint}</small>
  </div>`;
}

/** An answer that came with the link is checked once, so the link shows its verdict. */
const checked = new WeakSet<Element>();
function checkOnce(el: Element | undefined): void {
  if (!el || checked.has(el)) return;
  checked.add(el);
  const box = el as Element & { value?: string; updateComplete?: Promise<unknown>; check?: () => unknown };
  if (!box.getAttribute('value')) return;
  void box.updateComplete?.then(() => box.check?.());
}

/** The tangent point moved: into the link, once the reader pauses (a drag sends many). */
let probeTimer: ReturnType<typeof setTimeout> | undefined;
function onProbe(ctx: PlaygroundContext) {
  return (event: Event) => {
    const x = (event as CustomEvent<{ x?: number }>).detail?.x;
    if (typeof x !== 'number' || !Number.isFinite(x)) return;
    clearTimeout(probeTimer);
    probeTimer = setTimeout(() => ctx.commit({ probe: x }, 'replace'), 150);
  };
}

/** A parameter's value when none is set: 1, kept inside the slider's range. */
const DEFAULT_PARAM_VALUE = 1;

/**
 * One slider per parameter, over the plot's x range: for the plot only (the derivation stays
 * symbolic), or for an optimizer's run. Returns the controls and the values for the element's `at`.
 */
function paramSliders(
  ctx: PlaygroundContext,
  params: readonly string[],
  use: 'plot' | 'run' = 'plot',
): { template: TemplateResult; at: string } | undefined {
  if (params.length === 0) return undefined;
  const { state } = ctx;
  const lang = state.lang;
  const [lo = -5, hi = 5] = rangeOf(state.range);
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 100));
  const chosen = new Map(
    (state.at ? state.at.split(',') : [])
      .map((pair) => pair.split('=') as [string, string])
      .map(([n, v]) => [n, Number(v)]),
  );
  const valueFor = (p: string) => Math.min(hi, Math.max(lo, chosen.get(p) ?? DEFAULT_PARAM_VALUE));
  const at = params.map((p) => `${p}=${valueFor(p)}`).join(',');
  const set = (p: string, value: number) => {
    const next = new Map(chosen);
    next.set(p, value);
    ctx.commit({ at: cleanAt([...next].map(([n, v]) => `${n}=${v}`).join(',')) }, 'replace');
  };
  const template = html`<fieldset class="field field-full param-values">
    <legend>${use === 'plot' ? PG.paramValues[lang] : PG.paramValuesRun[lang]}</legend>
    <div class="sliders">
      ${params.map(
        (p) => html`<div class="slider">
          <label for="pg-at-${p}">${p}</label>
          <input
            id="pg-at-${p}"
            type="range"
            min=${lo}
            max=${hi}
            step=${step}
            aria-describedby="pg-at-hint"
            .value=${live(String(valueFor(p)))}
            @input=${(e: Event) => set(p, Number((e.target as HTMLInputElement).value))}
          />
          <output for="pg-at-${p}">${formatValue(valueFor(p))}</output>
        </div>`,
      )}
    </div>
    <small id="pg-at-hint" class="hint">${use === 'plot' ? PG.paramValuesHint[lang] : PG.paramValuesRunHint[lang]}</small>
  </fieldset>`;
  return { template, at };
}

/** A slider's value as shown: at most 4 significant digits, no float noise (0.30000000000000004 → 0.3). */
function formatValue(v: number): string {
  return String(Number(v.toPrecision(4)));
}

function derivativeControls(
  ctx: PlaygroundContext,
  vars: readonly string[],
  wrt: string,
  sliders: TemplateResult | undefined,
): TemplateResult {
  const { state } = ctx;
  const lang = state.lang;
  return html`<form class="controls" @submit=${(e: Event) => e.preventDefault()}>
    ${orderField(ctx)}
    ${selectField(
      'pg-detail',
      PG.detail[lang],
      state.detail,
      DETAILS,
      (d) => PG.detailNames[d][lang],
      (detail) => ctx.commit({ detail }, 'push'),
    )}
    ${
      vars.length > 1
        ? selectField(
            'pg-wrt',
            PG.wrt[lang],
            wrt,
            vars,
            (v) => v,
            (v) => ctx.commit({ wrt: v }, 'push'),
          )
        : nothing
    }
    ${vars.length <= 1 || state.order > 1 ? rangeField(ctx, 1) : nothing}
    ${sliders ?? nothing}
  </form>`;
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

/** Hyper-parameter fields of the chosen optimizer, placeholders showing its defaults. */
function hyperFields(ctx: PlaygroundContext): TemplateResult[] {
  const { state, commit } = ctx;
  const lang = state.lang;
  const setHyper = (key: HyperKey) => (value: number | undefined) => {
    const next = { ...state.hyper };
    if (value === undefined) delete next[key];
    else next[key] = value;
    commit({ hyper: next }, 'push');
  };
  // The fields, their names, symbols and defaults come from the optimizer's own description.
  return hyperFieldsOf(state.optimizer, state.convention).map((field) => {
    const key = field.name as HyperKey;
    const name = field.description[lang] ?? field.name;
    return numberField(
      `pg-${key}`,
      `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)} ${field.text}`,
      state.hyper[key],
      field.defaultValue === undefined ? '' : String(field.defaultValue),
      LIMITS.hyper[key],
      setHyper(key),
    );
  });
}

/** Optional integer settings (batch size, epochs, seed): empty means the optimizer's default. */
function intField(
  ctx: PlaygroundContext,
  key: 'batch' | 'epochs' | 'seed',
  label: string,
  placeholder: string,
): TemplateResult {
  const range = LIMITS[key];
  return numberField(
    `pg-${key}`,
    label,
    ctx.state[key],
    placeholder,
    range,
    (v) => ctx.commit({ [key]: v === undefined ? undefined : Math.round(v), step: firstStep(ctx.state.mode) }, 'push'),
    '1',
  );
}

function optimizePanel(ctx: PlaygroundContext, exprVars: readonly string[]): TemplateResult {
  const { state, commit } = ctx;
  const lang = state.lang;
  const dataset = DATASETS.find((d) => d.id === state.data) ?? DATASETS[0];
  const dataMode = state.mode === 'data' && dataset !== undefined;
  const vars = dataMode ? dataset.params : exprVars;
  const expr = dataMode ? dataset.loss : state.expr;
  const start = effectiveStart(dataMode && !state.start ? '0' : state.start, vars.length);
  const hyper = (key: HyperKey) => (hyperOf(state.optimizer).includes(key) ? state.hyper[key] : undefined);
  const domain = state.range && state.range.split(',').length === (vars.length === 2 ? 4 : 2) ? state.range : undefined;
  // The function's other names are held constant at the sliders' values (not with a data set's loss).
  const sliders = dataMode ? undefined : paramSliders(ctx, effectiveParams(state), 'run');
  const optimizerSelect = selectField(
    'pg-opt',
    UI.optimizer[lang],
    state.optimizer,
    OPTIMIZERS,
    (o) => OPTIMIZER_NAMES[o]?.[lang] ?? o,
    (optimizer) => {
      // Newton's method has its own rate (ε = 1); the others share the field's value.
      const own = findOptimizer(optimizer)?.defaultLr;
      commit({ optimizer, ...(own !== undefined ? { lr: own } : {}) }, 'push');
    },
  );
  const onPick = (event: Event) => {
    // The loss and data charts are not the parameter space.
    const part = (event.composedPath()[0] as Element | undefined)?.getAttribute?.('part');
    if (part === 'loss' || part === 'data') return;
    const { x, y } = (event as CustomEvent<{ x: number; y: number }>).detail;
    const point = cleanStart(vars.length === 2 ? `${x},${y}` : String(x));
    if (!point || vars.length > 2) return;
    if (state.mode === 'compare' && state.vary === 'start') {
      const kept = state.values ? state.values.split(';') : [];
      commit({ values: cleanValues([...kept, point].slice(-LIMITS.runs).join(';'), 'start') }, 'push');
    } else commit({ start: point, step: firstStep(state.mode) }, 'push');
  };
  // The iteration shown is part of the link, for one optimizer and for a comparison.
  const onStep = (e: Event) => {
    const step = (e as CustomEvent<{ step?: number }>).detail?.step;
    if (typeof step === 'number' && step !== state.step) commit({ step }, 'replace');
  };
  const speedSelect = selectField(
    'pg-speed',
    PG.speed[lang],
    String(state.speed),
    SPEEDS.includes(state.speed) ? SPEEDS.map(String) : [...SPEEDS, state.speed].map(String),
    (ms) => `${Number(ms) / 1000} ${PG.perStep[lang]}`,
    (ms) => commit({ speed: Number(ms) }, 'replace'),
  );
  return html`
    <form class="controls" @submit=${(e: Event) => e.preventDefault()}>
      <fieldset class="field field-full mode">
        <legend>${PG.mode[lang]}</legend>
        <div class="segmented">
          ${MODES.map(
            (m) => html`<label
              ><input
                type="radio"
                name="pg-mode"
                value=${m}
                .checked=${live(state.mode === m)}
                @change=${() => commit({ mode: m, step: firstStep(m) }, 'push')}
              /><span>${PG.modeNames[m][lang]}</span></label
            >`,
          )}
        </div>
      </fieldset>
      ${
        dataMode
          ? selectField(
              'pg-data',
              PG.dataset[lang],
              state.data,
              DATASET_CHOICES,
              (d) => DATASETS.find((x) => x.id === d)?.name[lang] ?? d,
              (data: DatasetChoice) => commit({ data, step: firstStep(state.mode) }, 'push'),
            )
          : nothing
      }
      ${
        state.mode === 'compare'
          ? selectField(
              'pg-vary',
              PG.vary[lang],
              state.vary,
              VARIES,
              (v) => PG.varyNames[v][lang],
              (vary) => commit({ vary, values: cleanValues(state.values, vary) }, 'push'),
            )
          : nothing
      }
      ${state.mode !== 'compare' || state.vary !== 'optimizers' ? optimizerSelect : nothing}
      ${selectField(
        'pg-conv',
        UI.convention[lang],
        state.convention,
        CONVENTIONS,
        (c) => UI[CONVENTION_LABEL[c]][lang],
        (convention: ConventionChoice) => commit({ convention }, 'push'),
      )}
      ${
        state.mode === 'compare' && state.vary === 'lr'
          ? nothing
          : numberField('pg-lr', UI.lr[lang], state.lr, '0.1', LIMITS.lr, (lr) => commit({ lr: lr ?? 0.1 }, 'push'))
      }
      ${
        dataMode
          ? html`${intField(ctx, 'batch', PG.batch[lang], '4')} ${intField(ctx, 'epochs', PG.epochs[lang], '5')}
            ${intField(ctx, 'seed', PG.seed[lang], '1')}`
          : numberField(
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
            )
      }
      ${
        state.mode === 'compare' && state.vary === 'start'
          ? nothing
          : html`<div class="field">
              <label for="pg-start">${UI.start[lang]} (${vars.join(', ')})</label>
              <input
                id="pg-start"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                title=${UI.startHint[lang]}
                .value=${live(start)}
                @change=${(e: Event) => commit({ start: cleanStart((e.target as HTMLInputElement).value), step: firstStep(state.mode) }, 'push')}
              />
            </div>`
      }
      ${state.mode === 'compare' && state.vary === 'optimizers' ? nothing : hyperFields(ctx)}
      ${sliders?.template ?? nothing}
      ${state.mode === 'compare' ? compareFields(ctx) : nothing}
      ${speedSelect}
      ${dataMode ? nothing : rangeField(ctx, vars.length)}
      ${
        vars.length === 2
          ? html`<div class="field field-check">
              <label
                ><input
                  type="checkbox"
                  .checked=${live(state.equal)}
                  @change=${(e: Event) => commit({ equal: (e.target as HTMLInputElement).checked }, 'replace')}
                />
                ${PG.equal[lang]}</label
              >
            </div>`
          : nothing
      }
    </form>
    ${
      dataMode
        ? html`<p class="note">${PG.dataNote[lang]} <code>${dataset.loss}</code></p>`
        : vars.length <= 2
          ? html`<p class="hint pick-hint">${PG.pickHint[lang]}</p>`
          : nothing
    }
    ${
      state.mode === 'compare'
        ? html`<gs-optimizer-race
            expr=${expr}
            vars=${vars.join(',')}
            at=${sliders?.at ?? ''}
            start=${start}
            optimizers=${state.race}
            optimizer=${state.optimizer}
            vary=${state.vary === 'optimizers' ? '' : state.vary}
            values=${state.vary === 'optimizers' ? '' : state.vary === 'start' ? state.values || start : state.values || '0.2,0.05,0.01'}
            convention=${state.convention}
            lr=${state.lr}
            steps=${state.steps}
            momentum=${ifDefined(hyper('momentum'))}
            rho=${ifDefined(hyper('rho'))}
            beta1=${ifDefined(hyper('beta1'))}
            beta2=${ifDefined(hyper('beta2'))}
            delta=${ifDefined(hyper('delta'))}
            domain=${ifDefined(domain)}
            interval=${state.speed}
            ?equal-axes=${state.equal}
            .step=${state.step}
            lang=${lang}
            @gs-point-pick=${onPick}
            @gs-step-change=${onStep}
          ></gs-optimizer-race>`
        : html`<gs-optimizer
            expr=${expr}
            vars=${vars.join(',')}
            at=${sliders?.at ?? ''}
            start=${start}
            optimizer=${state.optimizer}
            convention=${state.convention}
            lr=${state.lr}
            steps=${dataMode ? '' : state.steps}
            momentum=${ifDefined(hyper('momentum'))}
            rho=${ifDefined(hyper('rho'))}
            beta1=${ifDefined(hyper('beta1'))}
            beta2=${ifDefined(hyper('beta2'))}
            delta=${ifDefined(hyper('delta'))}
            data=${dataMode ? dataset.id : ''}
            batch-size=${ifDefined(dataMode ? state.batch : undefined)}
            epochs=${ifDefined(dataMode ? state.epochs : undefined)}
            seed=${ifDefined(dataMode ? state.seed : undefined)}
            domain=${ifDefined(domain)}
            interval=${state.speed}
            ?equal-axes=${state.equal}
            loss-chart
            .step=${state.step}
            lang=${lang}
            @gs-point-pick=${onPick}
            @gs-step-change=${onStep}
          ></gs-optimizer>`
    }
  `;
}

/** Compare mode: which optimizers race, or the learning rates or starts one optimizer tries. */
function compareFields(ctx: PlaygroundContext): TemplateResult {
  const { state, commit } = ctx;
  const lang = state.lang;
  if (state.vary === 'optimizers') {
    const chosen = state.race.split(',');
    return html`<fieldset class="field field-full race-set">
      <legend>${PG.raceSet[lang]}</legend>
      <div class="checks">
        ${OPTIMIZERS.map(
          (o) => html`<label
            ><input
              type="checkbox"
              value=${o}
              .checked=${live(chosen.includes(o))}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = cleanRace(OPTIMIZERS.filter((x) => (x === o ? on : chosen.includes(x))).join(','));
                if (next) commit({ race: next }, 'push');
                else (e.target as HTMLInputElement).checked = true;
              }}
            />
            ${OPTIMIZER_NAMES[o]?.[lang] ?? o}</label
          >`,
        )}
      </div>
    </fieldset>`;
  }
  const hint = state.vary === 'lr' ? PG.valuesHintLr[lang] : PG.valuesHintStart[lang];
  return html`<div class="field field-wide">
    <label for="pg-values">${PG.varyNames[state.vary][lang]}</label>
    <input
      id="pg-values"
      type="text"
      inputmode="decimal"
      autocomplete="off"
      maxlength=${LIMITS.valuesLength}
      placeholder=${state.vary === 'lr' ? '0.2, 0.05, 0.01' : hint}
      aria-describedby="pg-values-hint"
      .value=${live(state.values.replaceAll(',', ', ').replaceAll(';', '; '))}
      @change=${(e: Event) => commit({ values: cleanValues((e.target as HTMLInputElement).value, state.vary) }, 'push')}
    />
    <small id="pg-values-hint" class="hint">${hint}</small>
  </div>`;
}

export type { Lang };
