import type { OrderView, PlacedOrder } from '@commerce/contracts/oms';

/** The view of a freshly placed order: status placed, nothing routed, returned or refunded yet. */
export function initialOrderView(order: PlacedOrder, now: string): OrderView {
  return {
    ...order,
    status: 'placed',
    supplierOrders: [],
    returns: [],
    refunded: { amount: 0, currency: order.totals.total.currency },
    deliveredAt: null,
    returnWindowEndsAt: null,
    completedAt: null,
    updatedAt: now,
    version: 1,
  };
}
