import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from 'cassandra-driver';
import {
  migrateKeyspace,
  type MigrateKeyspaceOptions,
  type MigrateKeyspaceResult,
} from '@commerce/cassandra-store';

/** The folder of the fulfillment keyspace's CQL files, relative to the workspace root. */
export const FULFILLMENT_CQL_PATH = join('infra', 'cassandra', 'cql', 'fulfillment');

/** infra/cassandra/cql/fulfillment of the workspace this module lives in (found by its pnpm-workspace.yaml). */
export function fulfillmentCqlDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = resolve(from); ;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return join(dir, FULFILLMENT_CQL_PATH);
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `no workspace root (pnpm-workspace.yaml) above ${from}: pass cqlDir to migrateFulfillmentKeyspace`,
      );
    dir = parent;
  }
}

/**
 * Creates (if needed) and migrates the fulfillment keyspace, then leaves `client` bound to it.
 * Pass a client without a keyspace (or bound to this one). Idempotent; safe from several processes.
 */
export function migrateFulfillmentKeyspace(
  client: Client,
  keyspace: string,
  options: Partial<Pick<MigrateKeyspaceOptions, 'cqlDir' | 'replication' | 'lockWaitMs'>> = {},
): Promise<MigrateKeyspaceResult> {
  return migrateKeyspace(client, {
    ...options,
    keyspace,
    cqlDir: options.cqlDir ?? fulfillmentCqlDir(),
  });
}
