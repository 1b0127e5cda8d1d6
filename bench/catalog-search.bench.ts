// Catalog search through the gateway, against a floor measured in the same run: the same gateway
// process answering a constant (GET /healthz: same Fastify stack, plugins, logging, loopback HTTP).
// Runs the real embedded platform (Temporal dev server, inventory worker, gateway, SQLite FTS5)
// seeded with the generated catalog. Prints ratios; absolute numbers are only context.
//
//   pnpm --filter @commerce/bench bench:search
//   env: BENCH_SCALE (catalog scale, default 1 = 2,700+ products), BENCH_CONNECTIONS (default 8),
//        BENCH_SECONDS per round (default 8), BENCH_ROUNDS (alternating floor/search, default 3)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Request, type Result } from 'autocannon';
import { loadDevStackConfig, startStack } from '@commerce/dev-stack';
import { findFreePort as freePort } from '@commerce/process-kit';
import type { ProductSearchResult } from '@commerce/contracts/inventory';

const scale = process.env.BENCH_SCALE ?? '1';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

function run(url: string, requests: Request[]): Promise<Result> {
  return autocannon({ url, connections, duration: seconds, requests, pipelining: 1 });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  const stack = await startStack({
    config: loadDevStackConfig({
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      SEED_SCALE: scale,
      LOG_LEVEL: 'warn',
    }),
    log: (m) => console.error(m),
  });
  try {
    const base = stack.gatewayUrl;
    const first = (await (await fetch(`${base}/v1/products?limit=50`)).json()) as ProductSearchResult;
    const words = [...new Set(first.items.flatMap((p) => p.title.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w)))].slice(0, 6);
    const color = first.facets.color[0]?.value ?? 'Black';
    const size = first.facets.size[0]?.value ?? 'M';
    const collection = first.facets.collection[0]?.value ?? '';
    const paths = [
      ...words.map((w) => `/v1/products?q=${encodeURIComponent(w.toLowerCase())}`),
      `/v1/products?q=${encodeURIComponent(words[0] ?? 'shirt')}&color=${encodeURIComponent(color)}&sort=price_asc`,
      `/v1/products?collection=${encodeURIComponent(collection)}&inStock=true&limit=24`,
      `/v1/products?size=${encodeURIComponent(size)}&minPrice=2000&maxPrice=9000&offset=24`,
      `/v1/products?sort=newest`,
    ];
    const search: Request[] = paths.map((path) => ({ method: 'GET', path }));
    const floor: Request[] = [{ method: 'GET', path: '/healthz' }];
    for (const p of paths) {
      const res = await fetch(`${base}${p}`);
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    }
    await run(base, floor); // warm-up both paths once
    await run(base, search);

    const f: Result[] = [];
    const s: Result[] = [];
    for (let i = 0; i < rounds; i++) {
      f.push(await run(base, floor));
      s.push(await run(base, search));
    }
    const errors = [...f, ...s].reduce((n, r) => n + r.errors + r.non2xx, 0);
    const row = (name: string, rs: Result[]) => ({
      name,
      rps: median(rs.map((r) => r.requests.average)),
      mean: median(rs.map((r) => r.latency.average)),
      p50: median(rs.map((r) => r.latency.p50)),
      p99: median(rs.map((r) => r.latency.p99)),
    });
    const fr = row('floor: GET /healthz (constant)', f);
    const sr = row(`catalog search (${paths.length} query shapes)`, s);
    console.log(`\ncatalog search benchmark — scale ${scale} (${first.total} products), ${connections} connections, ${rounds} × ${seconds}s rounds, medians`);
    console.log(`${'case'.padEnd(42)} ${'req/s'.padStart(9)} ${'mean ms'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
    for (const r of [fr, sr]) {
      console.log(
        `${r.name.padEnd(42)} ${r.rps.toFixed(0).padStart(9)} ${r.mean.toFixed(2).padStart(8)} ${r.p50.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)}`,
      );
    }
    // autocannon reports percentiles at 1 ms resolution, so latency ratios use the mean (and p99).
    console.log(
      `ratio search/floor: throughput ${(sr.rps / fr.rps).toFixed(4)}×, mean latency ${(sr.mean / fr.mean).toFixed(1)}×, p99 ${(sr.p99 / Math.max(fr.p99, 1)).toFixed(1)}×`,
    );
    console.log(`errors + non-2xx: ${errors}`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
