import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigError, parseEnv } from '@commerce/config';
import { WorkerSettingsSchema } from '@commerce/worker-runtime';

// The checkout keeps no tables and no search projection: its state lives in its workflow, so it
// needs no store settings (no SQLITE_PATH / STORE / CASSANDRA_* / SEARCH keys, no keyspace).

/** An amount in minor units of the ORDER's currency (the rules are currency-agnostic). */
const MinorUnits = Type.Integer({ minimum: 0, maximum: 1_000_000_000_00 });
/** A tax rate in basis points (725 = 7.25 %). */
const BasisPoints = Type.Integer({ minimum: 0, maximum: 10_000 });
const CountryCode = '^[A-Z]{2}$';

/** Flat shipping for one country, free from a merchandise amount on (subtotal − discount). */
export const ShippingRuleSchema = Type.Object(
  {
    flat: MinorUnits,
    /** Merchandise (subtotal − discount) of at least this much ships free; absent: never free. */
    freeFrom: Type.Optional(MinorUnits),
  },
  { additionalProperties: false },
);

/** Tax for one country: a default rate and optional per-region overrides (region codes upper-case, e.g. `CA`, `NY`). */
export const TaxRuleSchema = Type.Object(
  {
    rateBps: BasisPoints,
    regions: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Z0-9-]{1,10}$' }), BasisPoints, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

/**
 * Shipping and tax rules, keyed by ISO 3166-1 alpha-2 country. A country without a shipping rule
 * is not served (ShippingUnavailableError); a served country without a tax rule pays no tax.
 * Tax applies to the merchandise (subtotal − discount), not to shipping.
 */
export const ChargesRulesSchema = Type.Object(
  {
    shipping: Type.Record(Type.String({ pattern: CountryCode }), ShippingRuleSchema, { additionalProperties: false }),
    tax: Type.Record(Type.String({ pattern: CountryCode }), TaxRuleSchema, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type ChargesRules = Static<typeof ChargesRulesSchema>;

/** The rules when CHECKOUT_RULES is not set. */
export const DEFAULT_CHARGES_RULES: ChargesRules = {
  shipping: {
    US: { flat: 599, freeFrom: 5_000 },
    CA: { flat: 899 },
    GB: { flat: 699 },
    DE: { flat: 799 },
    FR: { flat: 799 },
  },
  tax: {
    US: { rateBps: 0, regions: { CA: 725, NY: 400 } },
    GB: { rateBps: 2_000 },
    DE: { rateBps: 1_900 },
    FR: { rateBps: 2_000 },
  },
};

export const CheckoutConfigSchema = Type.Object({
  /** TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, LOG_LEVEL, WORKFLOW_BUNDLE. */
  ...WorkerSettingsSchema.properties,
  /** JSON of ChargesRulesSchema replacing the default shipping and tax rules (all of them). */
  CHECKOUT_RULES: Type.Optional(
    Type.String({
      minLength: 2,
      description: 'JSON shipping and tax rules: {"shipping":{"US":{"flat":599,"freeFrom":5000}},"tax":{"US":{"rateBps":0,"regions":{"CA":725}}}}',
    }),
  ),
});
export type CheckoutConfig = Static<typeof CheckoutConfigSchema>;

/** CHECKOUT_RULES parsed and checked, or the defaults; a bad value is a ConfigError listing its problems. */
export function parseChargesRules(json: string | undefined): ChargesRules {
  if (json === undefined) return DEFAULT_CHARGES_RULES;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ConfigError([`CHECKOUT_RULES: not JSON (${(error as Error).message})`]);
  }
  if (!Value.Check(ChargesRulesSchema, value)) {
    const problems = [...Value.Errors(ChargesRulesSchema, value)]
      .slice(0, 10)
      .map((e) => `CHECKOUT_RULES${e.path}: ${e.message}`);
    throw new ConfigError(problems);
  }
  return value;
}

/** The only reader of the environment: parses it once (rules included) and fails listing every problem. */
export function loadCheckoutConfig(env: Record<string, string | undefined> = process.env): CheckoutConfig {
  const config = parseEnv(CheckoutConfigSchema, env);
  parseChargesRules(config.CHECKOUT_RULES);
  return config;
}

export const checkoutChargesRules = (config: CheckoutConfig): ChargesRules =>
  parseChargesRules(config.CHECKOUT_RULES);
