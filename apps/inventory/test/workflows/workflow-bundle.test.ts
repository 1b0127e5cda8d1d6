import { describe, it } from 'vitest';
import * as contracts from '@commerce/contracts/inventory';
import { checkWorkflowExports, expectWorkflowBundle } from '@commerce/test-kit/worker';
import { INVENTORY_WORKFLOWS_PATH } from '../support/inventory-test-worker.js';

describe('inventory workflows', () => {
  it('export every workflow of the contracts and bundle for the sandbox without Node-only code', async () => {
    await expectWorkflowBundle(INVENTORY_WORKFLOWS_PATH, await checkWorkflowExports(contracts, INVENTORY_WORKFLOWS_PATH));
  }, 120_000);
});
