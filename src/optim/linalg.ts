/** The little linear algebra Newton's method needs, for small n (row-major n×n matrices). */
import type { Vec } from './types.js';

/** Solves A x = b by Gaussian elimination with partial pivoting; undefined when A is (numerically) singular. */
export function solve(matrix: Vec, rhs: Vec, n: number): Vec | undefined {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  let scale = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  if (!(scale > 0) || !Number.isFinite(scale)) return undefined;
  const tiny = scale * n * 1e-13;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = r;
    if (Math.abs(a[pivot * n + col] as number) <= tiny) return undefined;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = a[col * n + c] as number;
        a[col * n + c] = a[pivot * n + c] as number;
        a[pivot * n + c] = t;
      }
      const t = b[col] as number;
      b[col] = b[pivot] as number;
      b[pivot] = t;
    }
    const p = a[col * n + col] as number;
    for (let r = col + 1; r < n; r++) {
      const factor = (a[r * n + col] as number) / p;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] = (a[r * n + c] as number) - factor * (a[col * n + c] as number);
      b[r] = (b[r] as number) - factor * (b[col] as number);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] as number;
    for (let c = r + 1; c < n; c++) s -= (a[r * n + c] as number) * (x[c] as number);
    x[r] = s / (a[r * n + r] as number);
  }
  return x;
}

/** Whether a symmetric matrix is positive definite (a Cholesky factorisation succeeds). */
export function isPositiveDefinite(matrix: Vec, n: number): boolean {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 0)) return false;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / (l[j * n + j] as number);
      }
    }
  }
  return true;
}
