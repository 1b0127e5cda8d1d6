import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import type { Socket } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { OutputTail } from './output-tail.js';
import { isProcessAlive } from './process-alive.js';
import { startReaper } from './reaper.js';

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A server JVM we started (the launcher scripts exec java, so this PID is the JVM's). */
export interface ServerProcess {
  readonly pid: number;
  readonly exited: Promise<ServerExit>;
  hasExited: () => boolean;
  /** The last output of the server (for readiness and error messages). */
  outputTail: () => string;
  /** SIGTERM, SIGKILL after the grace period; resolves once the process is gone. Idempotent. */
  stop: () => Promise<void>;
}

export interface SpawnServerOptions {
  script: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Attached: output piped (tail kept) and also appended here. Detached: output goes only here. */
  logFile?: string;
  /**
   * Detached: own session, output straight to `logFile`, survives this process (the developer
   * stack of `infra up`). Attached (default): killed when this process exits, even by SIGKILL.
   */
  detached?: boolean;
  /** Between SIGTERM and SIGKILL in stop(). */
  graceMs: number;
}

const TAIL_BYTES = 16_000;

// Attached servers still running; SIGTERM'd from one 'exit' hook if this process ends first.
const attachedPids = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of attachedPids) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });
}

function readFileTail(path: string, fromOffset: number): string {
  try {
    const size = statSync(path).size;
    const start = Math.max(fromOffset, size - TAIL_BYTES);
    const length = size - start;
    if (length <= 0) return '';
    const buffer = Buffer.alloc(length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, buffer, 0, length, start);
    } finally {
      closeSync(fd);
    }
    return buffer.toString('utf8');
  } catch {
    return '';
  }
}

/** Sends SIGTERM to `pid`, SIGKILL after `graceMs`; resolves when `isGone()` is true. */
export async function terminate(
  pid: number,
  graceMs: number,
  isGone: () => boolean = () => !isProcessAlive(pid),
): Promise<void> {
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(pid, name);
    } catch {
      // exited in between
    }
  };
  if (isGone()) return;
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (!isGone()) {
    if (Date.now() > deadline) {
      signal('SIGKILL');
      const killDeadline = Date.now() + 10_000;
      while (!isGone() && Date.now() < killDeadline) await delay(50);
      if (!isGone()) throw new Error(`process ${pid} survived SIGKILL for 10 s`);
      return;
    }
    await delay(50);
  }
}

/** Spawns `bash <script> <args>` as a server process owned by PID. */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const { script, args, env, logFile, detached = false, graceMs } = options;
  let child: ChildProcess;
  let outputTail: () => string;
  let log: WriteStream | undefined;
  if (detached) {
    if (logFile === undefined) throw new Error('a detached server needs a logFile');
    mkdirSync(dirname(logFile), { recursive: true });
    const fd = openSync(logFile, 'a');
    const startOffset = statSync(logFile).size;
    try {
      child = spawn('bash', [script, ...args], { env, detached: true, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    outputTail = () => readFileTail(logFile, startOffset);
  } else {
    if (logFile !== undefined) {
      mkdirSync(dirname(logFile), { recursive: true });
      log = createWriteStream(logFile, { flags: 'a' });
    }
    child = spawn('bash', [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = new OutputTail(TAIL_BYTES);
    const capture = (chunk: Buffer): void => {
      tail.append(chunk);
      log?.write(chunk);
    };
    child.stdout?.on('data', capture);
    child.stderr?.on('data', capture);
    outputTail = () => tail.toString();
  }

  let hasExited = false;
  const exited = new Promise<ServerExit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolveExit({ code, signal });
    });
  });
  await new Promise<void>((resolveSpawn, reject) => {
    child.once('spawn', () => resolveSpawn());
    child.once('error', (err) =>
      reject(new Error(`cannot start ${script}: ${err.message}`, { cause: err })),
    );
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot start ${script}: no process id`);

  // Neither the process nor its pipes keep this process alive; stop() holds it while stopping.
  child.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();
  let reaperPid: number | undefined;
  if (!detached) {
    attachedPids.add(pid);
    installExitHook();
    reaperPid = startReaper(pid, graceMs);
  }
  const finished = exited.then(async () => {
    attachedPids.delete(pid);
    if (reaperPid !== undefined && isProcessAlive(reaperPid)) {
      try {
        process.kill(reaperPid, 'SIGTERM');
      } catch {
        // gone
      }
    }
    if (log !== undefined) {
      const stream = log;
      await new Promise<void>((done) => stream.end(done));
    }
  });

  let stopping: Promise<void> | undefined;
  return {
    pid,
    exited,
    hasExited: () => hasExited,
    outputTail,
    stop: () => {
      stopping ??= (async () => {
        child.ref(); // keep this process alive until the server is really gone
        try {
          await terminate(pid, graceMs, () => hasExited);
          await finished;
        } finally {
          child.unref();
        }
      })();
      return stopping;
    },
  };
}
