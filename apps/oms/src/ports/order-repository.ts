import type { Money } from '@commerce/contracts/common';
import type { OrderStatus, OrderView } from '@commerce/contracts/oms';

/** One row of the by-customer view: what an order list shows. */
export interface OrderSummary {
  orderId: string;
  confirmationNumber: string;
  status: OrderStatus;
  total: Money;
  placedAt: string;
  updatedAt: string;
  version: number;
}

/**
 * The order's write model as three views, one per read: by order id, by customer (newest
 * first), by confirmation number. saveOrder writes all three; each is version-guarded (a view
 * older than, or as old as, the stored one never overwrites it), so retried and out-of-order
 * writes are harmless. Adapters: SQLite (one table + indexes), Cassandra (one table per read).
 */
export interface OrderRepository {
  saveOrder(view: OrderView): Promise<void>;
  getOrder(orderId: string): Promise<OrderView | null>;
  findByConfirmationNumber(confirmationNumber: string): Promise<OrderView | null>;
  /**
   * The customer's orders, newest placedAt first (ties: order id ascending), at most `limit`.
   * `customerKey` is customerKeyOf(customer): the customer id, or `email:<address>` for guests.
   */
  listByCustomer(customerKey: string, limit: number): Promise<OrderSummary[]>;
}
