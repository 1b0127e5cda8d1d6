import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

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
  /** SIGTERM by PID, SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts one app of the platform as a Node child process (its own PID, stopped by that PID). */
export function startServiceProcess(options: ServiceProcessOptions): ServiceProcess {
  const { name, entry, env, onLine } = options;
  if (!existsSync(entry)) throw new Error(`${name}: ${entry} does not exist — run the build first (pnpm build)`);
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: failed to start`);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => onLine?.(name, line));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  return {
    name,
    pid,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      }, graceMs);
      await exited;
      clearTimeout(timer);
      process.off('exit', killOnExit);
    },
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
