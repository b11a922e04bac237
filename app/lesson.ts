/**
 * The lesson, section by section (the course notebook in ../shared/seed), with
 * live components in place of the notebook's static plots. Everything here is
 * the app's own trusted content; nothing comes from the URL.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Lang } from '../src/i18n/index.js';
import { BACKPROP as BP, LESSON as L, OPTIMIZER_NAMES, UI } from './content.js';
import { bullets, display, para, prose } from './rich.js';
import type { AppState } from './state.js';

export interface LessonContext {
  readonly lang: Lang;
  /** Exercises whose worked solution is open. */
  readonly openSolutions: ReadonlySet<string>;
  setSolutionOpen(id: string, open: boolean): void;
  /** A link (href and click handler) that opens an expression in the playground. */
  playgroundLink(
    expr: string,
    vars: string,
    tab: 'derivative' | 'check' | 'optimize',
    settings?: Partial<Pick<AppState, 'optimizer' | 'start' | 'lr' | 'steps'>>,
  ): TemplateResult;
}

/** Formulas in the lesson's notation (Goodfellow, Bengio and Courville, ch. 8). */
export const FORMULAS = {
  chain: String.raw`\begin{aligned}\frac{dy}{dx} &= \frac{dy}{dt}\cdot\frac{dt}{dx}\\ &= f'(t)\cdot g'(x)\\ &= f'(g(x))\cdot g'(x)\end{aligned}`,
  minLoss: String.raw`\min_{\mathbf{w},\,\mathbf{b}} L(\mathbf{w},\mathbf{b})`,
  minQuad: String.raw`\min_{x} f(x) = x^2 - 4x + 6`,
  square: String.raw`\begin{aligned}f(x) &= x^2 - 4x + 6\\ &= (x - 2)^2 + 2\end{aligned}`,
  derivative: String.raw`f'(x) = 2x - 4 = 0 \;\Rightarrow\; x = 2`,
  gd: String.raw`w^{(k+1)} \leftarrow w^{(k)} - \varepsilon \nabla f(w^{(k)})`,
  sgdGradient: String.raw`\nabla f(w^{(k)}) = \begin{bmatrix} \frac{\partial f}{\partial w_{1,1}} & \cdots & \frac{\partial f}{\partial w_{1,N}} \\ \vdots & \ddots & \vdots \\ \frac{\partial f}{\partial w_{M,1}} & \cdots & \frac{\partial f}{\partial w_{M,N}} \end{bmatrix}`,
  momentum: String.raw`\begin{aligned}v^{(k+1)} &\leftarrow \alpha v^{(k)} - \varepsilon \nabla f(w^{(k)})\\ w^{(k+1)} &\leftarrow w^{(k)} + v^{(k+1)}\end{aligned}`,
  nesterov: String.raw`\begin{aligned}v^{(k+1)} &\leftarrow \alpha v^{(k)} - \varepsilon \nabla f(w^{(k)} + \alpha v^{(k)})\\ w^{(k+1)} &\leftarrow w^{(k)} + v^{(k+1)}\end{aligned}`,
  adagrad: String.raw`\begin{aligned}r^{(k+1)} &\leftarrow r^{(k)} + \nabla f(w^{(k)}) \odot \nabla f(w^{(k)})\\ w^{(k+1)} &\leftarrow w^{(k)} - \frac{\varepsilon}{\delta + \sqrt{r^{(k+1)}}} \odot \nabla f(w^{(k)})\end{aligned}`,
  rmsprop: String.raw`\begin{aligned}r^{(k+1)} &\leftarrow \rho\, r^{(k)} + (1-\rho)\nabla f(w^{(k)}) \odot \nabla f(w^{(k)})\\ w^{(k+1)} &\leftarrow w^{(k)} - \frac{\varepsilon}{\delta + \sqrt{r^{(k+1)}}} \odot \nabla f(w^{(k)})\end{aligned}`,
  adamS: String.raw`\begin{aligned}s^{(k+1)} &\leftarrow \rho_1 s^{(k)} + (1 - \rho_1) \nabla f(w^{(k)})\\ \hat{s}^{(k+1)} &\leftarrow \frac{s^{(k+1)}}{1 - \rho_1^{\,k+1}}\end{aligned}`,
  adamR: String.raw`\begin{aligned}r^{(k+1)} &\leftarrow \rho_2 r^{(k)} + (1-\rho_2) \nabla f(w^{(k)}) \odot \nabla f(w^{(k)})\\ \hat{r}^{(k+1)} &\leftarrow \frac{r^{(k+1)}}{1-\rho_2^{\,k+1}}\end{aligned}`,
  adamW: String.raw`w^{(k+1)} \leftarrow w^{(k)} - \frac{\varepsilon}{\delta + \sqrt{\hat{r}^{(k+1)}}}\, \hat{s}^{(k+1)}`,
  neuron: String.raw`L(w, b) = \bigl(\sigma(wx + b) - y\bigr)^2`,
  batch: String.raw`L(w, b) = \frac{1}{m}\sum_{i=1}^{m} \bigl(\sigma(wx_i + b) - y_i\bigr)^2,\qquad \nabla L = \frac{1}{m}\sum_{i=1}^{m} \nabla L_i`,
} as const;

/** Section 2.3's neuron: one data point, then a mini-batch of three rows (the same parameters). */
export const NEURON = {
  expr: '(sigmoid(w*x + b) - y)^2',
  params: 'w,b',
  at: 'w=0.5, b=0.1, x=2, y=1',
} as const;
export const NEURON_BATCH = {
  expr: '((sigmoid(w*x1 + b) - y1)^2 + (sigmoid(w*x2 + b) - y2)^2 + (sigmoid(w*x3 + b) - y3)^2) / 3',
  params: 'w,b',
  at: 'w=0.5, b=0.1, x1=0.5, y1=0.2, x2=1, y2=0.9, x3=2, y3=1',
} as const;

/** The bowl every optimizer stepper of section 3 runs on (the lesson's exercise 2). */
const BOWL = { expr: '3(x - 2)^2 + (y - 2)^2', vars: 'x,y', start: '-2,4' };
/** A tilted double well: a local minimum near x = 0.93 and the global one near x = −1.06. */
const WELLS = { expr: '(x^2 - 1)^2 + 0.5x + 0.5y^2', start: '2,1' };
const QUADRATIC = 'x^2 - 4x + 6';
const X_SIN_X = 'x sin x';

/** The lesson's table of contents: [anchor id, title]. */
export function contents(lang: Lang): [string, string][] {
  return [
    ['derivatives', L.s1[lang]],
    ['training', L.s2[lang]],
    ['optimizers', L.s3[lang]],
    ['best', L.bestTitle[lang]],
  ];
}

export function lessonView(ctx: LessonContext): TemplateResult {
  const { lang } = ctx;
  return html`
    <article class="lesson" lang=${lang}>
      <header class="lesson-head">
        <h1>${L.title[lang]}</h1>
        ${para(L.intro, lang)}
        <nav class="toc" aria-label=${UI.contents[lang]}>
          <ol>
            ${contents(lang).map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}
          </ol>
        </nav>
      </header>
      ${derivativesSection(ctx)} ${trainingSection(ctx)} ${optimizersSection(ctx)} ${bestSection(ctx)}
    </article>
  `;
}

// ---------------------------------------------------------------- 1. Derivatives

function derivativesSection(ctx: LessonContext): TemplateResult {
  const { lang } = ctx;
  return html`
    <section id="derivatives" class="lesson-section" aria-labelledby="derivatives-h">
      <h2 id="derivatives-h">${L.s1[lang]}</h2>
      ${bullets(L.s1Points, lang)} ${para(L.s1Task, lang)}
      <div class="live">
        <gs-derivative expr="3x^3 - 2x + 1" wrt="x" xmin="-1.5" xmax="1.5" lang=${lang}></gs-derivative>
      </div>
      <p class="note">${L.s1Tangent[lang]}</p>
      ${ctx.playgroundLink('3x^3 - 2x + 1', 'x', 'derivative')}

      <h3 id="partial">${L.partialTitle[lang]}</h3>
      ${para(L.partialWhy, lang)} ${para(L.partialTask, lang)}
      <div class="live">
        <gs-gradient expr="3xy^2 + 4x^3 - 5y^2 + 1" vars="x,y" lang=${lang}></gs-gradient>
      </div>
      ${ctx.playgroundLink('3xy^2 + 4x^3 - 5y^2 + 1', 'x,y', 'derivative')}

      <h3 id="chain">${L.chainTitle[lang]}</h3>
      ${bullets(L.chainPoints, lang)} ${display(FORMULAS.chain)} ${para(L.chainWhy, lang)}
      ${exercise(ctx, {
        id: 'ex1',
        title: L.ex1Title[lang],
        task: L.ex1Task[lang],
        answers: [{ problem: '(2x - 1)^3', wrt: 'x', vars: 'x' }],
        solution: () =>
          html`<gs-derivative expr="(2x - 1)^3" wrt="x" detail="full" xmin="-1" xmax="2" lang=${lang}></gs-derivative>`,
      })}
      ${exercise(ctx, {
        id: 'ex2',
        title: L.ex2Title[lang],
        task: L.ex2Task[lang],
        answers: [
          { problem: '3(x - 2)^2 + (y - 2)^2', wrt: 'x', vars: 'x,y' },
          { problem: '3(x - 2)^2 + (y - 2)^2', wrt: 'y', vars: 'x,y' },
        ],
        solution: () => html`<gs-gradient expr="3(x - 2)^2 + (y - 2)^2" vars="x,y" lang=${lang}></gs-gradient>`,
      })}
    </section>
  `;
}

interface Exercise {
  readonly id: string;
  readonly title: string;
  readonly task: string;
  readonly answers: readonly { problem: string; wrt: string; vars: string }[];
  readonly solution: () => TemplateResult;
}

/** "Try it yourself" answer boxes, then the worked solution (opened by the reader, or by a correct answer). */
function exercise(ctx: LessonContext, ex: Exercise): TemplateResult {
  const { lang } = ctx;
  const open = ctx.openSolutions.has(ex.id);
  const onCheck = (event: Event) => {
    const detail = (event as CustomEvent<{ correct?: boolean }>).detail;
    if (detail?.correct) ctx.setSolutionOpen(ex.id, true);
  };
  return html`
    <div class="exercise" id=${ex.id} @gs-check=${onCheck}>
      <h4>${ex.title}</h4>
      <p>${prose(ex.task)}</p>
      <div class="try">
        <p class="try-label">${UI.tryIt[lang]}</p>
        ${ex.answers.map(
          (a) =>
            html`<gs-answer
              class="answer"
              problem=${a.problem}
              wrt=${a.wrt}
              vars=${a.vars}
              lang=${lang}
            ></gs-answer>`,
        )}
      </div>
      <details
        class="solution"
        ?open=${open}
        @toggle=${(e: Event) => ctx.setSolutionOpen(ex.id, (e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>${open ? UI.hideSolution[lang] : UI.showSolution[lang]}</summary>
        ${open ? html`<div class="live">${ex.solution()}</div>` : nothing}
      </details>
    </div>
  `;
}

// ---------------------------------------------------------------- 2. Training

function trainingSection(ctx: LessonContext): TemplateResult {
  const { lang } = ctx;
  return html`
    <section id="training" class="lesson-section" aria-labelledby="training-h">
      <h2 id="training-h">${L.s2[lang]}</h2>
      ${bullets(L.s2Points, lang)} ${display(FORMULAS.minLoss)} ${para(L.quadTask, lang)} ${display(FORMULAS.minQuad)}

      <div class="ways" id="four-ways">
        <div class="way">
          <h4>${L.way1[lang]}</h4>
          ${display(FORMULAS.square)} ${para(L.way1Text, lang)}
        </div>
        <div class="way">
          <h4>${L.way2[lang]}</h4>
          ${display(FORMULAS.derivative)} ${para(L.way2Text, lang)}
          <gs-derivative expr=${QUADRATIC} wrt="x" detail="brief" plot="none" lang=${lang}></gs-derivative>
        </div>
        <div class="way way-wide">
          <h4>${L.way3[lang]}</h4>
          ${para(L.way3Text, lang)} ${gridSearch(lang)}
        </div>
        <div class="way way-wide">
          <h4>${L.way4[lang]}</h4>
          ${para(L.way4Text, lang)}
        </div>
      </div>

      <h3 id="gd">${L.gdTitle[lang]}</h3>
      ${bullets(L.gdPoints, lang)} ${display(FORMULAS.gd)} ${para(L.gdTask, lang)}
      <div class="live">
        <gs-optimizer
          id="gd-stepper"
          expr=${QUADRATIC}
          vars="x"
          start="4"
          optimizer="gd"
          lr="0.2"
          steps="10"
          lang=${lang}
        ></gs-optimizer>
      </div>
      ${ctx.playgroundLink(QUADRATIC, 'x', 'optimize', { optimizer: 'gd', start: '4', lr: 0.2, steps: 10 })}

      <h4 id="learning-rates">${L.lrTitle[lang]}</h4>
      ${para(L.lrText, lang)}
      <div class="live">
        <gs-optimizer-race
          expr=${QUADRATIC}
          vars="x"
          start="4"
          optimizer="gd"
          steps="6"
          vary="lr"
          values="0.2,0.01,1"
          layout="multiples"
          lang=${lang}
        ></gs-optimizer-race>
      </div>

      <h3 id="limits">${L.limitsTitle[lang]}</h3>
      ${bullets(L.limitsPoints, lang)}
      <div class="pair">
        <div>
          <h4>${L.startTitle[lang]}</h4>
          ${para(L.startText, lang)}
          <gs-optimizer-race
            expr=${X_SIN_X}
            vars="x"
            optimizer="gd"
            lr="0.25"
            steps="10"
            vary="start"
            values="2.5,1.5"
            layout="overlay"
            domain="-1,7"
            lang=${lang}
          ></gs-optimizer-race>
        </div>
        <div>
          <h4>${L.rateTitle[lang]}</h4>
          ${para(L.rateText, lang)}
          <gs-optimizer-race
            expr=${X_SIN_X}
            vars="x"
            start="2.5"
            optimizer="gd"
            steps="10"
            vary="lr"
            values="1,0.05"
            layout="overlay"
            domain="-1,7"
            lang=${lang}
          ></gs-optimizer-race>
        </div>
      </div>

      <h3 id="local">${L.localTitle[lang]}</h3>
      ${bullets(L.localPoints, lang)} ${para(L.surfaceText, lang)}
      <div class="pair">
        <figure>
          <gs-surface expr="x^2 + y^2" vars="x,y" domain="-5,5,-5,5" lang=${lang}></gs-surface>
          <figcaption>${prose(L.convex[lang])}</figcaption>
        </figure>
        <figure>
          <gs-surface expr="x sin x + y sin y" vars="x,y" domain="-5,5,-5,5" lang=${lang}></gs-surface>
          <figcaption>${prose(L.nonConvex[lang])}</figcaption>
        </figure>
      </div>
      ${backpropTemplate(lang)}
    </section>
  `;
}

/** 2.3: backpropagation on a neuron, for one data point and for a mini-batch. */
function backpropTemplate(lang: Lang): TemplateResult {
  return html`
    <h3 id="backprop">${BP.title[lang]}</h3>
    ${bullets(BP.points, lang)}
    <p><a href="#chain">${BP.chainLink[lang]}</a></p>
    <h4 id="neuron">${BP.neuronTitle[lang]}</h4>
    ${display(FORMULAS.neuron)} ${para(BP.neuronText, lang)}
    <div class="live">
      <gs-graph id="neuron-graph" expr=${NEURON.expr} params=${NEURON.params} at=${NEURON.at} lang=${lang}></gs-graph>
    </div>
    <h4 id="neuron-batch">${BP.batchTitle[lang]}</h4>
    ${display(FORMULAS.batch)} ${para(BP.batchText, lang)}
    <div class="live">
      <gs-graph id="batch-graph" expr=${NEURON_BATCH.expr} params=${NEURON_BATCH.params} at=${NEURON_BATCH.at} lang=${lang}></gs-graph>
    </div>
  `;
}

const quadratic = (x: number) => x * x - 4 * x + 6;

/** log10 of the number of grid points: (points per axis)^dimensions. */
export function gridLog10(dimensions: number, spacing: number, width = 20): number {
  return dimensions * Math.log10(width / spacing + 1);
}

/** 10^p as TeX: exact below a million, else a power of ten. */
function powerTex(log10: number): string {
  if (log10 < 6) return String(Math.round(10 ** log10)).replace(/\B(?=(\d{3})+(?!\d))/g, '{,}');
  if (log10 < 100) return `${(10 ** (log10 - Math.floor(log10))).toFixed(1)} \\times 10^{${Math.floor(log10)}}`;
  return `10^{${Math.round(log10).toLocaleString('en').replace(/,/g, '{,}')}}`;
}

function durationTex(log10Count: number, lang: Lang): string {
  const seconds = log10Count - 9;
  const secondsPerYear = Math.log10(365.25 * 24 * 3600);
  if (seconds < -3) return `< 0.001\\,\\text{${L.seconds[lang]}}`;
  if (seconds < 4) return `${Number((10 ** seconds).toPrecision(2))}\\,\\text{${L.seconds[lang]}}`;
  if (seconds < secondsPerYear) return `${powerTex(seconds)}\\,\\text{${L.seconds[lang]}}`;
  return `${powerTex(seconds - secondsPerYear)}\\,\\text{${L.years[lang]}}`;
}

/** "Try every x": a grid on the curve, and a table of how the count explodes. */
function gridSearch(lang: Lang): TemplateResult {
  const grid = Array.from({ length: 13 }, (_, i) => -1 + 0.5 * i);
  const best = grid.reduce((a, b) => (quadratic(b) < quadratic(a) ? b : a));
  const rows: [number, number][] = [
    [1, 0.5],
    [1, 0.001],
    [2, 0.001],
    [10, 0.001],
    [1_000_000, 0.001],
  ];
  return html`
    <div class="grid-search">
      <gs-plot
        class="grid-plot"
        xmin="-1.5"
        xmax="5.5"
        height="220"
        label=${L.way3Grid[lang]}
        .curves=${[{ fn: quadratic, label: 'f(x) = x² − 4x + 6' }]}
        .paths=${[{ points: grid.map((x) => [x, quadratic(x)] as const), connect: false, label: L.way3Grid[lang] }]}
        .markers=${[{ x: best, y: quadratic(best), label: `${L.way3Best[lang]}: x = ${best}` }]}
      ></gs-plot>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${L.gridCaption[lang]}><table class="data grid-table">
        <caption>
          ${L.gridCaption[lang]}
        </caption>
        <thead>
          <tr>
            <th scope="col">${L.gridParams[lang]}</th>
            <th scope="col">${L.gridSpacing[lang]}</th>
            <th scope="col">${L.gridPoints[lang]}</th>
            <th scope="col">${L.gridTime[lang]}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(([d, h]) => {
            const log = gridLog10(d, h);
            return html`<tr>
              <td>${d.toLocaleString(lang)}</td>
              <td>${h}</td>
              <td><gs-math tex=${powerTex(log)}></gs-math></td>
              <td><gs-math tex=${durationTex(log, lang)}></gs-math></td>
            </tr>`;
          })}
        </tbody>
      </table></div>
    </div>
  `;
}

// ---------------------------------------------------------------- 3. Optimizers

interface StepperSpec {
  readonly optimizer: string;
  readonly lr: string;
  readonly steps?: string;
  readonly extra?: Readonly<Record<string, string>>;
}

function stepper(spec: StepperSpec, lang: Lang): TemplateResult {
  return html`<div class="live">
    <gs-optimizer
      id=${`${spec.optimizer}-stepper`}
      expr=${BOWL.expr}
      vars=${BOWL.vars}
      start=${BOWL.start}
      optimizer=${spec.optimizer}
      lr=${spec.lr}
      steps=${spec.steps ?? '30'}
      momentum=${spec.extra?.momentum ?? nothing}
      lang=${lang}
    ></gs-optimizer>
  </div>`;
}

function optimizersSection(ctx: LessonContext): TemplateResult {
  const { lang } = ctx;
  const loop = (middle: TemplateResult) =>
    html`<ol class="loop">
      ${L.loop.map((step, i) => html`<li>${prose(step[lang])} ${i === 3 ? middle : nothing}</li>`)}
    </ol>`;
  return html`
    <section id="optimizers" class="lesson-section" aria-labelledby="optimizers-h">
      <h2 id="optimizers-h">${L.s3[lang]}</h2>
      ${para(L.s3Intro, lang)} ${optimizerTable(lang)}

      <h3 id="direction">${L.directionTitle[lang]}</h3>
      <h4 id="sgd">${L.sgdTitle[lang]}</h4>
      ${bullets(L.sgdPoints, lang)}
      ${loop(
        html`<ol class="sub" type="a">
          <li>${prose(L.sgdSub[0]?.[lang] ?? '')} ${display(FORMULAS.sgdGradient)}</li>
          <li>${prose(L.sgdSub[1]?.[lang] ?? '')}</li>
          <li>${prose(L.sgdSub[2]?.[lang] ?? '')}</li>
        </ol>`,
      )}
      ${para(L.sgdData, lang)}
      <div class="live">
        <gs-optimizer
          id="sgd-stepper"
          data="line"
          expr="(w*x + b - y)^2"
          vars="w,b"
          start="0,0"
          optimizer="sgd"
          lr="0.05"
          batch-size="4"
          epochs="3"
          steps="15"
          seed="1"
          lang=${lang}
        ></gs-optimizer>
      </div>

      <h4 id="momentum">${L.momentumTitle[lang]}</h4>
      ${bullets(L.momentumPoints, lang)} ${display(FORMULAS.gd)} ${display(FORMULAS.momentum)} ${para(L.stepperOn, lang)}
      ${stepper({ optimizer: 'momentum', lr: '0.05', extra: { momentum: '0.8' } }, lang)}

      <h4 id="nesterov">${L.nesterovTitle[lang]}</h4>
      ${bullets(L.nesterovPoints, lang)} ${display(FORMULAS.nesterov)}
      ${stepper({ optimizer: 'nesterov', lr: '0.05', extra: { momentum: '0.8' } }, lang)}

      <h3 id="adaptive">${L.rateTitle2[lang]}</h3>
      ${bullets(L.adaptivePoints, lang)} ${para(L.halvingText, lang)}
      <div class="live">
        <gs-optimizer
          id="halving-stepper"
          expr=${QUADRATIC}
          vars="x"
          start="4"
          optimizer="gd-halving"
          lr="1"
          steps="8"
          lang=${lang}
        ></gs-optimizer>
      </div>

      <h4 id="adagrad">${L.adagradTitle[lang]}</h4>
      ${bullets(L.adagradPoints, lang)} ${display(FORMULAS.adagrad)} ${stepper({ optimizer: 'adagrad', lr: '1' }, lang)}

      <h4 id="rmsprop">${L.rmspropTitle[lang]}</h4>
      ${bullets(L.rmspropPoints, lang)} ${display(FORMULAS.rmsprop)} ${stepper({ optimizer: 'rmsprop', lr: '0.3' }, lang)}

      <h4 id="adam">${L.adamTitle[lang]}</h4>
      ${bullets(L.adamPoints, lang)}
      <ol class="adam-steps">
        <li>${L.adamSteps[0]?.[lang]} ${display(FORMULAS.adamS)}</li>
        <li>${L.adamSteps[1]?.[lang]} ${display(FORMULAS.adamR)}</li>
        <li>${L.adamSteps[2]?.[lang]} ${display(FORMULAS.adamW)}</li>
      </ol>
      ${stepper({ optimizer: 'adam', lr: '0.5' }, lang)}

      <h3 id="tree">${L.treeTitle[lang]}</h3>
      ${para(L.treeText, lang)} ${familyTree(lang)}

      <h3 id="race">${L.raceTitle[lang]}</h3>
      ${para(L.raceText, lang)}
      <div class="live">
        <gs-optimizer-race
          id="race-bowl"
          expr=${BOWL.expr}
          vars=${BOWL.vars}
          start=${BOWL.start}
          optimizers="gd,momentum,nesterov,adagrad,rmsprop,adam"
          lr="0.1"
          steps="40"
          layout="overlay"
          lang=${lang}
        ></gs-optimizer-race>
      </div>
      ${ctx.playgroundLink(BOWL.expr, BOWL.vars, 'optimize', { optimizer: 'nesterov', start: BOWL.start, lr: 0.1, steps: 40 })}
    </section>
  `;
}

function optimizerTable(lang: Lang): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${L.tableCaption[lang]}>
    <table class="data optimizer-table">
      <caption>
        ${L.tableCaption[lang]}
      </caption>
      <thead>
        <tr>
          ${L.tableHead.map((h) => html`<th scope="col">${h[lang]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${L.tableRows.map(
          (row) =>
            html`<tr>
              ${row.map((cell, i) => (i === 4 ? html`<th scope="row">${cell[lang]}</th>` : html`<td>${cell[lang]}</td>`))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The family tree: SGD → (Momentum → Nesterov) and (Adagrad → RMSProp), both → Adam. */
function familyTree(lang: Lang): TemplateResult {
  const nodes: Record<string, { x: number; y: number; year: string; kind: 'direction' | 'rate' | 'both' | 'root' }> = {
    sgd: { x: 70, y: 110, year: '1945', kind: 'root' },
    momentum: { x: 230, y: 50, year: '1964', kind: 'direction' },
    nesterov: { x: 390, y: 50, year: '1983', kind: 'direction' },
    adagrad: { x: 230, y: 170, year: '2011', kind: 'rate' },
    rmsprop: { x: 390, y: 170, year: '2012', kind: 'rate' },
    adam: { x: 550, y: 110, year: '2014', kind: 'both' },
  };
  const edges: [string, string][] = [
    ['sgd', 'momentum'],
    ['momentum', 'nesterov'],
    ['sgd', 'adagrad'],
    ['adagrad', 'rmsprop'],
    ['nesterov', 'adam'],
    ['rmsprop', 'adam'],
  ];
  const name = (id: string) => (id === 'sgd' ? 'SGD' : (OPTIMIZER_NAMES[id]?.en ?? id));
  return html`<figure class="tree">
    <svg viewBox="0 0 620 220" role="img" aria-label=${L.treeTitle[lang]}>
      <defs>
        <marker id="tree-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" class="tree-arrowhead"></path>
        </marker>
      </defs>
      <text class="tree-lane" x="310" y="14" text-anchor="middle">${L.treeDirection[lang]}</text>
      <text class="tree-lane" x="310" y="214" text-anchor="middle">${L.treeRate[lang]}</text>
      ${edges.map(([a, b]) => {
        const p = nodes[a];
        const q = nodes[b];
        if (!p || !q) return nothing;
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        const len = Math.hypot(dx, dy);
        const pad = 58;
        return svg`<line class="tree-edge" x1=${p.x + (dx / len) * pad} y1=${p.y + (dy / len) * 24} x2=${q.x - (dx / len) * pad} y2=${q.y - (dy / len) * 24} marker-end="url(#tree-arrow)"></line>`;
      })}
      ${Object.entries(nodes).map(
        ([id, n]) => svg`<g class="tree-node ${n.kind}">
          <rect x=${n.x - 56} y=${n.y - 22} width="112" height="44" rx="8"></rect>
          <text x=${n.x} y=${n.y - 2} text-anchor="middle" class="tree-name">${name(id)}</text>
          <text x=${n.x} y=${n.y + 14} text-anchor="middle" class="tree-year">${n.year}</text>
        </g>`,
      )}
    </svg>
    <figcaption>
      <span class="key direction"></span>${L.treeDirection[lang]} <span class="key rate"></span>${L.treeRate[lang]}
      <span class="key both"></span>${L.treeBoth[lang]}
    </figcaption>
  </figure>`;
}

// ---------------------------------------------------------------- 4. Which is best?

function bestSection(ctx: LessonContext): TemplateResult {
  const { lang } = ctx;
  return html`
    <section id="best" class="lesson-section" aria-labelledby="best-h">
      <h2 id="best-h">${L.bestTitle[lang]}</h2>
      <blockquote>
        <p>${L.bestWho[lang]}</p>
        ${bullets(L.bestPoints, lang)}
      </blockquote>
      ${para(L.bestRace, lang)}
      <div class="live">
        <gs-optimizer-race
          id="race-wells"
          expr=${WELLS.expr}
          vars="x,y"
          start=${WELLS.start}
          optimizers="gd,momentum,nesterov,adagrad,rmsprop,adam"
          lr="0.05"
          steps="40"
          layout="overlay"
          lang=${lang}
        ></gs-optimizer-race>
      </div>
      ${ctx.playgroundLink(WELLS.expr, 'x,y', 'optimize', { optimizer: 'momentum', start: WELLS.start, lr: 0.05, steps: 40 })}
    </section>
  `;
}
