import { InventoryFailure } from '@commerce/contracts/inventory';
import { InventoryError } from '../domain/inventory-error.js';

/**
 * Stored timestamps are `toISOString()` strings so SQL can compare them as text; every `now`
 * entering the adapter is brought to that exact form (and refused when it is not a time).
 */
export function normalizeTimestamp(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InventoryError(InventoryFailure.InvalidInput, `not a timestamp: ${JSON.stringify(value)}`, { value });
  return new Date(ms).toISOString();
}
