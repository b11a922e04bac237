/**
 * Reads a "xmin,xmax,ymin,ymax" attribute; anything malformed, any value outside
 * [-10⁶, 10⁶] (see `SHARED_LIMITS.domain`) or an empty range falls back to [-5, 5]².
 */
export function parseDomain(value: string | null): number[] {
  const parts = (value ?? '').split(',').map((p) => Number(p.trim()));
  const [a, b, c, d] = parts as [number, number, number, number];
  return parts.length === 4 && parts.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e6) && a < b && c < d
    ? parts
    : [-5, 5, -5, 5];
}
