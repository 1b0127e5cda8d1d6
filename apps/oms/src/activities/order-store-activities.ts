import type { OmsActivities } from '@commerce/contracts/oms';
import { ResolveSupplierAssignmentsInputSchema } from '@commerce/contracts/oms/schemas';
import { toOrderSearchDocument } from '../domain/order-search-document.js';
import { resolveSupplierAssignments } from '../domain/supplier-assignments.js';
import type { OmsActivityDeps } from './activity-deps.js';
import { requireValid } from './oms-failure.js';

type StoreActivities = Pick<OmsActivities, 'resolveSupplierAssignments' | 'saveOrder' | 'projectOrder'>;

/** Routing, the write model and the batched projection write. */
export function createOrderStoreActivities({ orders, timeline, search }: Pick<OmsActivityDeps, 'orders' | 'timeline' | 'search'>): StoreActivities {
  return {
    resolveSupplierAssignments: (input) => {
      const valid = requireValid(ResolveSupplierAssignmentsInputSchema, input, 'supplier routing input');
      return Promise.resolve(resolveSupplierAssignments(valid.orderId, valid.lines));
    },
    async saveOrder({ view, timeline: entries }) {
      // Timeline first: a view never shows a status whose history entry is missing.
      await timeline.append(view.orderId, entries);
      await orders.saveOrder(view);
    },
    async projectOrder({ view, timeline: entries }) {
      await timeline.append(view.orderId, entries);
      await orders.saveOrder(view);
      await search.upsertOrders([toOrderSearchDocument(view)]);
    },
  };
}
