import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import {
  AddressSchema,
  CustomerSchema,
  MoneySchema,
  OrderLineSchema,
  OrderTotalsSchema,
  ProblemSchema,
} from '@commerce/contracts/common/schemas';
import {
  AddItemRequestSchema,
  ApplyCouponRequestSchema,
  BeginCheckoutRequestSchema,
  CartLineSchema,
  CartShopperSchema,
  CartViewSchema,
  CouponDefinitionSchema,
  CouponSchema,
} from '@commerce/contracts/cart/schemas';
import {
  CancelCheckoutRequestSchema,
  CheckoutViewSchema,
  SetPaymentMethodRequestSchema,
  SetShippingAddressRequestSchema,
  SubmitCheckoutRequestSchema,
} from '@commerce/contracts/checkout/schemas';
import { FulfillmentStateSchema } from '@commerce/contracts/fulfillment/schemas';
import { ProductViewSchema } from '@commerce/contracts/inventory/schemas';
import {
  OrderSearchDocumentSchema,
  OrderViewSchema,
  TimelineEntrySchema,
} from '@commerce/contracts/oms/schemas';
import {
  OrderSagaStateSchema,
  PaymentMethodSchema,
} from '@commerce/contracts/order-saga/schemas';
import { CheckoutProblemSchema } from '../routes/checkouts/schemas.js';
import { OrderProblemSchema } from '../routes/orders/schemas.js';

/**
 * Contract schemas that carry an `$id` become OpenAPI components and are registered with Fastify
 * once. Contract schemas embed them inline (e.g. Money inside Product), which Ajv and
 * fast-json-stringify reject as duplicate ids, so every embedded occurrence is replaced by a `$ref`.
 */
export const SHARED_SCHEMAS: readonly TSchema[] = [
  ProblemSchema,
  MoneySchema,
  ProductViewSchema,
  AddressSchema,
  CustomerSchema,
  OrderLineSchema,
  OrderTotalsSchema,
  PaymentMethodSchema,
  OrderSagaStateSchema,
  OrderViewSchema,
  TimelineEntrySchema,
  OrderSearchDocumentSchema,
  FulfillmentStateSchema,
  OrderProblemSchema,
  CartLineSchema,
  CartShopperSchema,
  CartViewSchema,
  CouponDefinitionSchema,
  CouponSchema,
  AddItemRequestSchema,
  ApplyCouponRequestSchema,
  BeginCheckoutRequestSchema,
  CheckoutViewSchema,
  SetShippingAddressRequestSchema,
  SetPaymentMethodRequestSchema,
  SubmitCheckoutRequestSchema,
  CancelCheckoutRequestSchema,
  CheckoutProblemSchema,
];

const SCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

function rewrite(node: unknown, isRoot: boolean, mapOfSchemas = false): unknown {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, false));
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (mapOfSchemas) {
    return Object.fromEntries(
      Object.entries(record).map(([name, schema]) => [name, rewrite(schema, false)]),
    );
  }
  if (!isRoot && typeof record.$id === 'string') return { $ref: record.$id };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = rewrite(value, false, SCHEMA_MAP_KEYWORDS.has(key));
  }
  return out;
}

/**
 * The schema to put in a route: every sub-schema with an `$id` (and the schema itself, if it has
 * one) becomes a `$ref` to the registered component. The static type is unchanged.
 */
export function shared<T extends TSchema>(schema: T): T {
  return rewrite(schema, false) as T;
}

/** Registers the components (their own embedded components turned into `$ref`s). */
export function registerSharedSchemas(app: FastifyInstance): void {
  for (const schema of SHARED_SCHEMAS) app.addSchema(rewrite(schema, true));
}

/** The schema with a `description` (OpenAPI shows it as the response's description). */
export function described<T extends TSchema>(schema: T, description: string): T {
  return { ...schema, description };
}
