import type { OrderLine } from '@commerce/contracts/common';
import type { SupplierAssignments } from '@commerce/contracts/oms';

/** The supplier order id of one supplier's part of an order. */
export const supplierOrderIdOf = (orderId: string, supplierId: string): string => `${orderId}:${supplierId}`;

/**
 * Routes an order's lines to suppliers: one supplier order per supplier (by line.supplier.id,
 * in order of first appearance), its lines merged per SKU. Pure and deterministic.
 */
export function resolveSupplierAssignments(orderId: string, lines: readonly OrderLine[]): SupplierAssignments {
  const bySupplier = new Map<string, { supplier: OrderLine['supplier']; quantities: Map<string, number> }>();
  for (const line of lines) {
    let group = bySupplier.get(line.supplier.id);
    if (group === undefined) {
      group = { supplier: { ...line.supplier }, quantities: new Map() };
      bySupplier.set(line.supplier.id, group);
    }
    group.quantities.set(line.sku, (group.quantities.get(line.sku) ?? 0) + line.quantity);
  }
  return [...bySupplier.values()].map(({ supplier, quantities }) => ({
    supplierOrderId: supplierOrderIdOf(orderId, supplier.id),
    supplier,
    lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
  }));
}
