import { describe, expect, it } from 'vitest';
import { ConfigError } from '@commerce/config';
import { checkoutChargesRules, CheckoutConfigSchema, DEFAULT_CHARGES_RULES, loadCheckoutConfig } from './config.js';

describe('checkout config', () => {
  it('needs no store settings and defaults the rules', () => {
    const config = loadCheckoutConfig({});
    expect(checkoutChargesRules(config)).toEqual(DEFAULT_CHARGES_RULES);
    const keys = Object.keys(CheckoutConfigSchema.properties);
    expect(keys).toContain('CHECKOUT_RULES');
    expect(keys.some((k) => k.startsWith('CASSANDRA') || k === 'SQLITE_PATH' || k === 'STORE')).toBe(false);
  });

  it('replaces the rules with CHECKOUT_RULES', () => {
    const rules = { shipping: { NL: { flat: 495, freeFrom: 2_500 } }, tax: { NL: { rateBps: 2_100 } } };
    expect(checkoutChargesRules(loadCheckoutConfig({ CHECKOUT_RULES: JSON.stringify(rules) }))).toEqual(rules);
  });

  it('refuses rules that are not JSON or break the schema, listing the problems', () => {
    expect(() => loadCheckoutConfig({ CHECKOUT_RULES: '{nope' })).toThrow(ConfigError);
    try {
      loadCheckoutConfig({ CHECKOUT_RULES: JSON.stringify({ shipping: { us: { flat: -1 } }, tax: {} }) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/CHECKOUT_RULES/);
    }
  });
});
