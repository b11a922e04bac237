/**
 * Places point labels (x₀, x₁, …) so that no two overlap: each label tries a few
 * positions around its point and keeps the first whose box is free and inside the
 * plot; a label with no free position is dropped (the history table lists them
 * all). The first and the last label go first, then the others from the newest
 * back, so a long run keeps its ends readable and thins its crowded middle.
 */

export interface LabelRequest {
  /** The point, in screen coordinates. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /** Placed before the others (e.g. a point marked at the plot's edge). */
  readonly important?: boolean;
}

export interface PlacedLabel {
  /** Index into the requests. */
  readonly index: number;
  readonly text: string;
  /** Text position (start anchor, alphabetic baseline). */
  readonly x: number;
  readonly y: number;
  readonly box: Box;
  /** A line from the point to its label, when the label sits farther out than its neighbours' would. */
  readonly leader?: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Font size of the labels in px; widths are estimated on the generous side so estimates never undercut. */
const FONT = 12;
const CHAR_WIDTH = 0.68 * FONT;
const ASCENT = 0.95 * FONT;
const DESCENT = 0.3 * FONT;

/** Hangul, CJK and full-width forms: about one em wide each. */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** An upper bound of a label's rendered width (subscript digits are narrower, counted as full; Korean as 1 em). */
export function labelWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (WIDE.test(ch) ? FONT : CHAR_WIDTH), 0) + 2;
}

/** Offsets of the text's start and baseline from the point: above right first, then the other sides. */
const CANDIDATES: readonly ((w: number) => readonly [number, number])[] = [
  () => [6, -7],
  (w) => [-6 - w, -7],
  () => [6, 7 + ASCENT],
  (w) => [-6 - w, 7 + ASCENT],
  () => [8, ASCENT / 2 - 1],
  (w) => [-8 - w, ASCENT / 2 - 1],
  (w) => [-w / 2, -10],
  (w) => [-w / 2, 10 + ASCENT],
  // Farther out, for a long label among many points (a leader-free offset, still next to its point).
  (w) => [-w / 2, -24],
  (w) => [-w / 2, 24 + ASCENT],
  (w) => [-w / 2, -38],
  (w) => [-w / 2, 38 + ASCENT],
  (w) => [-w / 2, -52],
  // A marker's long label over a dense row of points (a grid on a narrow phone plot) clears them higher up.
  (w) => [-w / 2, -66],
  (w) => [-w / 2, -80],
];

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The order in which labels claim space: important ones, the last, the first, then newest to oldest. */
function claimOrder(requests: readonly LabelRequest[]): number[] {
  const n = requests.length;
  const order: number[] = [];
  const push = (i: number) => {
    if (i >= 0 && i < n && !order.includes(i) && requests[i]?.text) order.push(i);
  };
  requests.forEach((r, i) => {
    if (r.important) push(i);
  });
  push(n - 1);
  push(0);
  for (let i = n - 2; i > 0; i--) push(i);
  return order;
}

/**
 * Chooses positions for the labels inside `bounds`, avoiding each other and the
 * given obstacles (e.g. the points themselves, as small boxes).
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  bounds: Box,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const index of claimOrder(requests)) {
    const r = requests[index] as LabelRequest;
    const w = labelWidth(r.text);
    // Prefer a spot clear of the points too; else the spot clear of the other labels that covers the fewest points.
    let chosen: PlacedLabel | undefined;
    let covered = Number.POSITIVE_INFINITY;
    for (const candidate of CANDIDATES) {
      const [dx, dy] = candidate(w);
      const x = r.x + dx;
      const y = r.y + dy;
      const box = { left: x, top: y - ASCENT, right: x + w, bottom: y + DESCENT };
      if (box.left < bounds.left || box.right > bounds.right || box.top < bounds.top || box.bottom > bounds.bottom)
        continue;
      if (placed.some((p) => overlaps(p.box, box))) continue;
      const n = obstacles.filter((o) => overlaps(o, box)).length;
      if (n < covered) {
        chosen = { index, text: r.text, x, y, box, ...leaderTo(r, box) };
        covered = n;
        if (n === 0) break;
      }
    }
    if (chosen) placed.push(chosen);
  }
  return placed.sort((a, b) => a.index - b.index);
}

/** Past this distance from its point a label gets a leader line, so that it still reads as the point's. */
const LEADER_FROM = 20;

function leaderTo(r: LabelRequest, box: Box): Pick<PlacedLabel, 'leader'> {
  const above = box.bottom < r.y;
  const gap = above ? r.y - box.bottom : box.top - r.y;
  if (gap < LEADER_FROM) return {};
  const x2 = Math.min(box.right, Math.max(box.left, r.x));
  return { leader: { x1: r.x, y1: above ? r.y - 6 : r.y + 6, x2, y2: above ? box.bottom + 1 : box.top - 1 } };
}

/** A small square around a point, as an obstacle for labels. */
export function pointBox(x: number, y: number, r = 4): Box {
  return { left: x - r, top: y - r, right: x + r, bottom: y + r };
}
