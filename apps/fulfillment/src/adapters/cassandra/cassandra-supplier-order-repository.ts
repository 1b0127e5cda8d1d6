import type { Client } from 'cassandra-driver';
import type { Shipment, SupplierOrderRecord } from '@commerce/contracts/fulfillment';
import type { SupplierOrderRepository } from '../../ports/supplier-order-repository.js';
import { iso, optInt, optIso, text, toDate, type CqlRow } from './cql-values.js';

export interface CassandraSupplierOrderRepositoryDeps {
  /** A client bound to the fulfillment keyspace (migrated by `migrateDomainKeyspace`). */
  client: Client;
}

const SHIPMENT_COLUMNS =
  'supplier_order_id, order_id, supplier_id, tracking_number, carrier, shipped_at, delivered_at';

const toShipment = (row: CqlRow): Shipment => ({
  supplierOrderId: text(row, 'supplier_order_id'),
  orderId: text(row, 'order_id'),
  supplierId: text(row, 'supplier_id'),
  trackingNumber: text(row, 'tracking_number'),
  carrier: text(row, 'carrier'),
  shippedAt: iso(row, 'shipped_at'),
  deliveredAt: optIso(row, 'delivered_at'),
});

/**
 * Supplier orders and shipments on Cassandra (keyspace `fulfillment`, see
 * infra/cassandra/cql/fulfillment). A record is written with lightweight transactions so that a
 * newer version always wins: `INSERT … IF NOT EXISTS`, else `UPDATE … IF version < ?`. The
 * per-order and per-tracking tables hold keys only, written after the record (a retry writes
 * them again), so they never go stale.
 */
export function createCassandraSupplierOrderRepository({
  client,
}: CassandraSupplierOrderRepositoryDeps): SupplierOrderRepository {
  if (typeof client.keyspace !== 'string' || client.keyspace === '') {
    throw new Error(
      'createCassandraSupplierOrderRepository needs a client bound to the fulfillment keyspace',
    );
  }
  const options = { prepare: true } as const;
  const execute = (query: string, params: unknown[]) => client.execute(query, params, options);

  const readRecord = async (supplierOrderId: string): Promise<SupplierOrderRecord | null> => {
    const row = (
      await execute('SELECT doc FROM supplier_orders WHERE supplier_order_id = ?', [
        supplierOrderId,
      ])
    ).rows[0];
    return row === undefined ? null : (JSON.parse(text(row, 'doc')) as SupplierOrderRecord);
  };
  const readShipment = async (supplierOrderId: string): Promise<Shipment | null> => {
    const row = (
      await execute(`SELECT ${SHIPMENT_COLUMNS} FROM shipments WHERE supplier_order_id = ?`, [
        supplierOrderId,
      ])
    ).rows[0];
    return row === undefined ? null : toShipment(row);
  };
  const keysOf = async (table: string, column: string, value: string): Promise<string[]> =>
    (await execute(`SELECT supplier_order_id FROM ${table} WHERE ${column} = ?`, [value])).rows.map(
      (row) => text(row, 'supplier_order_id'),
    );
  const present = <T>(items: (T | null)[]): T[] => items.filter((item): item is T => item !== null);

  return {
    async saveSupplierOrder(record) {
      const values = [
        record.orderId,
        record.status,
        record.version,
        JSON.stringify(record),
        toDate(record.updatedAt),
      ];
      const inserted = await execute(
        'INSERT INTO supplier_orders (order_id, status, version, doc, updated_at, supplier_order_id) VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS',
        [...values, record.supplierOrderId],
      );
      let stored = inserted.wasApplied();
      if (!stored) {
        const current = inserted.rows[0] === undefined ? null : optInt(inserted.rows[0], 'version');
        if (current === null || current < record.version) {
          const updated = await execute(
            'UPDATE supplier_orders SET order_id = ?, status = ?, version = ?, doc = ?, updated_at = ? WHERE supplier_order_id = ? IF version < ?',
            [...values, record.supplierOrderId, record.version],
          );
          stored = updated.wasApplied();
        }
      }
      await execute(
        'INSERT INTO supplier_orders_by_order (order_id, supplier_order_id) VALUES (?, ?)',
        [record.orderId, record.supplierOrderId],
      );
      return stored;
    },
    getSupplierOrder: readRecord,
    async listSupplierOrders(orderId) {
      const ids = await keysOf('supplier_orders_by_order', 'order_id', orderId);
      return present(await Promise.all(ids.map(readRecord)));
    },
    async saveShipment(shipment) {
      // deliveredAt undefined = "unset": the column keeps what it has (never cleared by a late retry).
      await execute(`INSERT INTO shipments (${SHIPMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        shipment.supplierOrderId,
        shipment.orderId,
        shipment.supplierId,
        shipment.trackingNumber,
        shipment.carrier,
        toDate(shipment.shippedAt),
        shipment.deliveredAt === null ? undefined : toDate(shipment.deliveredAt),
      ]);
      await Promise.all([
        execute('INSERT INTO shipments_by_order (order_id, supplier_order_id) VALUES (?, ?)', [
          shipment.orderId,
          shipment.supplierOrderId,
        ]),
        execute(
          'INSERT INTO shipments_by_tracking (tracking_number, supplier_order_id) VALUES (?, ?)',
          [shipment.trackingNumber, shipment.supplierOrderId],
        ),
      ]);
    },
    getShipment: readShipment,
    async findShipmentByTracking(trackingNumber) {
      const [first] = await keysOf('shipments_by_tracking', 'tracking_number', trackingNumber);
      return first === undefined ? null : readShipment(first);
    },
    async listShipments(orderId) {
      const ids = await keysOf('shipments_by_order', 'order_id', orderId);
      return present(await Promise.all(ids.map(readShipment)));
    },
  };
}
