import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkWorkflowExports,
  createTestNamespace,
  eventually,
  expectWorkflowBundle,
  startTestWorker,
  workflowBundle,
  type TestWorker,
} from '../src/worker.js';
import { testTemporalNamespace } from '../src/temporal.js';
import type { GreetActivities, greetingWorkflow } from './fixtures/worker-workflows.js';

const workflowsPath = fileURLToPath(new URL('./fixtures/worker-workflows.ts', import.meta.url));
const activities: GreetActivities = { greet: ({ name }) => Promise.resolve(`Hello, ${name}!`) };
const started: TestWorker[] = [];
afterAll(async () => {
  await Promise.all(started.map((w) => w.stop()));
});

describe('startTestWorker', () => {
  it('runs workflows and activities on a unique queue of the run namespace, and stops cleanly', async () => {
    const w = await startTestWorker({ workflowsPath, activities });
    expect(w.namespace).toBe(testTemporalNamespace());
    expect(w.taskQueue).toMatch(/^test-/);
    const result = await w.client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
      taskQueue: w.taskQueue,
      workflowId: `greet-${randomUUID()}`,
      args: [{ name: 'Ada' }],
    });
    expect(result).toBe('Hello, Ada!');
    await w.stop();
    expect(w.worker.getState()).toBe('STOPPED');
  });

  it('bundles a workflows path once per file', async () => {
    expect(await workflowBundle(workflowsPath)).toBe(await workflowBundle(workflowsPath));
  });
});

describe('createTestNamespace', () => {
  it('gives a usable namespace of its own, with the run search attributes, where real queue names are private', async () => {
    const namespace = await createTestNamespace();
    expect(namespace).not.toBe(testTemporalNamespace());
    // The same queue name in two namespaces: each worker answers only its own namespace.
    const taskQueue = 'inventory';
    const mine = await startTestWorker({ workflowsPath, activities, taskQueue, namespace });
    started.push(mine);
    const other = await startTestWorker({
      workflowsPath,
      taskQueue,
      activities: { greet: () => Promise.resolve('wrong namespace') } satisfies GreetActivities,
    });
    started.push(other);
    const workflowId = `greet-${randomUUID()}`;
    const result = await mine.client.workflow.execute<typeof greetingWorkflow>('greetingWorkflow', {
      taskQueue,
      workflowId,
      args: [{ name: 'Grace', requestId: 'req-1' }],
    });
    expect(result).toBe('Hello, Grace!');
    const described = await mine.client.workflow.getHandle(workflowId).describe();
    expect(described.searchAttributes).toMatchObject({ RequestId: ['req-1'] });
  });
});

describe('eventually', () => {
  it('resolves with the first defined value, retrying through errors', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        if (calls === 1) throw new Error('not yet');
        return calls < 3 ? undefined : calls;
      },
      { intervalMs: 5 },
    );
    expect(value).toBe(3);
  });

  it('fails naming what it waited for and the last error', async () => {
    await expect(
      eventually(() => Promise.reject(new Error('still down')), {
        timeoutMs: 50,
        intervalMs: 10,
        what: 'the store',
      }),
    ).rejects.toThrow(/waiting for the store: still down/);
  });
});

describe('checkWorkflowExports', () => {
  it('returns every *_WORKFLOW name of the contracts module when all are exported', async () => {
    const contracts = {
      GREETING_WORKFLOW: 'greetingWorkflow',
      OTHER_WORKFLOW: 'otherWorkflow',
      TASK_QUEUE: 'x',
    };
    expect(await checkWorkflowExports(contracts, workflowsPath)).toEqual([
      'greetingWorkflow',
      'otherWorkflow',
    ]);
  });

  it('fails listing every workflow name the workflows entry does not export', async () => {
    const contracts = {
      GREETING_WORKFLOW: 'greetingWorkflow',
      REFUND_WORKFLOW: 'refundWorkflow',
      SHIP_WORKFLOW: 'shipWorkflow',
    };
    await expect(checkWorkflowExports(contracts, workflowsPath)).rejects.toThrow(
      /does not export: refundWorkflow, shipWorkflow$/,
    );
  });
});

describe('expectWorkflowBundle', () => {
  it('passes for a sandbox-safe entry holding the names, and fails for a name it lacks', async () => {
    await expectWorkflowBundle(workflowsPath, ['greetingWorkflow', 'otherWorkflow']);
    await expect(expectWorkflowBundle(workflowsPath, ['missingWorkflow'])).rejects.toThrow(
      /missingWorkflow/,
    );
  });
});
