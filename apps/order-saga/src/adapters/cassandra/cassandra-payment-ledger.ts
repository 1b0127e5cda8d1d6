import { randomInt } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { errors, types, type Client } from 'cassandra-driver';
import type { LedgerEntry } from '@commerce/contracts/order-saga';
import type { AppendedLedgerEntry, PaymentLedgerRepository } from '../../ports/payment-ledger.js';

// The payments ledger in Cassandra (keyspace order_saga, table payment_ledger; see
// infra/cassandra/cql/order_saga/001-payment-ledger.cql).
//
// Append protocol, per order partition:
//  1. Read the partition with LOCAL_SERIAL consistency (it sees, and completes, any Paxos round in
//     flight): the static `revision` and every entry.
//  2. The idempotency key has a row → return it (a retry; nothing is written).
//  3. decide(entries) → the new entry (or a refusal: nothing is written).
//  4. One conditional batch on the partition:
//       UPDATE payment_ledger SET revision = r+1 WHERE order_id = ? IF revision = r   (r = null at first)
//       INSERT INTO payment_ledger (…, seq = r+1, …) VALUES (…) IF NOT EXISTS
//     Both conditions are checked and both writes applied in one Paxos round, or nothing is.
//  5. Not applied (another append of this order won, or the key appeared) → back to 1, with a
//     jittered backoff. A timeout leaves the outcome unknown → back to 1 as well: step 2 then
//     finds the entry if the batch did land.
// So every append of an order is decided against the exact entries it is appended after, and
// an idempotency key gets at most one row, across any number of processes.

/** How hard a contended append is retried before giving up (an error; the activity is retried). */
export interface LedgerCasSettings {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_LEDGER_CAS: LedgerCasSettings = { maxAttempts: 50, baseMs: 5, capMs: 400 };

const SELECT = `SELECT order_id, idempotency_key, revision, seq, entry_id, kind, amount, currency, operation_key, reason, decline_code, created_at
  FROM payment_ledger WHERE order_id = ?`;
const BUMP = 'UPDATE payment_ledger SET revision = ? WHERE order_id = ? IF revision = ?';
const INSERT = `INSERT INTO payment_ledger (order_id, idempotency_key, seq, entry_id, kind, amount, currency, operation_key, reason, decline_code, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS`;

interface StoredEntry {
  key: string;
  seq: number;
  entry: LedgerEntry;
}

const str = (row: types.Row, column: string): string | null => {
  const value = row.get(column) as unknown;
  return typeof value === 'string' ? value : null;
};

const num = (row: types.Row, column: string): number | null => {
  const value = row.get(column) as unknown;
  if (typeof value === 'number') return value;
  if (value instanceof types.Long) return value.toNumber();
  return null;
};

const KINDS: readonly string[] = ['authorization', 'decline', 'capture', 'void', 'refund'];

function required<T>(value: T | null, column: string, key: string): T {
  if (value === null) throw new TypeError(`payment_ledger row ${key}: column ${column} is missing`);
  return value;
}

function toStored(row: types.Row): StoredEntry | null {
  const key = str(row, 'idempotency_key');
  // A partition whose only content is the static revision has one row with null clustering columns.
  if (key === null) return null;
  const createdAt = row.get('created_at') as unknown;
  const kind = required(str(row, 'kind'), 'kind', key);
  if (!KINDS.includes(kind)) throw new TypeError(`payment_ledger row ${key}: unknown kind ${kind}`);
  const reason = str(row, 'reason');
  const declineCode = str(row, 'decline_code');
  return {
    key,
    seq: required(num(row, 'seq'), 'seq', key),
    entry: {
      entryId: required(str(row, 'entry_id'), 'entry_id', key),
      orderId: required(str(row, 'order_id'), 'order_id', key),
      kind: kind as LedgerEntry['kind'],
      amount: {
        amount: required(num(row, 'amount'), 'amount', key),
        currency: required(str(row, 'currency'), 'currency', key),
      },
      operationKey: required(str(row, 'operation_key'), 'operation_key', key),
      ...(reason === null ? {} : { reason }),
      ...(declineCode === null ? {} : { declineCode }),
      createdAt: required(
        createdAt instanceof Date ? createdAt : null,
        'created_at',
        key,
      ).toISOString(),
    },
  };
}

/** Driver errors after which a write may or may not have applied: settle by reading again. */
function outcomeUnknown(error: unknown): boolean {
  if (
    error instanceof errors.OperationTimedOutError ||
    error instanceof errors.NoHostAvailableError
  )
    return true;
  if (error instanceof errors.ResponseError) {
    const codes = types.responseErrorCodes;
    return [
      codes.writeTimeout,
      codes.writeFailure,
      codes.unavailableException,
      codes.overloaded,
      codes.readTimeout,
    ].includes(error.code);
  }
  return false;
}

export function createCassandraPaymentLedger(deps: {
  client: Client;
  cas?: LedgerCasSettings;
}): PaymentLedgerRepository {
  const { client, cas = DEFAULT_LEDGER_CAS } = deps;

  const read = async (
    orderId: string,
  ): Promise<{ revision: number | null; entries: StoredEntry[] }> => {
    const result = await client.execute(SELECT, [orderId], {
      prepare: true,
      consistency: types.consistencies.localSerial,
    });
    const first = result.first() as types.Row | null;
    const revision = first === null ? null : num(first, 'revision');
    const entries = result.rows
      .map(toStored)
      .filter((e): e is StoredEntry => e !== null)
      .sort((a, b) => a.seq - b.seq);
    return { revision, entries };
  };

  return {
    async append({ orderId, idempotencyKey, decide }): Promise<AppendedLedgerEntry> {
      let lastError: unknown;
      for (let attempt = 0; attempt < cas.maxAttempts; attempt++) {
        if (attempt > 0)
          await delay(randomInt(0, Math.min(cas.capMs, cas.baseMs * 2 ** attempt) + 1));
        const { revision, entries } = await read(orderId);
        const existing = entries.find((e) => e.key === idempotencyKey);
        if (existing) return { entry: existing.entry, created: false };
        const entry = decide(entries.map((e) => e.entry));
        if (entry.orderId !== orderId)
          throw new Error(`ledger entry of order ${entry.orderId} appended to order ${orderId}`);
        const next = (revision ?? 0) + 1;
        try {
          const result = await client.batch(
            [
              { query: BUMP, params: [next, orderId, revision] },
              {
                query: INSERT,
                params: [
                  orderId,
                  idempotencyKey,
                  next,
                  entry.entryId,
                  entry.kind,
                  types.Long.fromNumber(entry.amount.amount),
                  entry.amount.currency,
                  entry.operationKey,
                  entry.reason ?? null,
                  entry.declineCode ?? null,
                  new Date(entry.createdAt),
                ],
              },
            ],
            { prepare: true },
          );
          if (result.wasApplied()) return { entry, created: true };
        } catch (error) {
          if (!outcomeUnknown(error)) throw error;
          lastError = error;
        }
      }
      throw new Error(
        `payment ledger of order ${orderId}: append ${idempotencyKey} still contended after ${cas.maxAttempts} attempts`,
        {
          cause: lastError,
        },
      );
    },

    async list(orderId) {
      return (await read(orderId)).entries.map((e) => e.entry);
    },
  };
}
