import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import * as contracts from '@commerce/contracts/fulfillment';
import { checkWorkflowExports, expectWorkflowBundle } from '@commerce/test-kit/worker';

const workflowsPath = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));

describe('fulfillment workflows', () => {
  it('export every workflow of the contracts and bundle without Node-only code', async () => {
    await expectWorkflowBundle(workflowsPath, await checkWorkflowExports(contracts, workflowsPath));
  }, 120_000);
});
