import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { randomUUID } from 'node:crypto';
import { testTemporalAddress, testTemporalNamespace } from '../temporal.js';
import { eventually } from './eventually.js';

/**
 * Registers a fresh namespace on the run's dev server, with the custom search attributes of the
 * run's namespace, and resolves once workflows can be started in it. Inside it a test may use
 * the REAL task-queue names of other domains (register small test activities on `oms`,
 * `fulfillment`, ...) without meeting another test file's workers. Namespaces are left behind
 * (the dev server is in memory and dies with the run).
 */
export async function createTestNamespace(prefix = 'test'): Promise<string> {
  const namespace = `${prefix}-${randomUUID()}`;
  const connection = await Connection.connect({ address: testTemporalAddress() });
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('1 day'),
    });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({
      namespace: testTemporalNamespace(),
    });
    // The registry of the frontend picks the namespace up asynchronously: wait until it answers.
    await eventually(
      async () => {
        await connection.workflowService.countWorkflowExecutions({ namespace });
        return true;
      },
      { timeoutMs: 30_000, what: `namespace ${namespace} to be usable` },
    );
    if (customAttributes && Object.keys(customAttributes).length > 0) {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: customAttributes,
      });
    }
    return namespace;
  } finally {
    await connection.close();
  }
}
