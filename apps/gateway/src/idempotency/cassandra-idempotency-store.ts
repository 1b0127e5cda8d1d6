import { randomUUID } from 'node:crypto';
import type { Client, types } from 'cassandra-driver';
import { migrateDomainKeyspace, type MigrateKeyspaceResult } from '@commerce/cassandra-store';
import { systemClock, type Clock } from '../clock.js';
import type {
  IdempotencyBegin,
  IdempotencyScope,
  IdempotencyStore,
  StoredResponse,
} from './idempotency-store.js';

/**
 * Creates (if needed) and migrates the gateway keyspace from infra/cassandra/cql/gateway. Pass a
 * client without a keyspace (or bound to this one). Idempotent; safe from several gateway replicas.
 */
export const migrateGatewayKeyspace = (
  client: Client,
  keyspace: string,
): Promise<MigrateKeyspaceResult> =>
  migrateDomainKeyspace(client, { keyspace, cqlFolder: 'gateway' });

export interface CassandraIdempotencyStoreOptions {
  /** A client bound to the gateway keyspace. */
  client: Client;
  clock?: Clock;
  /** How long a key is remembered (default 24 h; the records' TTL). */
  ttlMs?: number;
  /** After this long an unfinished attempt counts as abandoned (crashed process) and may be retaken. */
  inProgressLeaseMs?: number;
}

const DAY_MS = 24 * 3600_000;
/** Rounds of "the record changed under us, look again" before giving up (never reached in practice). */
const MAX_ROUNDS = 8;

const PK = 'principal = ? AND method = ? AND route = ? AND idempotency_key = ?';
const INSERT = `INSERT INTO idempotency_keys
  (principal, method, route, idempotency_key, request_hash, state, attempt, locked_until, created_at, expires_at)
  VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?) IF NOT EXISTS USING TTL ?`;
const RETAKE = `UPDATE idempotency_keys USING TTL ? SET attempt = ?, locked_until = ?
  WHERE ${PK} IF state = 'in_progress' AND attempt = ?`;
const FINISH = `UPDATE idempotency_keys USING TTL ?
  SET state = 'completed', attempt = null, locked_until = null, completed_at = ?,
      response_status = ?, response_body = ?, response_content_type = ?
  WHERE ${PK} IF state = 'in_progress' AND attempt = ?`;
const ABANDON = `DELETE FROM idempotency_keys WHERE ${PK} IF state = 'in_progress' AND attempt = ?`;
const DROP_EXPIRED = `DELETE FROM idempotency_keys WHERE ${PK} IF expires_at = ?`;

const keyOf = (scope: IdempotencyScope): string[] => [
  scope.principal,
  scope.method,
  scope.route,
  scope.key,
];

/**
 * An attempt token: a fresh id plus the record's expiry (ms since the epoch). Callers treat it as
 * opaque; the store reads the expiry back so later writes of the record get a TTL that ends with
 * the record's (Cassandra TTLs are per cell: a cell written later with a full TTL would outlive
 * the rest of its row).
 */
const attemptToken = (expiresAt: Date): string => `${randomUUID()}@${expiresAt.getTime()}`;
function expiryOfAttempt(attempt: string): Date | undefined {
  const ms = Number(attempt.slice(attempt.lastIndexOf('@') + 1));
  return Number.isSafeInteger(ms) && ms > 0 ? new Date(ms) : undefined;
}

/** Whole seconds from `now` until `expiresAt`, at least one (TTL 0 would mean "never expires"). */
const ttlSeconds = (expiresAt: Date, now: Date): number =>
  Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));

const applied = (result: types.ResultSet): boolean => result.first()?.get('[applied]') === true;

/**
 * The idempotency records in Cassandra (keyspace `gateway`, table `idempotency_keys`), so every
 * gateway replica shares them. Every write is a lightweight transaction on the key's partition:
 * two concurrent first requests with one key get exactly one `started`; completing or releasing
 * is guarded by the attempt id, so an attempt that lost its lease cannot overwrite its successor.
 * Records expire by TTL (purgeExpired has nothing to do).
 */
export function createCassandraIdempotencyStore(
  options: CassandraIdempotencyStoreOptions,
): IdempotencyStore {
  const { client, clock = systemClock, ttlMs = DAY_MS, inProgressLeaseMs = 5 * 60_000 } = options;
  const execute = (query: string, params: unknown[]) =>
    client.execute(query, params, { prepare: true });

  return {
    async begin(scope, requestHash): Promise<IdempotencyBegin> {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + ttlMs);
        const lockedUntil = new Date(now.getTime() + inProgressLeaseMs);
        const attempt = attemptToken(expiresAt);
        const inserted = await execute(INSERT, [
          ...keyOf(scope),
          requestHash,
          attempt,
          lockedUntil,
          now,
          expiresAt,
          ttlSeconds(expiresAt, now),
        ]);
        if (applied(inserted)) return { outcome: 'started', attempt };

        // Not applied: the LWT answered with the record as it is.
        const row = inserted.first();
        const seenExpiry = row.get('expires_at') as Date | null;
        const state = row.get('state') as string | null;
        // The last second of a record's TTL may leave part of its cells: treat it as expired too.
        if (seenExpiry === null || state === null || seenExpiry.getTime() <= now.getTime()) {
          await execute(DROP_EXPIRED, [...keyOf(scope), seenExpiry]);
          continue;
        }
        if (row.get('request_hash') !== requestHash) return { outcome: 'mismatch' };
        if (state === 'completed') {
          return {
            outcome: 'replay',
            response: {
              status: (row.get('response_status') as number | null) ?? 200,
              body: (row.get('response_body') as string | null) ?? '',
              contentType: row.get('response_content_type') as string | null,
            },
          };
        }
        const heldUntil = row.get('locked_until') as Date | null;
        if (heldUntil !== null && heldUntil.getTime() > now.getTime()) {
          return { outcome: 'in_progress' };
        }
        // The previous attempt's lease ran out (its process died): take the record over.
        const retakeAttempt = attemptToken(seenExpiry);
        const retaken = await execute(RETAKE, [
          ttlSeconds(seenExpiry, now),
          retakeAttempt,
          lockedUntil,
          ...keyOf(scope),
          row.get('attempt') as string | null,
        ]);
        if (applied(retaken)) return { outcome: 'started', attempt: retakeAttempt };
        // Someone else changed the record in between: look again.
      }
      throw new Error(
        `idempotency record ${scope.method} ${scope.route} kept changing under ${MAX_ROUNDS} attempts to begin`,
      );
    },

    async complete(scope, attempt, response: StoredResponse) {
      const now = clock.now();
      const expiresAt = expiryOfAttempt(attempt) ?? new Date(now.getTime() + ttlMs);
      // Not applied means the attempt lost its lease to a retry: that one records the response.
      await execute(FINISH, [
        ttlSeconds(expiresAt, now),
        now,
        response.status,
        response.body,
        response.contentType,
        ...keyOf(scope),
        attempt,
      ]);
    },

    async release(scope, attempt) {
      await execute(ABANDON, [...keyOf(scope), attempt]);
    },

    purgeExpired() {
      // Every cell carries a TTL ending at the record's expiry: Cassandra removes them itself.
      return Promise.resolve(0);
    },
  };
}
