import { CheckoutFailure, type ChargesQuote, type QuoteChargesInput } from '@commerce/contracts/checkout';
import type { ChargesRules } from '../config.js';
import type { Refusal } from './steps.js';

/** Thrown by quoteCharges when no shipping rule serves the address's country. */
export class ShippingUnavailable extends Error implements Refusal {
  readonly type = CheckoutFailure.ShippingUnavailable;
  constructor(readonly country: string) {
    super(`we do not ship to ${country}`);
    this.name = 'ShippingUnavailable';
  }
}

const percent = (bps: number): string => `${(bps / 100).toString()}%`;

/**
 * Shipping and tax for an address (pure; the quoteCharges activity runs it with the worker's
 * rules). Amounts are minor units of the merchandise's currency: shipping is the country's flat
 * rate, free when the merchandise (subtotal − discount) reaches the country's `freeFrom`; tax is
 * floor(merchandise × rate / 10 000), the rate of the address's region when the country has one
 * for it, else the country's. A country without a tax rule pays no tax.
 */
export function quoteCharges(rules: ChargesRules, input: QuoteChargesInput): ChargesQuote {
  const { country } = input.address;
  const { amount: merchandise, currency } = input.merchandise;
  const shippingRule = rules.shipping[country];
  if (shippingRule === undefined) throw new ShippingUnavailable(country);
  const free = shippingRule.freeFrom !== undefined && merchandise >= shippingRule.freeFrom;
  const shipping = free ? 0 : shippingRule.flat;

  const taxRule = rules.tax[country];
  const region = input.address.region?.trim().toUpperCase();
  const regionBps = region === undefined || region === '' ? undefined : taxRule?.regions?.[region];
  const bps = regionBps ?? taxRule?.rateBps ?? 0;
  const tax = Math.floor((merchandise * bps) / 10_000);

  return {
    shipping: { amount: shipping, currency },
    tax: { amount: tax, currency },
    shippingRule: free
      ? `${country} free shipping from ${shippingRule.freeFrom ?? 0}`
      : `${country} flat rate`,
    taxRule:
      taxRule === undefined
        ? `${country} no tax`
        : regionBps !== undefined
          ? `${country}-${region ?? ''} ${percent(bps)}`
          : `${country} ${percent(bps)}`,
  };
}
