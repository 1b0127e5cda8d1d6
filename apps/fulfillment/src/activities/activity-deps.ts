import type { Client } from '@temporalio/client';
import type { DropshipApi } from '../ports/dropship-api.js';
import type { NotificationLog } from '../ports/notification-log.js';
import type { Notifier } from '../ports/notifier.js';
import type { SupplierOrderRepository } from '../ports/supplier-order-repository.js';
import type { SupplierOrderSearchWriter } from '../ports/supplier-order-search.js';

/** Everything the fulfillment activities need; the worker builds it from config. */
export interface FulfillmentActivityDeps {
  /** Starts fulfillment workflows (startFulfillment). */
  client: Client;
  /** The queue fulfillment workflows run on; default FULFILLMENT_TASK_QUEUE. */
  taskQueue?: string;
  supplierOrders: SupplierOrderRepository;
  search: SupplierOrderSearchWriter;
  notifications: NotificationLog;
  notifier: Notifier;
  dropshipper: DropshipApi;
  /** The activities' clock (tests may pin it); defaults to the system clock. */
  now?: () => Date;
}

export const nowIso = (deps: Pick<FulfillmentActivityDeps, 'now'>): string =>
  (deps.now ? deps.now() : new Date()).toISOString();
