import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { installQuietTemporalRuntime, workflowBundle } from '@commerce/test-kit/worker';
import { WORKFLOWS_PATH } from '../support/cart-harness.js';
import { HISTORIES_DIR } from '../support/record-history.js';

// Committed histories of real runs (RECORD_HISTORIES=1 pnpm test rewrites them): today's code must replay them.
installQuietTemporalRuntime();
const histories = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('cart replay', () => {
  it('has a recorded history', () => {
    expect(histories).toContain('cart-checkout-ordered.json');
  });

  it.each(histories)(
    'replays %s with the current workflow code',
    async (file) => {
      const history = historyFromJSON(JSON.parse(readFileSync(`${HISTORIES_DIR}${file}`, 'utf8')));
      expect(history.events?.length).toBeGreaterThan(10);
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle(WORKFLOWS_PATH) }, history, file.replace(/\.json$/, ''));
    },
    120_000,
  );
});
