import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { HISTORIES_DIR } from '../support/record-history.js';

// Committed histories of real runs (recorded with RECORD_HISTORIES=1 by the workflow tests).
// Replaying them with today's code proves a change to a workflow is still deterministic for the
// executions already in flight; a change that is not must ship behind `patched()`.
installQuietTemporalRuntime();
const workflowsPath = fileURLToPath(new URL('../../src/workflows/index.ts', import.meta.url));
const histories = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('fulfillment workflow replay', () => {
  it('has the recorded histories', () => {
    expect(histories).toEqual([
      'fulfillment-cancelled.json',
      'fulfillment-manual.json',
      'fulfillment-simulated.json',
      'supplier-order-dropship-cancelled.json',
      'supplier-order-dropship-delivered.json',
      'supplier-order-dropship-rejected.json',
      'supplier-order-manual.json',
      'supplier-order-simulated.json',
    ]);
  });

  it.each(histories)(
    'replays %s with the current workflow code',
    async (file) => {
      const history = historyFromJSON(JSON.parse(readFileSync(`${HISTORIES_DIR}${file}`, 'utf8')));
      expect(history.events?.length).toBeGreaterThan(5);
      await Worker.runReplayHistory(
        { workflowBundle: await workflowBundle(workflowsPath) },
        history,
        file.replace(/\.json$/, ''),
      );
    },
    120_000,
  );
});
