import {
  createTestClient,
  createTestWorkerConnection,
  uniqueTaskQueue,
  type TestClient,
} from '@commerce/test-kit/temporal';
import { createLogger, type Logger } from '@commerce/logging';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkflowBundle } from '../src/bundle.js';
import { runWorkerUntilSignal } from '../src/run-worker.js';
import { workflowSource } from '../src/workflow-source.js';
import type { greetWorkflow } from './fixtures/workflows.js';

const workflowsPath = fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url));

function capturedLogger(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const logger = createLogger({ name: 'worker-runtime-test', destination: stream, level: 'debug' });
  return {
    logger,
    lines: () =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const temp = mkdtempSync(join(tmpdir(), 'commerce-worker-runtime-'));
let test: TestClient;
let connection: NativeConnection;

beforeAll(async () => {
  test = await createTestClient();
  connection = await createTestWorkerConnection();
});
afterAll(async () => {
  await connection?.close();
  await test?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('a worker from a prebuilt bundle', () => {
  it('builds the bundle, runs the workflow from it, and drains on shutdown', async () => {
    const bundlePath = join(temp, 'nested', 'workflow-bundle.js');
    const built = await buildWorkflowBundle({ workflowsPath, outFile: bundlePath });
    expect(built.outFile).toBe(bundlePath);
    expect(built.bytes).toBeGreaterThan(1_000);
    expect(readFileSync(bundlePath, 'utf8')).toContain('greetWorkflow');

    const source = workflowSource({ workflowsPath, bundlePath });
    expect(source).toEqual({ workflowBundle: { codePath: bundlePath } });

    const taskQueue = uniqueTaskQueue('worker-runtime');
    const worker = await Worker.create({ connection, taskQueue, ...source });
    const { logger, lines } = capturedLogger();
    const stop = new AbortController();
    const listenersBefore = process.listenerCount('SIGTERM');
    const running = runWorkerUntilSignal({ worker, logger, abortSignal: stop.signal });
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore + 1);

    const result = await test.client.workflow.execute<typeof greetWorkflow>('greetWorkflow', {
      taskQueue,
      workflowId: `greet-${taskQueue}`,
      args: [{ name: 'Ada' }],
    });
    expect(result).toBe('Hello, Ada!');

    // A workflow still sleeping when shutdown starts does not block it (workflow state lives in Temporal).
    const busy = await test.client.workflow.start<typeof greetWorkflow>('greetWorkflow', {
      taskQueue,
      workflowId: `greet-busy-${taskQueue}`,
      args: [{ name: 'Busy', delayMs: 60_000 }],
    });
    stop.abort();
    await running;

    expect(worker.getState()).toBe('STOPPED');
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
    const messages = lines().map((l) => l.msg);
    expect(messages).toEqual(['worker running', 'shutting down worker', 'worker stopped']);
    expect(lines()[1]).toMatchObject({ reason: 'abort', taskQueue });
    expect((await busy.describe()).status.name).toBe('RUNNING');
    await busy.terminate('test done');
  });

  it('shuts down at once when the abort signal fired before it ran', async () => {
    const taskQueue = uniqueTaskQueue('worker-runtime-early');
    const worker = await Worker.create({ connection, taskQueue, workflowsPath });
    const { logger } = capturedLogger();
    await runWorkerUntilSignal({ worker, logger, abortSignal: AbortSignal.abort() });
    expect(worker.getState()).toBe('STOPPED');
  });

  it('prefers the bundle only when it exists, and can insist on it', () => {
    const missing = join(temp, 'no-bundle-here.js');
    expect(existsSync(missing)).toBe(false);
    expect(workflowSource({ workflowsPath, bundlePath: missing })).toEqual({ workflowsPath });
    expect(() =>
      workflowSource({ workflowsPath, bundlePath: missing, requireBundle: true }),
    ).toThrow(/workflow bundle .* is missing/);
    expect(() =>
      workflowSource({ workflowsPath: join(temp, 'nope.ts'), bundlePath: missing }),
    ).toThrow(/neither/);
  });

  it('fails the bundle build on a workflow file that imports a Node built-in', async () => {
    const badWorkflows = fileURLToPath(new URL('./fixtures/bad-workflows.ts', import.meta.url));
    const outFile = join(temp, 'bad-bundle.js');
    await expect(buildWorkflowBundle({ workflowsPath: badWorkflows, outFile })).rejects.toThrow(
      /Webpack finished with errors/,
    );
    expect(existsSync(outFile)).toBe(false);
  });
});
