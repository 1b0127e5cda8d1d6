import { allHandlersFinished, condition, continueAsNew } from '@temporalio/workflow';
import type { DropshipOrderStatus, SupplierOrderWorkflow } from '@commerce/contracts/fulfillment';
import type { SupplierOrderMachine } from './supplier-order-machine.js';
import { fulfillment } from './activity-proxies.js';
import { dropshipTarget } from '../domain/dropship-progress.js';
import { isTerminal } from '../domain/supplier-order-lifecycle.js';
import { waitFor } from './wait-for.js';

const ACTOR = 'system:dropshipper';

/** Polls per run before continuing as new (keeps the history of a slow dropshipper bounded). */
export const MAX_POLLS_PER_RUN = 500;

/**
 * The `dropship-api` strategy: the order goes to the dropshipper's API (an external reference
 * comes back), then the workflow polls it every settings.dropshipPollMs through activities and
 * follows what it reports — processing, shipped (its tracking number), delivered, or rejected
 * (hold lines released). A cancellation before shipment asks the API to cancel; an order that
 * shipped meanwhile cannot be cancelled and goes on. After MAX_POLLS_PER_RUN polls the workflow
 * continues as new, carrying its progress.
 */
export async function runDropshipApi(machine: SupplierOrderMachine): Promise<void> {
  const { input } = machine;
  const { plan } = input;

  const follow = async (remote: DropshipOrderStatus): Promise<void> => {
    const target = dropshipTarget(remote.status);
    if (target === undefined) return;
    const reason =
      target === 'rejected'
        ? `the dropshipper rejected the order: ${remote.reason || remote.status}`
        : `the dropshipper reports ${remote.status}`;
    await machine.advance(target, {
      actor: ACTOR,
      reason,
      trackingNumber: remote.trackingNumber,
      carrier: remote.carrier,
    });
  };

  let externalReference = machine.progress().externalReference;
  if (externalReference === null) {
    const cancellation = machine.pendingCancellation();
    if (cancellation !== undefined) return machine.cancel(cancellation);
    const submitted = await fulfillment.submitDropshipOrder({
      supplierOrderId: plan.supplierOrderId,
      orderId: input.orderId,
      supplierId: plan.supplier.id,
      lines: plan.lines,
      shippingAddress: input.shippingAddress,
      submittedAt: machine.progress().createdAt,
    });
    externalReference = submitted.externalReference;
    await machine.remember({ externalReference });
    await follow(submitted);
  }

  let cancelRefused = false;
  for (let polls = 0; !isTerminal(machine.progress().status);) {
    const cancelling = await waitFor(
      () => !cancelRefused && machine.pendingCancellation() !== undefined,
      input.settings.dropshipPollMs,
    );
    const cancellation = machine.pendingCancellation();
    if (cancelling && cancellation !== undefined) {
      const answer = await fulfillment.cancelDropshipOrder({
        supplierOrderId: plan.supplierOrderId,
        externalReference,
        reason: cancellation.reason,
      });
      if (answer.cancelled) return machine.cancel(cancellation);
      cancelRefused = true;
      await follow(answer.order);
      continue;
    }
    await follow(
      await fulfillment.getDropshipOrderStatus({
        supplierOrderId: plan.supplierOrderId,
        externalReference,
      }),
    );
    polls += 1;
    if (
      polls >= MAX_POLLS_PER_RUN &&
      !isTerminal(machine.progress().status) &&
      machine.pendingCancellation() === undefined
    ) {
      await condition(allHandlersFinished);
      await continueAsNew<SupplierOrderWorkflow>({ ...input, carried: machine.progress() });
    }
  }
}
