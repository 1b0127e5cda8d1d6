import { types } from 'cassandra-driver';

export type CqlRow = types.Row;

/** A column's value as `unknown` (the driver types it `any`). */
const valueOf = (row: CqlRow, column: string): unknown => row.get(column) as unknown;

function fail(column: string, value: unknown, expected: string): never {
  throw new TypeError(`column ${column}: expected ${expected}, got ${value === null ? 'null' : typeof value}`);
}

export function optText(row: CqlRow, column: string): string | null {
  const value = valueOf(row, column);
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : fail(column, value, 'text');
}

export function text(row: CqlRow, column: string): string {
  return optText(row, column) ?? fail(column, null, 'text');
}

/** int and bigint columns (bigint arrives as a driver Long; our bigints stay below 2^53). */
export function optInt(row: CqlRow, column: string): number | null {
  const value = valueOf(row, column);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (value instanceof types.Long) return value.toNumber();
  return fail(column, value, 'an integer');
}

export function int(row: CqlRow, column: string): number {
  return optInt(row, column) ?? fail(column, null, 'an integer');
}

export function optBool(row: CqlRow, column: string): boolean | null {
  const value = valueOf(row, column);
  if (value === null || value === undefined) return null;
  return typeof value === 'boolean' ? value : fail(column, value, 'a boolean');
}

/** A timestamp column as an ISO-8601 string (Cassandra keeps milliseconds, as our timestamps do). */
export function optIso(row: CqlRow, column: string): string | null {
  const value = valueOf(row, column);
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : fail(column, value, 'a timestamp');
}

export function iso(row: CqlRow, column: string): string {
  return optIso(row, column) ?? fail(column, null, 'a timestamp');
}
