/**
 * A small layered (Sugiyama-style) layout for computation graphs, left to right:
 * columns by longest path from the leaves (a leaf sits just left of its first
 * use, so data such as `y` is not drawn far from where it enters), order within
 * a column by a few barycentre sweeps to cut crossings, then even spacing.
 *
 * Our own rather than @dagrejs/dagre: dagre's minified build is 17 KB gzip, two
 * thirds of the graph element's 25 KB budget, for graphs of a few dozen nodes.
 */

export interface LayoutInput {
  /** For each node, the nodes it reads (all with smaller ids: a topological order). */
  readonly inputs: readonly (readonly number[])[];
  /** Longest path from a leaf, per node (leaves 0). */
  readonly layer: readonly number[];
}

export interface Layout {
  /** Centre of each node. */
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly width: number;
  readonly height: number;
  /** The column each node is drawn in (0 = leftmost). */
  readonly column: readonly number[];
}

export interface LayoutSizes {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly columnGap: number;
  readonly rowGap: number;
}

/**
 * The layout; `columnGaps[c]`, when given, is the gap just left of column c (for the
 * labels of the edges that end in it), in place of `sizes.columnGap`.
 */
export function layeredLayout(graph: LayoutInput, sizes: LayoutSizes, columnGaps?: readonly number[]): Layout {
  const n = graph.inputs.length;
  const parents: number[][] = Array.from({ length: n }, () => []);
  graph.inputs.forEach((ins, id) => {
    for (const i of ins) parents[i]?.push(id);
  });
  // Leaves move right, next to their first use.
  const column = graph.layer.map((l, id) => {
    if (l > 0 || (parents[id] as number[]).length === 0) return l;
    return Math.max(0, Math.min(...(parents[id] as number[]).map((p) => graph.layer[p] as number)) - 1);
  });
  const columns = Math.max(0, ...column) + 1;
  const byColumn: number[][] = Array.from({ length: columns }, () => []);
  for (let id = 0; id < n; id++) byColumn[column[id] as number]?.push(id);
  const position = new Float64Array(n);
  const place = () => {
    for (const col of byColumn)
      col.forEach((id, k) => {
        position[id] = k;
      });
  };
  place();
  const barycentre = (id: number, towards: readonly number[]): number =>
    towards.length === 0
      ? (position[id] as number)
      : towards.reduce((s, t) => s + (position[t] as number), 0) / towards.length;
  for (let sweep = 0; sweep < 4; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? byColumn.slice(1) : byColumn.slice(0, -1).reverse();
    for (const col of order) {
      const key = new Map(
        col.map((id) => [id, barycentre(id, forward ? (graph.inputs[id] as number[]) : (parents[id] as number[]))]),
      );
      col.sort((a, b) => (key.get(a) as number) - (key.get(b) as number) || a - b);
      col.forEach((id, k) => {
        position[id] = k;
      });
    }
  }
  const rows = Math.max(1, ...byColumn.map((c) => c.length));
  const pitchY = sizes.nodeHeight + sizes.rowGap;
  const height = rows * pitchY - sizes.rowGap;
  const left: number[] = [0];
  for (let c = 1; c < columns; c++) {
    left[c] = (left[c - 1] as number) + sizes.nodeWidth + (columnGaps?.[c] ?? sizes.columnGap);
  }
  const x: number[] = [];
  const y: number[] = [];
  byColumn.forEach((col, c) => {
    const offset = (height - (col.length * pitchY - sizes.rowGap)) / 2;
    col.forEach((id, k) => {
      x[id] = (left[c] as number) + sizes.nodeWidth / 2;
      y[id] = offset + k * pitchY + sizes.nodeHeight / 2;
    });
  });
  return { x, y, width: (left[columns - 1] ?? 0) + sizes.nodeWidth, height, column };
}

/** A label's box: its top-left corner and its size. */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelledLayout extends Layout {
  /**
   * One box per edge, in the gap just left of the edge's target, none overlapping another or a node
   * (an edge whose label is not shown yet gets an empty box where its label will go).
   */
  readonly labels: readonly LabelBox[];
}

/**
 * The layout with a label on every edge: each column gap is made as wide as the
 * widest label of the edges that end in the column after it (plus `padding` on
 * each side, for the edges to bend into and out of the label), and the labels in
 * a gap are stacked without overlap as near as they can be to where their edges
 * pass (a little nearer the target than the source). The drawing grows downwards
 * or upwards as far as the labels need. `labelSize` gives undefined for a label not
 * shown yet: it takes no room, so that a gap widens only once a label appears in it.
 */
export function labelledLayout(
  graph: LayoutInput,
  edges: readonly { readonly from: number; readonly to: number }[],
  sizes: LayoutSizes,
  labelSize: (edge: number) => { readonly width: number; readonly height: number } | undefined,
  { padding = 20, separation = 4 } = {},
): LabelledLayout {
  const first = layeredLayout(graph, sizes);
  const gaps: number[] = [];
  const boxes = edges.map((_, k) => labelSize(k));
  edges.forEach((e, k) => {
    const box = boxes[k];
    if (!box) return;
    const c = first.column[e.to] as number;
    gaps[c] = Math.max(gaps[c] ?? sizes.columnGap, box.width + 2 * padding);
  });
  const lay = layeredLayout(graph, sizes, gaps);
  const byGap = new Map<number, number[]>();
  const ideal = edges.map((e) => 0.35 * (lay.y[e.from] as number) + 0.65 * (lay.y[e.to] as number));
  edges.forEach((e, k) => {
    if (!boxes[k]) return;
    const c = lay.column[e.to] as number;
    const list = byGap.get(c);
    if (list) list.push(k);
    else byGap.set(c, [k]);
  });
  const centreY: number[] = [];
  for (const list of byGap.values()) {
    const placed = pack(
      list.map((k) => ideal[k] as number),
      list.map((k) => (boxes[k] as { height: number }).height),
      separation,
    );
    list.forEach((k, i) => {
      centreY[k] = placed[i] as number;
    });
  }
  let top = 0;
  let bottom = lay.height;
  const labels = edges.map((e, k) => {
    const gapRight = (lay.x[e.to] as number) - sizes.nodeWidth / 2;
    const gap = gaps[lay.column[e.to] as number] ?? sizes.columnGap;
    const box = boxes[k];
    if (!box) return { x: gapRight - gap / 2, y: ideal[k] as number, width: 0, height: 0 };
    const y = (centreY[k] as number) - box.height / 2;
    top = Math.min(top, y);
    bottom = Math.max(bottom, y + box.height);
    return { x: gapRight - gap + (gap - box.width) / 2, y, width: box.width, height: box.height };
  });
  // Everything moves down by as much as the labels rise above the nodes.
  const shift = -top;
  return {
    x: lay.x,
    y: lay.y.map((v) => v + shift),
    width: lay.width,
    height: bottom + shift,
    column: lay.column,
    labels: labels.map((b) => ({ ...b, y: b.y + shift })),
  };
}

/**
 * Centres for boxes of the given heights on a line, in the order of their ideal
 * centres, none overlapping (at least `separation` apart), each run of touching
 * boxes centred on the mean of where its boxes would like to be.
 */
export function pack(ideal: readonly number[], heights: readonly number[], separation: number): number[] {
  const order = ideal.map((_, i) => i).sort((a, b) => (ideal[a] as number) - (ideal[b] as number) || a - b);
  interface Run {
    items: number[];
    top: number;
    height: number;
    /** Sum over the items of (ideal top of the run for that item). */
    wish: number;
  }
  const runs: Run[] = [];
  for (const i of order) {
    const h = heights[i] as number;
    let run: Run = { items: [i], top: (ideal[i] as number) - h / 2, height: h, wish: (ideal[i] as number) - h / 2 };
    for (;;) {
      const before = runs.at(-1);
      if (!before || before.top + before.height + separation <= run.top) break;
      runs.pop();
      // Merge: the later run's items sit below the earlier's; their ideal run tops shift up by that much.
      const offset = before.height + separation;
      const wish = before.wish + run.wish - offset * run.items.length;
      const items = [...before.items, ...run.items];
      run = { items, top: wish / items.length, height: offset + run.height, wish };
    }
    runs.push(run);
  }
  const centre: number[] = new Array(ideal.length);
  for (const run of runs) {
    let y = run.top;
    for (const i of run.items) {
      const h = heights[i] as number;
      centre[i] = y + h / 2;
      y += h + separation;
    }
  }
  return centre;
}
