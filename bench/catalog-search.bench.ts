// Catalog search through the gateway on both search backends in one run, each against its own
// floor measured in the same run: the same gateway process answering a constant (GET /healthz:
// same Fastify stack, plugins, logging, loopback HTTP).
//   sqlite:        the embedded platform (Temporal dev server, inventory worker on SQLite, gateway
//                  searching SQLite FTS5)
//   elasticsearch: the production profile (inventory worker on Cassandra, gateway searching
//                  Elasticsearch); Cassandra + Elasticsearch are started locally on free ports
//                  unless CASSANDRA_CONTACT_POINTS / ELASTICSEARCH_URL are set.
// Both are seeded with the same generated catalog and answer the same query paths (derived from
// the first backend's first page). Backends run one after the other, never at the same time.
// Prints ratios; absolute numbers are only context.
//
//   pnpm --filter @commerce/bench bench:search
//   env: BENCH_BACKENDS (sqlite,elasticsearch), BENCH_SCALE (default 1 = 2,700+ products),
//        BENCH_CONNECTIONS (default 8), BENCH_SECONDS per round (default 10), BENCH_ROUNDS (default 3)
import { loadBenchSettings, type SearchBackend } from './src/config.js';
import { startProductionServers } from './src/production-servers.js';
import { measureSearchBackend, type SearchBackendResult, type StackStoreEnv } from './src/search-backend.js';
import { fixed, ratio, tableHeader, tableRow, type Column } from './src/stats.js';
import { uniqueName } from './src/unique-name.js';

const settings = loadBenchSettings();
const log = (m: string) => console.error(m);

async function measure(backend: SearchBackend, paths: readonly string[] | undefined): Promise<SearchBackendResult> {
  // Explicit stores, so a CASSANDRA_CONTACT_POINTS / ELASTICSEARCH_URL in the environment cannot
  // turn the embedded case into a production one.
  if (backend === 'sqlite') return measureSearchBackend(backend, { PROFILE: 'embedded', STORE: 'sqlite', SEARCH: 'sqlite' }, settings, log, paths);
  const servers = await startProductionServers(settings, { cassandra: true, elasticsearch: true }, log);
  const indexPrefix = `${uniqueName('bench')}-`;
  try {
    const env: StackStoreEnv = {
      PROFILE: 'production',
      CASSANDRA_CONTACT_POINTS: servers.cassandra!.contactPoints,
      CASSANDRA_LOCAL_DATACENTER: servers.cassandra!.localDataCenter,
      ELASTICSEARCH_URL: servers.elasticsearch!.url,
      CASSANDRA_KEYSPACE_INVENTORY: uniqueName('bench_search'),
      ELASTICSEARCH_INDEX_PREFIX: indexPrefix,
    };
    return await measureSearchBackend(backend, env, settings, log, paths);
  } finally {
    if (!servers.elasticsearch!.started) await deleteIndices(servers.elasticsearch!.url, indexPrefix);
    await servers.stop();
  }
}

/** On a given (not throwaway) Elasticsearch, remove this run's indices by name. */
async function deleteIndices(url: string, prefix: string): Promise<void> {
  const res = await fetch(`${url}/_cat/indices/${prefix}*?format=json&h=index`);
  if (!res.ok) return;
  const names = ((await res.json()) as { index: string }[]).map((i) => i.index);
  if (names.length > 0) await fetch(`${url}/${names.join(',')}`, { method: 'DELETE' });
}

async function main(): Promise<void> {
  const results: SearchBackendResult[] = [];
  for (const backend of settings.backends) results.push(await measure(backend, results[0]?.paths));

  const first = results[0]!;
  console.log(
    `\ncatalog search benchmark — scale ${settings.scale} (${first.products} products), ${first.paths.length} query shapes, ` +
      `${settings.connections} connections, ${settings.rounds} × ${settings.searchSeconds}s rounds, medians`,
  );
  const columns: Column[] = [
    { title: 'case', width: 44 },
    { title: 'req/s', width: 9 },
    { title: 'mean ms', width: 8 },
    { title: 'p50 ms', width: 7 },
    { title: 'p99 ms', width: 7 },
  ];
  console.log(tableHeader(columns));
  for (const r of results) {
    for (const [name, row] of [
      [`${r.backend}: floor GET /healthz`, r.floor],
      [`${r.backend}: catalog search`, r.search],
    ] as const) {
      console.log(tableRow(columns, [name, fixed(row.rps, 0), fixed(row.mean, 2), fixed(row.p50, 0), fixed(row.p99, 0)]));
    }
  }
  // autocannon reports percentiles at 1 ms resolution, so latency ratios use the mean (and p99).
  for (const r of results) {
    console.log(
      `${r.backend} search/floor: throughput ${fixed(ratio(r.search.rps, r.floor.rps), 4)}×, ` +
        `mean latency ${fixed(ratio(r.search.mean, r.floor.mean), 1)}×, p99 ${fixed(ratio(r.search.p99, Math.max(r.floor.p99, 1)), 1)}×`,
    );
  }
  const sqlite = results.find((r) => r.backend === 'sqlite');
  const es = results.find((r) => r.backend === 'elasticsearch');
  if (sqlite && es) {
    if (sqlite.products !== es.products) console.log(`WARNING: the backends hold ${sqlite.products} vs ${es.products} products`);
    console.log(
      `elasticsearch/sqlite search: throughput ${fixed(ratio(es.search.rps, sqlite.search.rps), 3)}×, mean latency ${fixed(ratio(es.search.mean, sqlite.search.mean), 2)}×; ` +
        `floor-normalised throughput ${fixed(ratio(ratio(es.search.rps, es.floor.rps), ratio(sqlite.search.rps, sqlite.floor.rps)), 3)}×`,
    );
  }
  const errors = results.reduce((n, r) => n + r.errors, 0);
  console.log(`errors + non-2xx: ${results.map((r) => `${r.backend} ${r.errors}`).join(', ')}`);
  if (errors > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
