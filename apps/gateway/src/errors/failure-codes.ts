import { InventoryFailure, type InventoryFailureType } from '@commerce/contracts/inventory';
import type { ErrorCode } from './error-catalogue.js';

/**
 * The one table from a Temporal ApplicationFailure `type` (raised by a domain worker) to the
 * gateway's error code, whose HTTP status the catalogue holds. A failure type missing here is
 * unexpected and becomes a 500.
 */
export const FAILURE_TYPE_CODES: Readonly<Record<InventoryFailureType, ErrorCode>> = {
  [InventoryFailure.InsufficientStock]: 'insufficient_stock',
  [InventoryFailure.UnknownSku]: 'sku_not_found',
  [InventoryFailure.HoldNotFound]: 'hold_not_found',
  [InventoryFailure.HoldExpired]: 'hold_expired',
  [InventoryFailure.InvalidHoldTransition]: 'invalid_hold_transition',
  [InventoryFailure.HoldConflict]: 'hold_conflict',
  [InventoryFailure.StockBelowReserved]: 'stock_below_reserved',
  [InventoryFailure.InvalidCatalogSource]: 'invalid_catalog_source',
  [InventoryFailure.InvalidInput]: 'invalid_inventory_input',
};

export function codeForFailureType(type: string | undefined | null): ErrorCode | undefined {
  if (!type) return undefined;
  return Object.hasOwn(FAILURE_TYPE_CODES, type)
    ? FAILURE_TYPE_CODES[type as InventoryFailureType]
    : undefined;
}
