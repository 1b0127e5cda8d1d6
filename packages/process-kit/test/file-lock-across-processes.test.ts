import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, runFixture } from './helpers.js';

describe('withFileLock across processes', () => {
  const temp = makeTempDir('lock-processes');
  afterAll(() => temp.remove());

  it('lets one process at a time in', async () => {
    const lockPath = join(temp.dir, 'x.install.lock');
    const log = join(temp.dir, 'lock.log');
    writeFileSync(log, '');
    const runs = await Promise.all(
      [1, 2, 3].map(() => runFixture('hold-lock.ts', [lockPath, log, '700'])),
    );
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.stderr).join('\n'),
    ).toEqual([0, 0, 0]);
    const events = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '));
    expect(events).toHaveLength(6);
    // Strictly alternating enter/leave of the same pid: no two holders overlapped.
    for (let i = 0; i < events.length; i += 2) {
      expect([events[i]?.[1], events[i + 1]?.[1]]).toEqual(['enter', 'leave']);
      expect(events[i]?.[0]).toBe(events[i + 1]?.[0]);
    }
    expect(new Set(events.map((e) => e[0])).size).toBe(3);
    expect(existsSync(lockPath)).toBe(false);
  });
});
