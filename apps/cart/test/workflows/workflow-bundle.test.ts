import { describe, it } from 'vitest';
import * as contracts from '@commerce/contracts/cart';
import { checkWorkflowExports, expectWorkflowBundle } from '@commerce/test-kit/worker';
import { WORKFLOWS_PATH } from '../support/cart-harness.js';

describe('cart workflows', () => {
  it('export every workflow of the contracts and bundle without Node-only code', async () => {
    await expectWorkflowBundle(WORKFLOWS_PATH, await checkWorkflowExports(contracts, WORKFLOWS_PATH));
  }, 120_000);
});
