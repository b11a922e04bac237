/**
 * Long paths (a race of eight optimizers over 300 steps) drawn without thousands of nodes: a
 * path of up to `MOST_MARKERS` points gets a marker (and a tooltip) at every point; a longer one
 * is a line through every point with markers at the first, the last and evenly spaced points
 * between. The history table and the stepper still give every point.
 */

/** Most markers one path draws. */
export const MOST_MARKERS = 40;

/** Whether the path of `n` points draws every point as a marker. */
export function marksEvery(n: number, most = MOST_MARKERS): boolean {
  return n <= most;
}

/** The indices (0 … n − 1) that get a marker: all of a short path; of a long one, evenly spaced with both ends. */
export function markedIndices(n: number, most = MOST_MARKERS): ReadonlySet<number> {
  if (marksEvery(n, most)) return new Set(Array.from({ length: n }, (_, i) => i));
  const marked = new Set<number>();
  for (let j = 0; j < most; j++) marked.add(Math.round((j * (n - 1)) / (most - 1)));
  return marked;
}
