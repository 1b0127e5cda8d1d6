import { randomUUID } from 'node:crypto';
import type { Client } from 'cassandra-driver';
import { createCassandraClient } from '@commerce/cassandra-store';
import { requireTestStores, testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIdempotencyStoreContract } from '../../test/contract/idempotency-store.contract.js';
import {
  createCassandraIdempotencyStore,
  migrateGatewayKeyspace,
} from './cassandra-idempotency-store.js';

const stores = testStores();

describe.skipIf('skipReason' in stores)('Cassandra idempotency store', () => {
  const keyspace = uniqueStoreName('gateway_idem');
  const clients: Client[] = [];
  let admin: Client;
  const connect = (): Client => {
    const client = createCassandraClient({
      ...requireTestStores().cassandra,
      keyspace,
      applicationName: 'gateway-tests',
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    admin = createCassandraClient({ ...requireTestStores().cassandra, applicationName: 'gateway-tests' });
    await migrateGatewayKeyspace(admin, keyspace);
  });
  afterAll(async () => {
    try {
      await admin?.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
    } finally {
      await Promise.all([admin, ...clients].filter(Boolean).map((c) => c.shutdown()));
    }
  });

  describeIdempotencyStoreContract('cassandra', ({ clock, inProgressLeaseMs }) => ({
    store: createCassandraIdempotencyStore({ client: connect(), clock, inProgressLeaseMs }),
    // A second replica: its own client (its own connections and prepared statements).
    another: () => createCassandraIdempotencyStore({ client: connect(), clock, inProgressLeaseMs }),
  }));

  it('applies its keyspace migration once, however often it runs', async () => {
    const again = await migrateGatewayKeyspace(admin, keyspace);
    expect(again.applied).toEqual([]);
    const tables = await admin.execute(
      'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
      [keyspace],
      { prepare: true },
    );
    expect(tables.rows.map((r) => String(r.get('table_name')))).toContain('idempotency_keys');
  });

  it('lets Cassandra expire the records by TTL: nothing to purge, the key is free again', async () => {
    const store = createCassandraIdempotencyStore({ client: connect(), ttlMs: 2_000 });
    const scope = { principal: 'p', method: 'POST', route: '/v1/orders', key: randomUUID() };
    const first = await store.begin(scope, 'hash-a');
    if (first.outcome !== 'started') throw new Error('expected started');
    await store.complete(scope, first.attempt, { status: 201, body: '{}', contentType: null });
    expect((await store.begin(scope, 'hash-b')).outcome).toBe('mismatch');
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const rows = await connect().execute(
      'SELECT request_hash FROM idempotency_keys WHERE principal = ? AND method = ? AND route = ? AND idempotency_key = ?',
      [scope.principal, scope.method, scope.route, scope.key],
      { prepare: true },
    );
    expect(rows.rowLength).toBe(0);
    expect(await store.purgeExpired()).toBe(0);
    expect((await store.begin(scope, 'hash-b')).outcome).toBe('started');
  });
});
