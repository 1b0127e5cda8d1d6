import type { types } from 'cassandra-driver';

export type CqlRow = types.Row;

function fail(column: string, value: unknown, expected: string): never {
  throw new TypeError(
    `column ${column}: expected ${expected}, got ${value === null ? 'null' : typeof value}`,
  );
}

export function text(row: CqlRow, column: string): string {
  const value = row.get(column) as unknown;
  return typeof value === 'string' ? value : fail(column, value, 'text');
}

export function optInt(row: CqlRow, column: string): number | null {
  const value = row.get(column) as unknown;
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : fail(column, value, 'an int');
}

/** A timestamp column as an ISO-8601 string (Cassandra keeps milliseconds, as our timestamps do). */
export function optIso(row: CqlRow, column: string): string | null {
  const value = row.get(column) as unknown;
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : fail(column, value, 'a timestamp');
}

export function iso(row: CqlRow, column: string): string {
  return optIso(row, column) ?? fail(column, null, 'a timestamp');
}

/** An ISO-8601 string as the Date a timestamp column takes (refused when it is not a time). */
export function toDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new RangeError(`not a timestamp: ${JSON.stringify(value)}`);
  return date;
}
