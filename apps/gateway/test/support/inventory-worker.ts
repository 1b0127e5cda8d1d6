import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The workspace root, from this file's location (apps/gateway/test/support). */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const INVENTORY_MAIN = fileURLToPath(
  new URL('../../../../apps/inventory/dist/main.js', import.meta.url),
);

export interface InventoryWorkerProcess {
  pid: number;
  /** Everything the worker printed (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns the real inventory worker (apps/inventory/dist/main.js) against the given Temporal and SQLite. */
export function spawnInventoryWorker(env: {
  temporalAddress: string;
  temporalNamespace: string;
  sqlitePath: string;
}): InventoryWorkerProcess {
  if (!existsSync(INVENTORY_MAIN)) {
    throw new Error(
      `${INVENTORY_MAIN} does not exist: build @commerce/inventory first (turbo does, see turbo.json)`,
    );
  }
  const child: ChildProcess = spawn(process.execPath, [INVENTORY_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.temporalNamespace,
      SQLITE_PATH: env.sqlitePath,
      LOG_LEVEL: 'warn',
      PROJECTOR_BATCH_WINDOW_MS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the inventory worker did not start');
  const pid = child.pid;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    pid,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
