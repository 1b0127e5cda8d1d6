import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TimelineRepository } from '../../src/ports/timeline-repository.js';
import { timelineEntry } from '../support/fixtures.js';

/** The TimelineRepository contract, run against every adapter on a real store. */
export function describeTimelineRepositoryContract(adapter: string, repository: () => Promise<TimelineRepository>): void {
  describe(`TimelineRepository contract (${adapter})`, () => {
    const orderId = () => `order-${randomUUID().slice(0, 8)}`;

    it('appends entries and lists them in seq order with who, when and why', async () => {
      const repo = await repository();
      const id = orderId();
      const entries = [
        timelineEntry(1),
        timelineEntry(2, { actor: 'fulfillment:acme', event: 'supplier_order_updated', toStatus: null, reason: 'o:acme shipped' }),
        timelineEntry(3, { actor: 'admin:jo', fromStatus: 'placed', toStatus: 'processing', reason: 'manual nudge' }),
      ];
      await repo.append(id, [entries[0]!]);
      await repo.append(id, entries.slice(1));
      expect(await repo.list(id)).toEqual(entries);
      expect(await repo.list(orderId())).toEqual([]);
      await repo.append(id, []);
      expect(await repo.list(id)).toHaveLength(3);
    });

    it('is append-only and idempotent per (order, seq): a stored entry is never overwritten', async () => {
      const repo = await repository();
      const id = orderId();
      const first = [timelineEntry(1), timelineEntry(2, { reason: 'original' })];
      await repo.append(id, first);
      // A retry (same entries) and a rogue rewrite of seq 2 change nothing; seq 3 is added.
      await repo.append(id, first);
      await repo.append(id, [timelineEntry(2, { reason: 'rewritten', actor: 'mallory' }), timelineEntry(3, { reason: 'third' })]);
      const stored = await repo.list(id);
      expect(stored.map((e) => [e.seq, e.reason])).toEqual([
        [1, 'entry 1'],
        [2, 'original'],
        [3, 'third'],
      ]);
      // Entries of other orders are apart.
      const other = orderId();
      await repo.append(other, [timelineEntry(1, { reason: 'other' })]);
      expect((await repo.list(id))[0]?.reason).toBe('entry 1');
      expect((await repo.list(other)).map((e) => e.reason)).toEqual(['other']);
    });

    it('keeps many entries in seq order across overlapping appends', async () => {
      const repo = await repository();
      const id = orderId();
      const entries = Array.from({ length: 40 }, (_, i) => timelineEntry(i + 1));
      await repo.append(id, entries.slice(0, 25));
      await repo.append(id, entries.slice(20));
      expect((await repo.list(id)).map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
    });
  });
}
