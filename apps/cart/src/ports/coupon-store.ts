import type { Coupon, CouponDefinition } from '@commerce/contracts/cart';

export interface UpsertCouponRecord {
  /** Upper-case (the adapters store and look codes up upper-cased). */
  code: string;
  definition: CouponDefinition;
  actor: string;
  /** ISO timestamp of the write: `updatedAt`, and `createdAt` of a new coupon. */
  at: string;
}

/**
 * The cart domain's coupons (SQLite table `cart_coupons`, Cassandra keyspace `cart` table
 * `coupons`). Codes are case-insensitive: adapters upper-case them.
 */
export interface CouponStore {
  /** The coupon with this code, or null. */
  get(code: string): Promise<Coupon | null>;
  /** Creates or replaces the coupon's definition; `createdAt` stays the first write's. Returns the stored coupon. */
  upsert(record: UpsertCouponRecord): Promise<Coupon>;
}

/** The stored coupon of a definition. */
export function toCoupon(code: string, definition: CouponDefinition, createdAt: string, updatedAt: string): Coupon {
  return {
    code,
    description: definition.description,
    discount: definition.discount,
    ...(definition.minimumSubtotal === undefined ? {} : { minimumSubtotal: definition.minimumSubtotal }),
    ...(definition.expiresAt === undefined ? {} : { expiresAt: definition.expiresAt }),
    active: definition.active,
    createdAt,
    updatedAt,
  };
}

/** The definition part of a coupon, as the adapters serialize it. */
export function definitionOf(coupon: CouponDefinition): CouponDefinition {
  return {
    description: coupon.description,
    discount: coupon.discount,
    ...(coupon.minimumSubtotal === undefined ? {} : { minimumSubtotal: coupon.minimumSubtotal }),
    ...(coupon.expiresAt === undefined ? {} : { expiresAt: coupon.expiresAt }),
    active: coupon.active,
  };
}
