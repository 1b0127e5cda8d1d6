// The inventory domain's contribution to the gateway's failure table: which public error code an
// ApplicationFailure type raised by inventory activities and workflows stands for. Pure data,
// workflow-safe; the gateway's error catalogue keeps each code's HTTP status and title.
import type { InventoryFailureType } from './index.js';

export const INVENTORY_FAILURE_CODES = {
  InsufficientStockError: 'insufficient_stock',
  UnknownSkuError: 'sku_not_found',
  HoldNotFoundError: 'hold_not_found',
  HoldExpiredError: 'hold_expired',
  InvalidHoldTransitionError: 'invalid_hold_transition',
  HoldConflictError: 'hold_conflict',
  StockBelowReservedError: 'stock_below_reserved',
  InvalidCatalogSourceError: 'invalid_catalog_source',
  InvalidInventoryInputError: 'invalid_inventory_input',
} as const satisfies { readonly [T in InventoryFailureType]?: string };
