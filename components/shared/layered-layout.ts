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
}

export interface LayoutSizes {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly columnGap: number;
  readonly rowGap: number;
}

export function layeredLayout(graph: LayoutInput, sizes: LayoutSizes): Layout {
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
  const pitchX = sizes.nodeWidth + sizes.columnGap;
  const pitchY = sizes.nodeHeight + sizes.rowGap;
  const height = rows * pitchY - sizes.rowGap;
  const x: number[] = [];
  const y: number[] = [];
  byColumn.forEach((col, c) => {
    const offset = (height - (col.length * pitchY - sizes.rowGap)) / 2;
    col.forEach((id, k) => {
      x[id] = c * pitchX + sizes.nodeWidth / 2;
      y[id] = offset + k * pitchY + sizes.nodeHeight / 2;
    });
  });
  return { x, y, width: columns * pitchX - sizes.columnGap, height };
}
