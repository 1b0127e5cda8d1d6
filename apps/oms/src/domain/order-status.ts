import type { SupplierOrderStatus } from '@commerce/contracts/fulfillment';
import type { OrderStatus, SupplierOrderView } from '@commerce/contracts/oms';

// The order lifecycle as pure functions and tables (no I/O): what the workflow derives from its
// supplier orders, and which status changes an admin may force.

/** The forward path of an order; the exits are cancelled, refunded and returned. */
export const LIFECYCLE: readonly OrderStatus[] = ['placed', 'processing', 'partially_shipped', 'shipped', 'delivered', 'completed'];

const TERMINAL: ReadonlySet<OrderStatus> = new Set(['completed', 'cancelled', 'refunded', 'returned']);

/** No status change follows these: the order workflow ends. */
export function isTerminalStatus(status: OrderStatus): boolean {
  return TERMINAL.has(status);
}

/** Before anything shipped (the saga accepts cancellation until then). */
export function isBeforeShipment(status: OrderStatus): boolean {
  return status === 'placed' || status === 'processing';
}

/** True when `to` is further along the lifecycle than `from` (derived statuses never go back). */
export function isForwardMove(from: OrderStatus, to: OrderStatus): boolean {
  const a = LIFECYCLE.indexOf(from);
  const b = LIFECYCLE.indexOf(to);
  return a >= 0 && b > a;
}

/**
 * The statuses an admin may force from each status (updateOrderStatusUpdate). Forward along the
 * lifecycle (skipping is allowed: a carrier scan may be missing), cancellation before anything
 * shipped, and `completed` only from `delivered` (closing the return window early). `refunded`
 * and `returned` are never forced: they are the result of money actually moving (the saga's
 * compensation, a received return). Terminal statuses have no way out.
 */
export const ADMIN_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['processing', 'partially_shipped', 'shipped', 'delivered', 'cancelled'],
  processing: ['partially_shipped', 'shipped', 'delivered', 'cancelled'],
  partially_shipped: ['shipped', 'delivered'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
  refunded: [],
  returned: [],
};

/** Why an admin may not move the order from `from` to `to`, or null when the lifecycle allows it. */
export function adminTransitionRefusal(from: OrderStatus, to: OrderStatus, context: { openReturns: number; failing: boolean }): string | null {
  if (from === to) return `the order is already ${to}`;
  if (isTerminalStatus(from)) return `the order is ${from}: its status can no longer change`;
  if (context.failing) return 'fulfillment failed: the order is being refunded';
  if (!ADMIN_TRANSITIONS[from].includes(to)) {
    const allowed = ADMIN_TRANSITIONS[from];
    return `${from} → ${to} is not allowed (from ${from}: ${allowed.length > 0 ? allowed.join(', ') : 'nothing'})`;
  }
  if (to === 'completed' && context.openReturns > 0) return `${context.openReturns} return(s) still open: decide or receive them first`;
  return null;
}

const SUPPLIER_RANK: Readonly<Record<SupplierOrderStatus, number>> = {
  pending: 0,
  processing: 1,
  shipped: 2,
  delivered: 3,
  rejected: 4,
  cancelled: 4,
};

/** Supplier orders only move forward; rejected and cancelled are final. */
export function isSupplierProgress(from: SupplierOrderStatus, to: SupplierOrderStatus): boolean {
  return SUPPLIER_RANK[to] > SUPPLIER_RANK[from] && SUPPLIER_RANK[from] < 4;
}

export type DerivedOrderStatus =
  | { kind: 'status'; status: 'placed' | 'processing' | 'partially_shipped' | 'shipped' | 'delivered' }
  | { kind: 'failed'; supplierOrderIds: string[] };

/**
 * The order-level status over ALL its supplier orders:
 * - any rejected (or cancelled while the order itself is not) → the order fails;
 * - all delivered → delivered; all shipped or delivered → shipped;
 * - some shipped or delivered → partially_shipped;
 * - any processing → processing; otherwise (all pending, or none yet) → placed.
 */
export function deriveOrderStatus(supplierOrders: readonly Pick<SupplierOrderView, 'supplierOrderId' | 'status'>[]): DerivedOrderStatus {
  const failed = supplierOrders.filter((s) => s.status === 'rejected' || s.status === 'cancelled');
  if (failed.length > 0) return { kind: 'failed', supplierOrderIds: failed.map((s) => s.supplierOrderId) };
  const count = (...statuses: SupplierOrderStatus[]) => supplierOrders.filter((s) => statuses.includes(s.status)).length;
  const total = supplierOrders.length;
  if (total === 0) return { kind: 'status', status: 'placed' };
  if (count('delivered') === total) return { kind: 'status', status: 'delivered' };
  const shipped = count('shipped', 'delivered');
  if (shipped === total) return { kind: 'status', status: 'shipped' };
  if (shipped > 0) return { kind: 'status', status: 'partially_shipped' };
  if (count('processing') > 0) return { kind: 'status', status: 'processing' };
  return { kind: 'status', status: 'placed' };
}
