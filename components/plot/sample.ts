/** A function of one real variable, as the plots use it (NaN where undefined). */
export type RealFunction = (x: number) => number;

/** Points of y = f(x) on [x0, x1], broken into runs where f is finite. */
export function sampleCurve(fn: RealFunction, x0: number, x1: number, count = 400): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 0; i <= count; i++) {
    const x = x0 + ((x1 - x0) * i) / count;
    const y = fn(x);
    if (Number.isFinite(y)) run.push([x, y]);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * A y range that shows the curves without letting a pole (1/x near 0) flatten
 * everything else: the 2nd–98th percentile of the sampled values, padded, and
 * widened to include the points that must stay visible.
 */
export function niceYRange(
  runs: readonly (readonly [number, number])[][],
  mustShow: readonly number[] = [],
): [number, number] {
  const ys = runs
    .flat()
    .map((p) => p[1])
    .sort((a, b) => a - b);
  let lo = ys.length ? (ys[Math.floor(ys.length * 0.02)] as number) : -1;
  let hi = ys.length ? (ys[Math.min(ys.length - 1, Math.ceil(ys.length * 0.98))] as number) : 1;
  for (const y of mustShow) {
    if (Number.isFinite(y)) {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
  }
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/** Splits a run of points where it jumps off the visible range (vertical asymptotes). */
export function clipRuns(runs: readonly [number, number][][], yMin: number, yMax: number): [number, number][][] {
  const span = yMax - yMin;
  const out: [number, number][][] = [];
  for (const run of runs) {
    let current: [number, number][] = [];
    for (let i = 0; i < run.length; i++) {
      const p = run[i] as [number, number];
      const prev = run[i - 1];
      if (prev && Math.abs(p[1] - prev[1]) > span * 4) {
        if (current.length) out.push(current);
        current = [];
      }
      current.push([p[0], Math.max(yMin - span, Math.min(yMax + span, p[1]))]);
    }
    if (current.length) out.push(current);
  }
  return out;
}

/**
 * The part of [lo, hi] where f is real: the window is narrowed on each side where
 * f is undefined at its edge (sqrt(1 − x²) on [−5, 5] → about [−1.05, 1.05]).
 * The whole window when f is real at both edges or nowhere.
 */
export function realRange(fn: RealFunction, lo = -5, hi = 5, count = 400): [number, number] {
  let first = -1;
  let last = -1;
  const at = (i: number) => lo + ((hi - lo) * i) / count;
  for (let i = 0; i <= count; i++) {
    if (Number.isFinite(fn(at(i)))) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return [lo, hi];
  const a = at(first);
  const b = at(last);
  const pad = Math.max((b - a) * 0.05, (hi - lo) / count);
  return [first === 0 ? lo : Math.max(lo, a - pad), last === count ? hi : Math.min(hi, b + pad)];
}

/**
 * A tangent point inside the range where f and its slope are real, away from the
 * edge of f's domain: `preferred` when it is such a point, else the nearest one.
 */
export function probePoint(fn: RealFunction, slope: RealFunction, lo: number, hi: number, preferred = 1): number {
  const ok = (x: number) => {
    const h = (hi - lo) / 100;
    return [fn(x), slope(x), fn(x - h), fn(x + h)].every(Number.isFinite);
  };
  const [a, b] = realRange(fn, lo, hi);
  const inset = (b - a) * 0.1;
  const inner: [number, number] = [a + inset, b - inset];
  if (preferred >= inner[0] && preferred <= inner[1] && ok(preferred)) return preferred;
  const grid = Array.from({ length: 41 }, (_, i) => inner[0] + ((inner[1] - inner[0]) * i) / 40)
    .map((x) => Number.parseFloat(x.toPrecision(3)))
    .sort((p, q) => Math.abs(p - preferred) - Math.abs(q - preferred));
  return grid.find(ok) ?? (lo + hi) / 2;
}
