/**
 * The optimizers as data: one definition each, with every convention's defaults,
 * state, update equations (TeX in the lesson's notation) and numeric update.
 *
 * Notation (Goodfellow, Bengio & Courville, Deep Learning, ch. 8, as in the lesson):
 * ε learning rate, α momentum, δ small constant, ρ decay rates, r and s accumulators,
 * g = ∇f(w^(k)), k counting from 0.
 */
import type { Localized } from '../i18n/index.js';
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
  alpha: { id: 'alpha', symbol: '\\alpha', name: { en: 'momentum', ko: '모멘텀' }, range: 'unit' },
  rho: { id: 'rho', symbol: '\\rho', name: { en: 'decay rate', ko: '감쇠율' }, range: 'unit' },
  rho1: {
    id: 'rho1',
    symbol: '\\rho_{1}',
    name: { en: 'first-moment decay rate', ko: '1차 모멘트 감쇠율' },
    range: 'unit',
  },
  rho2: {
    id: 'rho2',
    symbol: '\\rho_{2}',
    name: { en: 'second-moment decay rate', ko: '2차 모멘트 감쇠율' },
    range: 'unit',
  },
  delta: {
    id: 'delta',
    symbol: '\\delta',
    name: { en: 'small constant for numerical stability', ko: '수치 안정용 작은 상수' },
    range: 'positive',
  },
  initialAccumulator: {
    id: 'initialAccumulator',
    symbol: 'r_{0}',
    name: { en: 'initial accumulator value', ko: '누적값의 초깃값' },
    range: 'nonnegative',
  },
};

export const HYPER_SPECS: Readonly<Record<HyperId, HyperSpec>> = HYPER;

// ------------------------------------------------------------------ state variables

const V: StateSpec = { id: 'v', symbol: 'v', name: { en: 'velocity', ko: '속도' } };
const B: StateSpec = { id: 'b', symbol: 'b', name: { en: 'momentum buffer', ko: '모멘텀 버퍼' } };
const R: StateSpec = {
  id: 'r',
  symbol: 'r',
  name: { en: 'accumulated squared gradient', ko: '누적 제곱 기울기' },
};
const S: StateSpec = { id: 's', symbol: 's', name: { en: 'first moment estimate', ko: '1차 모멘트 추정' } };
const M: StateSpec = { id: 'm', symbol: 'm', name: { en: 'first moment estimate', ko: '1차 모멘트 추정' } };
const V2: StateSpec = { id: 'v', symbol: 'v', name: { en: 'second moment estimate', ko: '2차 모멘트 추정' } };

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
    notes.push({
      en: `With ε = ${rate} the loss would rise from ${from} to ${to}: halve ε.`,
      ko: `ε = ${rate}이면 손실이 ${from}에서 ${to}(으)로 커지므로 ε을 절반으로 줄입니다.`,
    });
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
        ? {
            en: `No step along −∇f lowers the loss even after ${MAX_HALVINGS} halvings of ε (now ${formatNumber(eps)}): the learning rate is far too large; start with a smaller one.`,
            ko: `ε을 ${MAX_HALVINGS}번 절반으로 줄여도(현재 ${formatNumber(eps)}) −∇f 방향으로 손실이 줄지 않습니다. 학습률이 너무 크니 더 작은 값으로 시작하세요.`,
          }
        : {
            en: `No step along −∇f lowers the loss even after ${MAX_HALVINGS} halvings of ε: the point is (numerically) stationary.`,
            ko: `ε을 ${MAX_HALVINGS}번 절반으로 줄여도 −∇f 방향으로 손실이 줄지 않습니다. 이 점은 (수치적으로) 정류점입니다.`,
          },
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
      stop: {
        en: `The Hessian at step ${ctx.k} is singular, so H⁻¹∇f does not exist; Newton's method stops here. Try gradient descent, or another start.`,
        ko: `${ctx.k}단계의 헤시안이 특이 행렬이라 H⁻¹∇f가 존재하지 않아 뉴턴 방법을 멈춥니다. 경사하강법이나 다른 시작점을 시도해 보세요.`,
      },
    };
  }
  if (!isPositiveDefinite(h, n)) {
    notes.push({
      en: `The Hessian at step ${ctx.k} is not positive definite: the Newton step heads for a saddle point or a maximum, not necessarily downhill.`,
      ko: `${ctx.k}단계의 헤시안이 양의 정부호가 아니므로 뉴턴 단계가 내리막이 아니라 안장점이나 극댓값으로 향할 수 있습니다.`,
    });
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
    name: { en: 'Gradient descent', ko: '경사하강법' },
    summary: {
      en: 'Step against the gradient with a constant learning rate.',
      ko: '일정한 학습률로 기울기의 반대 방향으로 이동합니다.',
    },
    hyper: [],
    conventions: everywhere(GD_VARIANT),
  },
  {
    id: 'momentum',
    aliases: [],
    name: { en: 'Momentum', ko: '모멘텀' },
    summary: {
      en: 'Accumulate a velocity from recent gradients and move with it.',
      ko: '최근 기울기를 누적한 속도로 이동합니다.',
    },
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
    name: { en: 'Nesterov momentum', ko: '네스테로프 모멘텀' },
    summary: {
      en: 'Momentum with the gradient taken where the velocity is about to carry you.',
      ko: '속도가 데려갈 지점에서 기울기를 구하는 모멘텀입니다.',
    },
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
    name: { en: 'Adagrad', ko: 'Adagrad' },
    summary: {
      en: 'Scale each coordinate’s rate by the inverse root of its accumulated squared gradients.',
      ko: '누적된 제곱 기울기의 제곱근에 반비례하도록 좌표마다 학습률을 조절합니다.',
    },
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
    name: { en: 'RMSProp', ko: 'RMSProp' },
    summary: {
      en: 'Like Adagrad, but with an exponentially decaying (short-term) average of squared gradients.',
      ko: 'Adagrad와 같지만 제곱 기울기의 지수 이동 평균(단기 누적)을 씁니다.',
    },
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
    name: { en: 'Adam', ko: 'Adam' },
    summary: {
      en: 'Momentum on the gradient and RMSProp on its square, both bias-corrected.',
      ko: '기울기에는 모멘텀을, 제곱 기울기에는 RMSProp을 적용하고 둘 다 편향을 보정합니다.',
    },
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
    name: { en: 'Gradient descent with step halving', ko: '학습률 반감 경사하강법' },
    summary: {
      en: 'If a step would raise the loss, halve ε and try again; the smaller ε is kept.',
      ko: '이동하면 손실이 커질 때 ε을 절반으로 줄여 다시 시도하고, 줄인 ε을 계속 씁니다.',
    },
    hyper: [],
    conventions: everywhere({
      defaults: {},
      state: [
        { id: 'eps', symbol: '\\varepsilon', name: { en: 'learning rate in use', ko: '현재 학습률' }, scalar: true },
      ],
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
    name: { en: 'Newton’s method', ko: '뉴턴 방법' },
    summary: {
      en: 'Step to the minimum of the local quadratic model: w ← w − H⁻¹∇f.',
      ko: '국소 2차 근사의 최솟점으로 이동합니다: w ← w − H⁻¹∇f.',
    },
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
