import type { SupplierOrderMachine } from './supplier-order-machine.js';
import { canReach } from '../domain/supplier-order-lifecycle.js';
import { waitFor } from './wait-for.js';

const ACTOR = 'system:simulated-supplier';
const CARRIER = 'SimPost';

/**
 * The `simulated` strategy: a supplier that needs no one. Each stage follows the previous one
 * after settings.simulatedStageMs — processing, shipped (with a tracking number), delivered —
 * unless a cancellation arrives before shipment.
 */
export async function runSimulated(machine: SupplierOrderMachine): Promise<void> {
  const stageMs = machine.input.settings.simulatedStageMs;
  for (const stage of ['processing', 'shipped', 'delivered'] as const) {
    if (!canReach(machine.progress().status, stage)) continue;
    if (await waitFor(() => machine.pendingCancellation() !== undefined, stageMs)) {
      const cancellation = machine.pendingCancellation();
      if (cancellation !== undefined) return machine.cancel(cancellation);
    }
    await machine.advance(stage, {
      actor: ACTOR,
      reason:
        stage === 'processing'
          ? 'the supplier is preparing the order'
          : stage === 'shipped'
            ? 'handed to the carrier'
            : 'delivered by the carrier',
      ...(stage === 'shipped' ? { carrier: CARRIER } : {}),
    });
  }
}
