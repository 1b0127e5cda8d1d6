// Stock-hold throughput on both write stores, each against its own floor measured in the same run:
// the same hold-1-unit-then-release loop of BENCH_HOLDERS concurrent holders, on uncontended SKUs
// (one per holder: the floor) and on BENCH_HOT_SKUS hot SKUs (contended), through the inventory
// StockRepository port. Runs apps/inventory's bench-holds script once per store:
//   sqlite:    a throwaway database file
//   cassandra: a unique bench_* keyspace (migrated, dropped at the end) on a local Cassandra
//              started on free ports, unless CASSANDRA_CONTACT_POINTS is set.
// Every case ends with a check (every hold released; onHand = available + held + confirmed +
// allocated; available back to its opening value); a failed check fails the run.
//
//   pnpm --filter @commerce/bench bench:holds
//   env: BENCH_STORES (sqlite,cassandra), BENCH_HOLDERS (16), BENCH_HOT_SKUS (4),
//        BENCH_SECONDS per case and round (10), BENCH_ROUNDS (1)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkspaceRoot } from '@commerce/process-kit';
import { loadBenchSettings, type HoldStore } from './src/config.js';
import { benchHoldsScript, runBenchHolds, type HoldCaseResult, type HoldRunOutput } from './src/hold-runner.js';
import { startProductionServers } from './src/production-servers.js';
import { fixed, median, ratio, tableHeader, tableRow, type Column } from './src/stats.js';
import { uniqueName } from './src/unique-name.js';

const settings = loadBenchSettings();
const log = (m: string) => console.error(m);

async function measure(store: HoldStore, script: string): Promise<HoldRunOutput> {
  const common = [
    `--holders=${settings.holders}`,
    `--hot-skus=${settings.hotSkus}`,
    `--seconds=${settings.holdSeconds}`,
    `--rounds=${settings.holdRounds}`,
  ];
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-holds-'));
    try {
      return await runBenchHolds(script, ['--store=sqlite', `--sqlite-path=${join(dir, 'stock.db')}`, ...common], log);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const servers = await startProductionServers(settings, { cassandra: true, elasticsearch: false }, log);
  try {
    const { contactPoints, localDataCenter } = servers.cassandra!;
    const args = ['--store=cassandra', `--contact-points=${contactPoints}`, `--local-dc=${localDataCenter}`, `--keyspace=${uniqueName('bench_holds')}`];
    return await runBenchHolds(script, [...args, ...common], log);
  } finally {
    await servers.stop();
  }
}

interface CaseRow {
  holdsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  holds: number;
  retries: number;
}

function summarize(cases: readonly HoldCaseResult[]): CaseRow {
  return {
    holdsPerSecond: median(cases.map((c) => c.holdsPerSecond)),
    p50: median(cases.map((c) => c.holdP50Ms)),
    p99: median(cases.map((c) => c.holdP99Ms)),
    mean: median(cases.map((c) => c.holdMeanMs)),
    holds: cases.reduce((n, c) => n + c.holds, 0),
    retries: cases.reduce((n, c) => n + c.contentionRetries, 0),
  };
}

async function main(): Promise<void> {
  const root = findWorkspaceRoot(process.cwd());
  if (!root) throw new Error('run from inside the Durable Commerce workspace');
  const script = benchHoldsScript(root);
  const results = new Map<HoldStore, { uncontended: CaseRow; contended: CaseRow }>();
  for (const store of settings.stores) {
    log(`[${store}] running ${settings.holdRounds} round(s) of uncontended + contended, ${settings.holdSeconds}s each…`);
    const out = await measure(store, script);
    results.set(store, {
      uncontended: summarize(out.rounds.map((r) => r.uncontended)),
      contended: summarize(out.rounds.map((r) => r.contended)),
    });
  }

  console.log(
    `\nstock-hold benchmark — ${settings.holders} holders, hold 1 unit + release, ${settings.hotSkus} hot SKUs (contended) vs one SKU per holder (uncontended floor), ` +
      `${settings.holdRounds} × ${settings.holdSeconds}s per case, medians; latency = the hold() call`,
  );
  const columns: Column[] = [
    { title: 'case', width: 32 },
    { title: 'holds/s', width: 9 },
    { title: 'mean ms', width: 8 },
    { title: 'p50 ms', width: 8 },
    { title: 'p99 ms', width: 8 },
    { title: 'holds', width: 8 },
    { title: 'retries', width: 8 },
  ];
  console.log(tableHeader(columns));
  for (const [store, r] of results) {
    for (const [name, row] of [
      [`${store}: uncontended (floor)`, r.uncontended],
      [`${store}: contended`, r.contended],
    ] as const) {
      console.log(
        tableRow(columns, [name, fixed(row.holdsPerSecond, 0), fixed(row.mean, 2), fixed(row.p50, 2), fixed(row.p99, 2), String(row.holds), String(row.retries)]),
      );
    }
  }
  for (const [store, r] of results) {
    console.log(
      `${store} contended/uncontended: throughput ${fixed(ratio(r.contended.holdsPerSecond, r.uncontended.holdsPerSecond), 3)}×, ` +
        `mean ${fixed(ratio(r.contended.mean, r.uncontended.mean), 2)}×, p99 ${fixed(ratio(r.contended.p99, r.uncontended.p99), 2)}×`,
    );
  }
  const sqlite = results.get('sqlite');
  const cassandra = results.get('cassandra');
  if (sqlite && cassandra) {
    console.log(
      `cassandra/sqlite: uncontended throughput ${fixed(ratio(cassandra.uncontended.holdsPerSecond, sqlite.uncontended.holdsPerSecond), 3)}×, ` +
        `contended throughput ${fixed(ratio(cassandra.contended.holdsPerSecond, sqlite.contended.holdsPerSecond), 3)}×, ` +
        `contended p99 ${fixed(ratio(cassandra.contended.p99, sqlite.contended.p99), 1)}×`,
    );
  }
  console.log('checks: every hold released, stock invariant held and available back to its opening value on every SKU (per case)');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
