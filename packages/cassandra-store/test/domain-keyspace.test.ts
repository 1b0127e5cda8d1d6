import { testStores, uniqueStoreName } from '@commerce/test-kit/stores';
import type { Client } from 'cassandra-driver';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createCassandraClient } from '../src/client.js';
import { connectDomainKeyspace } from '../src/connect-domain-keyspace.js';
import { migrateDomainKeyspace, workspaceCqlDir } from '../src/migrate-domain-keyspace.js';
import { MigrationError } from '../src/migration-error.js';
import { FIXTURE_CQL } from './helpers.js';

const WORKSPACE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('workspaceCqlDir', () => {
  it('is infra/cassandra/cql/<folder> of the workspace this package lives in', () => {
    const dir = workspaceCqlDir('inventory');
    expect(dir).toBe(join(WORKSPACE_ROOT, 'infra', 'cassandra', 'cql', 'inventory'));
    expect(existsSync(join(dir, '001-catalog.cql'))).toBe(true);
  });

  it('refuses a folder that is not one plain folder name', () => {
    expect(() => workspaceCqlDir('../inventory')).toThrow(RangeError);
    expect(() => workspaceCqlDir('')).toThrow(RangeError);
  });

  it('says to pass cqlDir when no workspace is above the starting folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'no-workspace-'));
    try {
      expect(() => workspaceCqlDir('oms', outside)).toThrow(
        /no workspace root.*pass cqlDir for the oms keyspace/,
      );
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

const stores = testStores();

describe.skipIf('skipReason' in stores)('domain keyspaces against a real Cassandra', () => {
  const keyspaces: string[] = [];
  const clients: Client[] = [];
  const settings = () => {
    if ('skipReason' in stores) throw new Error(stores.skipReason);
    return stores.cassandra;
  };
  const newKeyspace = (): string => {
    const keyspace = uniqueStoreName('domain_ks');
    keyspaces.push(keyspace);
    return keyspace;
  };
  const tablesOf = async (client: Client, keyspace: string): Promise<string[]> => {
    const result = await client.execute(
      'SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?',
      [keyspace],
    );
    return result.rows.map((row) => String(row.get('table_name'))).sort();
  };

  afterAll(async () => {
    const admin = createCassandraClient({
      ...settings(),
      applicationName: 'cassandra-store-tests',
    });
    clients.push(admin);
    for (const keyspace of keyspaces)
      await admin.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
    await Promise.all(clients.map((client) => client.shutdown()));
  });

  it('migrates a domain keyspace from its workspace folder and leaves the client bound to it', async () => {
    const keyspace = newKeyspace();
    const client = createCassandraClient({
      ...settings(),
      applicationName: 'cassandra-store-tests',
    });
    clients.push(client);
    const first = await migrateDomainKeyspace(client, { keyspace, cqlFolder: 'gateway' });
    expect(first.applied.map((m) => m.name)).toEqual(['idempotency-keys']);
    expect(client.keyspace).toBe(keyspace);
    expect(await tablesOf(client, keyspace)).toContain('idempotency_keys');
    const again = await migrateDomainKeyspace(client, { keyspace, cqlFolder: 'gateway' });
    expect(again.applied).toEqual([]);
  });

  it('connects with migration (unbound, then bound by migrating) and without (bound to the existing keyspace)', async () => {
    const keyspace = newKeyspace();
    const options = {
      ...settings(),
      keyspace,
      cqlFolder: 'shop',
      cqlDir: FIXTURE_CQL,
      applicationName: 'cassandra-store-tests',
    };
    const migrated = await connectDomainKeyspace({ ...options, migrate: true });
    clients.push(migrated.client);
    expect(migrated.client.keyspace).toBe(keyspace);
    expect(migrated.description).toBe(
      `cassandra ${settings().contactPoints.join(',')} keyspace ${keyspace}`,
    );
    const tables = await tablesOf(migrated.client, keyspace);
    expect(tables.length).toBeGreaterThan(2);

    const existing = await connectDomainKeyspace({ ...options, migrate: false });
    clients.push(existing.client);
    const rows = await existing.client.execute('SELECT version FROM schema_migrations');
    expect(rows.rowLength).toBeGreaterThan(0);
    await existing.close();
  });

  it('rejects when the migration fails (a folder without CQL files)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-cql-'));
    try {
      await expect(
        connectDomainKeyspace({
          ...settings(),
          keyspace: newKeyspace(),
          migrate: true,
          cqlFolder: 'empty',
          cqlDir: join(empty, 'missing'),
          applicationName: 'cassandra-store-tests',
        }),
      ).rejects.toThrow(MigrationError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
