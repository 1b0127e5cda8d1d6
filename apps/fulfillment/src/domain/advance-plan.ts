import {
  FulfillmentFailure,
  type AdvanceFulfillmentInput,
  type SupplierOrderState,
} from '@commerce/contracts/fulfillment';
import { FulfillmentError } from './fulfillment-error.js';
import { canReach, nextStage, type AdvanceTarget } from './supplier-order-lifecycle.js';

export interface AdvanceStep {
  supplierOrderId: string;
  to: AdvanceTarget;
}

/**
 * Which manual supplier orders an admin's advance moves, and to which stage. With a
 * supplierOrderId: that one (UnknownSupplierOrder when the order has no such supplier order,
 * NothingToAdvance when it is not manual or cannot reach the stage). Without: every manual
 * supplier order that can reach the requested stage (default: each one's next stage); none →
 * NothingToAdvance. Pure, so the update's validator and its handler agree.
 */
export function planAdvance(
  states: readonly SupplierOrderState[],
  input: AdvanceFulfillmentInput,
): AdvanceStep[] {
  const target = (state: SupplierOrderState): AdvanceTarget | undefined =>
    input.to ?? nextStage(state.status);
  const step = (state: SupplierOrderState): AdvanceStep | undefined => {
    const to = target(state);
    return state.strategy === 'manual' && to !== undefined && canReach(state.status, to)
      ? { supplierOrderId: state.supplierOrderId, to }
      : undefined;
  };

  if (input.supplierOrderId !== undefined) {
    const state = states.find((s) => s.supplierOrderId === input.supplierOrderId);
    if (state === undefined) {
      throw new FulfillmentError(
        FulfillmentFailure.UnknownSupplierOrder,
        `this order has no supplier order ${input.supplierOrderId}`,
        {
          supplierOrderId: input.supplierOrderId,
        },
      );
    }
    const found = step(state);
    if (found !== undefined) return [found];
    const why =
      state.strategy !== 'manual'
        ? `it is fulfilled by the ${state.strategy} strategy, which advances on its own`
        : `it is ${state.status}${input.to === undefined ? '' : ` and cannot move to ${input.to}`}`;
    throw new FulfillmentError(
      FulfillmentFailure.NothingToAdvance,
      `supplier order ${state.supplierOrderId} cannot be advanced: ${why}`,
      {
        supplierOrderId: state.supplierOrderId,
        status: state.status,
        strategy: state.strategy,
      },
    );
  }

  const steps = states.map(step).filter((s): s is AdvanceStep => s !== undefined);
  if (steps.length === 0) {
    const manual = states.filter((s) => s.strategy === 'manual').length;
    throw new FulfillmentError(
      FulfillmentFailure.NothingToAdvance,
      manual === 0
        ? 'this order has no manually fulfilled supplier order'
        : `no manual supplier order can move${input.to === undefined ? ' on' : ` to ${input.to}`}`,
      { manualSupplierOrders: manual },
    );
  }
  return steps;
}
