import { afterAll, describe, expect, it } from 'vitest';
import { createCassandraClient } from '@commerce/cassandra-store';
import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { selectStores } from '../../src/adapters/select-stores.js';
import { loadInventoryConfig, writeStoreSettings } from '../../src/config.js';
import { createTempDatabase } from '../support/temp-database.js';

const stores = testStores();
const T0 = '2030-01-01T00:00:00.000Z';

describe('selectStores', () => {
  const temp = createTempDatabase('inventory-select-');
  afterAll(() => temp.cleanup());

  it('gives the SQLite repositories by default', async () => {
    const selected = await selectStores(writeStoreSettings(loadInventoryConfig({})), temp.db);
    expect(selected.description).toContain('sqlite');
    expect(await selected.stock.initializeStock([{ sku: 'SEL-1', onHand: 3, lowStockThreshold: 1 }], T0)).toEqual(['SEL-1']);
    expect(await selected.stock.getLevel('SEL-1')).toMatchObject({ onHand: 3, available: 3 });
    await selected.close();
  });

  describe.skipIf('skipReason' in stores)('with CASSANDRA_CONTACT_POINTS', () => {
    const keyspace = uniqueStoreName('inv_select');
    afterAll(async () => {
      if ('skipReason' in stores) return;
      const admin = createCassandraClient(stores.cassandra);
      await admin.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
      await admin.shutdown();
    });

    it('migrates the inventory keyspace at start (idempotently) and gives the Cassandra repositories', async () => {
      if ('skipReason' in stores) return;
      const config = loadInventoryConfig({
        CASSANDRA_CONTACT_POINTS: stores.cassandra.contactPoints.join(','),
        CASSANDRA_LOCAL_DATACENTER: stores.cassandra.localDataCenter,
        CASSANDRA_KEYSPACE_INVENTORY: keyspace,
      });
      const first = await selectStores(writeStoreSettings(config), temp.db);
      expect(first.description).toBe(`cassandra ${stores.cassandra.contactPoints.join(',')} keyspace ${keyspace}`);
      expect(await first.stock.initializeStock([{ sku: 'SEL-2', onHand: 4, lowStockThreshold: 1 }], T0)).toEqual(['SEL-2']);
      await first.close();
      // A second start (another replica) finds the keyspace migrated and the data there.
      const second = await selectStores(writeStoreSettings(config), temp.db);
      expect(await second.stock.getLevel('SEL-2')).toMatchObject({ onHand: 4, available: 4 });
      expect(await second.catalog.counts()).toEqual({ products: 0, variants: 0, collections: 0 });
      await second.close();
      // The SQLite file was not used as the write store.
      expect(temp.db.prepare("SELECT COUNT(*) AS n FROM inv_stock WHERE sku = 'SEL-2'").get()).toEqual({ n: 0 });
    });
  });
});
