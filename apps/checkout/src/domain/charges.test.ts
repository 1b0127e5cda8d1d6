import { describe, expect, it } from 'vitest';
import type { Address } from '@commerce/contracts/common';
import { DEFAULT_CHARGES_RULES } from '../config.js';
import { ADDRESS_CA, ADDRESS_GB, usd } from '../../test/support/fixtures.js';
import { quoteCharges, ShippingUnavailable } from './charges.js';

const quote = (address: Address, merchandise: number, currency = 'USD') =>
  quoteCharges(DEFAULT_CHARGES_RULES, { address, merchandise: { amount: merchandise, currency }, weightGrams: 500 });

describe('charges rules', () => {
  it('charge US flat shipping below the free threshold, with the region tax (CA 7.25 %)', () => {
    expect(quote(ADDRESS_CA, 4_999)).toEqual({
      shipping: usd(599),
      tax: usd(Math.floor((4_999 * 725) / 10_000)),
      shippingRule: 'US flat rate',
      taxRule: 'US-CA 7.25%',
    });
  });

  it('ship free from the threshold on', () => {
    const q = quote(ADDRESS_CA, 5_000);
    expect(q.shipping).toEqual(usd(0));
    expect(q.shippingRule).toMatch(/free/);
  });

  it('use the country rate when the region has no override (and match regions case-insensitively)', () => {
    expect(quote({ ...ADDRESS_CA, region: 'TX' }, 10_000).tax).toEqual(usd(0));
    expect(quote({ ...ADDRESS_CA, region: 'ny' }, 10_000).tax).toEqual(usd(400));
    expect(quote({ ...ADDRESS_CA, region: undefined }, 10_000).taxRule).toBe('US 0%');
  });

  it('apply the table in the order currency (currency-agnostic amounts)', () => {
    const q = quote(ADDRESS_GB, 10_000, 'GBP');
    expect(q).toMatchObject({ shipping: { amount: 699, currency: 'GBP' }, tax: { amount: 2_000, currency: 'GBP' }, taxRule: 'GB 20%' });
  });

  it('charge no tax in a served country without a tax rule', () => {
    const q = quote({ ...ADDRESS_GB, country: 'CA', region: 'ON' }, 10_000);
    expect(q.shipping).toEqual(usd(899));
    expect(q.tax).toEqual(usd(0));
    expect(q.taxRule).toBe('CA no tax');
  });

  it('refuse a country no shipping rule serves', () => {
    expect(() => quote({ ...ADDRESS_GB, country: 'JP' }, 10_000)).toThrow(ShippingUnavailable);
    try {
      quote({ ...ADDRESS_GB, country: 'JP' }, 10_000);
    } catch (error) {
      expect(error).toMatchObject({ type: 'ShippingUnavailableError', country: 'JP' });
    }
  });
});
