import type { SentNotification } from '@commerce/contracts/fulfillment';

/**
 * The record of notifications sent to shoppers. Adapters: SQLite (`fulfillment_notifications`)
 * and Cassandra (keyspace `fulfillment`).
 */
export interface NotificationLog {
  /**
   * Records a sent notification once per notificationId and returns the record that is stored:
   * this one, or the first one when the id was recorded before (then nothing changes).
   */
  record(notification: SentNotification): Promise<SentNotification>;
  get(notificationId: string): Promise<SentNotification | null>;
  /** The notifications of an order, oldest first. */
  listByOrder(orderId: string): Promise<SentNotification[]>;
}
