import type { Client } from 'cassandra-driver';
import type { SentNotification } from '@commerce/contracts/fulfillment';
import type { NotificationLog } from '../../ports/notification-log.js';
import { text, toDate } from './cql-values.js';

export interface CassandraNotificationLogDeps {
  /** A client bound to the fulfillment keyspace (migrated by `migrateDomainKeyspace`). */
  client: Client;
}

/**
 * The record of notifications sent, on Cassandra: claimed once per notification id with
 * `INSERT … IF NOT EXISTS` (the losing writer reads the first record back from the LWT's answer),
 * then indexed by order under the stored record's sent_at.
 */
export function createCassandraNotificationLog({
  client,
}: CassandraNotificationLogDeps): NotificationLog {
  if (typeof client.keyspace !== 'string' || client.keyspace === '') {
    throw new Error(
      'createCassandraNotificationLog needs a client bound to the fulfillment keyspace',
    );
  }
  const options = { prepare: true } as const;
  const execute = (query: string, params: unknown[]) => client.execute(query, params, options);
  const parse = (doc: string) => JSON.parse(doc) as SentNotification;

  const get = async (notificationId: string): Promise<SentNotification | null> => {
    const row = (
      await execute('SELECT doc FROM notifications_sent WHERE notification_id = ?', [
        notificationId,
      ])
    ).rows[0];
    return row === undefined ? null : parse(text(row, 'doc'));
  };

  return {
    async record(notification) {
      const result = await execute(
        'INSERT INTO notifications_sent (notification_id, order_id, sent_at, doc) VALUES (?, ?, ?, ?) IF NOT EXISTS',
        [
          notification.notificationId,
          notification.orderId,
          toDate(notification.sentAt),
          JSON.stringify(notification),
        ],
      );
      const existing = result.rows[0];
      const stored =
        result.wasApplied() || existing === undefined ? notification : parse(text(existing, 'doc'));
      await execute(
        'INSERT INTO notifications_by_order (order_id, sent_at, notification_id) VALUES (?, ?, ?)',
        [stored.orderId, toDate(stored.sentAt), stored.notificationId],
      );
      return stored;
    },
    get,
    async listByOrder(orderId) {
      const rows = (
        await execute('SELECT notification_id FROM notifications_by_order WHERE order_id = ?', [
          orderId,
        ])
      ).rows;
      const found = await Promise.all(rows.map((row) => get(text(row, 'notification_id'))));
      return found.filter((n): n is SentNotification => n !== null);
    },
  };
}
