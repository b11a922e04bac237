/**
 * Numbers as a student reads them: up to six significant digits, exact integers as
 * integers, powers of ten for very small or very large magnitudes.
 */

const SIGNIFICANT = 6;

/** Plain text: `3.2`, `-0.4`, `1e-8`, `1.23457e+12`. */
export function formatNumber(value: number, digits = SIGNIFICANT): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0) || value === 0) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e15) return trimZeros(value.toPrecision(digits));
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e') as [string, string];
  return `${trimZeros(mantissa)}e${exponent}`;
}

function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/\.?0+$/, '');
}

/** TeX: `3.2`, `-0.4`, `10^{-8}`, `1.5\times 10^{-8}`, `\text{NaN}`. */
export function texNumber(value: number, digits = SIGNIFICANT): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  const text = formatNumber(value, digits);
  const match = /^(-?)([0-9.]+)e([+-])([0-9]+)$/.exec(text);
  if (!match) return text;
  const [, sign, mantissa, expSign, expDigits] = match as unknown as [string, string, string, string, string];
  const power = `10^{${expSign === '-' ? '-' : ''}${expDigits}}`;
  return mantissa === '1' ? `${sign}${power}` : `${sign}${mantissa}\\times ${power}`;
}

/** A number as an operand inside a formula: negatives and powers of ten in parentheses. */
export function texOperand(value: number): string {
  const tex = texNumber(value);
  return value < 0 || tex.includes('\\times') ? `\\left(${tex}\\right)` : tex;
}

/** A scalar (one parameter) or a column vector. */
export function texVector(values: ArrayLike<number>): string {
  if (values.length === 1) return texNumber(values[0] as number);
  return `\\begin{pmatrix}${Array.from(values, (v) => texNumber(v)).join('\\\\')}\\end{pmatrix}`;
}

/** Like `texVector`, with a negative scalar in parentheses so it can follow an operator. */
export function texVectorOperand(values: ArrayLike<number>): string {
  return values.length === 1 ? texOperand(values[0] as number) : texVector(values);
}

/** An n×n matrix stored row-major. */
export function texMatrix(values: ArrayLike<number>, n: number): string {
  if (n === 1) return texOperand(values[0] as number);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    for (let j = 0; j < n; j++) row.push(texNumber(values[i * n + j] as number));
    rows.push(row.join(' & '));
  }
  return `\\begin{pmatrix}${rows.join('\\\\')}\\end{pmatrix}`;
}

/** `(3.2, 2.72)` or `3.2`: a point in running text. */
export function formatVector(values: ArrayLike<number>): string {
  if (values.length === 1) return formatNumber(values[0] as number);
  return `(${Array.from(values, (v) => formatNumber(v)).join(', ')})`;
}
