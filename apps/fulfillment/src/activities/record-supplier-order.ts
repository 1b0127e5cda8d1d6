import type { FulfillmentActivities } from '@commerce/contracts/fulfillment';
import { SupplierOrderRecordSchema } from '@commerce/contracts/fulfillment/schemas';
import { searchDocumentOf, shipmentOf } from '../domain/supplier-order-record.js';
import type { FulfillmentActivityDeps } from './activity-deps.js';
import { requireValid, withFulfillmentFailures } from './fulfillment-failure.js';

/**
 * recordSupplierOrder: the write model (version-guarded), the shipment once it shipped, then the
 * search projection (version-guarded too). Every step is idempotent, so a retry after a partial
 * failure completes what is missing, and a stale attempt that lands late changes nothing.
 */
export function makeRecordSupplierOrder(
  deps: Pick<FulfillmentActivityDeps, 'supplierOrders' | 'search'>,
): FulfillmentActivities['recordSupplierOrder'] {
  const { supplierOrders, search } = deps;
  return withFulfillmentFailures(async (input) => {
    const record = requireValid(SupplierOrderRecordSchema, input, 'supplier order record');
    const stored = await supplierOrders.saveSupplierOrder(record);
    const shipment = shipmentOf(record);
    if (shipment !== null) await supplierOrders.saveShipment(shipment);
    await search.upsert([searchDocumentOf(record)]);
    return { stored };
  });
}
