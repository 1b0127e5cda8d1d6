import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs a command to completion with exactly `env`; killed by PID after `timeoutMs`. */
export function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs: number },
): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} ran longer than ${options.timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}

/** A long-running child whose output is collected; stopped by PID. */
export interface Service {
  child: ChildProcess;
  pid: number;
  output: () => string;
  waitForOutput: (pattern: RegExp, timeoutMs: number) => Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null if killed). */
  stop: (graceMs?: number) => Promise<number | null>;
  exited: Promise<number | null>;
}

export function startService(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let running = true;
  void exited.then(() => {
    running = false;
    for (const listener of listeners) listener();
  });
  return {
    child,
    pid,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) done(undefined);
          else if (!running)
            done(new Error(`process ${pid} exited before printing ${pattern}:\n${output}`));
        };
        const timer = setTimeout(
          () =>
            done(new Error(`no ${pattern} from process ${pid} within ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
        const done = (err: Error | undefined) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve();
        };
        listeners.add(check);
        check();
      }),
    stop: async (graceMs = 20_000) => {
      if (!running) return await exited;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (running) process.kill(pid, 'SIGKILL');
      }, graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A port that was free a moment ago (bind 0, read, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
