import { inTransaction, type SqliteDatabase } from '@commerce/sqlite-store';
import type { LedgerEntry } from '@commerce/contracts/order-saga';
import type { PaymentLedgerRepository } from '../../ports/payment-ledger.js';

interface LedgerRow {
  entry_id: string;
  order_id: string;
  kind: LedgerEntry['kind'];
  amount: number;
  currency: string;
  operation_key: string;
  reason: string | null;
  decline_code: string | null;
  created_at: string;
}

const COLUMNS =
  'entry_id, order_id, kind, amount, currency, operation_key, reason, decline_code, created_at';

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    entryId: row.entry_id,
    orderId: row.order_id,
    kind: row.kind,
    amount: { amount: row.amount, currency: row.currency },
    operationKey: row.operation_key,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.decline_code === null ? {} : { declineCode: row.decline_code }),
    createdAt: row.created_at,
  };
}

/**
 * The payments ledger in the embedded profile's SQLite file (table `saga_payment_ledger`, migrated
 * by migrateOrderSaga). An append is one IMMEDIATE transaction: the idempotency-key lookup, the
 * rule check over the order's entries and the insert happen under the database's write lock, so
 * concurrent appends from any process serialise; UNIQUE (order_id, idempotency_key) backs it up.
 */
export function createSqlitePaymentLedger(deps: { db: SqliteDatabase }): PaymentLedgerRepository {
  const { db } = deps;
  const byKey = db.prepare<[string, string], LedgerRow>(
    `SELECT ${COLUMNS} FROM saga_payment_ledger WHERE order_id = ? AND idempotency_key = ?`,
  );
  const byOrder = db.prepare<[string], LedgerRow>(
    `SELECT ${COLUMNS} FROM saga_payment_ledger WHERE order_id = ? ORDER BY seq`,
  );
  const insert = db.prepare(
    `INSERT INTO saga_payment_ledger (idempotency_key, ${COLUMNS})
     VALUES (@idempotency_key, @entry_id, @order_id, @kind, @amount, @currency, @operation_key, @reason, @decline_code, @created_at)`,
  );

  return {
    append({ orderId, idempotencyKey, decide }) {
      return Promise.resolve().then(() =>
        inTransaction(db, () => {
          const existing = byKey.get(orderId, idempotencyKey);
          if (existing) return { entry: toEntry(existing), created: false };
          const entry = decide(byOrder.all(orderId).map(toEntry));
          if (entry.orderId !== orderId)
            throw new Error(`ledger entry of order ${entry.orderId} appended to order ${orderId}`);
          insert.run({
            order_id: orderId,
            idempotency_key: idempotencyKey,
            entry_id: entry.entryId,
            kind: entry.kind,
            amount: entry.amount.amount,
            currency: entry.amount.currency,
            operation_key: entry.operationKey,
            reason: entry.reason ?? null,
            decline_code: entry.declineCode ?? null,
            created_at: entry.createdAt,
          });
          return { entry, created: true };
        }),
      );
    },
    list(orderId) {
      return Promise.resolve().then(() => byOrder.all(orderId).map(toEntry));
    },
  };
}
