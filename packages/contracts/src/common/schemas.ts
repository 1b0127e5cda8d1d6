import { Type, type Static } from '@sinclair/typebox';

/** ISO 4217 currency code. */
export const CurrencySchema = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code', examples: ['USD'] });
export type Currency = Static<typeof CurrencySchema>;

/** Money is always integer minor units plus a currency; never a float. */
export const MoneySchema = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_00, description: 'Integer minor units (cents)' }),
    currency: CurrencySchema,
  },
  { additionalProperties: false, $id: 'Money', title: 'Money' },
);
export type Money = Static<typeof MoneySchema>;

/** ISO 8601 UTC timestamp string. Payloads never carry Date objects. */
export const TimestampSchema = Type.String({ format: 'date-time', description: 'ISO 8601 UTC' });
export type Timestamp = Static<typeof TimestampSchema>;

/** One validation failure inside a problem document. */
export const ProblemFieldErrorSchema = Type.Object({
  path: Type.String({ description: 'JSON pointer or parameter name of the offending value' }),
  message: Type.String(),
});

/** RFC 9457 problem document, extended with a stable machine `code`. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ProblemFieldErrorSchema)),
  },
  { $id: 'Problem', title: 'Problem' },
);
export type Problem = Static<typeof ProblemSchema>;

// ---------------------------------------------------------------------------------------------
// Commerce shapes shared by cart, checkout, order-saga, oms and fulfillment
// ---------------------------------------------------------------------------------------------

/** A postal address (shipping or billing). `region` drives tax and shipping rules. */
export const AddressSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    line1: Type.String({ minLength: 1, maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    city: Type.String({ minLength: 1, maxLength: 100 }),
    region: Type.Optional(Type.String({ maxLength: 100, description: 'State, province or county' })),
    postalCode: Type.String({ minLength: 1, maxLength: 20 }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2', examples: ['US'] }),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, $id: 'Address', title: 'Address' },
);
export type Address = Static<typeof AddressSchema>;

/** Who placed an order: a registered shopper (customerId) or a guest known by email. */
export const CustomerSchema = Type.Object(
  {
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:_.@-]+$' })),
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
  },
  { additionalProperties: false, $id: 'Customer', title: 'Customer' },
);
export type Customer = Static<typeof CustomerSchema>;

/**
 * One priced order line, as the order saga receives it and OMS / fulfillment carry it: the SKU,
 * the quantity, the unit price charged, and the catalog snapshot that routes it to a supplier.
 */
export const OrderLineSchema = Type.Object(
  {
    sku: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{1,63}$' }),
    quantity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    unitPrice: MoneySchema,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    productId: Type.String({ minLength: 1, maxLength: 64 }),
    supplier: Type.Object(
      {
        id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }),
        name: Type.String({ minLength: 1, maxLength: 120 }),
        type: Type.Union([Type.Literal('simulated'), Type.Literal('manual'), Type.Literal('dropship-api')]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, $id: 'OrderLine', title: 'OrderLine' },
);
export type OrderLine = Static<typeof OrderLineSchema>;

/** The money of an order, all in one currency. total = subtotal - discount + shipping + tax. */
export const OrderTotalsSchema = Type.Object(
  { subtotal: MoneySchema, discount: MoneySchema, shipping: MoneySchema, tax: MoneySchema, total: MoneySchema },
  { additionalProperties: false, $id: 'OrderTotals', title: 'OrderTotals' },
);
export type OrderTotals = Static<typeof OrderTotalsSchema>;

/** Who did something and why: every human or system transition carries one. */
export const ActorSchema = Type.String({ minLength: 1, maxLength: 200, description: 'e.g. admin:bootstrap, system:saga, shopper:<id>' });
