import type { Hold, HoldLine, HoldStatus, StockLevel, StockMovement, StockMovementType } from '@commerce/contracts/inventory';
import { isLowStock, type StockCounters } from '../../domain/stock-counters.js';

export interface StockRow {
  sku: string;
  on_hand: number;
  available: number;
  held: number;
  confirmed: number;
  allocated: number;
  low_stock_threshold: number;
  version: number;
  updated_at: string;
}

export interface HoldRow {
  hold_id: string;
  owner: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

export interface HoldLineRow {
  hold_id: string;
  sku: string;
  quantity: number;
  status: HoldStatus;
  supplier_id: string | null;
}

export interface JournalRow {
  seq: number;
  sku: string;
  type: StockMovementType;
  hold_id: string | null;
  quantity: number;
  on_hand_delta: number;
  available_delta: number;
  held_delta: number;
  confirmed_delta: number;
  allocated_delta: number;
  reason: string | null;
  at: string;
}

export const countersOf = (row: StockRow): StockCounters => ({
  onHand: row.on_hand,
  available: row.available,
  held: row.held,
  confirmed: row.confirmed,
  allocated: row.allocated,
});

export function toStockLevel(row: StockRow): StockLevel {
  return {
    sku: row.sku,
    ...countersOf(row),
    lowStockThreshold: row.low_stock_threshold,
    lowStock: isLowStock(row.available, row.low_stock_threshold),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function toHoldLine(row: HoldLineRow): HoldLine {
  return {
    sku: row.sku,
    quantity: row.quantity,
    status: row.status,
    ...(row.supplier_id === null ? {} : { supplierId: row.supplier_id }),
  };
}

export function toHold(row: HoldRow, lines: readonly HoldLineRow[]): Hold {
  return {
    holdId: row.hold_id,
    owner: row.owner,
    lines: lines.map(toHoldLine),
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMovement(row: JournalRow): StockMovement {
  return {
    seq: row.seq,
    sku: row.sku,
    type: row.type,
    ...(row.hold_id === null ? {} : { holdId: row.hold_id }),
    quantity: row.quantity,
    onHandDelta: row.on_hand_delta,
    availableDelta: row.available_delta,
    heldDelta: row.held_delta,
    confirmedDelta: row.confirmed_delta,
    allocatedDelta: row.allocated_delta,
    ...(row.reason === null ? {} : { reason: row.reason }),
    at: row.at,
  };
}
