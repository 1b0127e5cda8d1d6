#!/usr/bin/env node
// The production profile's one-shot schema job (the compose `migrations` service, a Kubernetes
// Job, or by hand): every keyspace of infra/cassandra/cql and every index of
// infra/elasticsearch/indices, applied idempotently.
import { ConfigError } from '@commerce/config';
import { loadStoreMigrationsConfig } from './config.js';
import { planStoreMigrations } from './migration-plan.js';
import { runStoreMigrations } from './run-store-migrations.js';
import { waitForStores } from './wait-for-stores.js';

const USAGE = `usage: commerce-store-migrations [--check] [--json]

Applies every keyspace folder of CASSANDRA_CQL_DIR (migrateKeyspace) and installs every index
template of ELASTICSEARCH_INDICES_DIR (installIndexTemplates). A second run applies nothing.

  --check   validate the configuration and every file, print the plan, contact no server
  --json    print the report as one JSON object on stdout (progress goes to stderr)

environment:
  CASSANDRA_CONTACT_POINTS     required, e.g. cassandra:9042 (comma-separated)
  CASSANDRA_LOCAL_DATACENTER   default datacenter1
  CASSANDRA_REPLICATION        JSON for new keyspaces, default {"class":"SimpleStrategy","replication_factor":1}
  CASSANDRA_KEYSPACE_PREFIX    prepended to each folder name, default none
  CASSANDRA_CQL_DIR            default infra/cassandra/cql (relative to the working directory)
  ELASTICSEARCH_URL            required, e.g. http://elasticsearch:9200
  ELASTICSEARCH_INDEX_PREFIX   prepended to index, template and alias names, default none
  ELASTICSEARCH_INDICES_DIR    default infra/elasticsearch/indices
  STORES_READY_TIMEOUT_MS      wait this long for both stores, default 120000

exit status: 0 done, 1 a store failed or was unreachable, 2 bad arguments, configuration or files`;

async function main(args: string[]): Promise<number> {
  const known = new Set(['--check', '--json', '--help', '-h']);
  const unknown = args.filter((arg) => !known.has(arg));
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length > 0) {
    console.error(`unknown argument(s): ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const json = args.includes('--json');
  const log = (line: string): void => {
    if (json) console.error(line);
    else console.log(line);
  };

  let config;
  let plan;
  try {
    config = loadStoreMigrationsConfig();
    plan = planStoreMigrations({
      cqlDir: config.cassandra.cqlDir,
      keyspacePrefix: config.cassandra.keyspacePrefix,
      indicesDir: config.elasticsearch.indicesDir,
      indexPrefix: config.elasticsearch.indexPrefix,
    });
  } catch (err) {
    console.error(
      err instanceof ConfigError ? err.message : `invalid migrations: ${(err as Error).message}`,
    );
    return 2;
  }
  for (const keyspace of plan.keyspaces) {
    log(
      `plan: keyspace ${keyspace.keyspace} ← ${keyspace.cqlDir} (versions ${keyspace.versions.join(', ')})`,
    );
  }
  for (const index of plan.indices) log(`plan: index ${index.index} ← ${index.fileName}`);
  if (args.includes('--check')) {
    if (json) console.log(JSON.stringify({ plan }));
    return 0;
  }

  try {
    await waitForStores({
      cassandra: config.cassandra,
      elasticsearchUrl: config.elasticsearch.url,
      timeoutMs: config.readyTimeoutMs,
      log,
    });
    const report = await runStoreMigrations({
      plan,
      cassandra: config.cassandra,
      elasticsearchUrl: config.elasticsearch.url,
      log,
    });
    const applied = report.keyspaces.reduce((sum, k) => sum + k.applied.length, 0);
    const created = report.indices.filter((index) => index.created).length;
    log(
      `done in ${report.durationMs} ms: ${applied} CQL file(s) applied, ${created} index(es) created`,
    );
    if (json) console.log(JSON.stringify(report));
    return 0;
  } catch (err) {
    console.error(`store migrations failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
