import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { NEURON_BATCH, NEURON as ONE } from '../app/lesson.js';
import { mountApp } from '../app/main.js';
import '../components/define/gs-graph.js';
import { MIN_SCALE } from '../components/gs-graph.js';
import '../components/define/gs-gradient.js';
import reference from '../fixtures/graph.json' with { type: 'json' };
import type { Expr } from '../src/expr/ast.js';
import { texSymbol, toTex } from '../src/expr/print-tex.js';
import { backward, buildGraph } from '../src/graph/index.js';
import { mount, texIn } from './support/dom.js';

const NEURON = '(sigmoid(w*x + b) - y)^2';
const ATTRS = { expr: NEURON, params: 'w,b', at: 'w=0.5, b=0.1, x=2, y=1' };
const SYMPY = reference.cases[0]?.gradient as number[];

afterEach(() => {
  document.body.replaceChildren();
});

const shadow = (el: Element) => el.shadowRoot as ShadowRoot;
const nodeBox = (el: Element, name: string) =>
  shadow(el).querySelector(`[part="node"][data-node="${name}"]`) as SVGGElement;
const valueText = (el: Element, name: string) => nodeBox(el, name).querySelector('.value')?.textContent ?? '';
const adjointText = (el: Element, name: string) => nodeBox(el, name).querySelector('.adj')?.textContent ?? '';

/** Opens the table view and waits for it to be typeset (it is rendered only while open). */
async function openTable(el: HTMLElementTagNameMap['gs-graph']): Promise<void> {
  const details = shadow(el).querySelector('details[part="table"]') as HTMLDetailsElement;
  const toggled = new Promise((r) => details.addEventListener('toggle', r, { once: true }));
  details.open = true;
  await toggled;
  await el.updateComplete;
}

/** Waits until the edge labels have been measured and the graph laid out around them. */
async function settled(el: HTMLElementTagNameMap['gs-graph']): Promise<void> {
  for (let k = 0; k < 3; k++) {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
  }
  // A relayout moves the nodes and labels with a short transition: wait for it to end.
  await Promise.all(
    shadow(el)
      .getAnimations()
      .map((a) => a.finished.catch(() => undefined)),
  );
}

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('gs-graph', () => {
  it('labels each edge ∂parent/∂child = formula = number from the backward step that uses it, no label over another or a node', async () => {
    for (const attrs of [ATTRS, { expr: NEURON_BATCH.expr, params: NEURON_BATCH.params, at: NEURON_BATCH.at }]) {
      const el = await mount('gs-graph', attrs);
      await settled(el);
      const graph = el.current;
      if (!graph) throw new Error('no graph');
      const label = (id: number) => shadow(el).querySelector(`.edge-label[data-edge="${id}"]`) as HTMLElement;
      const visible = (id: number) => getComputedStyle(label(id)).visibility === 'visible';
      expect(graph.edges.every((e) => !visible(e.id))).toBe(true);
      for (let k = 0; k < el.steps.length; k++) {
        el.next();
        await el.updateComplete;
        const s = el.steps[k];
        if (s?.phase !== 'backward') continue;
        // The edges of this step's terms show their label now, the formula from the parent's operation.
        for (const t of s.terms) {
          expect(visible(t.edge)).toBe(true);
          expect(label(t.edge).classList.contains('active')).toBe(true);
          const tex = texIn(label(t.edge)).join('');
          const edge = graph.edges[t.edge];
          const parent = graph.nodes[edge?.to as number];
          const child = graph.nodes[edge?.from as number];
          const head = `\\partial ${texSymbol(parent?.name ?? '')}/\\partial ${texSymbol(child?.name ?? '')} = `;
          expect(tex.slice(0, head.length)).toBe(head);
          // A constant local derivative is written once (`= 1`), any other as formula = number.
          const formula = toTex(edge?.local as Expr);
          if (tex.split(' = ').length > 2) expect(tex).toContain(` = ${formula} = `);
          else expect(edge?.local.kind).toBe('num');
          expect(Number(tex.split(' = ').at(-1))).toBeCloseTo(t.local, 4);
        }
      }
      expect(graph.edges.every((e) => visible(e.id))).toBe(true);
      // Every label is measured (a late font is measured again), and none overlaps another label or a node box.
      await settled(el);
      const labels = graph.edges.map((e) => label(e.id).getBoundingClientRect());
      const boxes = [...shadow(el).querySelectorAll('[part="node"] rect')].map((r) => r.getBoundingClientRect());
      for (const [i, a] of labels.entries()) {
        expect(a.width).toBeGreaterThan(20);
        for (const b of labels.slice(i + 1)) expect(overlap(a, b)).toBe(false);
        for (const b of boxes)
          expect(overlap(a, b), `label ${i} ${JSON.stringify(a)} over a node ${JSON.stringify(b)}`).toBe(false);
      }
      await page.screenshot({ path: `../screenshots/gs-graph-labels-${graph.nodes.length}.png`, element: el });
      el.remove();
    }
  });

  it('fits the element’s width at 1280 px in every phase (the neuron; the mini-batch until its labels appear), text at 9 px or more', async () => {
    await page.viewport(1280, 900);
    for (const attrs of [ATTRS, { expr: NEURON_BATCH.expr, params: NEURON_BATCH.params, at: NEURON_BATCH.at }]) {
      const el = await mount('gs-graph', attrs);
      await settled(el);
      const box = shadow(el).querySelector('[part="graph"]') as HTMLElement;
      const check = async (phase: string) => {
        await settled(el);
        const label = shadow(el).querySelector('.edge-label') as HTMLElement;
        const scale = label.getBoundingClientRect().height / label.offsetHeight;
        expect(scale, phase).toBeGreaterThanOrEqual(MIN_SCALE - 0.05);
        expect(el.getBoundingClientRect().right).toBeLessThanOrEqual(document.documentElement.clientWidth);
        // The one-point neuron fits in every phase; the mini-batch's nine columns of labels do not
        // at 3/4 size once they appear: then it is at that scale and scrolls, with the shared cue.
        if (attrs === ATTRS || !/backward|done|descent/.test(phase))
          expect(box.scrollWidth, `${attrs.expr} ${phase}`).toBeLessThanOrEqual(box.clientWidth + 1);
        else if (box.scrollWidth > box.clientWidth + 1) {
          expect(scale).toBeCloseTo(MIN_SCALE, 1); // measured on whole-pixel offsetHeight
          expect(box.dataset.scroll).toMatch(/right|left|both/);
        }
        // Legible: the nodes' 12 px text drawn at 9 px or more.
        const name = nodeBox(el, 'w').querySelector('.name') as SVGTextElement;
        expect(name.getBoundingClientRect().height, phase).toBeGreaterThanOrEqual(9);
      };
      await check('start');
      const forward = el.steps.filter((s) => s.phase === 'forward').length;
      el.step = Math.ceil(forward / 2);
      await check('forward');
      el.step = forward + Math.ceil((el.steps.length - forward) / 2);
      await check('backward');
      el.step = el.steps.length;
      await check('done');
      el.descend();
      await check('after a descent step');
      el.remove();
    }
  });

  it('draws the neuron graph: every node with its operation, the inputs with their values', async () => {
    const el = await mount('gs-graph', ATTRS);
    await settled(el);
    const graph = el.current;
    expect(graph).toBeDefined();
    expect(shadow(el).querySelectorAll('[part="node"]').length).toBe(graph?.nodes.length);
    expect(shadow(el).querySelectorAll('path[part="edge"]').length).toBe(graph?.edges.length);
    expect(valueText(el, 'w')).toBe('0.5');
    expect(valueText(el, 'L')).toBe('?');
    // Left to right: each edge goes from a column to a later one.
    for (const e of graph?.edges ?? []) {
      const x = (name: string) => nodeBox(el, name).getBoundingClientRect().left;
      expect(x(graph?.nodes[e.from]?.name as string)).toBeLessThan(x(graph?.nodes[e.to]?.name as string));
    }
  });

  it('steps forward through the values in order, then backward through the adjoints', async () => {
    const el = await mount('gs-graph', ATTRS);
    const graph = el.current;
    const pass = el.result;
    if (!graph || !pass) throw new Error('no graph');
    const changes: string[] = [];
    el.addEventListener('gs-step-change', (e) =>
      changes.push((e as unknown as CustomEvent<{ phase: string }>).detail.phase),
    );
    el.focus();
    const forward = el.steps.filter((s) => s.phase === 'forward');
    for (const [k, s] of forward.entries()) {
      const name = graph.nodes[s.node]?.name as string;
      expect(valueText(el, name)).toBe('?');
      await userEvent.keyboard('{ArrowRight}');
      await el.updateComplete;
      expect(el.step).toBe(k + 1);
      expect(valueText(el, name)).not.toBe('?');
      expect(Number(valueText(el, name))).toBeCloseTo(pass.values[s.node] as number, 3);
      // A later node is still unknown.
      const later = forward[k + 1];
      if (later) expect(valueText(el, graph.nodes[later.node]?.name as string)).toBe('?');
      expect(texIn(shadow(el).querySelector('[part="step"]') as Element).join(' ')).toContain('=');
    }
    // Backward: the output first (adjoint 1), then each node after its parents, with its chain rule.
    const backward = el.steps.slice(forward.length);
    expect(graph.nodes[backward[0]?.node as number]?.name).toBe('L');
    for (const s of backward) {
      const name = graph.nodes[s.node]?.name as string;
      expect(adjointText(el, name)).toBe('');
      await userEvent.keyboard('{ArrowRight}');
      await el.updateComplete;
      expect(adjointText(el, name)).toMatch(/^∂ /);
      const tex = texIn(shadow(el).querySelector('[part="step"]') as Element).join('\n');
      expect(tex).toContain(`\\frac{\\partial L}{\\partial`);
      if (s.phase === 'backward' && (s.paths?.[0]?.length ?? 0) > 1) expect(tex).toContain('\\cdot');
    }
    expect(changes.filter((p) => p === 'forward')).toHaveLength(forward.length);
    expect(changes.filter((p) => p === 'backward')).toHaveLength(backward.length);
    expect(changes.indexOf('backward')).toBe(forward.length);
  });

  it('ends with the gradient, equal to the one gs-gradient shows (and to SymPy)', async () => {
    const el = await mount('gs-graph', { ...ATTRS, step: '999' });
    const pass = el.result;
    expect(el.step).toBe(el.steps.length);
    expect(pass?.gradient[0]).toBeCloseTo(SYMPY[0] as number, 12);
    expect(pass?.gradient[1]).toBeCloseTo(SYMPY[1] as number, 12);
    const gradientPart = shadow(el).querySelector('[part="gradient"]') as Element;
    expect(gradientPart.querySelector('.agree')).not.toBeNull();
    const ours = texIn(gradientPart);
    const gg = await mount('gs-gradient', { expr: NEURON, vars: 'w,b,x,y' });
    const theirs = [...shadow(gg).querySelectorAll('[part="partial"] .result')].map((r) => texIn(r).join(''));
    for (const [i, p] of ['w', 'b'].entries()) {
      const shown = (theirs[i] as string).split(' = ')[1] as string;
      const line = ours.find(
        (t) => t.startsWith(`\\frac{\\partial L}{\\partial ${p}} = `) && t.split(' = ').length === 3,
      );
      expect(line?.split(' = ')[1]).toBe(shown);
      expect(Number(line?.split(' = ')[2])).toBeCloseTo(SYMPY[i] as number, 5);
    }
  });

  it('one gradient-descent step lowers the loss and redraws', async () => {
    const el = await mount('gs-graph', { ...ATTRS, lr: '0.5' });
    const before = el.result?.value as number;
    let detail: { loss: number; previousLoss: number } | undefined;
    el.addEventListener('gs-descent-step', (e) => {
      detail = (e as CustomEvent<{ loss: number; previousLoss: number }>).detail;
    });
    (shadow(el).querySelector('button.descend') as HTMLButtonElement).click();
    await el.updateComplete;
    const after = el.result?.value as number;
    expect(after).toBeLessThan(before);
    expect(detail?.previousLoss).toBe(before);
    expect(el.values.w).toBeCloseTo(0.5 - 0.5 * (SYMPY[0] as number), 12);
    expect(el.values.x).toBe(2);
    expect(valueText(el, 'L')).toBe(String(Number(after.toPrecision(4))));
    expect(shadow(el).querySelector('.loss')?.textContent).toContain('→');
  });

  it('shows an unreadable point or expression as an inline error', async () => {
    const el = await mount('gs-graph', { expr: NEURON, at: 'w=0.5, b=oops' });
    expect(shadow(el).querySelector('[part="error"]')).not.toBeNull();
    el.setAttribute('at', 'w=1,b=1,x=1,y=1');
    el.setAttribute('expr', 'sin(');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"]')).not.toBeNull();
  });

  it('has no serious accessibility violations, stepped into the backward pass, with the table open', async () => {
    const el = await mount('gs-graph', { ...ATTRS, step: '14' });
    await openTable(el);
    expect(shadow(el).querySelectorAll('[part="table"] tbody tr').length).toBe(
      (el.current?.nodes.length ?? 0) + (el.current?.edges.length ?? 0),
    );
    const result = await axe.run(document.body, { resultTypes: ['violations'] });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
  });

  it('screenshots at 1280 and 390 px, in English and Korean', async () => {
    for (const [width, lang] of [
      [1280, 'en'],
      [390, 'en'],
      [1280, 'ko'],
      [390, 'ko'],
    ] as const) {
      await page.viewport(width, 900);
      const el = await mount('gs-graph', { ...ATTRS, lang, step: '17' });
      await openTable(el);
      await settled(el);
      await page.screenshot({ path: `../screenshots/gs-graph-${width}-${lang}.png`, element: el });
      const table = shadow(el).querySelector('[part="table"]') as HTMLElement;
      table.scrollIntoView();
      await page.screenshot({ path: `../screenshots/gs-graph-${width}-${lang}-table.png` });
      // Half way through the backward pass: the labels of the edges used so far, the rest still to come.
      el.step = 11;
      await settled(el);
      el.scrollIntoView();
      await page.screenshot({ path: `../screenshots/gs-graph-${width}-${lang}-backward.png` });
      el.remove();
    }
    // Dark mode: the page's colour scheme switches the theme's defaults.
    await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: 'dark' }] });
    try {
      await page.viewport(1280, 900);
      document.body.style.background = '#161a22';
      const el = await mount('gs-graph', { ...ATTRS, step: '22' });
      await settled(el);
      expect(getComputedStyle(nodeBox(el, 'w').querySelector('rect') as Element).fill).not.toBe('rgb(255, 255, 255)');
      await page.screenshot({ path: '../screenshots/gs-graph-1280-dark.png', element: el });
    } finally {
      document.body.style.background = '';
      await cdp().send('Emulation.setEmulatedMedia', { features: [] });
    }
  });
});

describe('the lesson’s backpropagation section', () => {
  it('shows the neuron on one point and on a mini-batch whose gradient is the mean of the per-row gradients', async () => {
    history.replaceState(null, '', `${location.pathname}?lang=en`);
    const root = document.createElement('div');
    document.body.append(root);
    const app = mountApp(root, { fallbackLang: 'en' });
    await app.settled();
    const single = root.querySelector('#neuron-graph') as HTMLElementTagNameMap['gs-graph'];
    const batch = root.querySelector('#batch-graph') as HTMLElementTagNameMap['gs-graph'];
    await single.updateComplete;
    await batch.updateComplete;
    expect(single.result?.gradient[0]).toBeCloseTo(SYMPY[0] as number, 12);
    // The mean of the rows' gradients, each from the one-point graph.
    const rows = [
      [0.5, 0.2],
      [1, 0.9],
      [2, 1],
    ];
    const g = buildGraph(ONE.expr, { params: ['w', 'b'], vars: ['w', 'b', 'x', 'y'] });
    const mean = [0, 0];
    for (const [x, y] of rows) {
      backward(g, { w: 0.5, b: 0.1, x: x as number, y: y as number }).gradient.forEach((v, i) => {
        mean[i] = (mean[i] as number) + v / rows.length;
      });
    }
    expect(NEURON_BATCH.at).toContain('x1=0.5, y1=0.2, x2=1, y2=0.9, x3=2, y3=1');
    expect(batch.result?.gradient[0]).toBeCloseTo(mean[0] as number, 12);
    expect(batch.result?.gradient[1]).toBeCloseTo(mean[1] as number, 12);
    // The section links back to the chain rule.
    expect(root.querySelector('#backprop ~ p a[href="#chain"]')).not.toBeNull();
    for (const [width, lang] of [
      [1280, 'en'],
      [390, 'ko'],
    ] as const) {
      await page.viewport(width, 900);
      app.navigate({ lang });
      await app.settled();
      await new Promise((r) => setTimeout(r, 400));
      const single2 = root.querySelector('#neuron-graph') as HTMLElementTagNameMap['gs-graph'];
      single2.step = 12;
      await settled(single2);
      await page.screenshot({ path: `../screenshots/lesson-neuron-${width}-${lang}.png`, element: single2 });
      const batch2 = root.querySelector('#batch-graph') as HTMLElement;
      await page.screenshot({ path: `../screenshots/lesson-batch-${width}-${lang}.png`, element: batch2 });
    }
    app.unmount();
  });
});
