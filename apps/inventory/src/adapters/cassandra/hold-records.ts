import type { Client } from 'cassandra-driver';
import { int, iso, optInt, optText, text, type CqlRow } from './cql-values.js';

/** The hold's header (static columns of its `holds` partition). */
export interface HoldHeader {
  holdId: string;
  owner: string;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped by every header change made with a lightweight transaction. */
  revision: number;
  /** The revision at which the expiry sweep claimed the hold (claimed while it equals `revision`). */
  expiringRev: number | null;
}

/** A line row of a hold: its membership, and the status its reservation last reached. */
export interface LineRecord {
  sku: string;
  quantity: number;
  /** A hold status, or 'pending' while only the intent is written. */
  status: string;
  supplierId: string | null;
}

export const PENDING = 'pending';

/** A hold is claimed for expiry by the sweep until its header changes again. */
export const isClaimedForExpiry = (header: HoldHeader): boolean => header.expiringRev !== null && header.expiringRev === header.revision;

const EXPIRY_SHARDS = 8;

/** The holds_by_expiry partition of a hold (a stable hash of its id). */
export function expiryShardOf(holdId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < holdId.length; i++) hash = Math.imul(hash ^ holdId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % EXPIRY_SHARDS;
}

function toHeader(row: CqlRow): HoldHeader | null {
  const owner = optText(row, 'owner');
  if (owner === null) return null;
  return {
    holdId: text(row, 'hold_id'),
    owner,
    expiresAt: iso(row, 'expires_at'),
    createdAt: iso(row, 'created_at'),
    updatedAt: iso(row, 'updated_at'),
    revision: int(row, 'revision'),
    expiringRev: optInt(row, 'expiring_rev'),
  };
}

/**
 * The `holds` and `holds_by_expiry` tables. Header changes are lightweight transactions
 * conditioned on the revision read (so the owner's calls and the expiry sweep serialise on the
 * header); line rows are plain writes (the hold's own calls are sequential, and the reservation in
 * `stock` is the truth while it exists).
 */
export function createHoldRecords(client: Client) {
  const lwt = { prepare: true } as const;

  async function read(holdId: string): Promise<{ header: HoldHeader; lines: LineRecord[] } | null> {
    const result = await client.execute(
      `SELECT hold_id, sku, owner, expires_at, created_at, updated_at, revision, expiring_rev, quantity, status, supplier_id
       FROM holds WHERE hold_id = ?`,
      [holdId],
      { prepare: true, fetchSize: 1_000 },
    );
    const first = result.rows[0];
    const header = first === undefined ? null : toHeader(first);
    if (header === null) return null;
    const lines = result.rows.flatMap((row): LineRecord[] => {
      const sku = optText(row, 'sku');
      const status = optText(row, 'status');
      if (sku === null || status === null) return [];
      return [{ sku, status, quantity: optInt(row, 'quantity') ?? 0, supplierId: optText(row, 'supplier_id') }];
    });
    return { header, lines };
  }

  /** Creates the header unless the hold exists; true when created. */
  async function create(header: Omit<HoldHeader, 'revision' | 'expiringRev'>): Promise<boolean> {
    const result = await client.execute(
      'INSERT INTO holds (hold_id, owner, expires_at, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, 1) IF NOT EXISTS',
      [header.holdId, header.owner, new Date(header.expiresAt), new Date(header.createdAt), new Date(header.updatedAt)],
      lwt,
    );
    return result.wasApplied();
  }

  /** Sets a new expiry (un-claiming the hold) if the header is still at `revision`; true when applied. */
  async function setExpiry(holdId: string, revision: number, expiresAt: string, now: string): Promise<boolean> {
    const result = await client.execute(
      'UPDATE holds SET expires_at = ?, updated_at = ?, revision = ?, expiring_rev = null WHERE hold_id = ? IF revision = ?',
      [new Date(expiresAt), new Date(now), revision + 1, holdId, revision],
      lwt,
    );
    return result.wasApplied();
  }

  /** The sweep's claim: from now on the hold's held lines are expiring. True when applied. */
  async function claimForExpiry(holdId: string, revision: number, now: string): Promise<boolean> {
    const result = await client.execute(
      'UPDATE holds SET updated_at = ?, revision = ?, expiring_rev = ? WHERE hold_id = ? IF revision = ?',
      [new Date(now), revision + 1, revision + 1, holdId, revision],
      lwt,
    );
    return result.wasApplied();
  }

  async function touch(holdId: string, owner: string, now: string): Promise<void> {
    await client.execute('UPDATE holds SET updated_at = ? WHERE hold_id = ? IF owner = ?', [new Date(now), holdId, owner], lwt);
  }

  /** Removes a hold this call created and never reserved anything for: its line rows, then its header. */
  async function remove(holdId: string, revision: number, skus: readonly string[]): Promise<void> {
    if (skus.length > 0) {
      await client.batch(
        skus.map((sku) => ({ query: 'DELETE FROM holds WHERE hold_id = ? AND sku = ?', params: [holdId, sku] })),
        { prepare: true, logged: false },
      );
    }
    // Cassandra deletes a partition conditionally only through its static columns.
    await client.execute(
      'DELETE owner, expires_at, created_at, updated_at, revision, expiring_rev FROM holds WHERE hold_id = ? IF revision = ?',
      [holdId, revision],
      lwt,
    );
  }

  async function writeLines(holdId: string, lines: readonly LineRecord[], now: string): Promise<void> {
    if (lines.length === 0) return;
    const query = 'UPDATE holds SET quantity = ?, status = ?, supplier_id = ?, changed_at = ? WHERE hold_id = ? AND sku = ?';
    await client.batch(
      lines.map((l) => ({ query, params: [l.quantity, l.status, l.supplierId, new Date(now), holdId, l.sku] })),
      { prepare: true, logged: false },
    );
  }

  async function addExpiry(holdId: string, expiresAt: string): Promise<void> {
    await client.execute('INSERT INTO holds_by_expiry (shard, expires_at, hold_id) VALUES (?, ?, ?)', [expiryShardOf(holdId), new Date(expiresAt), holdId], {
      prepare: true,
    });
  }

  async function removeExpiry(holdId: string, expiresAt: string): Promise<void> {
    await client.execute('DELETE FROM holds_by_expiry WHERE shard = ? AND expires_at = ? AND hold_id = ?', [expiryShardOf(holdId), new Date(expiresAt), holdId], {
      prepare: true,
    });
  }

  /** Index entries due at `now`, earliest first, at most `limit` (read from every shard and merged). */
  async function due(now: string, limit: number): Promise<{ holdId: string; expiresAt: string }[]> {
    const shards = await Promise.all(
      Array.from({ length: EXPIRY_SHARDS }, (_, shard) =>
        client.execute('SELECT expires_at, hold_id FROM holds_by_expiry WHERE shard = ? AND expires_at <= ? LIMIT ?', [shard, new Date(now), limit], {
          prepare: true,
        }),
      ),
    );
    return shards
      .flatMap((result) => result.rows.map((row) => ({ holdId: text(row, 'hold_id'), expiresAt: iso(row, 'expires_at') })))
      .sort((a, b) => (a.expiresAt === b.expiresAt ? (a.holdId < b.holdId ? -1 : 1) : a.expiresAt < b.expiresAt ? -1 : 1))
      .slice(0, limit);
  }

  return { read, create, setExpiry, claimForExpiry, touch, remove, writeLines, addExpiry, removeExpiry, due };
}

export type HoldRecords = ReturnType<typeof createHoldRecords>;
