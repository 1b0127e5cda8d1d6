import { getExternalWorkflowHandle, log, uuid4, workflowInfo } from '@temporalio/workflow';
import {
  supplierOrderUpdatedSignal,
  type FulfillmentCancellation,
  type NotificationKind,
  type SupplierOrderAdvance,
  type SupplierOrderInput,
  type SupplierOrderProgress,
  type SupplierOrderRecord,
  type SupplierOrderState,
  type SupplierOrderStatus,
  type SupplierOrderStrategy,
} from '@commerce/contracts/fulfillment';
import { fulfillmentStatusSignal } from '@commerce/contracts/oms';
import { stateOf } from '../domain/supplier-order-record.js';
import {
  isBeforeShipment,
  stagesTo,
  type AdvanceTarget,
} from '../domain/supplier-order-lifecycle.js';
import { fulfillment, inventory, notifier } from './activity-proxies.js';
import { businessFailureOf } from './business-failure.js';

/** Who moved a supplier order, why, and what came with the move. */
export interface Change {
  actor: string;
  reason: string;
  trackingNumber?: string | null;
  carrier?: string | null;
}

const HISTORY_LIMIT = 50;

/**
 * One supplier order's state and every way it can change, shared by the strategies. Each
 * transition is committed in the same order: the record (store + search projection), then a
 * fulfillmentStatus signal to OMS, then the parent's copy — so by the time OMS hears about a
 * status, the record of it exists. Shipping fulfills the hold lines first; rejecting and
 * cancelling release them first: inventory is settled before anyone is told.
 */
export interface SupplierOrderMachine {
  readonly input: SupplierOrderInput;
  readonly strategy: SupplierOrderStrategy;
  progress(): SupplierOrderProgress;
  state(): SupplierOrderState;
  /** The cancellation to act on now: requested, and the goods have not left yet. */
  pendingCancellation(): FulfillmentCancellation | undefined;
  /** The admin advances received and not yet taken (manual strategy). */
  readonly advances: SupplierOrderAdvance[];
  /** A cancellation request arrived (the first one wins); acted on while it is before shipment. */
  requestCancellation(request: FulfillmentCancellation): void;
  /** Records the supplier order as created (first run only). */
  create(): Promise<void>;
  /** Allocates the hold lines to the supplier; false when inventory refused (the order is then rejected). */
  allocate(): Promise<boolean>;
  /** Moves through every stage up to `to` (processing → shipped → delivered never skips one). */
  advance(to: AdvanceTarget, change: Change): Promise<void>;
  /** Cancels (hold lines released) — only before shipment. */
  cancel(cancellation: FulfillmentCancellation): Promise<void>;
  /** Stores a detail that is not a transition (the dropshipper's reference). */
  remember(details: Pick<Partial<SupplierOrderProgress>, 'externalReference'>): Promise<void>;
}

const generatedTrackingNumber = (prefix: string): string =>
  `${prefix}${uuid4().replace(/-/g, '').slice(0, 14).toUpperCase()}`;

export function createSupplierOrderMachine(
  input: SupplierOrderInput,
  strategy: SupplierOrderStrategy,
): SupplierOrderMachine {
  const { plan } = input;
  const skus = plan.lines.map((line) => line.sku);
  const startedAt = new Date().toISOString();
  let progress: SupplierOrderProgress = input.carried ?? {
    status: 'pending',
    trackingNumber: null,
    carrier: null,
    externalReference: null,
    reason: '',
    allocated: false,
    history: [],
    createdAt: startedAt,
    updatedAt: startedAt,
    // Not stored yet: create() makes it version 1.
    version: 0,
  };
  let cancellation: FulfillmentCancellation | undefined;
  const advances: SupplierOrderAdvance[] = [];
  const parentWorkflowId = workflowInfo().parent?.workflowId;

  const record = (): SupplierOrderRecord => ({
    supplierOrderId: plan.supplierOrderId,
    orderId: input.orderId,
    confirmationNumber: input.confirmationNumber,
    supplier: plan.supplier,
    strategy,
    lines: plan.lines,
    customer: input.customer,
    ...progress,
  });
  const state = (): SupplierOrderState => stateOf(record());
  const context = { supplierOrderId: plan.supplierOrderId, orderId: input.orderId };

  async function tellParent(): Promise<void> {
    if (parentWorkflowId === undefined) return;
    try {
      await getExternalWorkflowHandle(parentWorkflowId).signal(supplierOrderUpdatedSignal, state());
    } catch (error) {
      log.warn('the parent fulfillment workflow could not be told', {
        ...context,
        parentWorkflowId,
        error: String(error),
      });
    }
  }

  async function tellOms(status: SupplierOrderStatus, reason: string, at: string): Promise<void> {
    try {
      await getExternalWorkflowHandle(input.omsWorkflowId).signal(fulfillmentStatusSignal, {
        orderId: input.orderId,
        supplierOrderId: plan.supplierOrderId,
        supplierId: plan.supplier.id,
        status,
        trackingNumber: progress.trackingNumber,
        reason,
        at,
      });
    } catch (error) {
      // OMS may be gone (terminated by an operator); fulfillment goes on and the record keeps the truth.
      log.warn('OMS could not be told about a supplier order transition', {
        ...context,
        status,
        omsWorkflowId: input.omsWorkflowId,
        error: String(error),
      });
    }
  }

  async function save(): Promise<void> {
    await fulfillment.recordSupplierOrder(record());
  }

  async function commit(status: SupplierOrderStatus, change: Change): Promise<void> {
    const at = new Date().toISOString();
    progress = {
      ...progress,
      status,
      ...(change.trackingNumber === undefined ? {} : { trackingNumber: change.trackingNumber }),
      ...(change.carrier === undefined ? {} : { carrier: change.carrier }),
      reason: change.reason,
      history: [
        ...progress.history,
        { status, at, actor: change.actor, reason: change.reason },
      ].slice(-HISTORY_LIMIT),
      updatedAt: at,
      version: progress.version + 1,
    };
    await save();
    log.info('supplier order transition', {
      ...context,
      status,
      actor: change.actor,
      reason: change.reason,
    });
    await tellOms(status, change.reason, at);
    await tellParent();
  }

  async function notifyShopper(kind: NotificationKind): Promise<void> {
    try {
      await notifier.notifyShopper({
        notificationId: `${plan.supplierOrderId}:${kind}`,
        orderId: input.orderId,
        kind,
        to: input.customer.email,
        name: input.customer.name,
        confirmationNumber: input.confirmationNumber,
        trackingNumber: progress.trackingNumber,
      });
    } catch (error) {
      log.warn('the shopper could not be notified', { ...context, kind, error: String(error) });
    }
  }

  /** Releases the hold lines; a business refusal (nothing left to release) is logged, not fatal. */
  async function release(reason: string): Promise<void> {
    try {
      await inventory.releaseHold({
        holdId: input.holdId,
        skus,
        supplierId: plan.supplier.id,
        reason,
      });
    } catch (error) {
      const failure = businessFailureOf(error);
      if (failure === undefined) throw error;
      log.warn('the hold lines could not be released', {
        ...context,
        holdId: input.holdId,
        type: failure.type,
        message: failure.message,
      });
    }
  }

  async function ship(change: Change): Promise<void> {
    try {
      await inventory.fulfillHold({
        holdId: input.holdId,
        skus,
        supplierId: plan.supplier.id,
        reason: `shipped: supplier order ${plan.supplierOrderId}`,
      });
    } catch (error) {
      const failure = businessFailureOf(error);
      if (failure === undefined) throw error;
      // The goods left all the same: record the shipment and leave the mismatch to be seen in the log.
      log.error('the hold lines could not be fulfilled', {
        ...context,
        holdId: input.holdId,
        type: failure.type,
        message: failure.message,
      });
    }
    await commit('shipped', {
      ...change,
      trackingNumber: change.trackingNumber ?? generatedTrackingNumber('TRK'),
    });
    await notifyShopper('order_shipped');
  }

  async function step(stage: AdvanceTarget, change: Change): Promise<void> {
    switch (stage) {
      case 'processing':
        return commit('processing', change);
      case 'shipped':
        return ship(change);
      case 'delivered':
        await commit('delivered', change);
        return notifyShopper('order_delivered');
      case 'rejected':
        await release(`rejected: ${change.reason}`);
        return commit('rejected', change);
    }
  }

  return {
    input,
    strategy,
    progress: () => progress,
    state,
    pendingCancellation: () =>
      cancellation !== undefined && isBeforeShipment(progress.status) ? cancellation : undefined,
    advances,
    create: () =>
      commit('pending', {
        actor: 'system:fulfillment',
        reason: `received for ${strategy} fulfillment`,
      }),
    async allocate() {
      try {
        await inventory.allocateHold({
          holdId: input.holdId,
          skus,
          supplierId: plan.supplier.id,
          reason: `supplier order ${plan.supplierOrderId}`,
        });
        // Stored at once: the record tells which supplier orders hold allocated stock.
        progress = { ...progress, allocated: true, version: progress.version + 1 };
        await save();
        return true;
      } catch (error) {
        const failure = businessFailureOf(error);
        if (failure === undefined) throw error;
        await step('rejected', {
          actor: 'system:inventory',
          reason: `inventory refused the allocation: ${failure.message}`,
        });
        return false;
      }
    },
    async advance(to, change) {
      for (const stage of stagesTo(progress.status, to)) await step(stage, change);
    },
    async cancel(request) {
      await release(`cancelled: ${request.reason}`);
      await commit('cancelled', { actor: request.cancelledBy, reason: request.reason });
    },
    async remember(details) {
      progress = { ...progress, ...details, version: progress.version + 1 };
      await save();
      await tellParent();
    },
    requestCancellation(request) {
      cancellation ??= request;
    },
  };
}
