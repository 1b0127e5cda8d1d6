import type { OrderLine } from '@commerce/contracts/common';
import type { OrderView, OrderWorkflowInput, PlacedOrder, TimelineEntry } from '@commerce/contracts/oms';

/** An order line of `supplier` (simulated unless said) at `price` minor units. */
export function orderLine(sku: string, quantity: number, price: number, supplier: string, type: OrderLine['supplier']['type'] = 'simulated'): OrderLine {
  return {
    sku,
    quantity,
    unitPrice: { amount: price, currency: 'USD' },
    title: `Product ${sku}`,
    productId: `prod-${sku.toLowerCase()}`,
    supplier: { id: supplier, name: `Supplier ${supplier}`, type },
  };
}

/** A placed order over the lines (totals add up: subtotal + 500 shipping + 10 % tax). */
export function placedOrder(orderId: string, lines: OrderLine[], overrides: Partial<PlacedOrder> = {}): PlacedOrder {
  const subtotal = lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0);
  const tax = Math.round(subtotal / 10);
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  return {
    orderId,
    confirmationNumber: `C${orderId.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.slice(0, 16).padEnd(6, '0'),
    customer: { customerId: 'cust-1', email: 'ada@example.com', name: 'Ada Lovelace' },
    lines,
    totals: { subtotal: usd(subtotal), discount: usd(0), shipping: usd(500), tax: usd(tax), total: usd(subtotal + 500 + tax) },
    shippingAddress: { name: 'Ada Lovelace', line1: '12 St James Sq', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    holdId: `order:${orderId}`,
    placedAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function workflowInput(order: PlacedOrder, settings: Partial<OrderWorkflowInput['settings']> = {}, projectionFlushMs?: number): OrderWorkflowInput {
  return {
    order,
    sagaWorkflowId: `order:${order.orderId}`,
    settings: { returnWindowMs: 7 * 86_400_000, fulfillmentMode: 'auto', simulatedStageMs: 15_000, dropshipPollMs: 10_000, ...settings },
    ...(projectionFlushMs !== undefined && { projectionFlushMs }),
  };
}

/** An order view at `version` with `status`. */
export function orderView(order: PlacedOrder, overrides: Partial<OrderView> = {}): OrderView {
  return {
    ...order,
    status: 'placed',
    supplierOrders: [],
    returns: [],
    refunded: { amount: 0, currency: 'USD' },
    deliveredAt: null,
    returnWindowEndsAt: null,
    completedAt: null,
    updatedAt: order.placedAt,
    version: 1,
    ...overrides,
  };
}

export function timelineEntry(seq: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    seq,
    at: new Date(Date.parse('2030-01-01T10:00:00.000Z') + seq * 1_000).toISOString(),
    actor: 'system:oms',
    event: 'status_changed',
    fromStatus: null,
    toStatus: 'placed',
    reason: `entry ${seq}`,
    ...overrides,
  };
}
