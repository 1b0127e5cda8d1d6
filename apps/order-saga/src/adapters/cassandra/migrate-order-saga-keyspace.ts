import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from 'cassandra-driver';
import {
  migrateKeyspace,
  type MigrateKeyspaceOptions,
  type MigrateKeyspaceResult,
} from '@commerce/cassandra-store';

/** The folder of the order_saga keyspace's CQL files, relative to the workspace root. */
export const ORDER_SAGA_CQL_PATH = join('infra', 'cassandra', 'cql', 'order_saga');

/** infra/cassandra/cql/order_saga of the workspace this module lives in (found by its pnpm-workspace.yaml). */
export function orderSagaCqlDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, ORDER_SAGA_CQL_PATH);
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `no workspace root (pnpm-workspace.yaml) above ${from}: pass cqlDir to migrateOrderSagaKeyspace`,
      );
    dir = parent;
  }
}

/**
 * Creates (if needed) and migrates the order saga's keyspace, then leaves `client` bound to it.
 * Idempotent; safe from several processes at once.
 */
export function migrateOrderSagaKeyspace(
  client: Client,
  keyspace: string,
  options: Partial<Pick<MigrateKeyspaceOptions, 'cqlDir' | 'replication' | 'lockWaitMs'>> = {},
): Promise<MigrateKeyspaceResult> {
  return migrateKeyspace(client, {
    ...options,
    keyspace,
    cqlDir: options.cqlDir ?? orderSagaCqlDir(),
  });
}
