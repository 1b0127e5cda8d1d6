import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { FulfillmentFailure } from '@commerce/contracts/fulfillment';
import { createRecordNotifier } from '../adapters/notifier/record-notifier.js';
import { createSqliteNotificationLog } from '../adapters/sqlite/sqlite-notification-log.js';
import { createSqliteSupplierOrderRepository } from '../adapters/sqlite/sqlite-supplier-order-repository.js';
import { createSqliteSupplierOrderSearch } from '../adapters/sqlite/sqlite-supplier-order-search.js';
import { createTempDatabase, type TempDatabase } from '../../test/support/temp-database.js';
import { supplierOrderRecord } from '../../test/support/fixtures.js';
import { makeNotifyShopper } from './notify-shopper.js';
import { makeRecordSupplierOrder } from './record-supplier-order.js';

describe('recordSupplierOrder and notifyShopper activities (SQLite)', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('fulfillment-activities-');
  });
  afterEach(() => temp.cleanup());

  const stores = () => ({
    supplierOrders: createSqliteSupplierOrderRepository({ db: temp.db }),
    search: createSqliteSupplierOrderSearch({ db: temp.db }),
    notifications: createSqliteNotificationLog({ db: temp.db }),
  });

  it('records the supplier order, its shipment once shipped, and its search document; a stale retry changes nothing', async () => {
    const { supplierOrders, search } = stores();
    const record = makeRecordSupplierOrder({ supplierOrders, search });
    const processing = supplierOrderRecord({
      supplierOrderId: 'o1:acme',
      orderId: 'o1',
      status: 'processing',
    });
    const shipped = supplierOrderRecord({
      supplierOrderId: 'o1:acme',
      orderId: 'o1',
      status: 'shipped',
    });
    expect(await record(processing)).toEqual({ stored: true });
    expect(await supplierOrders.getShipment('o1:acme')).toBeNull();
    expect(await record(shipped)).toEqual({ stored: true });
    expect(await record(processing)).toEqual({ stored: false });
    expect(await supplierOrders.getSupplierOrder('o1:acme')).toEqual(shipped);
    expect(await supplierOrders.getShipment('o1:acme')).toMatchObject({
      trackingNumber: shipped.trackingNumber,
      shippedAt: shipped.history[2]?.at,
      deliveredAt: null,
    });
    expect(await search.get('o1:acme')).toMatchObject({
      status: 'shipped',
      version: 3,
      skus: ['SKU-A'],
      customerEmail: 'ada@example.com',
    });
  });

  it('refuses a record that breaks its schema with a non-retryable InvalidFulfillmentInputError', async () => {
    const record = makeRecordSupplierOrder(stores());
    const bad = { ...supplierOrderRecord({ supplierOrderId: 'o2:acme' }), version: 0 };
    const failure = await record(bad).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: FulfillmentFailure.InvalidInput, nonRetryable: true });
  });

  it('notifies once per notification id with the record notifier, keeping the message in the record', async () => {
    const { notifications } = stores();
    const notifyShopper = makeNotifyShopper({
      notifier: createRecordNotifier(),
      notifications,
      now: () => new Date('2030-01-02T03:04:05.000Z'),
    });
    const input = {
      notificationId: 'o3:acme:order_shipped',
      orderId: 'o3',
      kind: 'order_shipped' as const,
      to: 'ada@example.com',
      name: 'Ada Lovelace',
      confirmationNumber: 'CONF3',
      trackingNumber: 'TRK-3',
    };
    const sent = await notifyShopper(input);
    expect(sent).toEqual({
      notificationId: 'o3:acme:order_shipped',
      orderId: 'o3',
      kind: 'order_shipped',
      to: 'ada@example.com',
      subject: 'Your order CONF3 has shipped',
      body: expect.stringContaining('Tracking number: TRK-3') as unknown,
      channel: 'record',
      messageId: null,
      sentAt: '2030-01-02T03:04:05.000Z',
    });
    expect(await notifyShopper({ ...input, trackingNumber: 'TRK-OTHER' })).toEqual(sent);
    expect(await notifications.listByOrder('o3')).toEqual([sent]);
    await expect(
      notifyShopper({ ...input, notificationId: 'x', to: 'not-an-email' }),
    ).rejects.toMatchObject({ type: FulfillmentFailure.InvalidInput });
  });
});
