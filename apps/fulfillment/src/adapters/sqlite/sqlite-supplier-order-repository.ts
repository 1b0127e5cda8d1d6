import type { Shipment, SupplierOrderRecord } from '@commerce/contracts/fulfillment';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import type { SupplierOrderRepository } from '../../ports/supplier-order-repository.js';

interface ShipmentRow {
  supplier_order_id: string;
  order_id: string;
  supplier_id: string;
  tracking_number: string;
  carrier: string;
  shipped_at: string;
  delivered_at: string | null;
}

const toShipment = (row: ShipmentRow): Shipment => ({
  supplierOrderId: row.supplier_order_id,
  orderId: row.order_id,
  supplierId: row.supplier_id,
  trackingNumber: row.tracking_number,
  carrier: row.carrier,
  shippedAt: row.shipped_at,
  deliveredAt: row.delivered_at,
});

const SHIPMENT_COLUMNS =
  'supplier_order_id, order_id, supplier_id, tracking_number, carrier, shipped_at, delivered_at';

/** Supplier orders and shipments in the embedded profile's SQLite file (migrateFulfillment first). */
export function createSqliteSupplierOrderRepository(deps: {
  db: SqliteDatabase;
}): SupplierOrderRepository {
  const { db } = deps;
  // The version guard is the WHERE of the upsert: an equal or older version leaves the row alone.
  const upsertOrder = db.prepare<{
    id: string;
    orderId: string;
    status: string;
    version: number;
    doc: string;
    updatedAt: string;
  }>(`
    INSERT INTO fulfillment_supplier_orders (supplier_order_id, order_id, status, version, doc, updated_at)
    VALUES (@id, @orderId, @status, @version, @doc, @updatedAt)
    ON CONFLICT (supplier_order_id) DO UPDATE SET
      status = excluded.status, version = excluded.version, doc = excluded.doc, updated_at = excluded.updated_at
    WHERE excluded.version > fulfillment_supplier_orders.version`);
  const getOrder = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM fulfillment_supplier_orders WHERE supplier_order_id = ?',
  );
  const listOrders = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM fulfillment_supplier_orders WHERE order_id = ? ORDER BY supplier_order_id',
  );
  const upsertShipment = db.prepare<ShipmentRow>(`
    INSERT INTO fulfillment_shipments (${SHIPMENT_COLUMNS})
    VALUES (@supplier_order_id, @order_id, @supplier_id, @tracking_number, @carrier, @shipped_at, @delivered_at)
    ON CONFLICT (supplier_order_id) DO UPDATE SET
      delivered_at = COALESCE(fulfillment_shipments.delivered_at, excluded.delivered_at)`);
  const getShipment = db.prepare<[string], ShipmentRow>(
    `SELECT ${SHIPMENT_COLUMNS} FROM fulfillment_shipments WHERE supplier_order_id = ?`,
  );
  const byTracking = db.prepare<[string], ShipmentRow>(
    `SELECT ${SHIPMENT_COLUMNS} FROM fulfillment_shipments WHERE tracking_number = ? ORDER BY supplier_order_id LIMIT 1`,
  );
  const listShipments = db.prepare<[string], ShipmentRow>(
    `SELECT ${SHIPMENT_COLUMNS} FROM fulfillment_shipments WHERE order_id = ? ORDER BY supplier_order_id`,
  );

  return {
    saveSupplierOrder(record) {
      const { changes } = upsertOrder.run({
        id: record.supplierOrderId,
        orderId: record.orderId,
        status: record.status,
        version: record.version,
        doc: JSON.stringify(record),
        updatedAt: record.updatedAt,
      });
      return Promise.resolve(changes > 0);
    },
    getSupplierOrder(supplierOrderId) {
      const row = getOrder.get(supplierOrderId);
      return Promise.resolve(
        row === undefined ? null : (JSON.parse(row.doc) as SupplierOrderRecord),
      );
    },
    listSupplierOrders(orderId) {
      return Promise.resolve(
        listOrders.all(orderId).map((row) => JSON.parse(row.doc) as SupplierOrderRecord),
      );
    },
    saveShipment(shipment) {
      upsertShipment.run({
        supplier_order_id: shipment.supplierOrderId,
        order_id: shipment.orderId,
        supplier_id: shipment.supplierId,
        tracking_number: shipment.trackingNumber,
        carrier: shipment.carrier,
        shipped_at: shipment.shippedAt,
        delivered_at: shipment.deliveredAt,
      });
      return Promise.resolve();
    },
    getShipment(supplierOrderId) {
      const row = getShipment.get(supplierOrderId);
      return Promise.resolve(row === undefined ? null : toShipment(row));
    },
    findShipmentByTracking(trackingNumber) {
      const row = byTracking.get(trackingNumber);
      return Promise.resolve(row === undefined ? null : toShipment(row));
    },
    listShipments(orderId) {
      return Promise.resolve(listShipments.all(orderId).map(toShipment));
    },
  };
}
