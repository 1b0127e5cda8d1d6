// Workflow-safe root entry of the OMS contract: types, names, message definitions, failure types
// and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FulfillmentStatusUpdate } from '../fulfillment/schemas.js';
import type {
  AdminStatusChange,
  OrderCancellation,
  OrderNoteInput,
  OrderView,
  OrderWorkflowInput,
  OrderWorkflowResult,
  ReceiveReturnInput,
  ReturnDecisionInput,
  ReturnRequestInput,
  TimelineEntry,
} from './schemas.js';

export type {
  AdminStatusChange,
  OrderCancellation,
  OrderNoteInput,
  OrderReturn,
  OrderSearchDocument,
  OrderSearchQuery,
  OrderSearchResult,
  OrderSort,
  OrderStatus,
  OrderView,
  OrderWorkflowInput,
  OrderWorkflowResult,
  PlacedOrder,
  ReceiveReturnInput,
  ReturnDecisionInput,
  ReturnLine,
  ReturnRequestInput,
  ReturnStatus,
  SupplierOrderView,
  TimelineEntry,
} from './schemas.js';

export const OMS_TASK_QUEUE = 'oms';

// ---- workflows -------------------------------------------------------------------------------

export const ORDER_WORKFLOW = 'orderWorkflow';
export type OrderWorkflow = (input: OrderWorkflowInput) => Promise<OrderWorkflowResult>;
export const orderWorkflowId = (orderId: string): string => `oms-order:${orderId}`;

// ---- messages --------------------------------------------------------------------------------

/** Fulfillment reports every supplier-order transition (the order status is derived from them). */
export const fulfillmentStatusSignal = defineSignal<[FulfillmentStatusUpdate]>('fulfillmentStatus');
/** The saga cancels the order (before shipment); OMS stops fulfillment and records who and why. */
export const orderCancellationSignal = defineSignal<[OrderCancellation]>('orderCancellation');
/** Admin: force a status the lifecycle allows. */
export const updateOrderStatusUpdate: UpdateDefinition<OrderView, [AdminStatusChange]> = defineUpdate<OrderView, [AdminStatusChange]>('updateOrderStatus');
export const addOrderNoteUpdate: UpdateDefinition<OrderView, [OrderNoteInput]> = defineUpdate<OrderView, [OrderNoteInput]>('addOrderNote');
/** Returns: request (shopper, within the return window) → decide (admin) → receive (admin; refund + restock). */
export const requestReturnUpdate: UpdateDefinition<OrderView, [ReturnRequestInput]> = defineUpdate<OrderView, [ReturnRequestInput]>('requestReturn');
export const decideReturnUpdate: UpdateDefinition<OrderView, [ReturnDecisionInput]> = defineUpdate<OrderView, [ReturnDecisionInput]>('decideReturn');
export const receiveReturnUpdate: UpdateDefinition<OrderView, [ReceiveReturnInput]> = defineUpdate<OrderView, [ReceiveReturnInput]>('receiveReturn');
export const orderQuery = defineQuery<OrderView>('order');
export const orderTimelineQuery = defineQuery<TimelineEntry[]>('orderTimeline');

// ---- activities ------------------------------------------------------------------------------

/** Activities registered by the OMS worker on the `oms` task queue. */
export interface OmsActivities {
  /** Starts (or finds) orderWorkflow for the order; the saga calls it. Idempotent per order id. */
  startOrder(input: OrderWorkflowInput): Promise<{ workflowId: string }>;
}

// ---- failures --------------------------------------------------------------------------------

export const OmsFailure = {
  InvalidStatusTransition: 'InvalidOrderStatusTransitionError',
  ReturnNotAllowed: 'ReturnNotAllowedError',
  ReturnNotFound: 'ReturnNotFoundError',
  InvalidReturn: 'InvalidReturnError',
  OrderNotFound: 'OrderNotFoundError',
} as const;
export type OmsFailureType = (typeof OmsFailure)[keyof typeof OmsFailure];
