import { fileURLToPath } from 'node:url';
import { startServiceProcess } from '@commerce/dev-stack';

/** The real inventory worker's built entry (turbo builds it before these tests, see turbo.json). */
export const INVENTORY_MAIN = fileURLToPath(new URL('../../../../apps/inventory/dist/main.js', import.meta.url));

export interface InventoryWorkerProcess {
  pid: number;
  /** The tail of everything the worker printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns the real inventory worker against the given Temporal and SQLite, as `pnpm start` does. */
export function spawnInventoryWorker(env: {
  temporalAddress: string;
  temporalNamespace: string;
  sqlitePath: string;
}): InventoryWorkerProcess {
  let output = '';
  const service = startServiceProcess({
    name: 'inventory-worker',
    entry: INVENTORY_MAIN,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.temporalNamespace,
      SQLITE_PATH: env.sqlitePath,
      LOG_LEVEL: 'warn',
      PROJECTOR_BATCH_WINDOW_MS: '50',
    },
    onLine: (_name, line) => {
      output = `${output}${line}\n`.slice(-20_000);
    },
  });
  return { pid: service.pid, output: () => output, stop: () => service.stop(15_000) };
}
