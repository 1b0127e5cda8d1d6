// One backend of the catalog search benchmark: start the platform (embedded: SQLite FTS5;
// production: Cassandra + Elasticsearch), seed the generated catalog, then alternate rounds of the
// floor (GET /healthz on the same gateway process) and the search query shapes with autocannon.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Request, type Result } from 'autocannon';
import type { ProductSearchResult } from '@commerce/contracts/inventory';
import { loadDevStackConfig, startStack } from '@commerce/dev-stack';
import { findFreePort } from '@commerce/process-kit';
import type { BenchSettings, SearchBackend } from './config.js';
import { searchQueryPaths } from './search-queries.js';
import { median } from './stats.js';

export interface LoadRow {
  rps: number;
  mean: number;
  p50: number;
  p99: number;
}

export interface SearchBackendResult {
  backend: SearchBackend;
  products: number;
  /** The query paths actually measured (the first page decides them). */
  paths: string[];
  floor: LoadRow;
  search: LoadRow;
  /** Errors + non-2xx over every measured round. */
  errors: number;
}

/** Extra environment for the stack: which stores the processes use. */
export type StackStoreEnv = Record<string, string>;

function summarize(rs: readonly Result[]): LoadRow {
  return {
    rps: median(rs.map((r) => r.requests.average)),
    mean: median(rs.map((r) => r.latency.average)),
    p50: median(rs.map((r) => r.latency.p50)),
    p99: median(rs.map((r) => r.latency.p99)),
  };
}

export async function measureSearchBackend(
  backend: SearchBackend,
  storeEnv: StackStoreEnv,
  settings: BenchSettings,
  log: (m: string) => void,
  /** The query paths of an earlier backend, so both answer the very same requests; absent: derived here. */
  givenPaths?: readonly string[],
): Promise<SearchBackendResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-search-${backend}-`));
  const run = (url: string, requests: Request[]): Promise<Result> =>
    autocannon({ url, connections: settings.connections, duration: settings.searchSeconds, requests, pipelining: 1 });
  try {
    log(`[${backend}] starting the stack and seeding the catalog (scale ${settings.scale})…`);
    const stack = await startStack({
      config: loadDevStackConfig({
        ...storeEnv,
        DATA_DIR: dataDir,
        PORT: String(await findFreePort()),
        TEMPORAL_PORT: String(await findFreePort()),
        TEMPORAL_UI_PORT: String(await findFreePort()),
        SEED_SCALE: settings.scale,
        LOG_LEVEL: 'warn',
      }),
      log,
    });
    try {
      const base = stack.gatewayUrl;
      const first = (await (await fetch(`${base}/v1/products?limit=50`)).json()) as ProductSearchResult;
      const paths = givenPaths ? [...givenPaths] : searchQueryPathsChecked(first);
      for (const p of paths) {
        const res = await fetch(`${base}${p}`);
        if (res.status !== 200) throw new Error(`[${backend}] ${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      }
      const search: Request[] = paths.map((path) => ({ method: 'GET', path }));
      const floor: Request[] = [{ method: 'GET', path: '/healthz' }];
      log(`[${backend}] ${first.total} products; warming up, then ${settings.rounds} × (floor, search) rounds of ${settings.searchSeconds}s…`);
      await run(base, floor);
      await run(base, search);
      const f: Result[] = [];
      const s: Result[] = [];
      for (let i = 0; i < settings.rounds; i++) {
        f.push(await run(base, floor));
        s.push(await run(base, search));
      }
      return {
        backend,
        products: first.total,
        paths,
        floor: summarize(f),
        search: summarize(s),
        errors: [...f, ...s].reduce((n, r) => n + r.errors + r.non2xx, 0),
      };
    } finally {
      await stack.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function searchQueryPathsChecked(first: ProductSearchResult): string[] {
  if (!Array.isArray(first.items) || first.items.length === 0) throw new Error(`the catalog's first page is empty: ${JSON.stringify(first).slice(0, 300)}`);
  return searchQueryPaths(first);
}
