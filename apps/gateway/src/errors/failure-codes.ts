import { CART_FAILURE_CODES } from '@commerce/contracts/cart/failure-codes';
import { CHECKOUT_FAILURE_CODES } from '@commerce/contracts/checkout/failure-codes';
import { FULFILLMENT_FAILURE_CODES } from '@commerce/contracts/fulfillment/failure-codes';
import { INVENTORY_FAILURE_CODES } from '@commerce/contracts/inventory/failure-codes';
import { OMS_FAILURE_CODES } from '@commerce/contracts/oms/failure-codes';
import { ORDER_SAGA_FAILURE_CODES } from '@commerce/contracts/order-saga/failure-codes';
import type { ErrorCode } from './error-catalogue.js';

/**
 * The tables the domains contribute through their contracts (failure type → public error code),
 * one per domain. Typed against the catalogue: a domain naming a code the gateway does not
 * catalogue fails to compile here.
 */
export const DOMAIN_FAILURE_TABLES = {
  inventory: INVENTORY_FAILURE_CODES,
  'order-saga': ORDER_SAGA_FAILURE_CODES,
  oms: OMS_FAILURE_CODES,
  fulfillment: FULFILLMENT_FAILURE_CODES,
  cart: CART_FAILURE_CODES,
  checkout: CHECKOUT_FAILURE_CODES,
} as const satisfies Record<string, Readonly<Record<string, ErrorCode>>>;

/** The failure types two domains both claim (with their codes): must be empty. */
export function conflictingFailureTypes(
  tables: Readonly<Record<string, Readonly<Record<string, string>>>> = DOMAIN_FAILURE_TABLES,
): { type: string; domains: string[] }[] {
  const owners = new Map<string, string[]>();
  for (const [domain, table] of Object.entries(tables)) {
    for (const type of Object.keys(table)) owners.set(type, [...(owners.get(type) ?? []), domain]);
  }
  return [...owners]
    .filter(([, domains]) => domains.length > 1)
    .map(([type, domains]) => ({ type, domains }));
}

/**
 * The one table from a Temporal ApplicationFailure `type` (raised by a domain worker or an update
 * validator) to the gateway's error code, whose HTTP status the catalogue holds: the merge of
 * every domain's table. A failure type missing everywhere is unexpected and becomes a 500.
 */
export const FAILURE_TYPE_CODES: Readonly<Record<string, ErrorCode>> = Object.freeze(
  Object.assign({}, ...Object.values(DOMAIN_FAILURE_TABLES)) as Record<string, ErrorCode>,
);

export function codeForFailureType(type: string | undefined | null): ErrorCode | undefined {
  if (!type) return undefined;
  return Object.hasOwn(FAILURE_TYPE_CODES, type) ? FAILURE_TYPE_CODES[type] : undefined;
}
