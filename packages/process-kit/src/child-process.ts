import { spawn, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  mkdirSync,
  openSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import type { Socket } from 'node:net';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { forgetOnParentExit, signalOnParentExit } from './exit-hook.js';
import { OutputTail, readFileTail } from './output-tail.js';
import { isProcessAlive } from './process-alive.js';
import { terminateProcess } from './terminate-process.js';
import { startWatchdog } from './watchdog.js';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildProcessOptions {
  command: string;
  args: readonly string[];
  /** The child's complete environment; this process's environment when absent. */
  env?: NodeJS.ProcessEnv;
  /** Names the process in error messages (default: `command`). */
  label?: string;
  /** Attached: the output is also appended here. Detached: the output goes only here. The folder is created. */
  logFile?: string;
  /** Attached only: receives every line the child prints (stdout and stderr). */
  onLine?: (line: string) => void;
  /** Between SIGTERM and SIGKILL in `stop()` (default 10 s). */
  graceMs?: number;
  /**
   * Own session, output straight to `logFile`, survives this process (e.g. `infra up`).
   * Attached (default): output piped, and the child is signalled when this process exits.
   */
  detached?: boolean;
  /** Attached only: what the child gets when this process exits first (default SIGTERM). */
  parentExitSignal?: NodeJS.Signals;
  /**
   * Attached only: also stop the child when this process dies without running exit hooks
   * (SIGKILL), through one small watchdog process per child. Default false.
   */
  watchdog?: boolean;
  /**
   * The running child and its output pipes keep this process alive (a supervisor with nothing
   * else to do). Default false: only `stop()` does, while it waits for the child to go.
   */
  keepParentAlive?: boolean;
}

/** A child process owned by its PID. */
export interface ChildProcessHandle {
  readonly pid: number;
  readonly exited: Promise<ChildExit>;
  hasExited: () => boolean;
  /** The last output of the child (16,000 characters; detached: bytes of its log file). */
  outputTail: () => string;
  /**
   * SIGTERM, SIGKILL after `graceMs` (default: the spawn option); resolves once the process is gone
   * and its log file is closed. Idempotent: later calls share the first call's promise.
   */
  stop: (graceMs?: number) => Promise<void>;
}

const TAIL_SIZE = 16_000;
const DEFAULT_GRACE_MS = 10_000;

interface Launched {
  child: ChildProcess;
  exited: Promise<ChildExit>;
  hasExited: () => boolean;
  outputTail: () => string;
  log: WriteStream | undefined;
}

function validate(options: ChildProcessOptions): void {
  const problems: string[] = [];
  if (options.detached === true) {
    if (options.logFile === undefined) problems.push('a detached child process needs a logFile');
    if (options.onLine !== undefined) problems.push('onLine needs an attached child process');
    if (options.watchdog === true) problems.push('watchdog needs an attached child process');
    if (options.parentExitSignal !== undefined)
      problems.push('parentExitSignal needs an attached child process');
  }
  const { graceMs } = options;
  if (graceMs !== undefined && !(Number.isFinite(graceMs) && graceMs >= 0))
    problems.push(`graceMs must be a number of ms >= 0 (got ${String(graceMs)})`);
  if (problems.length > 0) throw new TypeError(problems.join('; '));
}

function unrefStream(stream: unknown): void {
  (stream as Partial<Socket> | null)?.unref?.();
}

/** Spawns the process and wires its output and exit; nothing here depends on the PID. */
function launch(options: ChildProcessOptions): Launched {
  validate(options);
  const { command, args, env, logFile, onLine } = options;
  const spawnEnv = env === undefined ? {} : { env };
  let child: ChildProcess;
  let outputTail: () => string;
  let log: WriteStream | undefined;
  if (options.detached === true && logFile !== undefined) {
    mkdirSync(dirname(logFile), { recursive: true });
    const fd = openSync(logFile, 'a');
    const startOffset = statSync(logFile).size;
    try {
      child = spawn(command, [...args], { ...spawnEnv, detached: true, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    outputTail = () => readFileTail(logFile, startOffset, TAIL_SIZE);
  } else {
    if (logFile !== undefined) {
      mkdirSync(dirname(logFile), { recursive: true });
      log = createWriteStream(logFile, { flags: 'a' });
    }
    child = spawn(command, [...args], { ...spawnEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = new OutputTail(TAIL_SIZE);
    const capture = (chunk: Buffer): void => {
      tail.append(chunk);
      log?.write(chunk);
    };
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      stream.on('data', capture);
      if (onLine !== undefined) createInterface({ input: stream }).on('line', onLine);
    }
    outputTail = () => tail.toString();
  }

  let hasExited = false;
  const exited = new Promise<ChildExit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolveExit({ code, signal });
    });
  });
  return { child, exited, hasExited: () => hasExited, outputTail, log };
}

/** Takes ownership of a started process: parent-exit signal, watchdog, cleanup, stop by PID. */
function own(launched: Launched, pid: number, options: ChildProcessOptions): ChildProcessHandle {
  const { child, exited, hasExited, outputTail, log } = launched;
  const {
    detached = false,
    graceMs = DEFAULT_GRACE_MS,
    parentExitSignal = 'SIGTERM',
    watchdog = false,
    keepParentAlive = false,
  } = options;
  if (!keepParentAlive) {
    // Neither the process nor its pipes keep this process alive; stop() holds it while stopping.
    child.unref();
    unrefStream(child.stdout);
    unrefStream(child.stderr);
  }
  let watchdogPid: number | undefined;
  if (!detached) {
    signalOnParentExit(pid, parentExitSignal);
    if (watchdog) watchdogPid = startWatchdog(pid, graceMs);
  }
  const finished = exited.then(async () => {
    forgetOnParentExit(pid);
    if (watchdogPid !== undefined && isProcessAlive(watchdogPid)) {
      try {
        process.kill(watchdogPid, 'SIGTERM');
      } catch {
        // gone
      }
    }
    if (log !== undefined) await new Promise<void>((done) => log.end(done));
  });

  let stopping: Promise<void> | undefined;
  return {
    pid,
    exited,
    hasExited,
    outputTail,
    stop: (stopGraceMs = graceMs) => {
      stopping ??= (async () => {
        child.ref(); // keep this process alive until the child is really gone
        try {
          await terminateProcess(pid, stopGraceMs, hasExited);
          await finished;
        } finally {
          if (!keepParentAlive) child.unref();
        }
      })();
      return stopping;
    },
  };
}

function labelOf(options: ChildProcessOptions): string {
  return options.label ?? options.command;
}

/**
 * Starts a child process and resolves once the OS has started it; rejects with
 * `cannot start <label>: <reason>` when it cannot be started (e.g. ENOENT).
 */
export async function startChildProcess(options: ChildProcessOptions): Promise<ChildProcessHandle> {
  const launched = launch(options);
  const { child } = launched;
  try {
    await new Promise<void>((resolveSpawn, reject) => {
      child.once('spawn', () => resolveSpawn());
      child.once('error', (err) =>
        reject(new Error(`cannot start ${labelOf(options)}: ${err.message}`, { cause: err })),
      );
    });
  } catch (err) {
    launched.log?.end();
    throw err;
  }
  const pid = child.pid;
  if (pid === undefined) {
    launched.log?.end();
    throw new Error(`cannot start ${labelOf(options)}: no process id`);
  }
  return own(launched, pid, options);
}

/**
 * Starts a child process and returns its handle at once (for callers that cannot wait). Throws
 * `cannot start <label>: no process id` when the OS did not start it.
 */
export function spawnChildProcess(options: ChildProcessOptions): ChildProcessHandle {
  const launched = launch(options);
  const pid = launched.child.pid;
  if (pid === undefined) {
    // The reason arrives later as an 'error' event; this throw reports the failure instead.
    launched.child.once('error', () => undefined);
    launched.log?.end();
    throw new Error(`cannot start ${labelOf(options)}: no process id`);
  }
  return own(launched, pid, options);
}
