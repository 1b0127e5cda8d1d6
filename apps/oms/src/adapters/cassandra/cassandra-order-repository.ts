import { types, type Client } from 'cassandra-driver';
import type { OrderStatus, OrderView } from '@commerce/contracts/oms';
import { customerKeyOf } from '../../domain/order-search-document.js';
import type { OrderRepository, OrderSummary } from '../../ports/order-repository.js';

export interface CassandraOrderRepositoryDeps {
  /** A client bound to the oms keyspace (migrated by `migrateDomainKeyspace`). */
  client: Client;
}

const read = { prepare: true, consistency: types.consistencies.localQuorum } as const;
const write = { prepare: true, consistency: types.consistencies.localQuorum } as const;

const value = (row: types.Row, column: string): unknown => row.get(column) as unknown;
const textOf = (row: types.Row, column: string): string => String(value(row, column));
const numberOf = (row: types.Row, column: string): number => {
  const v = value(row, column);
  return v instanceof types.Long ? v.toNumber() : Number(v);
};
const isoOf = (row: types.Row, column: string): string => (value(row, column) as Date).toISOString();

/**
 * OrderRepository on Cassandra: `orders`, `orders_by_customer`, `orders_by_confirmation`
 * (infra/cassandra/cql/oms), one table per read. A save is three writes (three partitions), each
 * `USING TIMESTAMP <version>`: the write timestamp is the view's version, so the newest version
 * of every view wins in any arrival order, and a retried or late write of an older version is
 * shadowed. No lightweight transaction; a save that died half way is completed by the next one
 * (or its retry), which writes all three again.
 */
export function createCassandraOrderRepository({ client }: CassandraOrderRepositoryDeps): OrderRepository {
  if (typeof client.keyspace !== 'string' || client.keyspace === '') {
    throw new Error('createCassandraOrderRepository needs a client bound to the oms keyspace');
  }
  const docOf = (row: types.Row | undefined): OrderView | null => (row === undefined ? null : (JSON.parse(textOf(row, 'doc')) as OrderView));

  return {
    async saveOrder(view) {
      const doc = JSON.stringify(view);
      const at = types.Long.fromNumber(view.version);
      const updatedAt = new Date(view.updatedAt);
      await Promise.all([
        client.execute('INSERT INTO orders (order_id, version, status, updated_at, doc) VALUES (?, ?, ?, ?, ?) USING TIMESTAMP ?', [view.orderId, view.version, view.status, updatedAt, doc, at], write),
        client.execute(
          `INSERT INTO orders_by_customer (customer_key, placed_at, order_id, confirmation_number, status, total_amount, currency, updated_at, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) USING TIMESTAMP ?`,
          [
            customerKeyOf(view.customer),
            new Date(view.placedAt),
            view.orderId,
            view.confirmationNumber,
            view.status,
            types.Long.fromNumber(view.totals.total.amount),
            view.totals.total.currency,
            updatedAt,
            view.version,
            at,
          ],
          write,
        ),
        client.execute(
          'INSERT INTO orders_by_confirmation (confirmation_number, order_id, version, doc) VALUES (?, ?, ?, ?) USING TIMESTAMP ?',
          [view.confirmationNumber, view.orderId, view.version, doc, at],
          write,
        ),
      ]);
    },
    async getOrder(orderId) {
      return docOf((await client.execute('SELECT doc FROM orders WHERE order_id = ?', [orderId], read)).rows[0]);
    },
    async findByConfirmationNumber(confirmationNumber) {
      return docOf((await client.execute('SELECT doc FROM orders_by_confirmation WHERE confirmation_number = ?', [confirmationNumber], read)).rows[0]);
    },
    async listByCustomer(customerKey, limit) {
      const result = await client.execute(
        `SELECT order_id, confirmation_number, status, total_amount, currency, placed_at, updated_at, version
         FROM orders_by_customer WHERE customer_key = ? LIMIT ?`,
        [customerKey, limit],
        read,
      );
      return result.rows.map(
        (row): OrderSummary => ({
          orderId: textOf(row, 'order_id'),
          confirmationNumber: textOf(row, 'confirmation_number'),
          status: textOf(row, 'status') as OrderStatus,
          total: { amount: numberOf(row, 'total_amount'), currency: textOf(row, 'currency') },
          placedAt: isoOf(row, 'placed_at'),
          updatedAt: isoOf(row, 'updated_at'),
          version: numberOf(row, 'version'),
        }),
      );
    },
  };
}
