import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A long-running server process we spawned and own by PID. */
export interface ChildServer {
  readonly pid: number;
  readonly exited: Promise<ChildExit>;
  hasExited: () => boolean;
  outputTail: () => string;
  stop: () => Promise<void>;
}

export interface SpawnChildServerOptions {
  command: string;
  args: readonly string[];
  /** Also append the server's output to this file (its folder is created). */
  logFile?: string;
  /** Grace period between SIGTERM and SIGKILL. */
  killAfterMs?: number;
}

const TAIL_CHARS = 16_000;

// PIDs of servers still running; one 'exit' hook signals them if the parent goes away first.
const livePids = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of livePids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });
}

function unrefStream(stream: unknown): void {
  (stream as Partial<Socket> | null)?.unref?.();
}

/**
 * Spawns a server process with piped output (kept as a tail, optionally copied to a file). The
 * child does not keep the parent alive on its own; if the parent exits first, the child gets
 * SIGTERM from the exit hook.
 */
export async function spawnChildServer(options: SpawnChildServerOptions): Promise<ChildServer> {
  const { command, args, logFile, killAfterMs = 10_000 } = options;
  let log: WriteStream | undefined;
  if (logFile !== undefined) {
    mkdirSync(dirname(logFile), { recursive: true });
    log = createWriteStream(logFile, { flags: 'a' });
  }
  const child: ChildProcess = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });

  let tail = '';
  const capture = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    log?.write(chunk);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);

  let hasExited = false;
  const exited = new Promise<ChildExit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolveExit({ code, signal });
    });
  });

  await new Promise<void>((resolveSpawn, reject) => {
    child.once('spawn', () => resolveSpawn());
    child.once('error', (err) =>
      reject(new Error(`cannot start ${command}: ${err.message}`, { cause: err })),
    );
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot start ${command}: no process id`);

  livePids.add(pid);
  installExitHook();
  child.unref();
  unrefStream(child.stdout);
  unrefStream(child.stderr);

  const finish = exited.then(async () => {
    livePids.delete(pid);
    if (log) await new Promise<void>((done) => log.end(done));
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!hasExited) {
        child.ref(); // keep the parent alive until the child is really gone
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // exited in between
        }
        const timer = new AbortController();
        const outcome = await Promise.race([
          exited.then(() => 'exited' as const),
          delay(killAfterMs, 'timeout' as const, { signal: timer.signal }).catch(
            () => 'exited' as const,
          ),
        ]);
        timer.abort();
        if (outcome === 'timeout' && !hasExited) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // exited in between
          }
        }
      }
      await finish;
    })();
    return stopping;
  };

  return {
    pid,
    exited,
    hasExited: () => hasExited,
    outputTail: () => tail,
    stop,
  };
}
