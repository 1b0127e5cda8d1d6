// Workflow-safe root entry of the fulfillment contract: types, names, message definitions,
// failure types and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AdvanceFulfillmentInput,
  FulfillmentInput,
  FulfillmentState,
  NotifyShopperInput,
  SentNotification,
  SupplierOrderInput,
  SupplierOrderState,
} from './schemas.js';

export type {
  AdvanceFulfillmentInput,
  FulfillmentInput,
  FulfillmentSettings,
  FulfillmentState,
  FulfillmentStatusUpdate,
  NotificationKind,
  NotifyShopperInput,
  SentNotification,
  SupplierOrderInput,
  SupplierOrderPlan,
  SupplierOrderState,
  SupplierOrderStatus,
} from './schemas.js';

export const FULFILLMENT_TASK_QUEUE = 'fulfillment';

// ---- workflows -------------------------------------------------------------------------------

export const FULFILLMENT_WORKFLOW = 'fulfillmentWorkflow';
export type FulfillmentWorkflow = (input: FulfillmentInput) => Promise<FulfillmentState>;
export const fulfillmentWorkflowId = (orderId: string): string => `fulfillment:${orderId}`;

/** One child per supplier order, running that supplier's strategy. */
export const SUPPLIER_ORDER_WORKFLOW = 'supplierOrderWorkflow';
export type SupplierOrderWorkflow = (input: SupplierOrderInput) => Promise<SupplierOrderState>;
export const supplierOrderWorkflowId = (supplierOrderId: string): string => `supplier-order:${supplierOrderId}`;

// ---- messages --------------------------------------------------------------------------------

/** Admin: advance manual supplier orders (POST /v1/admin/fulfillments/{orderId}/advance). */
export const advanceFulfillmentUpdate: UpdateDefinition<FulfillmentState, [AdvanceFulfillmentInput]> = defineUpdate<FulfillmentState, [AdvanceFulfillmentInput]>('advanceFulfillment');
/** OMS stops the fulfillment: supplier orders not yet shipped are cancelled, their holds released. */
export const cancelFulfillmentSignal = defineSignal<[{ reason: string; cancelledBy: string }]>('cancelFulfillment');
export const fulfillmentQuery = defineQuery<FulfillmentState>('fulfillment');

// ---- activities ------------------------------------------------------------------------------

/** Activities registered by the fulfillment worker on the `fulfillment` task queue. */
export interface FulfillmentActivities {
  /** Starts (or finds) fulfillmentWorkflow for the order; OMS calls it. Idempotent per order id. */
  startFulfillment(input: FulfillmentInput): Promise<{ workflowId: string }>;
  /** Sends (and records) a shopper notification; idempotent per notificationId. */
  notifyShopper(input: NotifyShopperInput): Promise<SentNotification>;
}

// ---- failures --------------------------------------------------------------------------------

export const FulfillmentFailure = {
  SupplierRejected: 'SupplierRejectedError',
  NothingToAdvance: 'NothingToAdvanceError',
  UnknownSupplierOrder: 'UnknownSupplierOrderError',
  FulfillmentCancelled: 'FulfillmentCancelledError',
} as const;
export type FulfillmentFailureType = (typeof FulfillmentFailure)[keyof typeof FulfillmentFailure];
