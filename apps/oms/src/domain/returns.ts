import type { Money, OrderLine } from '@commerce/contracts/common';
import type { OrderReturn, ReturnLine, ReturnRequestInput, SupplierOrderView } from '@commerce/contracts/oms';

// Returns as pure rules: what may still be returned, whether a request fits, what it refunds.

/** Returns that still count against what may be returned (everything but denied ones). */
const counts = (r: Pick<OrderReturn, 'status'>): boolean => r.status !== 'denied';

/** Open returns: requested or approved, or received but not yet refunded. */
export function openReturns(returns: readonly Pick<OrderReturn, 'status'>[]): number {
  return returns.filter((r) => r.status === 'requested' || r.status === 'approved' || r.status === 'received').length;
}

/** Units per SKU of the supplier orders that were delivered. */
export function deliveredQuantities(supplierOrders: readonly Pick<SupplierOrderView, 'status' | 'lines'>[]): Map<string, number> {
  const delivered = new Map<string, number>();
  for (const so of supplierOrders) {
    if (so.status !== 'delivered') continue;
    for (const line of so.lines) delivered.set(line.sku, (delivered.get(line.sku) ?? 0) + line.quantity);
  }
  return delivered;
}

/** Units per SKU that may still be returned: delivered minus every non-denied return. */
export function returnableQuantities(
  supplierOrders: readonly Pick<SupplierOrderView, 'status' | 'lines'>[],
  returns: readonly Pick<OrderReturn, 'status' | 'lines'>[],
): Map<string, number> {
  const left = deliveredQuantities(supplierOrders);
  for (const r of returns.filter(counts)) {
    for (const line of r.lines) left.set(line.sku, (left.get(line.sku) ?? 0) - line.quantity);
  }
  return left;
}

/** Why a return request does not fit (InvalidReturnError), or null. */
export function returnRequestProblem(
  request: Pick<ReturnRequestInput, 'returnId' | 'lines'>,
  supplierOrders: readonly Pick<SupplierOrderView, 'status' | 'lines'>[],
  returns: readonly Pick<OrderReturn, 'returnId' | 'status' | 'lines'>[],
): string | null {
  if (returns.some((r) => r.returnId === request.returnId)) return `return ${request.returnId} already exists`;
  const seen = new Set<string>();
  for (const line of request.lines) {
    if (seen.has(line.sku)) return `SKU ${line.sku} is listed twice`;
    seen.add(line.sku);
  }
  const left = returnableQuantities(supplierOrders, returns);
  for (const line of request.lines) {
    const available = left.get(line.sku) ?? 0;
    if (line.quantity > available) {
      return available <= 0
        ? `SKU ${line.sku} has no delivered units left to return`
        : `SKU ${line.sku}: ${line.quantity} requested, only ${available} delivered and not yet returned`;
    }
  }
  return null;
}

/** The value of the returned lines only (unit price × quantity): no shipping, no tax. */
export function refundAmount(lines: readonly OrderLine[], returned: readonly ReturnLine[], currency: string): Money {
  let amount = 0;
  for (const r of returned) {
    // The unit price charged for the SKU (the first line of it; lines of one SKU share a price).
    const line = lines.find((l) => l.sku === r.sku);
    if (line === undefined) throw new Error(`SKU ${r.sku} is not a line of the order`);
    amount += line.unitPrice.amount * r.quantity;
  }
  return { amount, currency };
}

/** True when every ordered unit came back in a refunded return. */
export function everythingReturned(lines: readonly OrderLine[], returns: readonly Pick<OrderReturn, 'status' | 'lines'>[]): boolean {
  const ordered = new Map<string, number>();
  for (const line of lines) ordered.set(line.sku, (ordered.get(line.sku) ?? 0) + line.quantity);
  const back = new Map<string, number>();
  for (const r of returns.filter((x) => x.status === 'refunded')) {
    for (const line of r.lines) back.set(line.sku, (back.get(line.sku) ?? 0) + line.quantity);
  }
  return [...ordered].every(([sku, quantity]) => (back.get(sku) ?? 0) >= quantity);
}
