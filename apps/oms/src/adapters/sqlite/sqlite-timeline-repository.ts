import type { OrderStatus, TimelineEntry } from '@commerce/contracts/oms';
import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { TimelineRepository } from '../../ports/timeline-repository.js';

interface TimelineRow {
  seq: number;
  at: string;
  actor: string;
  event: string;
  from_status: string | null;
  to_status: string | null;
  reason: string;
}

const settle = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));

/** The append-only timeline on SQLite: INSERT OR IGNORE per (order, seq), one transaction per append. */
export function createSqliteTimelineRepository({ db }: { db: SqliteDatabase }): TimelineRepository {
  const insert = db.prepare(
    `INSERT INTO oms_order_timeline (order_id, seq, at, actor, event, from_status, to_status, reason)
     VALUES (@orderId, @seq, @at, @actor, @event, @fromStatus, @toStatus, @reason) ON CONFLICT (order_id, seq) DO NOTHING`,
  );
  const select = db.prepare<[string], TimelineRow>('SELECT seq, at, actor, event, from_status, to_status, reason FROM oms_order_timeline WHERE order_id = ? ORDER BY seq');
  return {
    append: (orderId, entries) =>
      settle(() => {
        if (entries.length === 0) return;
        inTransaction(db, () => {
          for (const e of entries) insert.run({ orderId, seq: e.seq, at: new Date(Date.parse(e.at)).toISOString(), actor: e.actor, event: e.event, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason });
        });
      }),
    list: (orderId) =>
      settle(() =>
        select.all(orderId).map(
          (r): TimelineEntry => ({
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            event: r.event,
            fromStatus: r.from_status as OrderStatus | null,
            toStatus: r.to_status as OrderStatus | null,
            reason: r.reason,
          }),
        ),
      ),
  };
}
