import type { OrderSearchDocument, OrderView } from '@commerce/contracts/oms';

/** The `orders` search projection's document of an order view. */
export function toOrderSearchDocument(view: OrderView): OrderSearchDocument {
  return {
    orderId: view.orderId,
    confirmationNumber: view.confirmationNumber,
    status: view.status,
    customerId: view.customer.customerId ?? null,
    customerEmail: view.customer.email,
    customerName: view.customer.name,
    total: view.totals.total,
    itemCount: view.lines.reduce((sum, line) => sum + line.quantity, 0),
    skus: [...new Set(view.lines.map((line) => line.sku))],
    suppliers: [...new Set(view.lines.map((line) => line.supplier.id))],
    placedAt: view.placedAt,
    updatedAt: view.updatedAt,
    version: view.version,
  };
}

/** The key of the by-customer view: the customer id, or `email:<address>` for a guest. */
export function customerKeyOf(customer: OrderView['customer']): string {
  return customer.customerId ?? `email:${customer.email.toLowerCase()}`;
}
