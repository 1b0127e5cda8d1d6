import type { Shipment, SupplierOrderRecord } from '@commerce/contracts/fulfillment';

/**
 * Fulfillment's write model: supplier orders and their shipments. Adapters: SQLite (tables
 * `fulfillment_*`, embedded profile) and Cassandra (keyspace `fulfillment`, production).
 */
export interface SupplierOrderRepository {
  /**
   * Stores the record when it is newer (a higher `version`) than the stored one, or new. Returns
   * whether it was stored: the same version again (a retry) or an older one changes nothing.
   */
  saveSupplierOrder(record: SupplierOrderRecord): Promise<boolean>;
  getSupplierOrder(supplierOrderId: string): Promise<SupplierOrderRecord | null>;
  /** The supplier orders of an order, ordered by supplierOrderId. */
  listSupplierOrders(orderId: string): Promise<SupplierOrderRecord[]>;
  /**
   * Records a shipment (one per supplier order). Idempotent: the first write's shipping details
   * stay; `deliveredAt`, once set, is kept (a late retry of the shipped write does not clear it).
   */
  saveShipment(shipment: Shipment): Promise<void>;
  getShipment(supplierOrderId: string): Promise<Shipment | null>;
  /** The shipment with this tracking number (the carrier's reference), if any. */
  findShipmentByTracking(trackingNumber: string): Promise<Shipment | null>;
  /** The shipments of an order, ordered by supplierOrderId. */
  listShipments(orderId: string): Promise<Shipment[]>;
}
