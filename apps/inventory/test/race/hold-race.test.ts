import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InventoryFailure } from '@commerce/contracts/inventory';
import { createSqliteStockRepository } from '../../src/adapters/sqlite/sqlite-stock-repository.js';
import { isInventoryError } from '../../src/domain/inventory-error.js';
import { assertStockInvariant } from '../contract/assert-stock-invariant.js';
import { createTempDatabase } from '../support/temp-database.js';

interface Outcome {
  contender: string;
  granted: number;
  insufficient: number;
  other: string[];
}

const CHILD = fileURLToPath(new URL('./hold-race-child.ts', import.meta.url));
const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Contender {
  ready: Promise<void>;
  go(): void;
  outcome: Promise<Outcome>;
}

function startContender(args: string[]): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: APP_DIR, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const outcome = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Outcome);
      else reject(new Error(`contender ${args[2]} exited with ${code}: ${err}`));
    });
  });
  return { ready, outcome, go: () => child.stdin.end('go\n') };
}

const PROCESSES = 8;
const ATTEMPTS_PER_PROCESS = 10;
const IN_PROCESS_ATTEMPTS = 20;
const AVAILABLE = 25;

describe('holding the last units of one SKU from many processes at once', () => {
  const temp = createTempDatabase('inventory-race-');
  afterAll(() => temp.cleanup());

  it('grants exactly the available units, never more', async () => {
    const repo = createSqliteStockRepository({ db: temp.db });
    await repo.initializeStock([{ sku: 'RACE-1', onHand: 40, lowStockThreshold: 0 }], new Date().toISOString());
    await repo.hold({ holdId: 'earlier', owner: 'someone', lines: [{ sku: 'RACE-1', quantity: 40 - AVAILABLE }], ttlSeconds: 600 }, new Date().toISOString());

    // Every contender (the child processes and this one) starts on the same `go`.
    const contenders = Array.from({ length: PROCESSES }, (_, i) => startContender([temp.file, 'RACE-1', `p${i}`, String(ATTEMPTS_PER_PROCESS)]));
    await Promise.all(contenders.map((c) => c.ready));
    const local = createSqliteStockRepository({ db: temp.reopen() });
    for (const c of contenders) c.go();
    const inProcess = await Promise.allSettled(
      Array.from({ length: IN_PROCESS_ATTEMPTS }, async (_, i) => {
        // Spread the in-process attempts over the children's burst.
        await new Promise((resolve) => setTimeout(resolve, i * 3));
        return local.hold({ holdId: `race:local:${i}`, owner: 'race:local', lines: [{ sku: 'RACE-1', quantity: 1 }], ttlSeconds: 600 }, new Date().toISOString());
      }),
    );
    const outcomes = await Promise.all(contenders.map((c) => c.outcome));

    const localGranted = inProcess.filter((r) => r.status === 'fulfilled').length;
    const localRefused = inProcess.filter(
      (r) => r.status === 'rejected' && isInventoryError(r.reason) && r.reason.type === InventoryFailure.InsufficientStock,
    ).length;
    const granted = outcomes.reduce((sum, o) => sum + o.granted, localGranted);
    const refused = outcomes.reduce((sum, o) => sum + o.insufficient, localRefused);
    console.log(
      `hold race: ${PROCESSES} processes × ${ATTEMPTS_PER_PROCESS} + ${IN_PROCESS_ATTEMPTS} in-process attempts on ${AVAILABLE} units → ` +
        `granted ${granted}, InsufficientStock ${refused}; per process ${outcomes.map((o) => o.granted).join('/')}, in-process ${localGranted}`,
    );

    expect(outcomes.flatMap((o) => o.other)).toEqual([]);
    expect(granted).toBe(AVAILABLE);
    expect(refused).toBe(PROCESSES * ATTEMPTS_PER_PROCESS + IN_PROCESS_ATTEMPTS - AVAILABLE);
    expect(await repo.getLevel('RACE-1')).toMatchObject({ onHand: 40, available: 0, held: 40 });
    expect((await repo.readJournal({ sku: 'RACE-1' })).filter((m) => m.type === 'hold')).toHaveLength(AVAILABLE + 1);
    await assertStockInvariant(repo);
  }, 120_000);
});
