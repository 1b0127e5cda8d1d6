import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { HISTORIES_DIR } from '../support/record-history.js';
import { INVENTORY_WORKFLOWS_PATH } from '../support/inventory-test-worker.js';

// Committed histories of real runs (recorded with RECORD_HISTORIES=1 by the workflow tests).
// Replaying them with today's code proves a change to a workflow is still deterministic for the
// executions already in flight; a change that is not must ship behind `patched()`.
installQuietTemporalRuntime();
const histories = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

describe('inventory workflow replay', () => {
  it('has the recorded histories', () => {
    expect(histories).toEqual(['import-catalog.json', 'projector-continue-as-new.json', 'projector-sweep.json']);
  });

  it.each(histories)('replays %s with the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(`${HISTORIES_DIR}${file}`, 'utf8')));
    expect(history.events?.length).toBeGreaterThan(5);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle(INVENTORY_WORKFLOWS_PATH) }, history, file.replace(/\.json$/, ''));
  }, 120_000);
});
