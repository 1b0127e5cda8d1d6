// Workflow-safe root entry of the fulfillment contract: types, names, message definitions,
// failure types and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AdvanceFulfillmentInput,
  DropshipCancellationResult,
  DropshipCancelRequest,
  DropshipOrderRef,
  DropshipOrderRequest,
  DropshipOrderStatus,
  FulfillmentCancellation,
  FulfillmentInput,
  FulfillmentState,
  NotifyShopperInput,
  SentNotification,
  SupplierOrderAdvance,
  SupplierOrderInput,
  SupplierOrderRecord,
  SupplierOrderState,
} from './schemas.js';

export type {
  AdvanceFulfillmentInput,
  DropshipCancellationResult,
  DropshipCancelRequest,
  DropshipOrderRef,
  DropshipOrderRequest,
  DropshipOrderStatus,
  DropshipRemoteStatus,
  FulfillmentCancellation,
  FulfillmentInput,
  FulfillmentSettings,
  FulfillmentState,
  FulfillmentStatusUpdate,
  NotificationKind,
  NotifyShopperInput,
  SentNotification,
  Shipment,
  SupplierOrderAdvance,
  SupplierOrderInput,
  SupplierOrderLine,
  SupplierOrderPlan,
  SupplierOrderProgress,
  SupplierOrderRecord,
  SupplierOrderSearchDocument,
  SupplierOrderSearchQuery,
  SupplierOrderSearchResult,
  SupplierOrderState,
  SupplierOrderStatus,
  SupplierOrderStrategy,
  SupplierOrderTransition,
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
export const cancelFulfillmentSignal = defineSignal<[FulfillmentCancellation]>('cancelFulfillment');
export const fulfillmentQuery = defineQuery<FulfillmentState>('fulfillment');

/** A supplier order reports every transition to its parent fulfillmentWorkflow. */
export const supplierOrderUpdatedSignal = defineSignal<[SupplierOrderState]>('supplierOrderUpdated');
/** The parent relays an admin's advance (manual strategy) to the supplier order. */
export const advanceSupplierOrderSignal = defineSignal<[SupplierOrderAdvance]>('advanceSupplierOrder');
/** The parent relays a cancellation: the supplier order is cancelled unless it already shipped. */
export const cancelSupplierOrderSignal = defineSignal<[FulfillmentCancellation]>('cancelSupplierOrder');
export const supplierOrderQuery = defineQuery<SupplierOrderState>('supplierOrder');

// ---- activities ------------------------------------------------------------------------------

/** Activities registered by the fulfillment worker on the `fulfillment` task queue. */
export interface FulfillmentActivities {
  /** Starts (or finds) fulfillmentWorkflow for the order; OMS calls it. Idempotent per order id. */
  startFulfillment(input: FulfillmentInput): Promise<{ workflowId: string }>;
  /** Sends (and records) a shopper notification; idempotent per notificationId. */
  notifyShopper(input: NotifyShopperInput): Promise<SentNotification>;
  /**
   * Persists a supplier order's record (and its shipment once shipped) and projects it to the
   * `supplier_orders` search index. Version-guarded: an older record than the stored one is ignored.
   */
  recordSupplierOrder(input: SupplierOrderRecord): Promise<{ stored: boolean }>;
  /** Hands a supplier order to the dropshipper's API; idempotent per supplierOrderId. */
  submitDropshipOrder(input: DropshipOrderRequest): Promise<DropshipOrderStatus>;
  /** Polls the dropshipper for the order's status. */
  getDropshipOrderStatus(input: DropshipOrderRef): Promise<DropshipOrderStatus>;
  /** Asks the dropshipper to cancel; refused (cancelled: false) once the order shipped. */
  cancelDropshipOrder(input: DropshipCancelRequest): Promise<DropshipCancellationResult>;
}

// ---- failures --------------------------------------------------------------------------------

export const FulfillmentFailure = {
  SupplierRejected: 'SupplierRejectedError',
  NothingToAdvance: 'NothingToAdvanceError',
  UnknownSupplierOrder: 'UnknownSupplierOrderError',
  FulfillmentCancelled: 'FulfillmentCancelledError',
  /** An activity's input broke its schema. */
  InvalidInput: 'InvalidFulfillmentInputError',
  /** The dropshipper does not know the external reference. */
  UnknownDropshipOrder: 'UnknownDropshipOrderError',
} as const;
export type FulfillmentFailureType = (typeof FulfillmentFailure)[keyof typeof FulfillmentFailure];
