import { types, type Client } from 'cassandra-driver';
import type { OrderStatus, TimelineEntry } from '@commerce/contracts/oms';
import type { TimelineRepository } from '../../ports/timeline-repository.js';

const lwt = { prepare: true, consistency: types.consistencies.localQuorum, serialConsistency: types.consistencies.localSerial } as const;
const read = { prepare: true, consistency: types.consistencies.localQuorum } as const;

const optText = (row: types.Row, column: string): string | null => {
  const v = row.get(column) as unknown;
  return typeof v === 'string' ? v : null;
};

/**
 * The append-only timeline on Cassandra (`order_timeline`, one partition per order): each entry
 * is an INSERT … IF NOT EXISTS, one after the other (lightweight transactions on one partition
 * would contend if sent at once). An existing (order, seq) is left untouched.
 */
export function createCassandraTimelineRepository({ client }: { client: Client }): TimelineRepository {
  return {
    async append(orderId, entries) {
      for (const e of entries) {
        await client.execute(
          'INSERT INTO order_timeline (order_id, seq, at, actor, event, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS',
          [orderId, e.seq, new Date(e.at), e.actor, e.event, e.fromStatus, e.toStatus, e.reason],
          lwt,
        );
      }
    },
    async list(orderId) {
      const entries: TimelineEntry[] = [];
      let pageState: string | undefined;
      do {
        const result = await client.execute('SELECT seq, at, actor, event, from_status, to_status, reason FROM order_timeline WHERE order_id = ?', [orderId], {
          ...read,
          fetchSize: 1_000,
          ...(pageState === undefined ? {} : { pageState }),
        });
        for (const row of result.rows) {
          entries.push({
            seq: Number(row.get('seq')),
            at: (row.get('at') as Date).toISOString(),
            actor: String(row.get('actor')),
            event: String(row.get('event')),
            fromStatus: optText(row, 'from_status') as OrderStatus | null,
            toStatus: optText(row, 'to_status') as OrderStatus | null,
            reason: String(row.get('reason')),
          });
        }
        pageState = result.pageState ?? undefined;
      } while (pageState !== undefined);
      return entries;
    },
  };
}
