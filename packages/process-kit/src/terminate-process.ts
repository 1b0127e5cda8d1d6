import { setTimeout as delay } from 'node:timers/promises';
import { isProcessAlive } from './process-alive.js';

/** How long a process may take to disappear after SIGKILL before `terminateProcess` gives up. */
const AFTER_KILL_MS = 10_000;
const POLL_MS = 50;

/**
 * Sends SIGTERM to `pid`, SIGKILL after `graceMs`; resolves when `isGone()` is true (by default:
 * the PID no longer exists). Throws when the process survives SIGKILL for 10 s.
 */
export async function terminateProcess(
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
      const killDeadline = Date.now() + AFTER_KILL_MS;
      while (!isGone() && Date.now() < killDeadline) await delay(POLL_MS);
      if (!isGone()) throw new Error(`process ${pid} survived SIGKILL for 10 s`);
      return;
    }
    await delay(POLL_MS);
  }
}
