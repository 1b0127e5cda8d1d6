import { randomUUID } from 'node:crypto';
import {
  inTransaction,
  migrate,
  type Migration,
  type SqliteDatabase,
} from '@commerce/sqlite-store';
import { systemClock, type Clock } from '../clock.js';
import type {
  IdempotencyBegin,
  IdempotencyScope,
  IdempotencyStore,
  StoredResponse,
} from './idempotency-store.js';

export const GATEWAY_MIGRATION_OWNER = 'gateway';

export const gatewayMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'idempotency keys',
    sql: `
      CREATE TABLE gateway_idempotency_keys (
        principal TEXT NOT NULL,
        method TEXT NOT NULL,
        route TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),
        attempt TEXT,
        locked_until TEXT,
        response_status INTEGER,
        response_body TEXT,
        response_content_type TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (principal, method, route, idempotency_key)
      ) WITHOUT ROWID;
      CREATE INDEX gateway_idempotency_keys_expires_at ON gateway_idempotency_keys (expires_at);
    `,
  },
];

/** Applies the gateway's own migrations (idempotent; safe from several processes at once). */
export function migrateGatewayStore(db: SqliteDatabase): void {
  migrate(db, GATEWAY_MIGRATION_OWNER, gatewayMigrations);
}

export interface SqliteIdempotencyStoreOptions {
  db: SqliteDatabase;
  clock?: Clock;
  /** How long a key is remembered (default 24 h). */
  ttlMs?: number;
  /** After this long an unfinished attempt counts as abandoned (crashed process) and may be retaken. */
  inProgressLeaseMs?: number;
}

interface Row {
  request_hash: string;
  state: 'in_progress' | 'completed';
  attempt: string | null;
  locked_until: string | null;
  response_status: number | null;
  response_body: string | null;
  response_content_type: string | null;
  expires_at: string;
}

const DAY_MS = 24 * 3600_000;

export function createSqliteIdempotencyStore(
  options: SqliteIdempotencyStoreOptions,
): IdempotencyStore {
  const { db, clock = systemClock, ttlMs = DAY_MS, inProgressLeaseMs = 5 * 60_000 } = options;
  const pk =
    'principal = @principal AND method = @method AND route = @route AND idempotency_key = @key';
  const select = db.prepare<IdempotencyScope, Row>(
    `SELECT * FROM gateway_idempotency_keys WHERE ${pk}`,
  );
  const remove = db.prepare<IdempotencyScope>(`DELETE FROM gateway_idempotency_keys WHERE ${pk}`);
  const insert = db.prepare(
    `INSERT INTO gateway_idempotency_keys
       (principal, method, route, idempotency_key, request_hash, state, attempt, locked_until, created_at, expires_at)
     VALUES (@principal, @method, @route, @key, @requestHash, 'in_progress', @attempt, @lockedUntil, @now, @expiresAt)`,
  );
  const retake = db.prepare(
    `UPDATE gateway_idempotency_keys SET attempt = @attempt, locked_until = @lockedUntil
     WHERE ${pk} AND state = 'in_progress'`,
  );
  const finish = db.prepare(
    `UPDATE gateway_idempotency_keys
     SET state = 'completed', attempt = NULL, locked_until = NULL, completed_at = @now,
         response_status = @status, response_body = @body, response_content_type = @contentType
     WHERE ${pk} AND state = 'in_progress' AND attempt = @attempt`,
  );
  const abandon = db.prepare(
    `DELETE FROM gateway_idempotency_keys WHERE ${pk} AND state = 'in_progress' AND attempt = @attempt`,
  );
  const purge = db.prepare<{ now: string }>(
    'DELETE FROM gateway_idempotency_keys WHERE expires_at <= @now',
  );

  const at = (offsetMs: number): string => new Date(clock.now().getTime() + offsetMs).toISOString();

  return {
    begin(scope, requestHash) {
      const result = inTransaction(db, (): IdempotencyBegin => {
        const now = at(0);
        let row = select.get(scope);
        if (row && row.expires_at <= now) {
          remove.run(scope);
          row = undefined;
        }
        const attempt = randomUUID();
        const lockedUntil = at(inProgressLeaseMs);
        if (!row) {
          insert.run({ ...scope, requestHash, attempt, lockedUntil, now, expiresAt: at(ttlMs) });
          return { outcome: 'started', attempt };
        }
        if (row.request_hash !== requestHash) return { outcome: 'mismatch' };
        if (row.state === 'completed') {
          return {
            outcome: 'replay',
            response: {
              status: row.response_status ?? 200,
              body: row.response_body ?? '',
              contentType: row.response_content_type,
            },
          };
        }
        if (row.locked_until !== null && row.locked_until > now) return { outcome: 'in_progress' };
        retake.run({ ...scope, attempt, lockedUntil });
        return { outcome: 'started', attempt };
      });
      return Promise.resolve(result);
    },
    complete(scope, attempt, response: StoredResponse) {
      finish.run({ ...scope, attempt, now: at(0), ...response });
      return Promise.resolve();
    },
    release(scope, attempt) {
      abandon.run({ ...scope, attempt });
      return Promise.resolve();
    },
    purgeExpired() {
      return Promise.resolve(purge.run({ now: at(0) }).changes);
    },
  };
}
