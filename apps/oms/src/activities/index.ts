import type { OmsActivities } from '@commerce/contracts/oms';
import type { OmsActivityDeps } from './activity-deps.js';
import { makeAwaitSagaOutcome } from './await-saga-outcome.js';
import { createOrderStoreActivities } from './order-store-activities.js';
import { makeStartOrder } from './start-order.js';

export type { OmsActivityDeps } from './activity-deps.js';

/** Every activity the OMS worker registers on the oms task queue. */
export function createOmsActivities(deps: OmsActivityDeps) {
  return {
    startOrder: makeStartOrder(deps),
    ...createOrderStoreActivities(deps),
    awaitSagaOutcome: makeAwaitSagaOutcome(deps),
  } satisfies OmsActivities;
}
