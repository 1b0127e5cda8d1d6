// `pnpm start:production`, end to end: the same startStack on the production profile — Temporal dev
// server, the inventory worker on Cassandra, the gateway searching Elasticsearch. The run's shared
// Cassandra/Elasticsearch are used, isolated by a keyspace and an index prefix of this test's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cassandra from 'cassandra-driver';
import type { ProductSearchResult, ProductView, StockLevel } from '@commerce/contracts/inventory';
import { findFreePort, findWorkerApps, findWorkspaceRoot } from '@commerce/process-kit';
import { requireTestStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { loadDevStackConfig } from '../src/config.js';
import { startStack, type StackHandle } from '../src/stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'dev-stack-production-'));
// Every domain worker gets a keyspace of this test's own (CASSANDRA_KEYSPACE_<APP>, the kit's convention).
const keyspaces = Object.fromEntries(
  findWorkerApps(findWorkspaceRoot(import.meta.dirname) ?? '').map((app) => {
    const name = app.name.replace(/-/g, '_');
    return [`CASSANDRA_KEYSPACE_${name.toUpperCase()}`, uniqueStoreName(`e2e_${name}`.slice(0, 31))];
  }),
);
const keyspace = keyspaces.CASSANDRA_KEYSPACE_INVENTORY ?? 'missing';
const indexPrefix = `${uniqueStoreName('e2e')}-`;
let stack: StackHandle | undefined;
let cassandraClient: cassandra.Client | undefined;
let elasticsearchUrl = '';

async function getJson<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stack!.gatewayUrl}${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  const stores = requireTestStores();
  elasticsearchUrl = stores.elasticsearchUrl;
  const env = {
    PROFILE: 'production',
    DATA_DIR: dataDir,
    PORT: String(await findFreePort()),
    TEMPORAL_PORT: String(await findFreePort()),
    TEMPORAL_UI_PORT: String(await findFreePort()),
    SEED_SCALE: '0.01',
    LOG_LEVEL: 'warn',
    CASSANDRA_CONTACT_POINTS: stores.cassandra.contactPoints.join(','),
    CASSANDRA_LOCAL_DATACENTER: stores.cassandra.localDataCenter,
    ELASTICSEARCH_URL: stores.elasticsearchUrl,
    ...keyspaces,
    ELASTICSEARCH_INDEX_PREFIX: indexPrefix,
  };
  stack = await startStack({ config: loadDevStackConfig({ ...process.env, ...env }), log: () => undefined });
  cassandraClient = new cassandra.Client({
    contactPoints: stores.cassandra.contactPoints,
    localDataCenter: stores.cassandra.localDataCenter,
  });
}, 300_000);

afterAll(async () => {
  await stack?.stop();
  await cassandraClient?.shutdown();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('pnpm start:production', () => {
  it('serves catalog search from Elasticsearch', async () => {
    expect(stack!.profile).toBe('production');
    const all = await getJson<ProductSearchResult>('/v1/products?limit=3');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(25);
    const count = (await (await fetch(`${elasticsearchUrl}/${indexPrefix}products/_count`)).json()) as { count: number };
    expect(count.count).toBe(all.body.total);
  });

  it('holds its stock in Cassandra, and an admin change reaches search', async () => {
    const first = await getJson<ProductSearchResult>('/v1/products?limit=1&sort=title_asc');
    const product: ProductView = first.body.items[0]!;
    const sku = product.variants[0]!.sku;
    const put = await getJson<StockLevel>(`/v1/admin/inventory/${sku}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${stack!.adminToken}`, 'content-type': 'application/json', 'idempotency-key': 'prod-e2e-1' },
      body: JSON.stringify({ onHand: 777, reason: 'cycle count' }),
    });
    expect(put.status).toBe(200);
    // on_hand is a static column of the SKU's partition (its clustering rows are reservations).
    const rows = await cassandraClient!.execute(`SELECT on_hand FROM ${keyspace}.stock WHERE sku = ? LIMIT 1`, [sku], { prepare: true });
    expect(Number(rows.first().get('on_hand'))).toBe(777);
    const deadline = Date.now() + 60_000;
    let seen = -1;
    while (Date.now() < deadline) {
      const p = await getJson<ProductView>(`/v1/products/${product.id}`);
      seen = p.body.variants.find((v) => v.sku === sku)?.available ?? -1;
      if (seen === put.body.available) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(seen).toBe(put.body.available);
  });
});
