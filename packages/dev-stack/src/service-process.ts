import { spawnChildProcess, type ChildProcessHandle } from '@commerce/process-kit';
import { existsSync } from 'node:fs';

export interface ServiceProcessOptions {
  name: string;
  /** Absolute path of the built entry (e.g. apps/inventory/dist/main.js). */
  entry: string;
  /** The child's complete environment (callers pass their inherited environment explicitly). */
  env: Record<string, string | undefined>;
  /** Receives each output line of the child; defaults to discarding it. */
  onLine?: (name: string, line: string) => void;
}

export interface ServiceProcess {
  name: string;
  pid: number;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** SIGTERM by PID, SIGKILL after the grace period (default 10 s). */
  stop(graceMs?: number): Promise<void>;
}

/** Starts one app of the platform as a Node child process (its own PID, stopped by that PID). */
export function startServiceProcess(options: ServiceProcessOptions): ServiceProcess {
  const { name, entry, env, onLine } = options;
  if (!existsSync(entry)) throw new Error(`${name}: ${entry} does not exist — run the build first (pnpm build)`);
  let child: ChildProcessHandle;
  try {
    child = spawnChildProcess({
      command: process.execPath,
      args: ['--enable-source-maps', entry],
      label: name,
      env,
      ...(onLine === undefined ? {} : { onLine: (line: string) => onLine(name, line) }),
      graceMs: 10_000,
      // The stack's supervisor has nothing else to do: its services keep it alive, and die with it.
      keepParentAlive: true,
      parentExitSignal: 'SIGKILL',
    });
  } catch (err) {
    throw new Error(`${name}: failed to start`, { cause: err });
  }
  return {
    name,
    pid: child.pid,
    exited: child.exited.then(({ code }) => code),
    stop: (graceMs) => child.stop(graceMs),
  };
}

/** Polls a URL until it answers 2xx, or fails with the last error after `timeoutMs`. */
export async function waitForHttpOk(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${url}: the process exited before it became ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}
