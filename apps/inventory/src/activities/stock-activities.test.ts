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

describe('describeSkus activity', () => {
  let stores: InventoryStores;
  const activities = () => createStockActivities(stores.deps({ notifyStockChanged: () => Promise.resolve() }));

  beforeAll(async () => {
    stores = createInventoryStores('inventory-describe-skus-');
    await stores.catalog.upsertProducts(
      [
        {
          id: 'prod-ds',
          handle: 'ds-tee',
          title: 'DS Tee',
          description: 'A tee',
          vendor: 'Acme',
          supplier: { id: 'sup-ds', name: 'DS Supply', type: 'manual' },
          collections: [],
          tags: [],
          images: [{ url: 'https://img.example/ds.jpg', alt: 'DS' }],
          variants: [
            { sku: 'DS-1-BLK-M', options: { color: 'Black', size: 'M' }, price: { amount: 1999, currency: 'USD' }, weightGrams: 200 },
            { sku: 'DS-1-BLK-L', options: { color: 'Black', size: 'L' }, price: { amount: 2099, currency: 'USD' }, weightGrams: 210 },
          ],
          createdAt: '2030-01-01T00:00:00.000Z',
        },
      ],
      new Date().toISOString(),
    );
  });
  afterAll(() => stores.temp.cleanup());

  it('describes the SKUs from the catalog in the order asked and lists unknown ones', async () => {
    const result = await activities().describeSkus({ skus: ['DS-1-BLK-L', 'NOPE-1', 'DS-1-BLK-M'] });
    expect(result.unknown).toEqual(['NOPE-1']);
    expect(result.found.map((d) => [d.sku, d.unitPrice.amount])).toEqual([['DS-1-BLK-L', 2099], ['DS-1-BLK-M', 1999]]);
    expect(result.found[0]).toMatchObject({
      productId: 'prod-ds',
      handle: 'ds-tee',
      title: 'DS Tee',
      options: { color: 'Black', size: 'L' },
      image: { url: 'https://img.example/ds.jpg', alt: 'DS' },
      supplier: { id: 'sup-ds', name: 'DS Supply', type: 'manual' },
      weightGrams: 210,
    });
  });

  it('refuses bad input with InvalidInput', async () => {
    const invalid = await activities().describeSkus({ skus: [] }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ type: InventoryFailure.InvalidInput, nonRetryable: true });
  });
});
