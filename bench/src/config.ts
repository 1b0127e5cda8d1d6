// The only reader of the environment in the benchmarks: every BENCH_* setting, parsed once.

export type SearchBackend = 'sqlite' | 'elasticsearch';
export type HoldStore = 'sqlite' | 'cassandra';

export interface BenchSettings {
  /** Catalog scale for the search benchmark (1 = 2,700+ products). */
  scale: string;
  connections: number;
  /** BENCH_SECONDS: per measured round of the search benchmark (default 8). */
  searchSeconds: number;
  /** BENCH_SECONDS: per case and round of the stock-hold benchmark (default 10). */
  holdSeconds: number;
  /** BENCH_ROUNDS of the search benchmark (default 3). */
  rounds: number;
  /** BENCH_ROUNDS of the stock-hold benchmark (default 1; each round runs both cases). */
  holdRounds: number;
  backends: SearchBackend[];
  stores: HoldStore[];
  holders: number;
  hotSkus: number;
  /** Use these instead of starting a local Cassandra / Elasticsearch. */
  cassandraContactPoints: string | undefined;
  cassandraLocalDataCenter: string;
  elasticsearchUrl: string | undefined;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

function list<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T[] {
  if (raw === undefined || raw.trim() === '') return [...allowed];
  const items = raw.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0 || items.length === 0) throw new Error(`${name} takes a comma-separated list of ${allowed.join(', ')}; got ${JSON.stringify(raw)}`);
  return allowed.filter((a) => items.includes(a));
}

const nonEmpty = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function loadBenchSettings(env: Record<string, string | undefined> = process.env): BenchSettings {
  const scale = env.BENCH_SCALE ?? '1';
  if (!(Number(scale) > 0)) throw new Error(`BENCH_SCALE must be a positive number, got ${JSON.stringify(scale)}`);
  return {
    scale,
    connections: positiveInt('BENCH_CONNECTIONS', env.BENCH_CONNECTIONS, 8),
    searchSeconds: positiveInt('BENCH_SECONDS', env.BENCH_SECONDS, 8),
    holdSeconds: positiveInt('BENCH_SECONDS', env.BENCH_SECONDS, 10),
    rounds: positiveInt('BENCH_ROUNDS', env.BENCH_ROUNDS, 3),
    holdRounds: positiveInt('BENCH_ROUNDS', env.BENCH_ROUNDS, 1),
    backends: list('BENCH_BACKENDS', env.BENCH_BACKENDS, ['sqlite', 'elasticsearch'] as const),
    stores: list('BENCH_STORES', env.BENCH_STORES, ['sqlite', 'cassandra'] as const),
    holders: positiveInt('BENCH_HOLDERS', env.BENCH_HOLDERS, 16),
    hotSkus: positiveInt('BENCH_HOT_SKUS', env.BENCH_HOT_SKUS, 4),
    cassandraContactPoints: nonEmpty(env.CASSANDRA_CONTACT_POINTS),
    cassandraLocalDataCenter: nonEmpty(env.CASSANDRA_LOCAL_DATACENTER) ?? 'datacenter1',
    elasticsearchUrl: nonEmpty(env.ELASTICSEARCH_URL)?.replace(/\/+$/, ''),
  };
}

export interface OrderBenchSettings {
  concurrency: number;
  seconds: number;
  rounds: number;
  scale: string;
}

/** The order benchmark's settings (BENCH_CONCURRENCY, BENCH_SECONDS, BENCH_ROUNDS, BENCH_SCALE). */
export function loadOrderBenchSettings(env: Record<string, string | undefined> = process.env): OrderBenchSettings {
  const scale = env.BENCH_SCALE ?? '0.1';
  if (!(Number(scale) > 0)) throw new Error(`BENCH_SCALE must be a positive number, got ${JSON.stringify(scale)}`);
  return {
    concurrency: positiveInt('BENCH_CONCURRENCY', env.BENCH_CONCURRENCY, 8),
    seconds: positiveInt('BENCH_SECONDS', env.BENCH_SECONDS, 8),
    rounds: positiveInt('BENCH_ROUNDS', env.BENCH_ROUNDS, 3),
    scale,
  };
}
