import type { OrderStatus, OrderView } from '@commerce/contracts/oms';
import type { SqliteDatabase } from '@commerce/sqlite-store';
import { customerKeyOf } from '../../domain/order-search-document.js';
import type { OrderRepository, OrderSummary } from '../../ports/order-repository.js';

export interface SqliteOrderRepositoryDeps {
  /** An open database on which migrateOms has run. */
  db: SqliteDatabase;
}

interface SummaryRow {
  order_id: string;
  confirmation_number: string;
  status: string;
  total_amount: number;
  currency: string;
  placed_at: string;
  updated_at: string;
  version: number;
}

const settle = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));
const iso = (value: string): string => new Date(Date.parse(value)).toISOString();

/**
 * OrderRepository on the embedded profile's SQLite file: one row per order (the by-id view) with
 * indexes serving the by-customer and by-confirmation reads. An upsert whose version is not newer
 * than the stored one changes nothing (ON CONFLICT … WHERE), atomically.
 */
export function createSqliteOrderRepository({ db }: SqliteOrderRepositoryDeps): OrderRepository {
  const upsert = db.prepare(
    `INSERT INTO oms_orders (order_id, customer_key, confirmation_number, placed_at, status, total_amount, currency, updated_at, version, doc)
     VALUES (@orderId, @customerKey, @confirmationNumber, @placedAt, @status, @totalAmount, @currency, @updatedAt, @version, @doc)
     ON CONFLICT (order_id) DO UPDATE SET customer_key = excluded.customer_key, confirmation_number = excluded.confirmation_number,
       placed_at = excluded.placed_at, status = excluded.status, total_amount = excluded.total_amount, currency = excluded.currency,
       updated_at = excluded.updated_at, version = excluded.version, doc = excluded.doc
     WHERE excluded.version > oms_orders.version`,
  );
  const byId = db.prepare<[string], { doc: string }>('SELECT doc FROM oms_orders WHERE order_id = ?');
  const byConfirmation = db.prepare<[string], { doc: string }>(
    'SELECT doc FROM oms_orders WHERE confirmation_number = ? ORDER BY placed_at DESC, order_id ASC LIMIT 1',
  );
  const byCustomer = db.prepare<[string, number], SummaryRow>(
    `SELECT order_id, confirmation_number, status, total_amount, currency, placed_at, updated_at, version FROM oms_orders
     WHERE customer_key = ? ORDER BY placed_at DESC, order_id ASC LIMIT ?`,
  );

  return {
    saveOrder: (view: OrderView) =>
      settle(() => {
        upsert.run({
          orderId: view.orderId,
          customerKey: customerKeyOf(view.customer),
          confirmationNumber: view.confirmationNumber,
          placedAt: iso(view.placedAt),
          status: view.status,
          totalAmount: view.totals.total.amount,
          currency: view.totals.total.currency,
          updatedAt: iso(view.updatedAt),
          version: view.version,
          doc: JSON.stringify(view),
        });
      }),
    getOrder: (orderId) =>
      settle(() => {
        const row = byId.get(orderId);
        return row === undefined ? null : (JSON.parse(row.doc) as OrderView);
      }),
    findByConfirmationNumber: (confirmationNumber) =>
      settle(() => {
        const row = byConfirmation.get(confirmationNumber);
        return row === undefined ? null : (JSON.parse(row.doc) as OrderView);
      }),
    listByCustomer: (customerKey, limit) =>
      settle(() =>
        byCustomer.all(customerKey, limit).map(
          (r): OrderSummary => ({
            orderId: r.order_id,
            confirmationNumber: r.confirmation_number,
            status: r.status as OrderStatus,
            total: { amount: r.total_amount, currency: r.currency },
            placedAt: r.placed_at,
            updatedAt: r.updated_at,
            version: r.version,
          }),
        ),
      ),
  };
}
