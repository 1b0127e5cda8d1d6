import { setTimeout as delay } from 'node:timers/promises';

/** True while `pid` exists (EPERM means it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits for `pid` to disappear, looking every `pollMs`; true when it did within `timeoutMs`. */
export async function waitUntilProcessGone(
  pid: number,
  timeoutMs: number,
  pollMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await delay(pollMs);
  }
  return !isProcessAlive(pid);
}
