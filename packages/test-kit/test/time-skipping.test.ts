import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTimeSkippingTestEnv, uniqueTaskQueue } from '../src/temporal.js';
import type { sleepForDays } from './fixtures/sleepy-workflows.js';

const DAY_MS = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTimeSkippingTestEnv();
});
afterAll(async () => {
  await env?.teardown();
});

describe('startTimeSkippingTestEnv', () => {
  it('is a time-skipping environment on our own test server', async () => {
    expect(env.supportsTimeSkipping).toBe(true);
    expect(env.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(await env.currentTimeMs()).toBeGreaterThan(0);
  });

  it('skips a one-day sleep in well under a minute', async () => {
    const taskQueue = uniqueTaskQueue('time-skipping');
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: fileURLToPath(new URL('./fixtures/sleepy-workflows.ts', import.meta.url)),
    });
    const serverTimeBefore = await env.currentTimeMs();
    const realStart = performance.now();
    const result = await worker.runUntil(
      env.client.workflow.execute<typeof sleepForDays>('sleepForDays', {
        taskQueue,
        workflowId: `sleepy-${taskQueue}`,
        args: [{ days: 1 }],
      }),
    );
    const realMs = performance.now() - realStart;
    console.log(`1-day workflow sleep took ${Math.round(realMs)} ms of real time`);

    expect(Date.parse(result.wokeAt) - Date.parse(result.startedAt)).toBeGreaterThanOrEqual(DAY_MS);
    expect((await env.currentTimeMs()) - serverTimeBefore).toBeGreaterThanOrEqual(DAY_MS);
    expect(realMs).toBeLessThan(30_000);
  });

  it('the teardown stops the server process', async () => {
    const own = await startTimeSkippingTestEnv();
    const address = own.address;
    await own.teardown();
    const { Connection } = await import('@temporalio/client');
    await expect(Connection.connect({ address, connectTimeout: 1_000 })).rejects.toThrow();
  });
});
