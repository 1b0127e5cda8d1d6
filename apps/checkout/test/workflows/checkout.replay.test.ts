import { describe, expect, it } from 'vitest';
import { checkoutHistories, WORKFLOWS_PATH } from '../support/checkout-harness.js';

// Committed histories of real runs (RECORD_HISTORIES=1 pnpm test rewrites them): today's code
// must replay them, so a change that breaks checkouts in flight fails here.
const histories = checkoutHistories.files();

describe('checkout replay', () => {
  it('has the committed histories', () => {
    expect(histories).toEqual(['checkout-declined-then-completed.json', 'checkout-expired.json']);
  });

  it.each(histories)(
    'replays %s with the current workflow code',
    async (file) => {
      const history = await checkoutHistories.replay(file, WORKFLOWS_PATH);
      expect(history.events?.length).toBeGreaterThan(10);
    },
    120_000,
  );
});
