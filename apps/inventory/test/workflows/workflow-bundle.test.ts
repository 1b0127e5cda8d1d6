import { describe, expect, it } from 'vitest';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ADJUST_STOCK_WORKFLOW, IMPORT_CATALOG_WORKFLOW, INVENTORY_PROJECTOR_WORKFLOW } from '@commerce/contracts/inventory';
import { installQuietTemporalRuntime } from '../support/quiet-temporal-runtime.js';
import { WORKFLOWS_PATH } from '../support/workflow-bundle.js';

installQuietTemporalRuntime();

describe('inventory workflow bundle', () => {
  it('bundles src/workflows/index.ts for the sandbox (a Node-only import would fail here)', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH });
    for (const name of [INVENTORY_PROJECTOR_WORKFLOW, IMPORT_CATALOG_WORKFLOW, ADJUST_STOCK_WORKFLOW]) expect(code).toContain(name);
    expect(code).not.toMatch(/better-sqlite3|@commerce\/sqlite-store/);
  }, 120_000);
});
