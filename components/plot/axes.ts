import type { ScaleLinear } from 'd3-scale';
import { type SVGTemplateResult, svg } from 'lit';

/** Formats a tick value without float noise (0.30000000000000004 → 0.3). */
export function formatTick(value: number): string {
  return String(Number.parseFloat(value.toPrecision(6)));
}

/** Axes, grid lines and tick labels for a plot area, as an SVG fragment. */
export function axesTemplate(
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  labels: { x?: string; y?: string } = {},
): SVGTemplateResult {
  const [left, right] = x.range() as [number, number];
  const [bottom, top] = y.range() as [number, number];
  const xTicks = x.ticks(Math.max(2, Math.floor((right - left) / 70)));
  const yTicks = y.ticks(Math.max(2, Math.floor((bottom - top) / 45)));
  const [xd0, xd1] = x.domain() as [number, number];
  const [yd0, yd1] = y.domain() as [number, number];
  // Axis lines sit at zero when zero is in view, else at the plot's edge.
  const axisY = yd0 <= 0 && yd1 >= 0 ? y(0) : bottom;
  const axisX = xd0 <= 0 && xd1 >= 0 ? x(0) : left;
  return svg`
    <g class="grid" aria-hidden="true">
      ${xTicks.map((t) => svg`<line x1=${x(t)} x2=${x(t)} y1=${top} y2=${bottom}></line>`)}
      ${yTicks.map((t) => svg`<line x1=${left} x2=${right} y1=${y(t)} y2=${y(t)}></line>`)}
    </g>
    <g class="axis" aria-hidden="true">
      <line x1=${left} x2=${right} y1=${axisY} y2=${axisY}></line>
      <line x1=${axisX} x2=${axisX} y1=${top} y2=${bottom}></line>
      ${xTicks.map((t) => svg`<text class="tick" x=${x(t)} y=${bottom + 14} text-anchor="middle">${formatTick(t)}</text>`)}
      ${yTicks.map((t) => svg`<text class="tick" x=${left - 6} y=${y(t) + 4} text-anchor="end">${formatTick(t)}</text>`)}
      ${labels.x ? svg`<text class="label" x=${right} y=${bottom + 28} text-anchor="end">${labels.x}</text>` : null}
      ${labels.y ? svg`<text class="label" x=${left} y=${top - 6} text-anchor="start">${labels.y}</text>` : null}
    </g>`;
}
