/**
 * Chooses the window of a contour map: the whole path with a margin, and the
 * lowest point of the function near it (up to 8× the first search radius away)
 * when that is a real (interior) minimum, so a run that stops short still shows
 * where it was heading.
 */
import type { RealFunction2 } from './contour.js';

const LIMIT = 1e6;

function span(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}

/**
 * The lowest sampled point of `fn` in the rectangle, when it lies inside (not on
 * the border, where a function that falls without bound would put it).
 */
export function interiorMinimum(
  fn: RealFunction2,
  rect: readonly [number, number, number, number],
  n = 48,
): [number, number] | undefined {
  const [x0, x1, y0, y1] = rect;
  let best = Number.POSITIVE_INFINITY;
  let at: [number, number] | undefined;
  let onBorder = false;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) {
      const x = x0 + ((x1 - x0) * i) / n;
      const y = y0 + ((y1 - y0) * j) / n;
      const v = fn(x, y);
      if (Number.isFinite(v) && v < best) {
        best = v;
        at = [x, y];
        onBorder = i === 0 || j === 0 || i === n || j === n;
      }
    }
  }
  return at && !onBorder ? at : undefined;
}

/** "xmin,xmax,ymin,ymax" around the points (and the minimum near them), as numbers. */
export function fitDomain(
  fn: RealFunction2 | undefined,
  points: readonly (readonly number[])[],
): [number, number, number, number] {
  const pts = points.filter(
    (p) =>
      Number.isFinite(p[0]) &&
      Number.isFinite(p[1]) &&
      Math.abs(p[0] as number) < LIMIT &&
      Math.abs(p[1] as number) < LIMIT,
  ) as (readonly [number, number])[];
  if (!pts.length) return [-5, 5, -5, 5];
  let [xa, xb] = span(pts.map((p) => p[0]));
  let [ya, yb] = span(pts.map((p) => p[1]));
  if (fn) {
    // Look around the path, at least 3 units and 1.5 path-widths each way; when the lowest point
    // there is on the border (a run that stopped short of a far minimum), look twice, four and
    // eight times as far, so the map shows where the run was heading.
    const rx = Math.max(3, (xb - xa) * 1.5);
    const ry = Math.max(3, (yb - ya) * 1.5);
    let min: [number, number] | undefined;
    for (let k = 1; k <= 8 && !min; k *= 2) {
      min = interiorMinimum(fn, [xa - k * rx, xb + k * rx, ya - k * ry, yb + k * ry]);
    }
    if (min) {
      xa = Math.min(xa, min[0]);
      xb = Math.max(xb, min[0]);
      ya = Math.min(ya, min[1]);
      yb = Math.max(yb, min[1]);
    }
  }
  const px = Math.max(1, (xb - xa) * 0.25);
  const py = Math.max(1, (yb - ya) * 0.25);
  return [xa - px, xb + px, ya - py, yb + py];
}

/** Widens the shorter side of a domain so one unit is as long on both axes in a w × h pixel area. */
export function equalAxes(
  domain: readonly [number, number, number, number],
  width: number,
  height: number,
): [number, number, number, number] {
  const [x0, x1, y0, y1] = domain;
  const perPx = Math.max((x1 - x0) / width, (y1 - y0) / height);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return [cx - (perPx * width) / 2, cx + (perPx * width) / 2, cy - (perPx * height) / 2, cy + (perPx * height) / 2];
}
