import type {
  Shipment,
  SupplierOrderRecord,
  SupplierOrderSearchDocument,
  SupplierOrderState,
} from '@commerce/contracts/fulfillment';

/** The parent's and the query's view of a supplier order. */
export function stateOf(record: SupplierOrderRecord): SupplierOrderState {
  return {
    supplierOrderId: record.supplierOrderId,
    supplierId: record.supplier.id,
    strategy: record.strategy,
    status: record.status,
    trackingNumber: record.trackingNumber,
    externalReference: record.externalReference,
    updatedAt: record.updatedAt,
  };
}

/** The `supplier_orders` search document of a record. */
export function searchDocumentOf(record: SupplierOrderRecord): SupplierOrderSearchDocument {
  return {
    supplierOrderId: record.supplierOrderId,
    orderId: record.orderId,
    confirmationNumber: record.confirmationNumber,
    supplierId: record.supplier.id,
    supplierName: record.supplier.name,
    strategy: record.strategy,
    status: record.status,
    trackingNumber: record.trackingNumber,
    externalReference: record.externalReference,
    skus: record.lines.map((line) => line.sku),
    customerEmail: record.customer.email,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
  };
}

/** The shipment of a record that shipped (null before it shipped, or when it never did). */
export function shipmentOf(record: SupplierOrderRecord): Shipment | null {
  const shippedAt = record.history.find((t) => t.status === 'shipped')?.at;
  if (shippedAt === undefined || record.trackingNumber === null) return null;
  return {
    supplierOrderId: record.supplierOrderId,
    orderId: record.orderId,
    supplierId: record.supplier.id,
    trackingNumber: record.trackingNumber,
    carrier: record.carrier ?? 'unknown',
    shippedAt,
    deliveredAt: record.history.find((t) => t.status === 'delivered')?.at ?? null,
  };
}
