import { types, type Client } from 'cassandra-driver';
import type { CouponDefinition } from '@commerce/contracts/cart';
import { definitionOf, toCoupon, type CouponStore } from '../../ports/coupon-store.js';

// Coupons in Cassandra (keyspace `cart`, table `coupons`; see infra/cassandra/cql/cart/001-coupons.cql).
// An upsert is INSERT … IF NOT EXISTS (a new coupon: created_at = updated_at), else
// UPDATE … IF EXISTS (a replace: created_at untouched); both are Paxos rounds on the code's
// partition, so concurrent writers never lose the first created_at. The read is SERIAL so it sees
// a write whose Paxos round is still completing.

const SELECT = 'SELECT code, definition, created_at, updated_at FROM coupons WHERE code = ?';
const INSERT = 'INSERT INTO coupons (code, definition, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) IF NOT EXISTS';
const UPDATE = 'UPDATE coupons SET definition = ?, updated_at = ?, updated_by = ? WHERE code = ? IF EXISTS';

const MAX_ATTEMPTS = 10;

function fromRow(row: types.Row) {
  const createdAt = row.get('created_at') as Date;
  const updatedAt = row.get('updated_at') as Date;
  return toCoupon(
    row.get('code') as string,
    JSON.parse(row.get('definition') as string) as CouponDefinition,
    createdAt.toISOString(),
    updatedAt.toISOString(),
  );
}

const applied = (result: types.ResultSet): boolean => result.first()?.get('[applied]') === true;

export function createCassandraCouponStore(deps: { client: Client }): CouponStore {
  const { client } = deps;
  const read = async (code: string) => {
    const result = await client.execute(SELECT, [code], { prepare: true, consistency: types.consistencies.localSerial });
    const row = result.first();
    return row === null ? null : fromRow(row);
  };
  return {
    get: (code) => read(code.toUpperCase()),
    async upsert({ code, definition, actor, at }) {
      const key = code.toUpperCase();
      const json = JSON.stringify(definitionOf(definition));
      const when = new Date(at);
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        if (applied(await client.execute(INSERT, [key, json, when, when, actor], { prepare: true }))) break;
        if (applied(await client.execute(UPDATE, [json, when, actor, key], { prepare: true }))) break;
        // Deleted between the two statements (not done by this app): try again.
        if (attempt === MAX_ATTEMPTS) throw new Error(`coupons: could not write ${key}`);
      }
      const stored = await read(key);
      if (stored === null) throw new Error(`coupons: ${key} vanished after its write`);
      return stored;
    },
  };
}
