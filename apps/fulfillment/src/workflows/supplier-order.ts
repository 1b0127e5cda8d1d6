import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import {
  advanceSupplierOrderSignal,
  cancelSupplierOrderSignal,
  supplierOrderQuery,
  type SupplierOrderInput,
  type SupplierOrderState,
} from '@commerce/contracts/fulfillment';
import { isTerminal, strategyFor } from '../domain/supplier-order-lifecycle.js';
import { runDropshipApi } from './dropship-api-strategy.js';
import { runManual } from './manual-strategy.js';
import { runSimulated } from './simulated-strategy.js';
import { createSupplierOrderMachine } from './supplier-order-machine.js';

/**
 * One supplier order (id `supplier-order:<supplierOrderId>`), a child of fulfillmentWorkflow:
 * records itself, allocates its hold lines to the supplier, runs its supplier's strategy
 * (simulated, manual or dropship-api) and ends delivered, rejected or cancelled. Every transition
 * is recorded, signalled to OMS (fulfillmentStatus) and reported to the parent.
 */
export async function supplierOrderWorkflow(
  input: SupplierOrderInput,
): Promise<SupplierOrderState> {
  const strategy = strategyFor(input.plan.supplier.type, input.settings);
  const machine = createSupplierOrderMachine(input, strategy);
  setHandler(supplierOrderQuery, () => machine.state());
  setHandler(cancelSupplierOrderSignal, (request) => machine.requestCancellation(request));
  setHandler(advanceSupplierOrderSignal, (advance) => {
    machine.advances.push(advance);
  });

  if (input.carried === undefined) await machine.create();
  if (!machine.progress().allocated && !isTerminal(machine.progress().status)) {
    const cancellation = machine.pendingCancellation();
    if (cancellation !== undefined) await machine.cancel(cancellation);
    else await machine.allocate();
  }
  if (!isTerminal(machine.progress().status)) {
    switch (strategy) {
      case 'simulated':
        await runSimulated(machine);
        break;
      case 'manual':
        await runManual(machine);
        break;
      case 'dropship-api':
        await runDropshipApi(machine);
        break;
    }
  }
  await condition(allHandlersFinished);
  return machine.state();
}
