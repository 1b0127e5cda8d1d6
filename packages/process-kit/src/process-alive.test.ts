import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isProcessAlive, waitUntilProcessGone } from './process-alive.js';

describe('isProcessAlive and waitUntilProcessGone', () => {
  it('see a process while it runs and notice when it is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    const pid = child.pid ?? 0;
    try {
      expect(isProcessAlive(pid)).toBe(true);
      expect(await waitUntilProcessGone(pid, 200)).toBe(false);
      child.kill('SIGKILL');
      expect(await waitUntilProcessGone(pid, 10_000)).toBe(true);
      expect(isProcessAlive(pid)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
