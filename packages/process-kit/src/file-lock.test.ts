import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'commerce-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
  if (typeof child.pid !== 'number') throw new Error('no pid');
  return child.pid;
}

describe('withFileLock', () => {
  it('lets one holder in at a time and removes the lock file afterwards', async () => {
    const lock = join(dir, 'nested', 'a.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withFileLock(
        lock,
        async () => {
          events.push(`${name}:in`);
          await delay(150);
          events.push(`${name}:out`);
          return name;
        },
        { pollMs: 20 },
      );
    const results = await Promise.all([holder('a'), holder('b')]);
    expect(results).toEqual(['a', 'b']);
    // No interleaving: every "in" is directly followed by its own "out".
    expect(events[1]).toBe(`${events[0]?.split(':')[0]}:out`);
    expect(events[3]).toBe(`${events[2]?.split(':')[0]}:out`);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    const lock = join(dir, 'b.lock');
    await expect(withFileLock(lock, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a lock whose holder process is gone', async () => {
    const lock = join(dir, 'c.lock');
    writeFileSync(
      lock,
      JSON.stringify({ token: 'old', pid: deadPid(), host: hostname(), createdAt: Date.now() }),
    );
    const started = Date.now();
    await expect(
      withFileLock(lock, () => Promise.resolve('got it'), { timeoutMs: 5_000 }),
    ).resolves.toBe('got it');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('breaks a lock older than staleMs even if its holder looks alive', async () => {
    const lock = join(dir, 'd.lock');
    writeFileSync(
      lock,
      JSON.stringify({
        token: 'old',
        pid: process.pid,
        host: hostname(),
        createdAt: Date.now() - 60_000,
      }),
    );
    await expect(
      withFileLock(lock, () => Promise.resolve(1), { staleMs: 30_000, timeoutMs: 5_000 }),
    ).resolves.toBe(1);
  });

  it('breaks an unreadable lock file only once it is old', async () => {
    const lock = join(dir, 'e.lock');
    writeFileSync(lock, '');
    await expect(
      withFileLock(lock, () => Promise.resolve(1), { timeoutMs: 300, pollMs: 50 }),
    ).rejects.toThrow(/timed out/);
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(lock, old, old);
    await expect(withFileLock(lock, () => Promise.resolve(2), { timeoutMs: 2_000 })).resolves.toBe(
      2,
    );
  });

  it('waits for a live holder and times out with a clear error', async () => {
    const lock = join(dir, 'f.lock');
    writeFileSync(
      lock,
      JSON.stringify({ token: 'other', pid: process.pid, host: hostname(), createdAt: Date.now() }),
    );
    await expect(
      withFileLock(lock, () => Promise.resolve(1), { timeoutMs: 300, pollMs: 50 }),
    ).rejects.toThrow(new RegExp(`held by pid ${process.pid}`));
    expect(existsSync(lock)).toBe(true);
  });
});
