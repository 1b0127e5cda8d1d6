import type { DropshipRemoteStatus } from '@commerce/contracts/fulfillment';
import type { AdvanceTarget } from './supplier-order-lifecycle.js';

/**
 * Where the dropshipper's reported status takes our supplier order: `received` leaves it pending;
 * a cancellation we did not ask for is the supplier refusing the order, so it counts as rejected.
 */
export function dropshipTarget(remote: DropshipRemoteStatus): AdvanceTarget | undefined {
  switch (remote) {
    case 'received':
      return undefined;
    case 'processing':
    case 'shipped':
    case 'delivered':
    case 'rejected':
      return remote;
    case 'cancelled':
      return 'rejected';
  }
}
