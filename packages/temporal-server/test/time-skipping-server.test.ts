import { isProcessAlive } from '@commerce/process-kit';
import { Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { startTimeSkippingServer } from '../src/time-skipping-server.js';
import { waitUntilGone } from './helpers.js';

describe('startTimeSkippingServer', () => {
  it('starts the time-skipping test server on a free port, answers gRPC, and is gone after stop', async () => {
    const t0 = performance.now();
    const server = await startTimeSkippingServer();
    console.log(`time-skipping server start: ${Math.round(performance.now() - t0)} ms`);
    try {
      expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(server.executable).toMatch(/temporal-test-server/);
      expect(isProcessAlive(server.pid)).toBe(true);
      const connection = await Connection.connect({ address: server.address });
      try {
        const info = await connection.workflowService.getSystemInfo({});
        expect(info.capabilities).toBeDefined();
      } finally {
        await connection.close();
      }
    } finally {
      await server.stop();
    }
    expect(await waitUntilGone(server.pid)).toBe(true);
  });

  it('runs two side by side on different ports', async () => {
    const [a, b] = await Promise.all([startTimeSkippingServer(), startTimeSkippingServer()]);
    try {
      expect(a.ports.frontend).not.toBe(b.ports.frontend);
      expect(isProcessAlive(a.pid) && isProcessAlive(b.pid)).toBe(true);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('rejects a bad port before starting anything', async () => {
    await expect(startTimeSkippingServer({ port: 0 })).rejects.toThrow(RangeError);
  });
});
