import { isProcessAlive } from '@commerce/process-kit';
import { Client } from 'cassandra-driver';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { LOCAL_DATACENTER, startCassandra } from '../src/cassandra.js';
import { PortInUseError } from '../src/ports.js';
import { processCommand } from '../src/process-command.js';
import { javaSkipReason, seconds } from './helpers.js';

const skipReason = await javaSkipReason();

async function listen(): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer();
  const port = await new Promise<number>((resolvePort) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolvePort(typeof address === 'object' && address !== null ? address.port : 0);
    }),
  );
  return { port, close: () => new Promise((done) => server.close(() => done())) };
}

// One Cassandra at a time (≈1.5 GB each): the tests of this file run in sequence.
describe.skipIf(skipReason !== undefined)('startCassandra', () => {
  it('starts on free ports with a throwaway data folder, answers CQL, and stop() ends the PID and removes the folder', async () => {
    const server = await startCassandra();
    try {
      console.log(
        `[local-servers] Cassandra (free ports, temp dir) ready in ${seconds(server.startupMs)}`,
      );
      expect(server.contactPoints).toEqual([`127.0.0.1:${server.nativePort}`]);
      expect(server.localDataCenter).toBe('datacenter1');
      expect(server.nativePort).not.toBe(server.storagePort);
      expect(server.releaseVersion).toMatch(/^5\.0\.\d+$/);
      expect(await processCommand(server.pid)).toContain(
        'org.apache.cassandra.service.CassandraDaemon',
      );
      expect(server.outputTail()).toContain('Startup complete');

      const client = new Client({
        contactPoints: server.contactPoints,
        localDataCenter: LOCAL_DATACENTER,
      });
      try {
        const row = (
          await client.execute('SELECT data_center, cluster_name FROM system.local')
        ).first();
        expect([row?.get('data_center'), row?.get('cluster_name')]).toEqual([
          'datacenter1',
          'commerce-local',
        ]);
      } finally {
        await client.shutdown();
      }
    } finally {
      const stopping = Date.now();
      await server.stop();
      console.log(`[local-servers] Cassandra stopped in ${seconds(Date.now() - stopping)}`);
    }
    expect(isProcessAlive(server.pid)).toBe(false);
    expect(existsSync(server.dataDir)).toBe(false);
  });

  it('refuses a native or storage port in use at once, with a clear error', async () => {
    const blocker = await listen();
    try {
      for (const options of [{ nativePort: blocker.port }, { storagePort: blocker.port }]) {
        const started = Date.now();
        const error = await startCassandra(options).catch((err: unknown) => err);
        expect(error).toBeInstanceOf(PortInUseError);
        expect((error as Error).message).toMatch(
          new RegExp(
            `^port ${blocker.port} on 127\\.0\\.0\\.1 \\(Cassandra (native transport|storage)\\) is already in use`,
          ),
        );
        expect(Date.now() - started).toBeLessThan(2_000);
      }
    } finally {
      await blocker.close();
    }
  });

  it('refuses equal native and storage ports', async () => {
    const free = await listen();
    await free.close();
    await expect(startCassandra({ nativePort: free.port, storagePort: free.port })).rejects.toThrow(
      /must differ/,
    );
  });
});
