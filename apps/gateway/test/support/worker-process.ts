import { fileURLToPath } from 'node:url';
import { startServiceProcess } from '@commerce/dev-stack';

/** The domain workers an order needs (and the storefront's cart and checkout), by app folder. */
export const ORDER_APPS = ['inventory', 'order-saga', 'oms', 'fulfillment', 'cart', 'checkout'] as const;
export type OrderApp = (typeof ORDER_APPS)[number];

/** The built entry of an app (turbo builds the apps before these tests, see turbo.json). */
export const appMain = (app: OrderApp): string =>
  fileURLToPath(new URL(`../../../${app}/dist/main.js`, import.meta.url));

export interface WorkerProcess {
  app: OrderApp;
  pid: number;
  /** The tail of everything the worker printed (for failure messages). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after the grace period. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies on the spot, in the middle of whatever it was doing. */
  kill(): Promise<void>;
}

/** Spawns a REAL built worker (`apps/<app>/dist/main.js`) as `pnpm start` does, with exactly `env`. */
export function spawnWorker(app: OrderApp, env: Record<string, string>): WorkerProcess {
  let output = '';
  const service = startServiceProcess({
    name: `${app}-worker`,
    entry: appMain(app),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    onLine: (_name, line) => {
      output = `${output}${line}\n`.slice(-20_000);
    },
  });
  return {
    app,
    pid: service.pid,
    output: () => output,
    exited: service.exited,
    stop: () => service.stop(15_000),
    async kill() {
      try {
        process.kill(service.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await service.exited;
    },
  };
}
