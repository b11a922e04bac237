/**
 * A small benchmark harness: median time per call over repeated batches, so
 * figures can be reported as ratios against a baseline measured in the same run.
 */
export interface Measurement {
  readonly name: string;
  /** Median microseconds per call. */
  readonly medianUs: number;
  /** Slowest batch's microseconds per call. */
  readonly maxUs: number;
}

/**
 * What a batch is timed by: `wall` (performance.now) or `cpu` (this process's user + system
 * time, so time spent waiting for a core on a loaded machine is left out).
 */
export type Clock = 'wall' | 'cpu';

interface MeasureOptions {
  readonly batches?: number;
  readonly minBatchMs?: number;
  readonly clock?: Clock;
}

/** Microseconds per call of `fn`: the median and slowest over batches of the size that takes `minBatchMs`. */
export function measure(
  name: string,
  fn: () => unknown,
  { batches = 15, minBatchMs = 20, clock = 'wall' }: MeasureOptions = {},
): Measurement {
  // Warm up and find a batch size that takes at least minBatchMs.
  let perBatch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    if (performance.now() - t0 >= minBatchMs || perBatch > 1e7) break;
    perBatch *= 2;
  }
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    if (clock === 'cpu') {
      const c0 = process.cpuUsage();
      for (let i = 0; i < perBatch; i++) fn();
      const c = process.cpuUsage(c0);
      samples.push((c.user + c.system) / perBatch);
    } else {
      const t0 = performance.now();
      for (let i = 0; i < perBatch; i++) fn();
      samples.push(((performance.now() - t0) * 1000) / perBatch);
    }
  }
  samples.sort((a, b) => a - b);
  return { name, medianUs: samples[Math.floor(samples.length / 2)] as number, maxUs: samples.at(-1) as number };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export function formatUs(us: number): string {
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(us < 10 ? 2 : 1)} µs`;
}

/** A Markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
