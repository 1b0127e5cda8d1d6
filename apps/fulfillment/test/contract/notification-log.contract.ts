import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SentNotification } from '@commerce/contracts/fulfillment';
import type { NotificationLog } from '../../src/ports/notification-log.js';
import { at } from '../support/fixtures.js';

export interface NotificationLogHarness {
  log: NotificationLog;
  close(): void | Promise<void>;
}

const sent = (
  notificationId: string,
  orderId: string,
  seconds: number,
  overrides: Partial<SentNotification> = {},
): SentNotification => ({
  notificationId,
  orderId,
  kind: 'order_shipped',
  to: 'ada@example.com',
  subject: `Your order ${orderId} has shipped`,
  body: 'Hello Ada,\n\nOn its way.\n',
  channel: 'record',
  messageId: null,
  sentAt: at(seconds),
  ...overrides,
});

/** The NotificationLog contract: every adapter (SQLite, Cassandra) runs this suite against a real store. */
export function describeNotificationLogContract(
  adapter: string,
  createHarness: () => NotificationLogHarness | Promise<NotificationLogHarness>,
): void {
  describe(`NotificationLog contract (${adapter})`, () => {
    let harness: NotificationLogHarness;
    let log: NotificationLog;

    beforeEach(async () => {
      harness = await createHarness();
      log = harness.log;
    });
    afterEach(async () => {
      await harness.close();
    });

    it('records a notification and reads it back whole', async () => {
      const first = sent('n1:shipped', 'n1', 5, {
        channel: 'smtp',
        messageId: '<abc@example.com>',
      });
      expect(await log.record(first)).toEqual(first);
      expect(await log.get('n1:shipped')).toEqual(first);
      expect(await log.get('n1:unknown')).toBeNull();
    });

    it('records a notification id once: a repeat returns the first record and adds nothing', async () => {
      const first = sent('n2:shipped', 'n2', 5);
      await log.record(first);
      const again = await log.record({ ...first, subject: 'another subject', sentAt: at(50) });
      expect(again).toEqual(first);
      expect(await log.get('n2:shipped')).toEqual(first);
      expect(await log.listByOrder('n2')).toEqual([first]);
    });

    it("lists an order's notifications oldest first, and only that order's", async () => {
      const delivered = sent('n3:delivered', 'n3', 30, {
        kind: 'order_delivered',
        subject: 'Delivered',
      });
      const shipped = sent('n3:shipped', 'n3', 10);
      await log.record(delivered);
      await log.record(shipped);
      await log.record(sent('n4:shipped', 'n4', 20));
      expect((await log.listByOrder('n3')).map((n) => n.notificationId)).toEqual([
        'n3:shipped',
        'n3:delivered',
      ]);
      expect(await log.listByOrder('n-none')).toEqual([]);
    });
  });
}
