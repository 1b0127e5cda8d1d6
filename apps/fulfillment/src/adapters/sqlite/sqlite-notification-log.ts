import type { SentNotification } from '@commerce/contracts/fulfillment';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { NotificationLog } from '../../ports/notification-log.js';

/** The record of notifications sent, in the embedded profile's SQLite file (migrateFulfillment first). */
export function createSqliteNotificationLog(deps: { db: SqliteDatabase }): NotificationLog {
  const { db } = deps;
  const insert = db.prepare<{ id: string; orderId: string; sentAt: string; doc: string }>(
    'INSERT INTO fulfillment_notifications (notification_id, order_id, sent_at, doc) VALUES (@id, @orderId, @sentAt, @doc) ON CONFLICT (notification_id) DO NOTHING',
  );
  const get = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM fulfillment_notifications WHERE notification_id = ?',
  );
  const list = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM fulfillment_notifications WHERE order_id = ? ORDER BY sent_at, notification_id',
  );
  const parse = (row: { doc: string } | undefined): SentNotification | null =>
    row === undefined ? null : (JSON.parse(row.doc) as SentNotification);

  return {
    record(notification) {
      const stored = inTransaction(db, () => {
        insert.run({
          id: notification.notificationId,
          orderId: notification.orderId,
          sentAt: notification.sentAt,
          doc: JSON.stringify(notification),
        });
        return parse(get.get(notification.notificationId));
      });
      if (stored === null)
        return Promise.reject(
          new Error(`notification ${notification.notificationId} was not recorded`),
        );
      return Promise.resolve(stored);
    },
    get(notificationId) {
      return Promise.resolve(parse(get.get(notificationId)));
    },
    listByOrder(orderId) {
      return Promise.resolve(
        list.all(orderId).map((row) => JSON.parse(row.doc) as SentNotification),
      );
    },
  };
}
