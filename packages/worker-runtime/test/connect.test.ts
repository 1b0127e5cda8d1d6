import { findFreePort, startTimeSkippingServer } from '@commerce/temporal-server';
import { testTemporalAddress, testTemporalNamespace } from '@commerce/test-kit/temporal';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { connectClient, connectWorkerConnection } from '../src/connect.js';

describe('connecting to Temporal', () => {
  it('gives a worker connection and a client for the configured server', async () => {
    const connection = await connectWorkerConnection({
      address: testTemporalAddress(),
      readyTimeoutMs: 10_000,
    });
    try {
      expect((await connection.workflowService.getSystemInfo({})).serverVersion).toMatch(/^\d+\./);
    } finally {
      await connection.close();
    }
    const client = await connectClient({
      address: testTemporalAddress(),
      namespace: testTemporalNamespace(),
    });
    try {
      expect(client.options.namespace).toBe(testTemporalNamespace());
      const { namespaceInfo } = await client.workflowService.describeNamespace({
        namespace: testTemporalNamespace(),
      });
      expect(namespaceInfo?.name).toBe(testTemporalNamespace());
    } finally {
      await client.connection.close();
    }
  });

  it('keeps retrying until a server that starts late is up', async () => {
    const port = await findFreePort('0.0.0.0');
    const address = `127.0.0.1:${port}`;
    const connecting = connectWorkerConnection({ address, readyTimeoutMs: 60_000 });
    await delay(1_500);
    const server = await startTimeSkippingServer({ port });
    try {
      const connection = await connecting;
      await connection.workflowService.getSystemInfo({});
      await connection.close();
    } finally {
      await server.stop();
    }
  });

  it('gives up with the address in the error when nothing answers', async () => {
    const address = `127.0.0.1:${await findFreePort()}`;
    const started = Date.now();
    await expect(connectWorkerConnection({ address, readyTimeoutMs: 1_500 })).rejects.toThrow(
      `cannot reach Temporal at ${address} for worker connection within 1500 ms`,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(
      connectClient({ address, namespace: 'default', readyTimeoutMs: 1_000 }),
    ).rejects.toThrow(/client connection/);
  });

  it('stops retrying when aborted', async () => {
    const address = `127.0.0.1:${await findFreePort()}`;
    const abort = new AbortController();
    const connecting = connectWorkerConnection({
      address,
      readyTimeoutMs: 60_000,
      abortSignal: abort.signal,
    });
    setTimeout(() => abort.abort(new Error('shutting down')), 500);
    await expect(connecting).rejects.toThrow('shutting down');
  });
});
