import type { Client } from 'cassandra-driver';
import { createCassandraClient } from './client.js';
import { migrateDomainKeyspace } from './migrate-domain-keyspace.js';

export interface ConnectDomainKeyspaceOptions {
  contactPoints: readonly string[];
  localDataCenter: string;
  keyspace: string;
  /** Create and migrate the keyspace first (SCHEMA_SETUP); otherwise it must already exist. */
  migrate: boolean;
  /** The domain's folder of `infra/cassandra/cql`, e.g. `order_saga`. */
  cqlFolder: string;
  /** The CQL folder itself, instead of `infra/cassandra/cql/<cqlFolder>` of the workspace. */
  cqlDir?: string;
  /** Shown in `system_views.clients`, e.g. `oms-worker`. */
  applicationName: string;
}

export interface DomainKeyspaceConnection {
  /** A client bound to the keyspace. */
  client: Client;
  /** `cassandra <contact points> keyspace <keyspace>`, for the start-up log line. */
  description: string;
  /** Shuts the client down. */
  close: () => Promise<void>;
}

/**
 * A client of a domain's keyspace, the Cassandra half of a worker's write-store selection: with
 * `migrate` the keyspace is created and migrated first (the client is opened without a keyspace
 * and migrating binds it); without, the client is bound to the existing keyspace. A failed
 * migration shuts the client down before it rethrows.
 */
export async function connectDomainKeyspace(
  options: ConnectDomainKeyspaceOptions,
): Promise<DomainKeyspaceConnection> {
  const { contactPoints, localDataCenter, keyspace, migrate, cqlFolder, cqlDir, applicationName } =
    options;
  const client = createCassandraClient({
    contactPoints,
    localDataCenter,
    applicationName,
    ...(migrate ? {} : { keyspace }),
  });
  try {
    if (migrate) await migrateDomainKeyspace(client, { keyspace, cqlFolder, cqlDir });
  } catch (error) {
    await client.shutdown();
    throw error;
  }
  return {
    client,
    description: `cassandra ${contactPoints.join(',')} keyspace ${keyspace}`,
    close: () => client.shutdown(),
  };
}
