import { condition } from '@temporalio/workflow';
import type { SupplierOrderMachine } from './supplier-order-machine.js';
import { isTerminal } from '../domain/supplier-order-lifecycle.js';

/**
 * The `manual` strategy: the supplier order waits at each stage until an admin advances it
 * (advanceFulfillmentUpdate, relayed by the parent) — to the next stage, to a later one (each
 * stage in between is passed through), or to `rejected` before shipment. A cancellation before
 * shipment wins over advances still queued.
 */
export async function runManual(machine: SupplierOrderMachine): Promise<void> {
  while (!isTerminal(machine.progress().status)) {
    await condition(
      () => machine.advances.length > 0 || machine.pendingCancellation() !== undefined,
    );
    const cancellation = machine.pendingCancellation();
    if (cancellation !== undefined) return machine.cancel(cancellation);
    const next = machine.advances.shift();
    if (next === undefined) continue;
    await machine.advance(next.to, {
      actor: next.actor,
      reason:
        next.note ??
        `${next.to === 'rejected' ? 'rejected' : `advanced to ${next.to}`} by ${next.actor}`,
      ...(next.trackingNumber === undefined ? {} : { trackingNumber: next.trackingNumber }),
      ...(next.to === 'shipped' || next.to === 'delivered' ? { carrier: 'supplier' } : {}),
    });
  }
}
