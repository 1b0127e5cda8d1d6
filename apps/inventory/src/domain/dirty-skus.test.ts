import { describe, expect, it } from 'vitest';
import { DirtySkus } from './dirty-skus.js';

describe('DirtySkus', () => {
  it('takes batches in first-marked order without removing them', () => {
    const dirty = new DirtySkus(['A', 'B']);
    dirty.mark(['C', 'A']);
    expect(dirty.size).toBe(3);
    expect([...dirty.take(2).keys()]).toEqual(['A', 'B']);
    expect(dirty.size).toBe(3);
  });

  it('settles only what the batch projected; a SKU re-marked meanwhile stays dirty', () => {
    const dirty = new DirtySkus(['A', 'B', 'C']);
    const batch = dirty.take(2);
    dirty.mark(['B']);
    dirty.settle(batch);
    expect(dirty.toArray().sort()).toEqual(['B', 'C']);
    dirty.settle(dirty.take(10));
    expect(dirty.size).toBe(0);
  });
});
