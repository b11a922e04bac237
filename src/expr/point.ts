/**
 * A point written as text: `w=0.5, b=0.1, x=2`, as an attribute or a command-line value gives
 * the values of names (a graph's inputs, a function's parameters for a plot or an optimizer).
 */
import { GradstepError } from '../errors.js';

/** Reads `w=0.5, b=0.1, x=2` as a point; refuses anything else (a name twice, a value that is not a finite number). */
export function readPoint(text: string): Record<string, number> {
  const point: Record<string, number> = {};
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(\S+)\s*$/.exec(part);
    const value = m && m[2] !== undefined ? Number(m[2]) : Number.NaN;
    if (!m || !Number.isFinite(value) || Object.hasOwn(point, m[1] as string)) {
      const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      throw new GradstepError('graph/bad-point', { text: shown });
    }
    point[m[1] as string] = value;
  }
  return point;
}
