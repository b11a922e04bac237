/**
 * The optimizers as data: one definition each, with every convention's defaults,
 * state, update equations (TeX in the lesson's notation) and numeric update.
 *
 * Notation (Goodfellow, Bengio & Courville, Deep Learning, ch. 8, as in the lesson):
 * ε learning rate, α momentum, δ small constant, ρ decay rates, r and s accumulators,
 * g = ∇f(w^(k)), k counting from 0.
 */
import { localizeAll as L, type Localized } from '../i18n/index.js';
import { formatNumber } from '../util/format.js';
import { isPositiveDefinite, solve } from './linalg.js';
import type {
  Convention,
  Equation,
  HyperId,
  HyperSpec,
  OptimizerDefinition,
  OptimizerId,
  StateSpec,
  StepContext,
  StepResult,
  Variant,
  Vec,
} from './types.js';

// ------------------------------------------------------------------ vector helpers

function vmap(n: number, fn: (i: number) => number): Vec {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = fn(i);
  return out;
}

const at = (v: Vec | undefined, i: number): number => (v?.[i] as number) ?? 0;

function zeros(n: number): Vec {
  return new Float64Array(n);
}

function stateOf(ctx: StepContext, id: string): Vec {
  return ctx.state[id] ?? zeros(ctx.n);
}

// ------------------------------------------------------------------ hyper-parameters

const HYPER: Record<HyperId, HyperSpec> = {
  alpha: { id: 'alpha', symbol: '\\alpha', name: L((m) => m.optim.hyper.alpha), range: 'unit' },
  rho: { id: 'rho', symbol: '\\rho', name: L((m) => m.optim.hyper.rho), range: 'unit' },
  rho1: {
    id: 'rho1',
    symbol: '\\rho_{1}',
    name: L((m) => m.optim.hyper.rho1),
    range: 'unit',
  },
  rho2: {
    id: 'rho2',
    symbol: '\\rho_{2}',
    name: L((m) => m.optim.hyper.rho2),
    range: 'unit',
  },
  delta: {
    id: 'delta',
    symbol: '\\delta',
    name: L((m) => m.optim.hyper.delta),
    range: 'positive',
  },
  initialAccumulator: {
    id: 'initialAccumulator',
    symbol: 'r_{0}',
    name: L((m) => m.optim.hyper.initialAccumulator),
    range: 'nonnegative',
  },
};

export const HYPER_SPECS: Readonly<Record<HyperId, HyperSpec>> = HYPER;

// ------------------------------------------------------------------ state variables

const V: StateSpec = { id: 'v', symbol: 'v', name: L((m) => m.optim.states.velocity) };
const B: StateSpec = { id: 'b', symbol: 'b', name: L((m) => m.optim.states.momentumBuffer) };
const R: StateSpec = {
  id: 'r',
  symbol: 'r',
  name: L((m) => m.optim.states.squaredGradient),
};
const S: StateSpec = { id: 's', symbol: 's', name: L((m) => m.optim.states.firstMoment) };
const M: StateSpec = { id: 'm', symbol: 'm', name: L((m) => m.optim.states.firstMoment) };
const V2: StateSpec = { id: 'v', symbol: 'v', name: L((m) => m.optim.states.secondMoment) };

// ------------------------------------------------------------------ equation helpers

const update = (target: string, rhs: Equation['rhs']): Equation => ({ target, op: 'update', rhs });
const define = (target: string, rhs: Equation['rhs']): Equation => ({ target, op: 'define', rhs });

const W_PLAIN = update('w', (s) => `${s.w} - ${s.eps}${s.mul}${s.grad}`);

/** r ← ρr + (1 − ρ) g⊙g with the given decay symbol. */
const decayedSquares = (state: string, rho: string): Equation =>
  update(state, (s) => `${s[rho]}${s.mul}${s[state]} + (1 - ${s[rho]})${s.mul}${s.g}${s.had}${s.g}`);

const STEP_DELTA_OUTSIDE_FIRST = update(
  'w',
  (s) => `${s.w} - \\frac{${s.eps}}{${s.delta} + \\sqrt{${s.r}}}${s.had}${s.g}`,
);
const STEP_DELTA_OUTSIDE_AFTER = update(
  'w',
  (s) => `${s.w} - ${s.eps}${s.mul}\\frac{${s.g}}{\\sqrt{${s.r}} + ${s.delta}}`,
);
const STEP_DELTA_INSIDE = update('w', (s) => `${s.w} - ${s.eps}${s.mul}\\frac{${s.g}}{\\sqrt{${s.r} + ${s.delta}}}`);

// ------------------------------------------------------------------ numeric updates

function plainStep(ctx: StepContext): StepResult {
  const { n, w, g, lr } = ctx;
  return { w: vmap(n, (i) => at(w, i) - lr * at(g, i)), state: {} };
}

function adaptiveRate(form: 'textbook' | 'pytorch' | 'keras', lr: number, gi: number, ri: number, d: number): number {
  if (form === 'textbook') return (lr / (d + Math.sqrt(ri))) * gi;
  if (form === 'pytorch') return (lr * gi) / (Math.sqrt(ri) + d);
  return (lr * gi) / Math.sqrt(ri + d);
}

function adagradStep(form: Convention) {
  return (ctx: StepContext): StepResult => {
    const { n, w, g, lr, hyper } = ctx;
    const r0 = stateOf(ctx, 'r');
    const r = vmap(n, (i) => at(r0, i) + at(g, i) * at(g, i));
    return { w: vmap(n, (i) => at(w, i) - adaptiveRate(form, lr, at(g, i), at(r, i), hyper.delta)), state: { r } };
  };
}

function rmspropStep(form: Convention) {
  return (ctx: StepContext): StepResult => {
    const { n, w, g, lr, hyper } = ctx;
    const rho = hyper.rho;
    const r0 = stateOf(ctx, 'r');
    const r = vmap(n, (i) => rho * at(r0, i) + (1 - rho) * at(g, i) * at(g, i));
    return { w: vmap(n, (i) => at(w, i) - adaptiveRate(form, lr, at(g, i), at(r, i), hyper.delta)), state: { r } };
  };
}

function adamStep(form: Convention) {
  return (ctx: StepContext): StepResult => {
    const { n, w, g, lr, hyper, k } = ctx;
    const { rho1, rho2, delta } = hyper;
    const t = k + 1;
    const first = form === 'textbook' ? 's' : 'm';
    const second = form === 'textbook' ? 'r' : 'v';
    const m0 = stateOf(ctx, first);
    const v0 = stateOf(ctx, second);
    const m = vmap(n, (i) => rho1 * at(m0, i) + (1 - rho1) * at(g, i));
    const v = vmap(n, (i) => rho2 * at(v0, i) + (1 - rho2) * at(g, i) * at(g, i));
    if (form === 'keras') {
      const epsT = (lr * Math.sqrt(1 - rho2 ** t)) / (1 - rho1 ** t);
      return {
        w: vmap(n, (i) => at(w, i) - (epsT * at(m, i)) / (Math.sqrt(at(v, i)) + delta)),
        state: { m, v },
        extras: { epsT: Float64Array.of(epsT) },
      };
    }
    const mHat = vmap(n, (i) => at(m, i) / (1 - rho1 ** t));
    const vHat = vmap(n, (i) => at(v, i) / (1 - rho2 ** t));
    const step =
      form === 'textbook'
        ? (i: number) => (lr * at(mHat, i)) / (delta + Math.sqrt(at(vHat, i)))
        : (i: number) => (lr * at(mHat, i)) / (Math.sqrt(at(vHat, i)) + delta);
    return {
      w: vmap(n, (i) => at(w, i) - step(i)),
      state: { [first]: m, [second]: v },
      extras: { [`${first}Hat`]: mHat, [`${second}Hat`]: vHat },
    };
  };
}

/** The same variant under every convention (the conventions agree, or the method is not in the libraries). */
function everywhere(variant: Variant): Record<Convention, Variant> {
  return { textbook: variant, pytorch: variant, keras: variant };
}

const MAX_HALVINGS = 60;

function halvingStep(ctx: StepContext): StepResult {
  const { n, w, g } = ctx;
  const f0 = ctx.f(w);
  let eps = at(ctx.state.eps, 0) || ctx.lr;
  const notes: Localized[] = [];
  let halvings = 0;
  let next = vmap(n, (i) => at(w, i) - eps * at(g, i));
  let f1 = ctx.f(next);
  while (!(f1 <= f0) && halvings < MAX_HALVINGS) {
    const [rate, from, to] = [formatNumber(eps), formatNumber(f0), formatNumber(f1)];
    notes.push(L((m) => m.optim.notes.halve({ rate, from, to })));
    eps /= 2;
    halvings++;
    next = vmap(n, (i) => at(w, i) - eps * at(g, i));
    f1 = ctx.f(next);
  }
  if (!(f1 <= f0)) {
    // Still a real move (not one lost in rounding): ε was far too large, not the point stationary.
    const stepLength = eps * Math.hypot(...g);
    const tooLarge = stepLength > 1e-8 * Math.max(1, Math.hypot(...w));
    return {
      w,
      state: { eps: Float64Array.of(eps) },
      extras: { halvings: Float64Array.of(halvings) },
      notes,
      stop: tooLarge
        ? L((m) => m.optim.notes.rateTooLarge({ times: MAX_HALVINGS, rate: formatNumber(eps) }))
        : L((m) => m.optim.notes.stationary({ times: MAX_HALVINGS })),
    };
  }
  return { w: next, state: { eps: Float64Array.of(eps) }, extras: { halvings: Float64Array.of(halvings) }, notes };
}

function newtonStep(ctx: StepContext): StepResult {
  const { n, w, g, lr } = ctx;
  const h = ctx.hessian(w);
  const notes: Localized[] = [];
  const direction = solve(h, g, n);
  if (!direction) {
    return {
      w,
      state: {},
      extras: { H: h },
      stop: L((m) => m.optim.notes.singularHessian({ k: ctx.k })),
    };
  }
  if (!isPositiveDefinite(h, n)) {
    notes.push(L((m) => m.optim.notes.notPositiveDefinite({ k: ctx.k })));
  }
  return { w: vmap(n, (i) => at(w, i) - lr * at(direction, i)), state: {}, extras: { H: h, d: direction }, notes };
}

// ------------------------------------------------------------------ definitions

/** Adagrad's accumulator starts at r₀ (0, or Keras's 0.1). */
const accumulatorInit = (n: number, hyper: Readonly<Record<HyperId, number>>) => ({
  r: new Float64Array(n).fill(hyper.initialAccumulator),
});

const GD_VARIANT: Variant = {
  defaults: {},
  state: [],
  equations: [W_PLAIN],
  step: plainStep,
  source: 'Goodfellow et al., Deep Learning, Algorithm 8.1; torch.optim.SGD; keras.optimizers.SGD',
};

export const OPTIMIZERS: readonly OptimizerDefinition[] = [
  {
    id: 'gd',
    aliases: ['sgd'],
    name: L((m) => m.optim.names.gd),
    summary: L((m) => m.optim.summaries.gd),
    hyper: [],
    conventions: everywhere(GD_VARIANT),
  },
  {
    id: 'momentum',
    aliases: [],
    name: L((m) => m.optim.names.momentum),
    summary: L((m) => m.optim.summaries.momentum),
    hyper: [HYPER.alpha],
    conventions: {
      textbook: {
        defaults: { alpha: 0.9 },
        state: [V],
        equations: [
          update('v', (s) => `${s.alpha}${s.mul}${s.v} - ${s.eps}${s.mul}${s.grad}`),
          update('w', (s) => `${s.w} + ${s.v}`),
        ],
        step: (ctx) => {
          const v0 = stateOf(ctx, 'v');
          const v = vmap(ctx.n, (i) => ctx.hyper.alpha * at(v0, i) - ctx.lr * at(ctx.g, i));
          return { w: vmap(ctx.n, (i) => at(ctx.w, i) + at(v, i)), state: { v } };
        },
        source: 'Goodfellow et al., Deep Learning, Algorithm 8.2',
      },
      pytorch: {
        defaults: { alpha: 0.9 },
        state: [B],
        equations: [
          update('b', (s) => `${s.alpha}${s.mul}${s.b} + ${s.g}`),
          update('w', (s) => `${s.w} - ${s.eps}${s.mul}${s.b}`),
        ],
        step: (ctx) => {
          const b0 = stateOf(ctx, 'b');
          const b = vmap(ctx.n, (i) => ctx.hyper.alpha * at(b0, i) + at(ctx.g, i));
          return { w: vmap(ctx.n, (i) => at(ctx.w, i) - ctx.lr * at(b, i)), state: { b } };
        },
        source: 'torch.optim.SGD(momentum=μ, dampening=0)',
      },
      keras: {
        defaults: { alpha: 0.9 },
        state: [V],
        equations: [
          update('v', (s) => `${s.alpha}${s.mul}${s.v} - ${s.eps}${s.mul}${s.g}`),
          update('w', (s) => `${s.w} + ${s.v}`),
        ],
        step: (ctx) => {
          const v0 = stateOf(ctx, 'v');
          const v = vmap(ctx.n, (i) => ctx.hyper.alpha * at(v0, i) - ctx.lr * at(ctx.g, i));
          return { w: vmap(ctx.n, (i) => at(ctx.w, i) + at(v, i)), state: { v } };
        },
        source: 'keras.optimizers.SGD(momentum=α)',
      },
    },
  },
  {
    id: 'nesterov',
    aliases: ['nag'],
    name: L((m) => m.optim.names.nesterov),
    summary: L((m) => m.optim.summaries.nesterov),
    hyper: [HYPER.alpha],
    conventions: {
      textbook: {
        defaults: { alpha: 0.9 },
        state: [V],
        extras: [{ id: 'gLook', symbol: '\\tilde{g}' }],
        equations: [
          define('gLook', (s) => `\\nabla f\\left(${s.w} + ${s.alpha}${s.mul}${s.v}\\right)`),
          update('v', (s) => `${s.alpha}${s.mul}${s.v} - ${s.eps}${s.mul}${s.gLook}`),
          update('w', (s) => `${s.w} + ${s.v}`),
        ],
        step: (ctx) => {
          const v0 = stateOf(ctx, 'v');
          const alpha = ctx.hyper.alpha;
          const look = vmap(ctx.n, (i) => at(ctx.w, i) + alpha * at(v0, i));
          const gLook = ctx.grad(look);
          const v = vmap(ctx.n, (i) => alpha * at(v0, i) - ctx.lr * at(gLook, i));
          return { w: vmap(ctx.n, (i) => at(ctx.w, i) + at(v, i)), state: { v }, extras: { gLook } };
        },
        source: 'Goodfellow et al., Deep Learning, Algorithm 8.3',
      },
      pytorch: {
        defaults: { alpha: 0.9 },
        state: [B],
        equations: [
          update('b', (s) => `${s.alpha}${s.mul}${s.b} + ${s.g}`),
          update('w', (s) => `${s.w} - ${s.eps}${s.mul}\\left(${s.g} + ${s.alpha}${s.mul}${s.b}\\right)`),
        ],
        step: (ctx) => {
          const b0 = stateOf(ctx, 'b');
          const alpha = ctx.hyper.alpha;
          const b = vmap(ctx.n, (i) => alpha * at(b0, i) + at(ctx.g, i));
          return { w: vmap(ctx.n, (i) => at(ctx.w, i) - ctx.lr * (at(ctx.g, i) + alpha * at(b, i))), state: { b } };
        },
        source: 'torch.optim.SGD(momentum=μ, nesterov=True)',
      },
      keras: {
        defaults: { alpha: 0.9 },
        state: [V],
        equations: [
          update('v', (s) => `${s.alpha}${s.mul}${s.v} - ${s.eps}${s.mul}${s.g}`),
          update('w', (s) => `${s.w} + ${s.alpha}${s.mul}${s.v} - ${s.eps}${s.mul}${s.g}`),
        ],
        step: (ctx) => {
          const v0 = stateOf(ctx, 'v');
          const alpha = ctx.hyper.alpha;
          const v = vmap(ctx.n, (i) => alpha * at(v0, i) - ctx.lr * at(ctx.g, i));
          return { w: vmap(ctx.n, (i) => at(ctx.w, i) + alpha * at(v, i) - ctx.lr * at(ctx.g, i)), state: { v } };
        },
        source: 'keras.optimizers.SGD(momentum=α, nesterov=True)',
      },
    },
  },
  {
    id: 'adagrad',
    aliases: [],
    name: L((m) => m.optim.names.adagrad),
    summary: L((m) => m.optim.summaries.adagrad),
    hyper: [HYPER.delta, HYPER.initialAccumulator],
    conventions: {
      textbook: {
        defaults: { delta: 1e-7, initialAccumulator: 0 },
        state: [R],
        init: accumulatorInit,
        equations: [update('r', (s) => `${s.r} + ${s.g}${s.had}${s.g}`), STEP_DELTA_OUTSIDE_FIRST],
        step: adagradStep('textbook'),
        source: 'Goodfellow et al., Deep Learning, Algorithm 8.4',
      },
      pytorch: {
        defaults: { delta: 1e-10, initialAccumulator: 0 },
        state: [R],
        init: accumulatorInit,
        equations: [update('r', (s) => `${s.r} + ${s.g}${s.had}${s.g}`), STEP_DELTA_OUTSIDE_AFTER],
        step: adagradStep('pytorch'),
        source: 'torch.optim.Adagrad (eps outside the root)',
      },
      keras: {
        defaults: { delta: 1e-7, initialAccumulator: 0.1 },
        state: [R],
        init: accumulatorInit,
        equations: [update('r', (s) => `${s.r} + ${s.g}${s.had}${s.g}`), STEP_DELTA_INSIDE],
        step: adagradStep('keras'),
        source: 'keras.optimizers.Adagrad (epsilon inside the root, initial_accumulator_value = 0.1)',
      },
    },
  },
  {
    id: 'rmsprop',
    aliases: [],
    name: L((m) => m.optim.names.rmsprop),
    summary: L((m) => m.optim.summaries.rmsprop),
    hyper: [HYPER.rho, HYPER.delta],
    conventions: {
      textbook: {
        defaults: { rho: 0.9, delta: 1e-6 },
        state: [R],
        equations: [decayedSquares('r', 'rho'), STEP_DELTA_OUTSIDE_FIRST],
        step: rmspropStep('textbook'),
        source: 'Goodfellow et al., Deep Learning, Algorithm 8.5 (δ outside the root, as in the lesson)',
      },
      pytorch: {
        defaults: { rho: 0.99, delta: 1e-8 },
        state: [R],
        equations: [decayedSquares('r', 'rho'), STEP_DELTA_OUTSIDE_AFTER],
        step: rmspropStep('pytorch'),
        source: 'torch.optim.RMSprop (alpha = ρ = 0.99, eps outside the root)',
      },
      keras: {
        defaults: { rho: 0.9, delta: 1e-7 },
        state: [R],
        equations: [decayedSquares('r', 'rho'), STEP_DELTA_INSIDE],
        step: rmspropStep('keras'),
        source: 'keras.optimizers.RMSprop (epsilon inside the root)',
      },
    },
  },
  {
    id: 'adam',
    aliases: [],
    name: L((m) => m.optim.names.adam),
    summary: L((m) => m.optim.summaries.adam),
    hyper: [HYPER.rho1, HYPER.rho2, HYPER.delta],
    conventions: {
      textbook: {
        defaults: { rho1: 0.9, rho2: 0.999, delta: 1e-8 },
        state: [S, R],
        extras: [
          { id: 'sHat', symbol: '\\hat{s}' },
          { id: 'rHat', symbol: '\\hat{r}' },
        ],
        equations: [
          update('s', (s) => `${s.rho1}${s.mul}${s.s} + (1 - ${s.rho1})${s.mul}${s.g}`),
          decayedSquares('r', 'rho2'),
          define('sHat', (s) => `\\frac{${s.s}}{1 - ${s.rho1}^{${s.k1}}}`),
          define('rHat', (s) => `\\frac{${s.r}}{1 - ${s.rho2}^{${s.k1}}}`),
          update('w', (s) => `${s.w} - ${s.eps}${s.mul}\\frac{${s.sHat}}{${s.delta} + \\sqrt{${s.rHat}}}`),
        ],
        step: adamStep('textbook'),
        source: 'Goodfellow et al., Deep Learning, Algorithm 8.7',
      },
      pytorch: {
        defaults: { rho1: 0.9, rho2: 0.999, delta: 1e-8 },
        state: [M, V2],
        extras: [
          { id: 'mHat', symbol: '\\hat{m}' },
          { id: 'vHat', symbol: '\\hat{v}' },
        ],
        equations: [
          update('m', (s) => `${s.rho1}${s.mul}${s.m} + (1 - ${s.rho1})${s.mul}${s.g}`),
          decayedSquares('v', 'rho2'),
          define('mHat', (s) => `\\frac{${s.m}}{1 - ${s.rho1}^{${s.k1}}}`),
          define('vHat', (s) => `\\frac{${s.v}}{1 - ${s.rho2}^{${s.k1}}}`),
          update('w', (s) => `${s.w} - ${s.eps}${s.mul}\\frac{${s.mHat}}{\\sqrt{${s.vHat}} + ${s.delta}}`),
        ],
        step: adamStep('pytorch'),
        source: 'torch.optim.Adam (betas = (ρ₁, ρ₂), eps = δ)',
      },
      keras: {
        defaults: { rho1: 0.9, rho2: 0.999, delta: 1e-7 },
        state: [M, V2],
        extras: [{ id: 'epsT', symbol: '\\varepsilon_{k+1}', scalar: true }],
        equations: [
          define('epsT', (s) => `${s.eps}${s.mul}\\frac{\\sqrt{1 - ${s.rho2}^{${s.k1}}}}{1 - ${s.rho1}^{${s.k1}}}`),
          update('m', (s) => `${s.rho1}${s.mul}${s.m} + (1 - ${s.rho1})${s.mul}${s.g}`),
          decayedSquares('v', 'rho2'),
          update('w', (s) => `${s.w} - ${s.epsT}${s.mul}\\frac{${s.m}}{\\sqrt{${s.v}} + ${s.delta}}`),
        ],
        step: adamStep('keras'),
        source: 'keras.optimizers.Adam ("epsilon hat" form: α_t = ε√(1 − ρ₂^t)/(1 − ρ₁^t))',
      },
    },
  },
  {
    id: 'gd-halving',
    aliases: ['halving'],
    name: L((m) => m.optim.names['gd-halving']),
    summary: L((m) => m.optim.summaries['gd-halving']),
    hyper: [],
    conventions: everywhere({
      defaults: {},
      state: [{ id: 'eps', symbol: '\\varepsilon', name: L((m) => m.optim.states.rateInUse), scalar: true }],
      extras: [{ id: 'halvings', symbol: 'm', scalar: true }],
      init: (_n, _hyper, lr) => ({ eps: Float64Array.of(lr) }),
      equations: [
        define('halvings', (s, sub) =>
          sub ? '' : `\\min\\{m \\ge 0 : f\\left(${s.w} - \\tfrac{${s.eps}}{2^{m}}${s.grad}\\right) \\le f(${s.w})\\}`,
        ),
        update('eps', (s) => `\\frac{${s.eps}}{2^{${s.halvings}}}`),
        W_PLAIN,
      ],
      step: halvingStep,
      source: 'the lesson’s adaptive learning-rate idea: halve ε whenever a step raises the loss (backtracking)',
    }),
  },
  {
    id: 'newton',
    aliases: [],
    name: L((m) => m.optim.names.newton),
    summary: L((m) => m.optim.summaries.newton),
    hyper: [],
    defaultLr: 1,
    needsHessian: true,
    conventions: everywhere({
      defaults: {},
      state: [],
      extras: [
        { id: 'H', symbol: 'H', matrix: true },
        { id: 'd', symbol: 'd' },
      ],
      equations: [
        define('H', (s) => `\\nabla^{2} f(${s.w})`),
        update('w', (s) =>
          s.eps === '1' ? `${s.w} - ${s.H}^{-1}${s.grad}` : `${s.w} - ${s.eps}${s.mul}${s.H}^{-1}${s.grad}`,
        ),
      ],
      step: newtonStep,
      source: 'Goodfellow et al., Deep Learning, §8.6.1 (Newton’s method)',
    }),
  },
];

/** The definition for an id or alias (`sgd` → gd), or undefined. */
export function findOptimizer(id: string): OptimizerDefinition | undefined {
  const key = id.trim().toLowerCase();
  return OPTIMIZERS.find((o) => o.id === key || o.aliases.includes(key));
}

export const OPTIMIZER_IDS: readonly OptimizerId[] = OPTIMIZERS.map((o) => o.id);
