/** Reads a "xmin,xmax,ymin,ymax" attribute; anything malformed falls back to [-5, 5]². */
export function parseDomain(value: string | null): number[] {
  const parts = (value ?? '').split(',').map((p) => Number(p.trim()));
  const [a, b, c, d] = parts as [number, number, number, number];
  return parts.length === 4 && parts.every(Number.isFinite) && a < b && c < d ? parts : [-5, 5, -5, 5];
}
