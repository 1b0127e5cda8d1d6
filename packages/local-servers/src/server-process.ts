import { startChildProcess, type ChildProcessHandle } from '@commerce/process-kit';

/** A server JVM we started (the launcher scripts exec java, so this PID is the JVM's). */
export type ServerProcess = ChildProcessHandle;

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

/** Spawns `bash <script> <args>` as a server process owned by PID. */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const { script, args, env, logFile, detached = false, graceMs } = options;
  return await startChildProcess({
    command: 'bash',
    args: [script, ...args],
    label: script,
    env,
    ...(logFile === undefined ? {} : { logFile }),
    graceMs,
    ...(detached ? { detached } : { watchdog: true }),
  });
}
