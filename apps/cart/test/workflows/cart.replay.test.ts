import { describe, expect, it } from 'vitest';
import { WORKFLOWS_PATH } from '../support/cart-harness.js';
import { cartHistories } from '../support/record-history.js';

// Committed histories of real runs (RECORD_HISTORIES=1 pnpm test rewrites them): today's code must replay them.
const histories = cartHistories.files();

describe('cart replay', () => {
  it('has a recorded history', () => {
    expect(histories).toContain('cart-checkout-ordered.json');
  });

  it.each(histories)(
    'replays %s with the current workflow code',
    async (file) => {
      const history = await cartHistories.replay(file, WORKFLOWS_PATH);
      expect(history.events?.length).toBeGreaterThan(10);
    },
    120_000,
  );
});
