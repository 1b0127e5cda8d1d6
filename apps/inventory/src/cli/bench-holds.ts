// bench-holds --store sqlite --sqlite-path /tmp/x/bench.db [options]
// bench-holds --store cassandra --contact-points 127.0.0.1:9042 --keyspace bench_holds_xyz [options]
//   options: --holders 16 --hot-skus 4 --seconds 10 --rounds 1
//
// Stock-hold throughput through the StockRepository port (what bench/stock-holds.bench.ts spawns).
// Per round, two cases on the same store, each on fresh SKUs: `uncontended` (the floor: one SKU per
// holder) and `contended` (all holders on --hot-skus SKUs). Each holder repeatedly holds 1 unit and
// releases it until the time is up. After each case every hold must be released and every SKU back
// to its opening stock (onHand = available + held + confirmed + allocated); otherwise exit 1.
// Prints one JSON line of results on stdout. The SQLite file must not exist yet; the Cassandra
// keyspace must be named bench_* (it is created, migrated, and dropped at the end).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createCassandraClient, migrateDomainKeyspace } from '@commerce/cassandra-store';
import { openDatabase } from '@commerce/sqlite-store';
import type { StockRepository } from '../ports/stock-repository.js';
import { createCassandraStockRepository } from '../adapters/cassandra/cassandra-stock-repository.js';
import { migrateInventory } from '../adapters/sqlite/migrations.js';
import { createSqliteStockRepository } from '../adapters/sqlite/sqlite-stock-repository.js';
import { runHoldCase, type HoldCaseResult } from './hold-workload.js';

const USAGE =
  'usage: bench-holds --store sqlite --sqlite-path FILE | --store cassandra --contact-points H:P[,…] --keyspace bench_… [--local-dc DC]\n' +
  '       [--holders 16] [--hot-skus 4] [--seconds 10] [--rounds 1]';
const OPENING_ON_HAND = 1_000;

function fail(message: string): never {
  console.error(`bench-holds: ${message}\n${USAGE}`);
  process.exit(2);
}

function positiveInt(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) fail(`--${name} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        store: { type: 'string' },
        'sqlite-path': { type: 'string' },
        'contact-points': { type: 'string' },
        'local-dc': { type: 'string', default: 'datacenter1' },
        keyspace: { type: 'string' },
        holders: { type: 'string', default: '16' },
        'hot-skus': { type: 'string', default: '4' },
        seconds: { type: 'string', default: '10' },
        rounds: { type: 'string', default: '1' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}
const values = parseOptions();
const holders = positiveInt('holders', values.holders, 1_000);
const hotSkus = positiveInt('hot-skus', values['hot-skus'], 1_000);
const seconds = positiveInt('seconds', values.seconds, 3_600);
const rounds = positiveInt('rounds', values.rounds, 100);
if (hotSkus > holders) fail(`--hot-skus (${hotSkus}) must not exceed --holders (${holders}): a hot SKU needs several holders`);

interface OpenedStore {
  stock: StockRepository;
  description: string;
  close: () => Promise<void>;
}

async function openStore(): Promise<OpenedStore> {
  if (values.store === 'sqlite') {
    const file = values['sqlite-path'];
    if (!file) fail('--sqlite-path is required with --store sqlite');
    if (existsSync(file)) fail(`--sqlite-path ${file} exists: give a new file (the benchmark writes throwaway stock)`);
    const db = openDatabase({ filename: file });
    migrateInventory(db);
    return { stock: createSqliteStockRepository({ db }), description: `sqlite ${file}`, close: () => {
        db.close();
        return Promise.resolve();
      } };
  }
  if (values.store === 'cassandra') {
    const contactPoints = (values['contact-points'] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    const keyspace = values.keyspace ?? '';
    if (contactPoints.length === 0) fail('--contact-points is required with --store cassandra');
    if (!/^bench_[a-z0-9_]{1,42}$/.test(keyspace)) fail(`--keyspace must match bench_[a-z0-9_]+ (it is dropped at the end), got ${JSON.stringify(keyspace)}`);
    const client = createCassandraClient({ contactPoints, localDataCenter: values['local-dc'], applicationName: 'bench-holds' });
    const close = async () => {
      await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
      await client.shutdown();
    };
    try {
      await migrateDomainKeyspace(client, { keyspace, cqlFolder: 'inventory' });
      return { stock: createCassandraStockRepository({ client }), description: `cassandra ${contactPoints.join(',')} keyspace ${keyspace}`, close };
    } catch (error) {
      await close();
      throw error;
    }
  }
  fail(`--store must be sqlite or cassandra, got ${JSON.stringify(values.store)}`);
}

const skuNames = (round: number, kind: 'SOLO' | 'HOT', n: number): string[] =>
  Array.from({ length: n }, (_, i) => `BENCH-R${round}-${kind}-${String(i).padStart(4, '0')}`);

const store = await openStore();
let exitCode = 0;
try {
  const results: { round: number; uncontended: HoldCaseResult; contended: HoldCaseResult }[] = [];
  for (let round = 0; round < rounds; round++) {
    const solo = skuNames(round, 'SOLO', holders);
    const hot = skuNames(round, 'HOT', hotSkus);
    const opening = [...solo, ...hot].map((sku) => ({ sku, onHand: OPENING_ON_HAND, lowStockThreshold: 0 }));
    await store.stock.initializeStock(opening, new Date().toISOString());
    const common = { stock: store.stock, holders, seconds, openingOnHand: OPENING_ON_HAND };
    const uncontended = await runHoldCase({ ...common, name: `r${round}-uncontended`, skus: solo });
    const contended = await runHoldCase({ ...common, name: `r${round}-contended`, skus: hot });
    results.push({ round, uncontended, contended });
    console.error(
      `bench-holds ${values.store} round ${round + 1}/${rounds}: uncontended ${uncontended.holdsPerSecond.toFixed(0)} holds/s, contended ${contended.holdsPerSecond.toFixed(0)} holds/s (checks passed)`,
    );
  }
  console.log(JSON.stringify({ store: values.store, description: store.description, holders, hotSkus, seconds, rounds: results, checks: 'passed' }));
} catch (error) {
  console.error(`bench-holds ${values.store} FAILED: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await store.close();
}
process.exit(exitCode);
