// Workflow-safe root entry of the OMS contract: types, names, message definitions, failure types
// and id helpers. Runtime imports: @temporalio/workflow only.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { FulfillmentStatusUpdate } from '../fulfillment/schemas.js';
import type {
  AdminStatusChange,
  AwaitSagaOutcomeInput,
  OrderCancellation,
  OrderNoteInput,
  OrderProjectionStatus,
  OrderView,
  OrderWorkflowInput,
  OrderWorkflowResult,
  ReceiveReturnInput,
  ResolveSupplierAssignmentsInput,
  ReturnDecisionInput,
  ReturnRequestInput,
  SagaOutcome,
  SaveOrderInput,
  SupplierAssignments,
  TimelineEntry,
} from './schemas.js';

export type {
  AdminStatusChange,
  AwaitSagaOutcomeInput,
  OrderCancellation,
  OrderNoteInput,
  OrderProjectionStatus,
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
  ResolveSupplierAssignmentsInput,
  ReturnDecisionInput,
  ReturnLine,
  ReturnRequestInput,
  ReturnStatus,
  SagaOutcome,
  SaveOrderInput,
  SupplierAssignments,
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
/** Diagnostics: how the order's projection writes were batched. */
export const orderProjectionQuery = defineQuery<OrderProjectionStatus>('orderProjection');

// ---- activities ------------------------------------------------------------------------------

/** Activities registered by the OMS worker on the `oms` task queue. */
export interface OmsActivities {
  /**
   * Starts (or finds) orderWorkflow for the order; the saga calls it. Idempotent per order id: an
   * order that already has a workflow (running or closed) is never started again.
   */
  startOrder(input: OrderWorkflowInput): Promise<{ workflowId: string }>;
  /** Routes the lines to suppliers: one supplier order per supplier, `<orderId>:<supplierId>`. */
  resolveSupplierAssignments(input: ResolveSupplierAssignmentsInput): Promise<SupplierAssignments>;
  /** Persists the order's three views and appends the timeline entries (idempotent, version-guarded). */
  saveOrder(input: SaveOrderInput): Promise<void>;
  /** One batched projection write: the views, the new timeline entries and the orders search document. */
  projectOrder(input: SaveOrderInput): Promise<void>;
  /** Waits (heartbeating) until the order's saga has ended and says how. */
  awaitSagaOutcome(input: AwaitSagaOutcomeInput): Promise<SagaOutcome>;
}

// ---- failures --------------------------------------------------------------------------------

export const OmsFailure = {
  InvalidStatusTransition: 'InvalidOrderStatusTransitionError',
  ReturnNotAllowed: 'ReturnNotAllowedError',
  ReturnNotFound: 'ReturnNotFoundError',
  InvalidReturn: 'InvalidReturnError',
  OrderNotFound: 'OrderNotFoundError',
  /** An OMS activity's input broke its schema. */
  InvalidInput: 'InvalidOmsInputError',
} as const;
export type OmsFailureType = (typeof OmsFailure)[keyof typeof OmsFailure];
