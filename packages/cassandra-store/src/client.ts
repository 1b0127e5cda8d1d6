import { Client, types } from 'cassandra-driver';
import { assertKeyspaceName } from './names.js';

export interface CassandraClientOptions {
  /** `host` or `host:port` entries, e.g. `['127.0.0.1:9042']`. */
  contactPoints: readonly string[];
  /** The datacenter this process is in; requests are routed to its nodes (`datacenter1` locally). */
  localDataCenter: string;
  /** Session keyspace; unqualified table names refer to it. Leave it out for migrations. */
  keyspace?: string;
  /** Shown in `system_views.clients` on the server. */
  applicationName?: string;
  credentials?: { username: string; password: string };
  /** Per-request timeout (default 12 s; Paxos rounds under contention take a while). */
  readTimeoutMs?: number;
}

/**
 * A cassandra-driver Client with the settings the commerce services use: LOCAL_QUORUM reads and
 * writes, LOCAL_SERIAL for lightweight transactions, prepared statements by default, two
 * connections per local node, bounded connect/read timeouts. It connects lazily on first use;
 * call `shutdown()` when done.
 */
export function createCassandraClient(options: CassandraClientOptions): Client {
  const {
    contactPoints,
    localDataCenter,
    keyspace,
    applicationName,
    credentials,
    readTimeoutMs = 12_000,
  } = options;
  if (contactPoints.length === 0 || contactPoints.some((point) => point.trim() === '')) {
    throw new RangeError('contactPoints must hold at least one non-empty host or host:port');
  }
  if (localDataCenter.trim() === '') throw new RangeError('localDataCenter must not be empty');
  if (keyspace !== undefined) assertKeyspaceName(keyspace);
  if (!Number.isInteger(readTimeoutMs) || readTimeoutMs <= 0) {
    throw new RangeError(`readTimeoutMs must be a positive integer, got ${String(readTimeoutMs)}`);
  }
  return new Client({
    contactPoints: [...contactPoints],
    localDataCenter,
    ...(keyspace === undefined ? {} : { keyspace }),
    ...(applicationName === undefined ? {} : { applicationName }),
    ...(credentials === undefined ? {} : { credentials }),
    queryOptions: {
      prepare: true,
      consistency: types.consistencies.localQuorum,
      serialConsistency: types.consistencies.localSerial,
    },
    pooling: {
      coreConnectionsPerHost: { [types.distance.local]: 2, [types.distance.remote]: 1 },
      heartBeatInterval: 30_000,
    },
    socketOptions: { connectTimeout: 5_000, readTimeout: readTimeoutMs },
    protocolOptions: { maxSchemaAgreementWaitSeconds: 30 },
  });
}
