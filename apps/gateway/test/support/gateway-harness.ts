import { mkdtempSync, rmSync } from 'node:fs';
import { createCassandraClient } from '@commerce/cassandra-store';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CatalogReadModel } from '@commerce/catalog-search';
import {
  dropCatalogReadModelIndices,
  openElasticsearchCatalogReadModel,
} from '@commerce/catalog-search/elasticsearch';
import {
  buildFixtureCollections,
  buildFixtureProducts,
  buildFixtureStockLevels,
} from '@commerce/catalog-search/testing';
import { createLogger } from '@commerce/logging';
import type { OrderSearch } from '@commerce/order-search';
import {
  dropOrderSearchIndices,
  openElasticsearchOrderSearch,
} from '@commerce/order-search/elasticsearch';
import { openOrderSearch } from '@commerce/order-search/open';
import { openDatabase, type SqliteDatabase } from '@commerce/sqlite-store';
import { requireTestStores, uniqueStoreName } from '@commerce/test-kit/stores';
import { testTemporalAddress, testTemporalNamespace } from '@commerce/test-kit/temporal';
import { build, type GatewayApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openIdempotencyStore } from '../../src/idempotency/open-idempotency-store.js';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store.js';
import { migrateGatewayStore } from '../../src/idempotency/sqlite-idempotency-store.js';
import { openCatalogReadModel } from '../../src/read-model/open-catalog-read-model.js';
import {
  createTemporalClientProvider,
  type TemporalClientProvider,
} from '../../src/temporal/temporal-client-provider.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789-abcdefghij';
export const ADMIN_HEADERS = { authorization: `Bearer ${ADMIN_TOKEN}` } as const;
export const TEMPORAL_UI_URL = 'http://temporal-ui.test:8233';

export interface HarnessOptions {
  /** Seed the read model with the catalog-search fixture (40 products, 9 collections, stock levels). */
  seed?: boolean;
  /**
   * The catalog read model, selected through the gateway's own config (SEARCH): SQLite in the
   * test's database file (default), or Elasticsearch on the run's node (`stores: true`) under a
   * unique index prefix that close() drops.
   */
  search?: 'sqlite' | 'elasticsearch';
  /**
   * Use this Elasticsearch index prefix (shared with worker processes of the same test) instead of
   * a unique one; the caller drops the indices. Only with `search: 'elasticsearch'`.
   */
  indexPrefix?: string;
  /**
   * Where the idempotency records live, through the gateway's own config (STORE): the test's SQLite
   * file (default) or the run's Cassandra under `keyspace` (default: a unique one that close() drops).
   */
  store?: 'sqlite' | 'cassandra';
  keyspace?: string;
  /** The run's real dev server (default) or a closed local port. */
  temporal?: 'test-server' | 'unreachable';
  /** Temporal namespace (default: the run's test namespace). */
  namespace?: string;
  /** More gateway settings (e.g. ORDER_APPROVAL_WINDOW_MS, FULFILLMENT_STAGE_MS). */
  env?: Record<string, string>;
  /** Use this database file instead of a new one in a temp folder. */
  dbFile?: string;
  workflowResultTimeoutMs?: number;
  bodyLimitBytes?: number;
  /** Runs after build() and before ready() (tests may add routes). */
  beforeReady?: (app: GatewayApp) => void | Promise<void>;
}

export interface GatewayHarness {
  app: GatewayApp;
  db: SqliteDatabase;
  dbFile: string;
  readModel: CatalogReadModel;
  /** The orders projection, writer half included (tests may seed it). */
  orderSearch: OrderSearch;
  idempotencyStore: IdempotencyStore;
  temporal: TemporalClientProvider;
  /** Every log line the gateway wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The gateway over a real SQLite file and a real Temporal connection, driven with `inject()`. */
export async function createGatewayHarness(options: HarnessOptions = {}): Promise<GatewayHarness> {
  const dir = options.dbFile ? undefined : mkdtempSync(join(tmpdir(), 'gateway-test-'));
  const dbFile = options.dbFile ?? join(dir!, 'commerce.db');
  const db = openDatabase({ filename: dbFile });
  migrateGatewayStore(db);
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger({ name: 'gateway-test', level: 'info', destination });

  const address =
    options.temporal === 'unreachable' ? `127.0.0.1:${await closedPort()}` : testTemporalAddress();
  const namespace =
    options.temporal === 'unreachable' ? 'default' : (options.namespace ?? testTemporalNamespace());
  const temporal = createTemporalClientProvider({ address, namespace, connectTimeoutMs: 2_000 });
  const ownIndices = options.search === 'elasticsearch' && options.indexPrefix === undefined;
  const indexPrefix =
    options.search === 'elasticsearch'
      ? (options.indexPrefix ?? `${uniqueStoreName('gateway')}_`)
      : undefined;
  const ownKeyspace = options.store === 'cassandra' && options.keyspace === undefined;
  const keyspace =
    options.store === 'cassandra' ? (options.keyspace ?? uniqueStoreName('gateway')) : undefined;
  const config = loadConfig({
    ...options.env,
    ADMIN_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_UI_URL,
    SQLITE_PATH: dbFile,
    SEARCH: options.search ?? 'sqlite',
    STORE: options.store ?? 'sqlite',
    ...(keyspace !== undefined && {
      CASSANDRA_CONTACT_POINTS: requireTestStores().cassandra.contactPoints.join(','),
      CASSANDRA_LOCAL_DATACENTER: requireTestStores().cassandra.localDataCenter,
      CASSANDRA_KEYSPACE_GATEWAY: keyspace,
    }),
    ...(indexPrefix !== undefined && {
      ELASTICSEARCH_URL: requireTestStores().elasticsearchUrl,
      ELASTICSEARCH_INDEX_PREFIX: indexPrefix,
    }),
    ...(options.workflowResultTimeoutMs !== undefined && {
      WORKFLOW_RESULT_TIMEOUT_MS: String(options.workflowResultTimeoutMs),
    }),
    ...(options.bodyLimitBytes !== undefined && {
      BODY_LIMIT_BYTES: String(options.bodyLimitBytes),
    }),
  });
  const opened = await openCatalogReadModel(config.search, db);
  const { readModel } = opened;
  const orders = await openOrderSearch({ search: config.search, db });
  const idempotency = await openIdempotencyStore(config.store, db);
  if (options.seed) {
    const products = buildFixtureProducts();
    await readModel.upsertCollections(buildFixtureCollections());
    await readModel.upsertProducts(products);
    await readModel.upsertStockLevels(buildFixtureStockLevels(products));
    await readModel.refresh();
  }
  const app = await build({
    config,
    logger,
    readModel,
    orderSearch: orders.search,
    temporal,
    idempotencyStore: idempotency.store,
    // Short deadlines only where Temporal is meant to be unreachable; a real server on a loaded
    // 2-core CI machine can take a few seconds to answer.
    timeouts:
      options.temporal === 'unreachable'
        ? { temporalRpcMs: 2_000, readinessCheckMs: 2_000 }
        : { temporalRpcMs: 15_000, readinessCheckMs: 15_000 },
  });
  await options.beforeReady?.(app);
  await app.ready();

  return {
    app,
    db,
    dbFile,
    readModel,
    orderSearch: orders.search,
    idempotencyStore: idempotency.store,
    temporal,
    logs,
    async close() {
      await app.close();
      await temporal.close();
      await orders.close();
      await opened.close();
      await idempotency.close();
      if (config.search.engine === 'elasticsearch' && ownIndices) {
        const es = await openElasticsearchCatalogReadModel({
          node: config.search.url,
          installIndices: false,
        });
        await dropCatalogReadModelIndices(es.client, { prefix: config.search.indexPrefix });
        await es.close();
        const ordersEs = await openElasticsearchOrderSearch({
          node: config.search.url,
          indexPrefix: config.search.indexPrefix,
          installIndices: false,
        });
        await dropOrderSearchIndices(ordersEs.client, { prefix: config.search.indexPrefix });
        await ordersEs.close();
      }
      if (config.store.store === 'cassandra' && ownKeyspace) {
        await dropTestKeyspace(config.store.keyspace);
      }
      db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drops a keyspace on the run's Cassandra. */
export async function dropTestKeyspace(keyspace: string): Promise<void> {
  const client = createCassandraClient({ ...requireTestStores().cassandra, applicationName: 'gateway-tests' });
  try {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`, [], { readTimeout: 60_000 });
  } finally {
    await client.shutdown();
  }
}

/** The parsed JSON body of an inject() response. */
export const json = <T = Record<string, unknown>>(response: { body: string }): T =>
  JSON.parse(response.body) as T;
