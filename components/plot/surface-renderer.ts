import { scaleLinear } from 'd3-scale';

/**
 * A small canvas renderer for z = f(x, y): shaded quads drawn back to front
 * (painter's algorithm) under a rotatable orthographic camera, plus an optional
 * path on the surface. Plain 2-D canvas, so it works without WebGL.
 * Loaded lazily by gs-surface.
 */

export interface SurfaceView {
  /** Rotation about the vertical axis, radians. */
  readonly azimuth: number;
  /** Tilt towards the viewer, radians. */
  readonly elevation: number;
}

export interface SurfaceScene {
  readonly fn: (x: number, y: number) => number;
  readonly domain: readonly [number, number, number, number];
  readonly path?: readonly (readonly [number, number])[];
  readonly resolution?: number;
  readonly colors: {
    readonly low: string;
    readonly high: string;
    readonly path: string;
    readonly axis: string;
    readonly text?: string;
  };
  /** Axis names (default x, y, z). */
  readonly labels?: { readonly x: string; readonly y: string; readonly z: string };
}

/** What was drawn: the range of z the colours span (for a colour scale). */
export interface SurfaceDrawn {
  readonly zMin: number;
  readonly zMax: number;
}

const tickText = (v: number) => String(Number.parseFloat(v.toPrecision(4)));

interface Quad {
  depth: number;
  points: [number, number][];
  level: number;
}

function parseColor(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return [128, 128, 128];
  const n = Number.parseInt(m[1] as string, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of a height level in [0, 1] (square-root spaced, as the surface is shaded), as CSS. */
export function levelColor(level: number, low: string, high: string): string {
  const a = parseColor(low);
  const b = parseColor(high);
  const t = Math.sqrt(Math.min(1, Math.max(0, level)));
  return `rgb(${a.map((c, k) => Math.round(c + ((b[k] as number) - c) * t)).join(',')})`;
}

/** Draws the scene into the canvas (sized by its CSS box and device pixel ratio). */
export function drawSurface(
  canvas: HTMLCanvasElement,
  scene: SurfaceScene,
  view: SurfaceView,
): SurfaceDrawn | undefined {
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const ratio = globalThis.devicePixelRatio || 1;
  const width = canvas.clientWidth || 400;
  const height = canvas.clientHeight || 320;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);

  const [x0, x1, y0, y1] = scene.domain;
  const n = scene.resolution ?? 36;
  const zs: number[][] = [];
  let zMin = Number.POSITIVE_INFINITY;
  let zMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i <= n; i++) {
    const row: number[] = [];
    for (let j = 0; j <= n; j++) {
      const z = scene.fn(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * j) / n);
      row.push(z);
      if (Number.isFinite(z)) {
        zMin = Math.min(zMin, z);
        zMax = Math.max(zMax, z);
      }
    }
    zs.push(row);
  }
  if (!Number.isFinite(zMin)) return undefined;
  const zSpan = zMax - zMin || 1;

  // Normalised coordinates in [-1, 1]³, then rotate and project orthographically.
  const ca = Math.cos(view.azimuth);
  const sa = Math.sin(view.azimuth);
  const ce = Math.cos(view.elevation);
  const se = Math.sin(view.elevation);
  const scale = Math.min(width, height) * 0.32;
  const project = (u: number, v: number, w: number): [number, number, number] => {
    const rx = u * ca - v * sa;
    const ry = u * sa + v * ca;
    const sy = ry * se + w * ce * 0.8;
    const depth = ry * ce - w * se;
    return [width / 2 + rx * scale, height / 2 - sy * scale, depth];
  };
  const toUnit = (i: number, j: number, z: number): [number, number, number] => [
    (2 * i) / n - 1,
    (2 * j) / n - 1,
    ((z - zMin) / zSpan) * 1.2 - 0.6,
  ];

  // The floor's edges nearest the viewer carry the x and y ticks; the z axis stands at the leftmost corner.
  const floor = -0.6;
  const depthOf = (u: number, v: number) => project(u, v, floor)[2];
  const xEdgeV = depthOf(0, -1) < depthOf(0, 1) ? -1 : 1;
  const yEdgeU = depthOf(-1, 0) < depthOf(1, 0) ? -1 : 1;
  const corners: [number, number][] = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ];
  const zCorner = corners.reduce((best, c) =>
    project(c[0], c[1], floor)[0] < project(best[0], best[1], floor)[0] ? c : best,
  );
  const axisColor = scene.colors.axis;
  const textColor = scene.colors.text ?? axisColor;
  const labels = scene.labels ?? { x: 'x', y: 'y', z: 'z' };
  const line = (a: [number, number, number], b: [number, number, number]) => {
    const p = project(...a);
    const q = project(...b);
    ctx.beginPath();
    ctx.moveTo(p[0], p[1]);
    ctx.lineTo(q[0], q[1]);
    ctx.stroke();
  };
  ctx.strokeStyle = axisColor;
  ctx.lineWidth = 1;
  for (let k = 0; k < 4; k++)
    line([...(corners[k] as [number, number]), floor], [...(corners[(k + 1) % 4] as [number, number]), floor]);
  line([zCorner[0], zCorner[1], floor], [zCorner[0], zCorner[1], 0.6]);

  const quads: Quad[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const corners: [number, number][] = [
        [i, j],
        [i + 1, j],
        [i + 1, j + 1],
        [i, j + 1],
      ];
      const values = corners.map(([a, b]) => zs[a]?.[b] as number);
      if (!values.every(Number.isFinite)) continue;
      const projected = corners.map(([a, b], k) => project(...toUnit(a, b, values[k] as number)));
      quads.push({
        depth: projected.reduce((s, p) => s + p[2], 0) / 4,
        points: projected.map((p) => [p[0], p[1]]),
        level: (values.reduce((s, z) => s + z, 0) / 4 - zMin) / zSpan,
      });
    }
  }
  quads.sort((a, b) => b.depth - a.depth);
  const low = parseColor(scene.colors.low);
  const high = parseColor(scene.colors.high);
  for (const q of quads) {
    const t = Math.sqrt(q.level);
    const rgb = low.map((c, k) => Math.round(c + ((high[k] as number) - c) * t));
    ctx.fillStyle = `rgb(${rgb.join(',')})`;
    ctx.strokeStyle = 'rgba(0,0,0,0.15)';
    ctx.beginPath();
    for (const [k, [px, py]] of q.points.entries()) {
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }

  // Ticks and names, drawn over the surface so they stay readable.
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = textColor;
  ctx.strokeStyle = axisColor;
  const label = (text: string, at: [number, number, number], dx: number, dy: number, align: CanvasTextAlign) => {
    const p = project(...at);
    ctx.textAlign = align;
    ctx.fillText(text, p[0] + dx, p[1] + dy);
  };
  const side = (u: number) => (project(u, 0, floor)[0] < width / 2 ? 'right' : 'left');
  const push = (align: CanvasTextAlign) => (align === 'right' ? -6 : 6);
  for (const t of scaleLinear().domain([x0, x1]).ticks(4)) {
    const u = (2 * (t - x0)) / (x1 - x0) - 1;
    const v = xEdgeV * 1.08;
    line([u, xEdgeV, floor], [u, v, floor]);
    label(tickText(t), [u, xEdgeV * 1.18, floor], 0, 10, 'center');
  }
  for (const t of scaleLinear().domain([y0, y1]).ticks(4)) {
    const v = (2 * (t - y0)) / (y1 - y0) - 1;
    line([yEdgeU, v, floor], [yEdgeU * 1.08, v, floor]);
    label(tickText(t), [yEdgeU * 1.18, v, floor], 0, 10, 'center');
  }
  const zAlign = side(zCorner[0]) === 'right' ? 'right' : 'left';
  for (const t of scaleLinear().domain([zMin, zMax]).ticks(4)) {
    const w = ((t - zMin) / zSpan) * 1.2 - 0.6;
    label(tickText(t), [zCorner[0], zCorner[1], w], push(zAlign), 4, zAlign);
  }
  ctx.font = 'italic 13px system-ui, sans-serif';
  label(labels.x, [0, xEdgeV * 1.42, floor], 0, 12, 'center');
  label(labels.y, [yEdgeU * 1.42, 0, floor], 0, 12, 'center');
  label(labels.z, [zCorner[0], zCorner[1], 0.6], 0, -8, 'center');

  if (scene.path?.length) {
    ctx.strokeStyle = scene.colors.path;
    ctx.fillStyle = scene.colors.path;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    scene.path.forEach(([px, py], k) => {
      const z = scene.fn(px, py);
      const [sx, sy] = project(
        (2 * (px - x0)) / (x1 - x0) - 1,
        (2 * (py - y0)) / (y1 - y0) - 1,
        ((z - zMin) / zSpan) * 1.2 - 0.6 + 0.02,
      );
      if (k === 0) ctx.moveTo(sx, sy);
      else ctx.lineTo(sx, sy);
    });
    ctx.stroke();
  }
  return { zMin, zMax };
}
