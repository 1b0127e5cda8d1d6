// Small statistics and table printing shared by the benchmarks.

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** a / b, or NaN when b is not positive (so a ratio never divides by zero silently). */
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

export interface Column {
  title: string;
  width: number;
}

/** One table row: the first cell left-aligned, the others right-aligned to their column. */
export function tableRow(columns: readonly Column[], cells: readonly string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(columns[0]!.width) : cell.padStart(columns[i]!.width))).join(' ');
}

export function tableHeader(columns: readonly Column[]): string {
  return tableRow(columns, columns.map((c) => c.title));
}

export const fixed = (n: number, digits: number): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
