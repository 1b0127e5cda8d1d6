import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { isProcessAlive } from './process-alive.js';

export interface InstallLockOptions {
  /** Give up waiting for another holder after this long (a cold Maven download takes ~1 min). */
  timeoutMs?: number;
  pollMs?: number;
}

interface Holder {
  token: string;
  pid: number;
  host: string;
  since: string;
}

async function readHolder(lockDir: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(join(lockDir, 'holder.json'), 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/**
 * A lock is abandoned when its holder process is gone (same host), or when it never got its
 * holder file written (the creator died between mkdir and writeFile) and is older than 30 s.
 */
async function isAbandoned(
  lockDir: string,
  firstSeenEmptyAt: Map<string, number>,
): Promise<boolean> {
  const holder = await readHolder(lockDir);
  if (holder === undefined) {
    const seen = firstSeenEmptyAt.get(lockDir) ?? Date.now();
    firstSeenEmptyAt.set(lockDir, seen);
    return Date.now() - seen > 30_000;
  }
  firstSeenEmptyAt.delete(lockDir);
  return holder.host === hostname() && !isProcessAlive(holder.pid);
}

/**
 * Runs `fn` while holding a cross-process lock: a directory created with mkdir (atomic on every
 * local file system) that records its holder's PID. Parallel test processes that all want the
 * same install wait for the first one; a lock left by a dead process is taken over.
 */
export async function withInstallLock<T>(
  lockDir: string,
  fn: () => Promise<T>,
  options: InstallLockOptions = {},
): Promise<T> {
  const { timeoutMs = 20 * 60_000, pollMs = 200 } = options;
  const me: Holder = {
    token: randomUUID(),
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  };
  const deadline = Date.now() + timeoutMs;
  const firstSeenEmptyAt = new Map<string, number>();
  await mkdir(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, 'holder.json'), JSON.stringify(me));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (await isAbandoned(lockDir, firstSeenEmptyAt)) {
      // Move it aside first so two waiters cannot both delete a lock one of them just took.
      // If another waiter replaced it meanwhile by a live lock, that one is put back.
      const aside = `${lockDir}.abandoned-${me.token}`;
      const moved = await rename(lockDir, aside).then(
        () => true,
        () => false,
      );
      if (moved) {
        const holder = await readHolder(aside);
        if (holder !== undefined && (holder.host !== hostname() || isProcessAlive(holder.pid))) {
          await rename(aside, lockDir).catch(() => undefined);
        }
        await rm(aside, { recursive: true, force: true });
      }
      continue;
    }
    if (Date.now() > deadline) {
      const holder = await readHolder(lockDir);
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${lockDir}` +
          (holder ? ` (held by pid ${holder.pid} on ${holder.host} since ${holder.since})` : ''),
      );
    }
    await delay(pollMs);
  }
  try {
    return await fn();
  } finally {
    const holder = await readHolder(lockDir);
    if (holder?.token === me.token) await rm(lockDir, { recursive: true, force: true });
  }
}
