import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  setHandler,
  startChild,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import {
  advanceFulfillmentUpdate,
  advanceSupplierOrderSignal,
  cancelFulfillmentSignal,
  cancelSupplierOrderSignal,
  fulfillmentQuery,
  supplierOrderUpdatedSignal,
  supplierOrderWorkflowId,
  type AdvanceFulfillmentInput,
  type FulfillmentCancellation,
  type FulfillmentInput,
  type FulfillmentState,
  type SupplierOrderPlan,
  type SupplierOrderState,
} from '@commerce/contracts/fulfillment';
import { planAdvance, type AdvanceStep } from '../domain/advance-plan.js';
import { isFulfillmentError } from '../domain/fulfillment-error.js';
import { canReach, isTerminal, strategyFor } from '../domain/supplier-order-lifecycle.js';
import { notifier } from './activity-proxies.js';
import { supplierOrderWorkflow } from './supplier-order.js';

/** How long an advance waits for its supplier orders to report the new stage before answering. */
const ADVANCE_ANSWER_WAIT = '1 minute';

/** The advance plan, with a domain refusal turned into the ApplicationFailure the caller sees. */
function planOrRefuse(
  states: readonly SupplierOrderState[],
  input: AdvanceFulfillmentInput,
): AdvanceStep[] {
  try {
    return planAdvance(states, input);
  } catch (error) {
    if (!isFulfillmentError(error)) throw error;
    throw ApplicationFailure.create({
      type: error.type,
      message: error.message,
      nonRetryable: true,
      details: error.details === undefined ? [] : [error.details],
    });
  }
}

/**
 * Fulfillment of one order (id `fulfillment:<orderId>`), started by OMS through the
 * startFulfillment activity: one child supplierOrderWorkflow per supplier order, each running its
 * supplier's strategy. It keeps every supplier order's latest state for fulfillmentQuery, relays
 * admin advances of manual supplier orders (advanceFulfillmentUpdate, validated against that
 * state) and OMS's cancellation (cancelFulfillmentSignal: supplier orders not yet shipped are
 * cancelled, shipped ones go on), and completes when every supplier order has.
 */
export async function fulfillmentWorkflow(input: FulfillmentInput): Promise<FulfillmentState> {
  const startedAt = new Date().toISOString();
  const states = new Map<string, SupplierOrderState>(
    input.supplierOrders.map((plan) => [
      plan.supplierOrderId,
      {
        supplierOrderId: plan.supplierOrderId,
        supplierId: plan.supplier.id,
        strategy: strategyFor(plan.supplier.type, input.settings),
        status: 'pending',
        trackingNumber: null,
        externalReference: null,
        updatedAt: startedAt,
      },
    ]),
  );
  const children = new Map<string, ChildWorkflowHandle<typeof supplierOrderWorkflow>>();
  const finished = new Set<string>();
  let cancellation: FulfillmentCancellation | undefined;
  let cancellationRelayed = false;

  const view = (): FulfillmentState => ({
    orderId: input.orderId,
    cancelled: cancellation !== undefined,
    supplierOrders: [...states.values()],
  });
  const context = { orderId: input.orderId };

  setHandler(fulfillmentQuery, view);
  setHandler(supplierOrderUpdatedSignal, (state) => {
    // A finished child's result is final; only known supplier orders are tracked.
    if (states.has(state.supplierOrderId) && !finished.has(state.supplierOrderId))
      states.set(state.supplierOrderId, state);
  });
  setHandler(cancelFulfillmentSignal, (request) => {
    cancellation ??= request;
  });
  setHandler(
    advanceFulfillmentUpdate,
    async (request) => {
      const steps = planOrRefuse([...states.values()], request);
      for (const { supplierOrderId, to } of steps) {
        await condition(() => children.has(supplierOrderId));
        await children
          .get(supplierOrderId)
          ?.signal(advanceSupplierOrderSignal, {
            to,
            actor: request.actor,
            ...(request.note === undefined ? {} : { note: request.note }),
            ...(request.trackingNumber === undefined
              ? {}
              : { trackingNumber: request.trackingNumber }),
          })
          .catch((error: unknown) =>
            log.warn('an advance could not be relayed', {
              ...context,
              supplierOrderId,
              error: String(error),
            }),
          );
      }
      const arrived = (step: AdvanceStep): boolean => {
        const status = states.get(step.supplierOrderId)?.status;
        return (
          status === undefined ||
          status === step.to ||
          isTerminal(status) ||
          !canReach(status, step.to)
        );
      };
      await condition(() => steps.every(arrived), ADVANCE_ANSWER_WAIT);
      return view();
    },
    {
      validator: (request: AdvanceFulfillmentInput) =>
        void planOrRefuse([...states.values()], request),
    },
  );

  const childInput = (plan: SupplierOrderPlan) => ({
    orderId: input.orderId,
    confirmationNumber: input.confirmationNumber,
    omsWorkflowId: input.omsWorkflowId,
    holdId: input.holdId,
    customer: input.customer,
    shippingAddress: input.shippingAddress,
    plan,
    settings: input.settings,
  });

  for (const plan of input.supplierOrders) {
    const handle = await startChild(supplierOrderWorkflow, {
      workflowId: supplierOrderWorkflowId(plan.supplierOrderId),
      args: [childInput(plan)],
    });
    children.set(plan.supplierOrderId, handle);
    void handle.result().then(
      (state) => {
        states.set(plan.supplierOrderId, state);
        finished.add(plan.supplierOrderId);
      },
      (error: unknown) => {
        log.error('a supplier order workflow failed', {
          ...context,
          supplierOrderId: plan.supplierOrderId,
          error: String(error),
        });
        finished.add(plan.supplierOrderId);
      },
    );
  }

  while (finished.size < children.size) {
    await condition(
      () => finished.size === children.size || (cancellation !== undefined && !cancellationRelayed),
    );
    if (cancellation !== undefined && !cancellationRelayed) {
      cancellationRelayed = true;
      const request = cancellation;
      log.info('fulfillment cancelled', {
        ...context,
        cancelledBy: request.cancelledBy,
        reason: request.reason,
      });
      await Promise.all(
        [...children.entries()]
          .filter(([supplierOrderId]) => !finished.has(supplierOrderId))
          .map(([supplierOrderId, handle]) =>
            handle.signal(cancelSupplierOrderSignal, request).catch((error: unknown) =>
              log.warn('a cancellation could not be relayed', {
                ...context,
                supplierOrderId,
                error: String(error),
              }),
            ),
          ),
      );
    }
  }

  if (
    cancellation !== undefined &&
    [...states.values()].some((state) => state.status === 'cancelled')
  ) {
    await notifier
      .notifyShopper({
        notificationId: `${input.orderId}:order_cancelled`,
        orderId: input.orderId,
        kind: 'order_cancelled',
        to: input.customer.email,
        name: input.customer.name,
        confirmationNumber: input.confirmationNumber,
        trackingNumber: null,
      })
      .catch((error: unknown) =>
        log.warn('the shopper could not be notified of the cancellation', {
          ...context,
          error: String(error),
        }),
      );
  }
  await condition(allHandlersFinished);
  return view();
}
