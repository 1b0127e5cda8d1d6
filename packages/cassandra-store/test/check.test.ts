import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from 'cassandra-driver';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCassandra } from '../src/check.js';
import { createCassandraClient } from '../src/client.js';
import { FIXTURE_CQL } from './helpers.js';
import { migrateKeyspace } from '../src/migrate-keyspace.js';

const stores = testStores();

/** A port nothing listens on (bound and released). */
async function closedPort(): Promise<number> {
  return await new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolvePort(typeof address === 'object' && address !== null ? address.port : 1),
      );
    });
  });
}

describe('createCassandraClient', () => {
  it.each([
    [{ contactPoints: [], localDataCenter: 'dc' }, /at least one non-empty/],
    [{ contactPoints: ['127.0.0.1'], localDataCenter: ' ' }, /localDataCenter must not be empty/],
    [
      { contactPoints: ['127.0.0.1'], localDataCenter: 'dc', keyspace: 'no-dashes' },
      /invalid keyspace name/,
    ],
    [{ contactPoints: ['127.0.0.1'], localDataCenter: 'dc', readTimeoutMs: 0 }, /readTimeoutMs/],
  ])('rejects %j', (options, message) => {
    expect(() => createCassandraClient(options)).toThrow(message);
  });
});

describe.skipIf('skipReason' in stores)('checkCassandra against a real Cassandra', () => {
  const clients: Client[] = [];
  const keyspace = uniqueStoreName('chk');
  const cassandra =
    'skipReason' in stores ? { contactPoints: [], localDataCenter: '' } : stores.cassandra;

  afterAll(async () => {
    await clients[0]?.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
    await Promise.all(clients.map((client) => client.shutdown()));
  });

  it('is ok for a reachable node and reports its release version', async () => {
    const client = createCassandraClient(cassandra);
    clients.push(client);
    const check = await checkCassandra(client);
    expect(check).toMatchObject({ ok: true, keyspace: undefined });
    expect(check.ok && check.releaseVersion).toMatch(/^5\.0\.\d+$/);
  });

  it('is ok for a client bound to a migrated keyspace', async () => {
    const migrator = createCassandraClient(cassandra);
    clients.push(migrator);
    await migrateKeyspace(migrator, { keyspace, cqlDir: FIXTURE_CQL });
    const client = createCassandraClient({ ...cassandra, keyspace });
    clients.push(client);
    expect(await checkCassandra(client)).toMatchObject({ ok: true, keyspace });
  });

  it('is not ok when the keyspace is missing', async () => {
    const client = createCassandraClient({ ...cassandra, keyspace: uniqueStoreName('absent') });
    clients.push(client);
    const check = await checkCassandra(client);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(/keyspace/i);
  });

  it('is not ok, quickly and without throwing, when nothing listens', async () => {
    const client = createCassandraClient({
      contactPoints: [`127.0.0.1:${await closedPort()}`],
      localDataCenter: cassandra.localDataCenter,
    });
    clients.push(client);
    const check = await checkCassandra(client);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(/All host\(s\) tried|ECONNREFUSED|connect/i);
    expect(check.latencyMs).toBeLessThan(10_000);
  });
});
