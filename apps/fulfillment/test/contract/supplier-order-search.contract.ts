import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SupplierOrderSearchQuery } from '@commerce/contracts/fulfillment';
import { searchDocumentOf } from '../../src/domain/supplier-order-record.js';
import type { SupplierOrderSearch } from '../../src/ports/supplier-order-search.js';
import { at, supplierOrderRecord } from '../support/fixtures.js';

export interface SupplierOrderSearchHarness {
  search: SupplierOrderSearch;
  close(): void | Promise<void>;
}

const doc = (...args: Parameters<typeof supplierOrderRecord>) =>
  searchDocumentOf(supplierOrderRecord(...args));
const query = (q: Partial<SupplierOrderSearchQuery> = {}): SupplierOrderSearchQuery => ({
  limit: 20,
  offset: 0,
  ...q,
});

/** The SupplierOrderSearch contract: every adapter (SQLite, Elasticsearch) runs this suite against a real store. */
export function describeSupplierOrderSearchContract(
  adapter: string,
  createHarness: () => SupplierOrderSearchHarness | Promise<SupplierOrderSearchHarness>,
): void {
  describe(`SupplierOrderSearch contract (${adapter})`, () => {
    let harness: SupplierOrderSearchHarness;
    let search: SupplierOrderSearch;
    const ids = async (q: Partial<SupplierOrderSearchQuery>) =>
      (await search.search(query(q))).items.map((d) => d.supplierOrderId);

    beforeEach(async () => {
      harness = await createHarness();
      search = harness.search;
      await search.upsert([
        doc({
          supplierOrderId: 'a1:acme',
          orderId: 'a1',
          supplierId: 'acme',
          status: 'processing',
          updatedAt: at(10),
        }),
        doc({
          supplierOrderId: 'a1:zeta',
          orderId: 'a1',
          supplierId: 'zeta',
          strategy: 'manual',
          status: 'pending',
          updatedAt: at(20),
        }),
        doc({
          supplierOrderId: 'a2:acme',
          orderId: 'a2',
          supplierId: 'acme',
          status: 'shipped',
          updatedAt: at(30),
        }),
        doc({
          supplierOrderId: 'a3:acme',
          orderId: 'a3',
          supplierId: 'acme',
          strategy: 'dropship-api',
          status: 'rejected',
          updatedAt: at(40),
        }),
        doc({
          supplierOrderId: 'a4:zeta',
          orderId: 'a4',
          supplierId: 'zeta',
          strategy: 'manual',
          status: 'delivered',
          updatedAt: at(40),
        }),
      ]);
      await search.refresh();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('returns everything newest change first, ties by supplier order id, with the total', async () => {
      const result = await search.search(query());
      expect(result.total).toBe(5);
      expect(result.items.map((d) => d.supplierOrderId)).toEqual([
        'a3:acme',
        'a4:zeta',
        'a2:acme',
        'a1:zeta',
        'a1:acme',
      ]);
      expect(result.items[2]).toEqual(
        doc({
          supplierOrderId: 'a2:acme',
          orderId: 'a2',
          supplierId: 'acme',
          status: 'shipped',
          updatedAt: at(30),
        }),
      );
    });

    it('filters by supplier, by any of several statuses, by strategy and by order', async () => {
      expect(await ids({ supplierId: 'acme' })).toEqual(['a3:acme', 'a2:acme', 'a1:acme']);
      expect(await ids({ status: ['pending', 'processing'] })).toEqual(['a1:zeta', 'a1:acme']);
      expect(await ids({ supplierId: 'zeta', status: ['delivered'] })).toEqual(['a4:zeta']);
      expect(await ids({ strategy: 'manual' })).toEqual(['a4:zeta', 'a1:zeta']);
      expect(await ids({ orderId: 'a1' })).toEqual(['a1:zeta', 'a1:acme']);
      const none = await search.search(query({ supplierId: 'nobody' }));
      expect(none).toEqual({ total: 0, items: [] });
    });

    it('pages with limit and offset; the total counts every match', async () => {
      const page = await search.search(query({ supplierId: 'acme', limit: 2, offset: 1 }));
      expect(page.total).toBe(3);
      expect(page.items.map((d) => d.supplierOrderId)).toEqual(['a2:acme', 'a1:acme']);
    });

    it('upserts by supplier order id: a newer version replaces, the same or an older one is ignored', async () => {
      const shipped = doc({
        supplierOrderId: 'a1:acme',
        orderId: 'a1',
        supplierId: 'acme',
        status: 'shipped',
        updatedAt: at(50),
      });
      const stale = doc({
        supplierOrderId: 'a1:acme',
        orderId: 'a1',
        supplierId: 'acme',
        status: 'pending',
        updatedAt: at(60),
      });
      await search.upsert([shipped]);
      await search.upsert([stale, { ...shipped, status: 'cancelled' }]);
      await search.refresh();
      expect(await search.get('a1:acme')).toEqual(shipped);
      expect(await ids({ status: ['shipped'] })).toEqual(['a1:acme', 'a2:acme']);
      expect((await search.search(query())).total).toBe(5);
      expect(await search.get('a9:none')).toBeNull();
    });
  });
}
