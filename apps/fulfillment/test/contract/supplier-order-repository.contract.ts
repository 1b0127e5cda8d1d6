import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SupplierOrderRepository } from '../../src/ports/supplier-order-repository.js';
import { at, supplierOrderRecord } from '../support/fixtures.js';

export interface SupplierOrderRepositoryHarness {
  repo: SupplierOrderRepository;
  close(): void | Promise<void>;
}

/** The SupplierOrderRepository contract: every adapter (SQLite, Cassandra) runs this suite against a real store. */
export function describeSupplierOrderRepositoryContract(
  adapter: string,
  createHarness: () => SupplierOrderRepositoryHarness | Promise<SupplierOrderRepositoryHarness>,
): void {
  describe(`SupplierOrderRepository contract (${adapter})`, () => {
    let harness: SupplierOrderRepositoryHarness;
    let repo: SupplierOrderRepository;

    beforeEach(async () => {
      harness = await createHarness();
      repo = harness.repo;
    });
    afterEach(async () => {
      await harness.close();
    });

    describe('supplier orders', () => {
      it('stores a new record and reads it back whole', async () => {
        const record = supplierOrderRecord({
          supplierOrderId: 'o1:acme',
          orderId: 'o1',
          status: 'processing',
        });
        expect(await repo.saveSupplierOrder(record)).toBe(true);
        expect(await repo.getSupplierOrder('o1:acme')).toEqual(record);
        expect(await repo.getSupplierOrder('o1:nobody')).toBeNull();
      });

      it('keeps the newest version: a newer one replaces, the same or an older one changes nothing', async () => {
        const v2 = supplierOrderRecord({
          supplierOrderId: 'o2:acme',
          orderId: 'o2',
          status: 'processing',
        });
        const v3 = supplierOrderRecord({
          supplierOrderId: 'o2:acme',
          orderId: 'o2',
          status: 'shipped',
        });
        const v1 = supplierOrderRecord({
          supplierOrderId: 'o2:acme',
          orderId: 'o2',
          status: 'pending',
        });
        expect(v2.version).toBe(2);
        expect(await repo.saveSupplierOrder(v2)).toBe(true);
        expect(await repo.saveSupplierOrder(v3)).toBe(true);
        expect(await repo.saveSupplierOrder(v3)).toBe(false);
        expect(await repo.saveSupplierOrder(v1)).toBe(false);
        expect(await repo.saveSupplierOrder({ ...v2, reason: 'a stale retry' })).toBe(false);
        expect(await repo.getSupplierOrder('o2:acme')).toEqual(v3);
      });

      it('lists the supplier orders of an order by id, and only those', async () => {
        await repo.saveSupplierOrder(
          supplierOrderRecord({ supplierOrderId: 'o3:zeta', orderId: 'o3', supplierId: 'zeta' }),
        );
        await repo.saveSupplierOrder(
          supplierOrderRecord({
            supplierOrderId: 'o3:acme',
            orderId: 'o3',
            supplierId: 'acme',
            status: 'shipped',
          }),
        );
        await repo.saveSupplierOrder(
          supplierOrderRecord({ supplierOrderId: 'o4:acme', orderId: 'o4' }),
        );
        // A newer version does not duplicate it in the order's list.
        await repo.saveSupplierOrder(
          supplierOrderRecord({
            supplierOrderId: 'o3:zeta',
            orderId: 'o3',
            supplierId: 'zeta',
            status: 'processing',
          }),
        );
        const listed = await repo.listSupplierOrders('o3');
        expect(listed.map((r) => [r.supplierOrderId, r.status])).toEqual([
          ['o3:acme', 'shipped'],
          ['o3:zeta', 'processing'],
        ]);
        expect(await repo.listSupplierOrders('o-none')).toEqual([]);
      });
    });

    describe('shipments', () => {
      const shipment = {
        supplierOrderId: 's1:acme',
        orderId: 's1',
        supplierId: 'acme',
        trackingNumber: 'TRK-S1',
        carrier: 'SimPost',
        shippedAt: at(10),
        deliveredAt: null,
      };

      it('records a shipment and finds it by supplier order, tracking number and order', async () => {
        await repo.saveShipment(shipment);
        await repo.saveShipment({
          ...shipment,
          supplierOrderId: 's1:zeta',
          supplierId: 'zeta',
          trackingNumber: 'TRK-S1-Z',
        });
        await repo.saveShipment({
          ...shipment,
          supplierOrderId: 's2:acme',
          orderId: 's2',
          trackingNumber: 'TRK-S2',
        });
        expect(await repo.getShipment('s1:acme')).toEqual(shipment);
        expect(await repo.findShipmentByTracking('TRK-S1-Z')).toMatchObject({
          supplierOrderId: 's1:zeta',
          supplierId: 'zeta',
        });
        expect(await repo.findShipmentByTracking('TRK-NONE')).toBeNull();
        expect((await repo.listShipments('s1')).map((s) => s.supplierOrderId)).toEqual([
          's1:acme',
          's1:zeta',
        ]);
        expect(await repo.getShipment('s9:acme')).toBeNull();
      });

      it('sets the delivery date once: a late retry of the shipped write does not clear it', async () => {
        await repo.saveShipment(shipment);
        await repo.saveShipment({ ...shipment, deliveredAt: at(20) });
        await repo.saveShipment(shipment);
        expect(await repo.getShipment('s1:acme')).toEqual({ ...shipment, deliveredAt: at(20) });
        expect(await repo.listShipments('s1')).toHaveLength(1);
      });
    });
  });
}
