import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from 'cassandra-driver';
import {
  migrateKeyspace,
  type MigrateKeyspaceOptions,
  type MigrateKeyspaceResult,
} from './migrate-keyspace.js';

/** Where the CQL folders of every keyspace live, relative to the workspace root. */
export const WORKSPACE_CQL_PATH = join('infra', 'cassandra', 'cql');

const CQL_FOLDER = /^[a-z][a-z0-9_]*$/;

/**
 * `infra/cassandra/cql/<cqlFolder>` of the workspace (the first folder above `from` holding a
 * pnpm-workspace.yaml; by default the one this package lives in).
 */
export function workspaceCqlDir(
  cqlFolder: string,
  from: string = dirname(fileURLToPath(import.meta.url)),
): string {
  if (!CQL_FOLDER.test(cqlFolder)) {
    throw new RangeError(
      `cqlFolder ${JSON.stringify(cqlFolder)}: one folder of ${WORKSPACE_CQL_PATH}, lowercase [a-z0-9_]`,
    );
  }
  for (let dir = resolve(from); ;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml')))
      return join(dir, WORKSPACE_CQL_PATH, cqlFolder);
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `no workspace root (pnpm-workspace.yaml) above ${from}: pass cqlDir for the ${cqlFolder} keyspace`,
      );
    }
    dir = parent;
  }
}

export interface MigrateDomainKeyspaceOptions extends Partial<
  Pick<MigrateKeyspaceOptions, 'replication' | 'lockWaitMs' | 'lockLeaseSeconds'>
> {
  /** The keyspace to create (if missing) and migrate, e.g. `oms` (the app's CASSANDRA_KEYSPACE_<APP>). */
  keyspace: string;
  /** The domain's folder of `infra/cassandra/cql`, e.g. `order_saga`. */
  cqlFolder: string;
  /** The CQL folder itself, instead of `infra/cassandra/cql/<cqlFolder>` of the workspace. */
  cqlDir?: string;
}

/**
 * Creates (if needed) and migrates a domain's keyspace from its folder of `infra/cassandra/cql`,
 * then leaves `client` bound to it (see `migrateKeyspace`). Pass a client without a keyspace (or
 * bound to this one). Idempotent; safe from several processes at once.
 */
export function migrateDomainKeyspace(
  client: Client,
  options: MigrateDomainKeyspaceOptions,
): Promise<MigrateKeyspaceResult> {
  const { cqlFolder, cqlDir, ...rest } = options;
  return migrateKeyspace(client, { ...rest, cqlDir: cqlDir ?? workspaceCqlDir(cqlFolder) });
}
