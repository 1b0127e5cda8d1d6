import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { workflowsPath } from '../support/oms-test-harness.js';
import { HISTORIES_DIR } from '../support/record-history.js';

// Committed histories of real runs (recorded with RECORD_HISTORIES=1 by order-workflow.test.ts:
// a return refunded and restocked, a supplier rejection refunded through the saga, a cancellation).
// Replaying them with today's code proves a change to orderWorkflow is still deterministic for the
// orders already in flight; a change that is not must ship behind `patched()`.
installQuietTemporalRuntime();
const histories = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

describe('oms workflow replay', () => {
  it('has the recorded histories', () => {
    expect(histories).toEqual(['order-cancelled.json', 'order-returned.json', 'order-supplier-rejected.json']);
  });

  it.each(histories)('replays %s with the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(`${HISTORIES_DIR}${file}`, 'utf8')));
    expect(history.events?.length).toBeGreaterThan(20);
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle(workflowsPath) }, history, file.replace(/\.json$/, ''));
  }, 120_000);
});
