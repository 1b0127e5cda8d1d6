import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationFailure } from '@temporalio/common';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { createInventoryStores, type InventoryStores } from '../../test/support/inventory-stores.js';
import { createStockActivities } from './stock-activities.js';

describe('receiveStock activity', () => {
  let stores: InventoryStores;
  const notified: string[][] = [];
  const activities = () => createStockActivities(stores.deps({ notifyStockChanged: (skus) => Promise.resolve(void notified.push([...skus])) }));

  beforeAll(async () => {
    stores = createInventoryStores('inventory-stock-activities-');
    await stores.stock.initializeStock([{ sku: 'RS-1', onHand: 4, lowStockThreshold: 1 }], new Date().toISOString());
  });
  afterAll(() => stores.temp.cleanup());

  it('puts returned units back on hand once per receipt, and tells the projector', async () => {
    const input = { receiptId: 'return:order-1:r-1:RS-1', sku: 'RS-1', quantity: 2, reason: 'customer return', actor: 'admin:jo' };
    expect(await activities().receiveStock(input)).toMatchObject({ sku: 'RS-1', onHand: 6, available: 6 });
    expect(await activities().receiveStock(input)).toMatchObject({ onHand: 6, available: 6 });
    expect(notified).toEqual([['RS-1'], ['RS-1']]);
    const receipts = (await stores.stock.readJournal({ sku: 'RS-1' })).filter((m) => m.reason?.includes('return:order-1:r-1:RS-1'));
    expect(receipts).toHaveLength(1);
  });

  it('refuses bad input and unknown SKUs with non-retryable failures of the contract types', async () => {
    const invalid = await activities()
      .receiveStock({ receiptId: 'r 1', sku: 'RS-1', quantity: 0, reason: '', actor: 'a' })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ApplicationFailure);
    expect(invalid).toMatchObject({ type: InventoryFailure.InvalidInput, nonRetryable: true });
    const unknown = await activities()
      .receiveStock({ receiptId: 'r-2', sku: 'NOPE-1', quantity: 1, reason: 'x', actor: 'a' })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ type: InventoryFailure.UnknownSku, nonRetryable: true });
    expect(await stores.stock.getLevel('RS-1')).toMatchObject({ onHand: 6 });
  });
});
