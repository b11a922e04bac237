/**
 * One scheduler for the work gs- elements do outside their own keystrokes: first renders of
 * elements that come near the viewport (`render-later.ts`) and formulas typeset lazily
 * (`typeset.ts`). Work runs in chunks of about `CHUNK_MS`, and between chunks the scheduler
 * yields to the browser (`scheduler.yield` where there is one, else a macrotask), so a page of
 * hundreds of elements paints and answers input while it renders.
 */

/** Milliseconds of queued work per chunk before yielding (well under the 50 ms of a long task). */
export const CHUNK_MS = 12;

const queue: (() => void)[] = [];
let scheduled = false;

interface YieldingScheduler {
  yield?: () => Promise<void>;
}

function nextTask(fn: () => void): void {
  const s = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof s?.yield === 'function') {
    s.yield().then(fn, fn);
    return;
  }
  // A macrotask, so the browser paints and handles input between chunks.
  setTimeout(fn, 0);
}

function pump(): void {
  scheduled = false;
  const start = performance.now();
  while (queue.length && performance.now() - start < CHUNK_MS) {
    const job = queue.shift() as () => void;
    try {
      job();
    } catch (error) {
      // One failing job must not stop the others; report it as the browser would.
      setTimeout(() => {
        throw error;
      });
    }
  }
  if (queue.length) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  nextTask(pump);
}

/** Runs `job` in a later chunk (in the order queued). */
export function later(job: () => void): void {
  queue.push(job);
  schedule();
}

/** Whether queued work remains. */
export function busy(): boolean {
  return queue.length > 0 || scheduled;
}

/** Resolves once the queue is empty (for tests and benchmarks). */
export async function drained(): Promise<void> {
  while (busy()) await new Promise((r) => setTimeout(r, 5));
}
