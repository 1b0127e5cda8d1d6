import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CouponDefinition } from '@commerce/contracts/cart';
import type { CouponStore } from '../../src/ports/coupon-store.js';

export interface CouponStoreHarness {
  store: CouponStore;
  /** The same store through another connection / client, as another worker process has it. */
  other: CouponStore;
  close(): void | Promise<void>;
}

const code = (name: string) => `${name}_${Math.random().toString(36).slice(2, 10)}`.toUpperCase();
const percent: CouponDefinition = { description: '10% off', discount: { type: 'percentage', percent: 10 }, active: true };
const fixed: CouponDefinition = {
  description: '5 off over 20',
  discount: { type: 'fixed', amount: { amount: 500, currency: 'USD' } },
  minimumSubtotal: { amount: 2000, currency: 'USD' },
  expiresAt: '2031-02-03T04:05:06.789Z',
  active: false,
};

/** The CouponStore contract: every adapter (SQLite, Cassandra) runs it against a real store. */
export function describeCouponStoreContract(adapter: string, createHarness: () => CouponStoreHarness | Promise<CouponStoreHarness>): void {
  describe(`CouponStore contract (${adapter})`, () => {
    let harness: CouponStoreHarness;
    beforeEach(async () => {
      harness = await createHarness();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('answers null for an unknown code', async () => {
      expect(await harness.store.get(code('none'))).toBeNull();
    });

    it('creates a coupon and reads it back case-insensitively, from another connection too', async () => {
      const c = code('new');
      const at = '2030-01-01T00:00:00.000Z';
      const created = await harness.store.upsert({ code: c.toLowerCase(), definition: percent, actor: 'admin', at });
      expect(created).toEqual({ code: c, ...percent, createdAt: at, updatedAt: at });
      expect(await harness.store.get(c.toLowerCase())).toEqual(created);
      expect(await harness.other.get(c)).toEqual(created);
    });

    it('keeps every field of a fixed coupon and leaves absent optional fields absent', async () => {
      const c = code('fixed');
      const at = '2030-01-01T00:00:00.000Z';
      expect(await harness.store.upsert({ code: c, definition: fixed, actor: 'admin', at })).toEqual({ code: c, ...fixed, createdAt: at, updatedAt: at });
      const plain = await harness.store.upsert({ code: `${c}P`, definition: percent, actor: 'admin', at });
      expect(Object.keys(plain).sort()).toEqual(['active', 'code', 'createdAt', 'description', 'discount', 'updatedAt']);
    });

    it('replaces the definition on a second upsert and keeps createdAt', async () => {
      const c = code('replace');
      await harness.store.upsert({ code: c, definition: percent, actor: 'a', at: '2030-01-01T00:00:00.000Z' });
      const replaced = await harness.other.upsert({ code: c, definition: fixed, actor: 'b', at: '2030-01-02T00:00:00.000Z' });
      expect(replaced).toEqual({ code: c, ...fixed, createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-02T00:00:00.000Z' });
      expect(await harness.store.get(c)).toEqual(replaced);
    });

    it('concurrent first writes of one code leave one coupon with one createdAt', async () => {
      const c = code('race');
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 === 0 ? harness.store : harness.other).upsert({ code: c, definition: i % 2 === 0 ? percent : fixed, actor: `w${i}`, at: `2030-01-0${i + 1}T00:00:00.000Z` }),
        ),
      );
      const stored = await harness.store.get(c);
      expect(stored).not.toBeNull();
      expect(new Set(results.map((r) => r.createdAt)).size).toBe(1);
      expect(stored!.createdAt).toBe(results[0]!.createdAt);
    });
  });
}
