import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessAlive } from './process-alive.js';

export interface FileLockOptions {
  /** Give up waiting for another holder after this long (default 15 min). */
  timeoutMs?: number;
  /** A lock older than this is considered abandoned even if its holder looks alive (default 20 min). */
  staleMs?: number;
  /** How often a waiter looks again (default 250 ms). */
  pollMs?: number;
}

interface LockOwner {
  token: string;
  pid: number;
  host: string;
  createdAt: number;
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.token !== 'string' || typeof parsed.pid !== 'number') return undefined;
    return parsed as LockOwner;
  } catch {
    return undefined;
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  const owner = await readOwner(lockPath);
  if (owner === undefined) {
    // Unreadable: either being written right now or left half-written by a crashed holder.
    const info = await stat(lockPath).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > 30_000;
  }
  if (owner.host === hostname() && !isProcessAlive(owner.pid)) return true;
  return Date.now() - owner.createdAt > staleMs;
}

/** Moves a stale lock aside atomically; if a fresh lock took its place meanwhile, puts that one back. */
async function breakStaleLock(lockPath: string, staleMs: number): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else broke or released it first
  }
  if (await isStale(aside, staleMs)) {
    await unlink(aside).catch(() => undefined);
    return;
  }
  await rename(aside, lockPath).catch(() => unlink(aside).catch(() => undefined));
}

/**
 * Runs `fn` while holding a cross-process lock: a file created with O_EXCL that records its
 * holder. A lock whose holder died (same host, PID gone) or that is older than `staleMs` is
 * broken, so a crashed install never blocks the next one.
 */
export async function withFileLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const { timeoutMs = 15 * 60_000, staleMs = 20 * 60_000, pollMs = 250 } = options;
  const owner: LockOwner = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    createdAt: Date.now(),
  };
  const deadline = Date.now() + timeoutMs;
  await mkdir(dirname(lockPath), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await isStale(lockPath, staleMs)) {
      await breakStaleLock(lockPath, staleMs);
      continue;
    }
    if (Date.now() > deadline) {
      const holder = await readOwner(lockPath);
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for the lock ${lockPath}` +
          (holder ? ` held by pid ${holder.pid} on ${holder.host}` : ''),
      );
    }
    await delay(pollMs);
  }
  try {
    return await fn();
  } finally {
    const current = await readOwner(lockPath);
    if (current?.token === owner.token) await unlink(lockPath).catch(() => undefined);
  }
}
