// Fulfillment's contribution to the gateway's failure table: which public error code an
// ApplicationFailure type raised by fulfillmentWorkflow's update validators and activities stands
// for. Pure data, workflow-safe; the gateway's error catalogue keeps each code's HTTP status.
import type { FulfillmentFailureType } from './index.js';

export const FULFILLMENT_FAILURE_CODES = {
  SupplierRejectedError: 'supplier_rejected',
  NothingToAdvanceError: 'nothing_to_advance',
  UnknownSupplierOrderError: 'unknown_supplier_order',
  FulfillmentCancelledError: 'fulfillment_cancelled',
  InvalidFulfillmentInputError: 'invalid_fulfillment_input',
  UnknownDropshipOrderError: 'unknown_dropship_order',
} as const satisfies { readonly [T in FulfillmentFailureType]?: string };
