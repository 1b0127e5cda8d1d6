import type { OrderSearchWriter } from '@commerce/order-search';
import type { Client } from '@temporalio/client';
import type { OrderRepository } from '../ports/order-repository.js';
import type { TimelineRepository } from '../ports/timeline-repository.js';

/** Everything the OMS activities need; the worker builds it from config. */
export interface OmsActivityDeps {
  orders: OrderRepository;
  timeline: TimelineRepository;
  /** The `orders` search projection (SQLite or Elasticsearch). */
  search: OrderSearchWriter;
  /** The worker's client (startOrder starts workflows, awaitSagaOutcome follows the saga). */
  client: Client;
  /** ORDER_PROJECTION_FLUSH_MS, passed to every order workflow startOrder starts. */
  projectionFlushMs: number;
  /** How often awaitSagaOutcome heartbeats while it waits (default 10 s). */
  heartbeatMs?: number;
}
