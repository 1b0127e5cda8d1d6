import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createTestClient,
  createTestWorkerConnection,
  testTemporalAddress,
  testTemporalNamespace,
  uniqueTaskQueue,
  type TestClient,
} from '../src/temporal.js';

let test: TestClient;
beforeAll(async () => {
  test = await createTestClient();
});
afterAll(async () => {
  await test.close();
});

describe('the Temporal global setup', () => {
  it('provides the address and namespace of a running dev server', () => {
    expect(testTemporalAddress()).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(testTemporalAddress()).toBe(inject('temporalAddress'));
    expect(testTemporalNamespace()).toBe('default');
  });

  it('serves the namespace with the commerce search attributes', async () => {
    const { namespaceInfo } = await test.connection.workflowService.describeNamespace({
      namespace: testTemporalNamespace(),
    });
    expect(namespaceInfo?.name).toBe('default');
    const attributes = await test.connection.operatorService.listSearchAttributes({
      namespace: testTemporalNamespace(),
    });
    expect(Object.keys(attributes.customAttributes ?? {})).toContain('RequestId');
  });

  it('accepts a workflow start from the test client', async () => {
    const workflowId = `global-setup-${randomUUID()}`;
    const handle = await test.client.workflow.start('notImplementedAnywhere', {
      taskQueue: uniqueTaskQueue('global-setup'),
      workflowId,
      searchAttributes: { RequestId: ['req-global-setup'] },
    });
    const description = await handle.describe();
    expect(description.workflowId).toBe(workflowId);
    expect(description.status.name).toBe('RUNNING');
    expect(description.searchAttributes.RequestId).toEqual(['req-global-setup']);
    await handle.terminate('test done');
  });

  it('gives worker connections to the same server', async () => {
    const connection = await createTestWorkerConnection();
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/^\d+\.\d+/);
    } finally {
      await connection.close();
    }
  });

  it('makes task queue names unique per call', () => {
    const a = uniqueTaskQueue('orders');
    const b = uniqueTaskQueue('orders');
    expect(a.startsWith('orders-')).toBe(true);
    expect(a).not.toBe(b);
  });
});
