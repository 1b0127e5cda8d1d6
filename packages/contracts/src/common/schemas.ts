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
