import { findFreePort, isProcessAlive } from '@commerce/process-kit';
import { Client, Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startDevServer } from '../src/dev-server.js';
import { runCommand } from '../src/run-command.js';
import { TemporalServerStartError, type RunningServer } from '../src/running-server.js';
import { makeTempDir, waitUntilGone } from './helpers.js';

const temp = makeTempDir('dev-server');
afterAll(() => temp.remove());

async function timed<T>(label: string, start: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await start();
  console.log(`${label}: ${Math.round(performance.now() - t0)} ms`);
  return result;
}

async function clusterHealth(server: RunningServer): Promise<string> {
  const result = await runCommand(server.executable, [
    'operator',
    'cluster',
    'health',
    '--address',
    server.address,
  ]);
  return result.stdout.trim();
}

async function withClient<T>(
  server: RunningServer,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const connection = await Connection.connect({ address: server.address });
  try {
    return await use(new Client({ connection, namespace: server.namespace }));
  } finally {
    await connection.close();
  }
}

/** Starts an execution that no worker will pick up; the server alone records it. */
async function startParkedWorkflow(server: RunningServer, requestId: string): Promise<string> {
  const workflowId = `parked-${randomUUID()}`;
  await withClient(server, (client) =>
    client.workflow.start('parkedWorkflow', {
      taskQueue: 'nobody-polls',
      workflowId,
      searchAttributes: { RequestId: [requestId] },
    }),
  );
  return workflowId;
}

async function describeWorkflow(server: RunningServer, workflowId: string) {
  return await withClient(server, (client) => client.workflow.getHandle(workflowId).describe());
}

async function customSearchAttributes(server: RunningServer): Promise<Record<string, unknown>> {
  const connection = await Connection.connect({ address: server.address });
  try {
    const response = await connection.operatorService.listSearchAttributes({
      namespace: server.namespace,
    });
    return { ...(response.customAttributes ?? {}) };
  } finally {
    await connection.close();
  }
}

describe('startDevServer', () => {
  it('starts on free ports, is SERVING, records a workflow start, and its PID is gone after stop', async () => {
    const server = await timed('dev server start (in-memory, cold cache hit)', () =>
      startDevServer(),
    );
    try {
      expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(server.namespace).toBe('default');
      expect(server.uiUrl).toBeUndefined();
      expect(isProcessAlive(server.pid)).toBe(true);
      expect(await clusterHealth(server)).toContain('SERVING');
      // The metrics port we chose is the one it serves.
      const metrics = await fetch(`http://127.0.0.1:${server.ports.metrics}/metrics`);
      expect(metrics.status).toBe(200);

      const workflowId = await startParkedWorkflow(server, 'req-1');
      const description = await describeWorkflow(server, workflowId);
      expect(description.status.name).toBe('RUNNING');
      expect(description.taskQueue).toBe('nobody-polls');
      expect(description.searchAttributes.RequestId).toEqual(['req-1']);
    } finally {
      await server.stop();
    }
    expect(await waitUntilGone(server.pid)).toBe(true);
    await expect(server.stop()).resolves.toBeUndefined();
  });

  it('persists to dbFilename across restarts and adds search attributes to an existing database', async () => {
    const dbFilename = join(temp.dir, 'does', 'not', 'exist', 'yet', 'temporal.db');
    const namespace = 'commerce-persist';
    const first = await timed('dev server start (new db file)', () =>
      startDevServer({ dbFilename, namespace }),
    );
    let workflowId: string;
    try {
      workflowId = await startParkedWorkflow(first, 'req-persist');
    } finally {
      await first.stop();
    }
    expect(await waitUntilGone(first.pid)).toBe(true);
    expect(existsSync(dbFilename)).toBe(true);

    const second = await timed('dev server start (existing db file)', () =>
      startDevServer({
        dbFilename,
        namespace,
        searchAttributes: { OrderStatus: 'Keyword', OrderTotal: 'Int' },
      }),
    );
    try {
      const description = await describeWorkflow(second, workflowId);
      expect(description.status.name).toBe('RUNNING');
      expect(description.searchAttributes.RequestId).toEqual(['req-persist']);
      // Keyword = 2, Int = 3 (temporal.api.enums.v1.IndexedValueType)
      expect(await customSearchAttributes(second)).toMatchObject({
        RequestId: 2,
        OrderStatus: 2,
        OrderTotal: 3,
      });
    } finally {
      await second.stop();
    }
  });

  it('runs two servers side by side, one with the Web UI', async () => {
    const uiPort = await findFreePort();
    const [a, b] = await timed('two dev servers in parallel (one with UI)', () =>
      Promise.all([startDevServer(), startDevServer({ uiPort })]),
    );
    try {
      expect(a.address).not.toBe(b.address);
      expect(a.pid).not.toBe(b.pid);
      const ports = [a.ports, b.ports]
        .flatMap((p) => [p.frontend, p.http, p.metrics, p.ui])
        .filter((p) => p !== undefined);
      expect(ports).toHaveLength(7);
      expect(new Set(ports).size).toBe(ports.length);
      expect(await clusterHealth(a)).toContain('SERVING');
      expect(await clusterHealth(b)).toContain('SERVING');
      expect(a.uiUrl).toBeUndefined();
      expect(b.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
      expect((await fetch(b.uiUrl ?? '')).status).toBe(200);
      const inA = await startParkedWorkflow(a, 'only-in-a');
      await expect(describeWorkflow(b, inA)).rejects.toThrow(/not found/i);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('reports a server that dies during start with its output, and leaves no process', async () => {
    const dir = join(temp.dir, 'a-directory-not-a-file');
    mkdirSync(dir, { recursive: true });
    const failure = await startDevServer({ dbFilename: dir, readyTimeoutMs: 30_000 }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(TemporalServerStartError);
    const error = failure as TemporalServerStartError;
    expect(error.message).toMatch(/exited before it was ready/);
    expect(error.outputTail.length).toBeGreaterThan(0);
    expect(error.message).toContain(error.outputTail.trim().slice(-40));
  });

  it('rejects bad options before starting anything', async () => {
    await expect(startDevServer({ port: 70_000 })).rejects.toThrow(RangeError);
    await expect(startDevServer({ uiPort: -1 })).rejects.toThrow(/uiPort/);
    await expect(
      startDevServer({ searchAttributes: { 'not-an-identifier': 'Keyword' } }),
    ).rejects.toThrow(/not an identifier/);
    await expect(
      startDevServer({ searchAttributes: { Amount: 'Float' as never } }),
    ).rejects.toThrow(/unknown type "Float"/);
    await expect(startDevServer({ namespace: '' })).rejects.toThrow(/namespace/);
  });

  it('takes the server down when the parent process exits without stopping it', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-and-exit.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
    expect(code, output).toBe(0);
    const pid = Number(/pid: (\d+)/.exec(output)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntilGone(pid, 15_000)).toBe(true);
  });
});
