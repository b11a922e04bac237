import { describe, expect, it } from 'vitest';
import { labelWidth, placeLabels, pointBox } from '../components/plot/labels.js';
import { MOST_MARKERS, markedIndices } from '../components/plot/thin.js';

describe('placeLabels', () => {
  const bounds = { left: 0, top: 0, right: 240, bottom: 200 };

  it('puts a label next to its point when there is room, with no leader', () => {
    const [label] = placeLabels([{ x: 100, y: 100, text: 'x₀' }], bounds, [pointBox(100, 100)]);
    expect(label?.leader).toBeUndefined();
    expect(label && Math.abs(label.y - 100)).toBeLessThan(20);
  });

  it('lifts a long label clear of a dense row of points and draws a leader back to its point', () => {
    // A parabola's grid points either side of the marked minimum, as on a phone-wide plot.
    const points = [-3, -2, -1, 1, 2, 3].map((k) => [120 + 30 * k, 180 - 8 * k * k] as const);
    const obstacles = [...points.map(([x, y]) => pointBox(x, y)), pointBox(120, 180, 5)];
    const text = '격자 최솟값: x = 2';
    const [label] = placeLabels([{ x: 120, y: 180, text, important: true }], bounds, obstacles);
    expect(label).toBeDefined();
    const box = label?.box as NonNullable<typeof label>['box'];
    expect(box.right - box.left).toBe(labelWidth(text));
    expect(
      obstacles.filter((o) => o.left < box.right && box.left < o.right && o.top < box.bottom && box.top < o.bottom),
    ).toEqual([]);
    // Far from its point, so joined to it: from just above the point to the label's underside.
    expect(label?.leader).toEqual({ x1: 120, y1: 174, x2: 120, y2: box.bottom + 1 });
  });
});

describe('markedIndices', () => {
  it('marks every point of a short path, and both ends and evenly spaced points of a long one', () => {
    expect([...markedIndices(5)]).toEqual([0, 1, 2, 3, 4]);
    const long = markedIndices(301);
    expect(long.size).toBe(MOST_MARKERS);
    expect(long.has(0) && long.has(300)).toBe(true);
    const sorted = [...long].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((k, i) => k - (sorted[i] as number));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });
});
