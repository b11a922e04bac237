import { contours } from 'd3-contour';

/** A function of two real variables (NaN where undefined). */
export type RealFunction2 = (x: number, y: number) => number;

export interface ContourBand {
  readonly threshold: number;
  /** SVG path data in plot coordinates. */
  readonly d: string;
}

/**
 * Contour bands of f over a rectangle. Thresholds are quantiles of the sampled
 * values, so steep functions (Rosenbrock) still show rings near the minimum.
 */
export function contourBands(
  fn: RealFunction2,
  domain: readonly [number, number, number, number],
  toScreen: (x: number, y: number) => [number, number],
  { resolution = 72, levels = 14 } = {},
): ContourBand[] {
  const [x0, x1, y0, y1] = domain;
  const n = resolution;
  const values = new Array<number>(n * n);
  const finite: number[] = [];
  for (let j = 0; j < n; j++) {
    const y = y0 + ((j + 0.5) * (y1 - y0)) / n;
    for (let i = 0; i < n; i++) {
      const v = fn(x0 + ((i + 0.5) * (x1 - x0)) / n, y);
      values[j * n + i] = v;
      if (Number.isFinite(v)) finite.push(v);
    }
  }
  if (finite.length === 0) return [];
  finite.sort((a, b) => a - b);
  const thresholds = [
    ...new Set(
      Array.from(
        { length: levels },
        (_, k) => finite[Math.floor(((k + 0.5) / levels) ** 2 * (finite.length - 1))] as number,
      ),
    ),
  ];
  // Undefined cells sit above every level so they read as "outside".
  const top = (finite.at(-1) as number) + 1;
  const grid = values.map((v) => (Number.isFinite(v) ? v : top));
  const toPlot = (c: number[]): [number, number] =>
    toScreen(x0 + ((c[0] as number) * (x1 - x0)) / n, y0 + ((c[1] as number) * (y1 - y0)) / n);
  return contours()
    .size([n, n])
    .thresholds(thresholds)(grid)
    .map((g) => ({
      threshold: g.value,
      d: g.coordinates
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              `M${ring
                .map((c) =>
                  toPlot(c)
                    .map((v) => v.toFixed(1))
                    .join(','),
                )
                .join('L')}Z`,
          ),
        )
        .join(''),
    }));
}
