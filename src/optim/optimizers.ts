/**
 * The optimizers as data: one definition each, with every convention's defaults,
 * state, update equations (TeX in the lesson's notation) and numeric update.
 *
 * Notation (Goodfellow, Bengio & Courville, Deep Learning, ch. 8, as in the lesson):
 * ε learning rate, α momentum, δ small constant, ρ decay rates, r and s accumulators,
 * g = ∇f(w^(k)), k counting from 0.
 */
import type { Localized } from '../i18n/index.js';
import { localizeOptim } from '../i18n/optim.js';
import { formatNumber } from '../util/format.js';
import { HYPER_SETTINGS, kebab, spell } from './hyper.js';
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

/** The hyper-parameters as the optimizers use them, from their one description in hyper.ts. */
const HYPER = Object.fromEntries(
  Object.values(HYPER_SETTINGS).map((setting) => {
    const h = setting.hyper as NonNullable<typeof setting.hyper>;
    const spec: HyperSpec = {
      id: h.id,
      publicName: setting.name,
      symbol: h.symbol,
      text: setting.value,
      name: setting.description,
      range: h.range,
    };
    return [h.id, spec];
  }),
) as Record<HyperId, HyperSpec>;

export const HYPER_SPECS: Readonly<Record<HyperId, HyperSpec>> = HYPER;

// ------------------------------------------------------------------ state variables

const V: StateSpec = { id: 'v', symbol: 'v', name: localizeOptim((o) => o.states.velocity) };
const B: StateSpec = { id: 'b', symbol: 'b', name: localizeOptim((o) => o.states.momentumBuffer) };
const R: StateSpec = {
  id: 'r',
  symbol: 'r',
  name: localizeOptim((o) => o.states.squaredGradient),
};
const S: StateSpec = { id: 's', symbol: 's', name: localizeOptim((o) => o.states.firstMoment) };
const M: StateSpec = { id: 'm', symbol: 'm', name: localizeOptim((o) => o.states.firstMoment) };
const V2: StateSpec = { id: 'v', symbol: 'v', name: localizeOptim((o) => o.states.secondMoment) };

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

/** Squared length of a vector. */
function squaredNorm(v: Vec): number {
  let total = 0;
  for (let i = 0; i < v.length; i++) total += (v[i] as number) ** 2;
  return total;
}

/**
 * Backtracking with the Armijo condition: accept ε when f(w − εg) ≤ f(w) − c·ε‖g‖², else halve ε
 * and try again; the accepted ε is kept for the next step. Plain f(new) ≤ f(old) would accept the
 * swing 4 → 0 of x² − 4x + 6 at ε = 1 (f(0) = f(4)), so the rate would never shrink.
 */
function halvingStep(ctx: StepContext): StepResult {
  const { n, w, g } = ctx;
  const c = ctx.hyper.armijo;
  const f0 = ctx.f(w);
  const g2 = squaredNorm(g);
  let eps = at(ctx.state.eps, 0) || ctx.lr;
  const notes: Localized[] = [];
  let halvings = 0;
  const enough = (rate: number, value: number) => value <= f0 - c * rate * g2;
  let next = vmap(n, (i) => at(w, i) - eps * at(g, i));
  let f1 = ctx.f(next);
  while (!enough(eps, f1) && halvings < MAX_HALVINGS) {
    const [rate, from, to, bound] = [
      formatNumber(eps),
      formatNumber(f0),
      formatNumber(f1),
      formatNumber(f0 - c * eps * g2),
    ];
    notes.push(localizeOptim((o) => o.run.halve({ rate, from, to, bound })));
    eps /= 2;
    halvings++;
    next = vmap(n, (i) => at(w, i) - eps * at(g, i));
    f1 = ctx.f(next);
  }
  if (!enough(eps, f1)) {
    // Still a real move (not one lost in rounding): ε was far too large, not the point stationary.
    const stepLength = eps * Math.sqrt(g2);
    const tooLarge = stepLength > 1e-8 * Math.max(1, Math.hypot(...w));
    return {
      w,
      state: { eps: Float64Array.of(eps) },
      extras: { halvings: Float64Array.of(halvings) },
      notes,
      stop: localizeOptim((o) =>
        o.run.noDecrease({ halvings: MAX_HALVINGS, ...(tooLarge ? { eps: formatNumber(eps) } : {}) }),
      ),
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
      stop: localizeOptim((o) => o.run.singular({ k: ctx.k })),
    };
  }
  if (!isPositiveDefinite(h, n)) {
    notes.push(localizeOptim((o) => o.run.indefinite({ k: ctx.k })));
  }
  return { w: vmap(n, (i) => at(w, i) - lr * at(direction, i)), state: {}, extras: { H: h, d: direction }, notes };
}

// ------------------------------------------------------------------ definitions

/** An optimizer's name, from the catalogues (src/i18n/optim.<lang>.ts, names). */
const nameOf = (id: OptimizerId) => localizeOptim((o) => o.names[id]);

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
    name: nameOf('gd'),
    summary: localizeOptim((o) => o.summaries['gd']),
    hyper: [],
    conventions: everywhere(GD_VARIANT),
  },
  {
    id: 'momentum',
    aliases: [],
    name: nameOf('momentum'),
    summary: localizeOptim((o) => o.summaries['momentum']),
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
    name: nameOf('nesterov'),
    summary: localizeOptim((o) => o.summaries['nesterov']),
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
    name: nameOf('adagrad'),
    summary: localizeOptim((o) => o.summaries['adagrad']),
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
    name: nameOf('rmsprop'),
    summary: localizeOptim((o) => o.summaries['rmsprop']),
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
    name: nameOf('adam'),
    summary: localizeOptim((o) => o.summaries['adam']),
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
    name: nameOf('gd-halving'),
    summary: localizeOptim((o) => o.summaries['gd-halving']),
    hyper: [HYPER.armijo],
    conventions: everywhere({
      defaults: { armijo: 1e-4 },
      state: [{ id: 'eps', symbol: '\\varepsilon', name: localizeOptim((o) => o.states.rateInUse), scalar: true }],
      extras: [{ id: 'halvings', symbol: 'm', scalar: true }],
      init: (_n, _hyper, lr) => ({ eps: Float64Array.of(lr) }),
      equations: [
        define('halvings', (s, sub) =>
          sub
            ? ''
            : `\\min\\{m \\ge 0 : f\\left(${s.w} - \\tfrac{${s.eps}}{2^{m}}${s.grad}\\right) \\le f(${s.w}) - ${s.armijo}${s.mul}\\tfrac{${s.eps}}{2^{m}}\\,\\lVert ${s.grad} \\rVert^{2}\\}`,
        ),
        update('eps', (s) => `\\frac{${s.eps}}{2^{${s.halvings}}}`),
        W_PLAIN,
      ],
      step: halvingStep,
      source:
        'the lesson’s adaptive learning-rate idea: halve ε until the step lowers the loss enough (backtracking with the Armijo condition, Nocedal & Wright, Numerical Optimization, §3.1)',
    }),
  },
  {
    id: 'newton',
    aliases: [],
    name: nameOf('newton'),
    summary: localizeOptim((o) => o.summaries['newton']),
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
          s.eps === '1'
            ? `${s.w} - ${s.H}^{-1}${s.mul}${s.grad}`
            : `${s.w} - ${s.eps}${s.mul}${s.H}^{-1}${s.mul}${s.grad}`,
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

/**
 * A hyper-parameter's defaults, for usage text: `0.9 (pytorch 0.99)` when one optimizer has it,
 * else per optimizer (`adagrad 1e-7 (pytorch 1e-10); rmsprop 1e-6 (…)`).
 */
export function describeDefaults(id: HyperId): string {
  const users = OPTIMIZERS.filter((o) => o.hyper.some((h) => h.id === id));
  const parts = users.map((o) => {
    const base = o.conventions.textbook.defaults[id];
    const others = (['pytorch', 'keras'] as const)
      .filter((c) => o.conventions[c].defaults[id] !== base)
      .map((c) => `${c} ${formatNumber(o.conventions[c].defaults[id] ?? Number.NaN)}`);
    const text = `${formatNumber(base ?? Number.NaN)}${others.length ? ` (${others.join(', ')})` : ''}`;
    return { id: o.id, text };
  });
  const same = new Set(parts.map((p) => p.text));
  if (same.size === 1) return `${parts.map((p) => p.id).join(', ')}: ${parts[0]?.text}`;
  return parts.map((p) => `${p.id} ${p.text}`).join('; ');
}

/** A hyper-parameter as a form shows it: its names, symbol, range and this optimizer's default. */
export interface HyperField {
  readonly id: HyperId;
  /** The public name: option key and element property (`beta1`). */
  readonly name: string;
  /** The element attribute (`initial-accumulator`) and the CLI flag (`--initial-accumulator`). */
  readonly attribute: string;
  readonly flag: string;
  readonly symbol: string;
  readonly text: string;
  readonly range: HyperSpec['range'];
  readonly description: Localized;
  /** The default in this convention (undefined if there is none). */
  readonly defaultValue: number | undefined;
}

/** The hyper-parameters of an optimizer (id or alias) in a convention, for a settings form. */
export function hyperFieldsOf(optimizer: string, convention: Convention): HyperField[] {
  const definition = findOptimizer(optimizer);
  if (!definition) return [];
  return definition.hyper.map((h) => ({
    id: h.id,
    name: h.publicName,
    attribute: kebab(h.publicName),
    flag: spell(h.publicName, 'flag'),
    symbol: h.symbol,
    text: h.text,
    range: h.range,
    description: h.name,
    defaultValue: definition.conventions[convention].defaults[h.id],
  }));
}
