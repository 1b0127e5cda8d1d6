import { describe, expect, it } from 'vitest';
import type { SetPaymentMethodRequest, SetShippingAddressRequest, SubmitCheckoutRequest } from '@commerce/contracts/checkout';
import { ADDRESS_CA } from '../../test/support/fixtures.js';
import { paymentMethodInputRefusal, shippingAddressInputRefusal, submitInputRefusal } from './input-checks.js';

describe('update input checks', () => {
  it('accept a complete address and refuse a broken one, naming the fields', () => {
    expect(shippingAddressInputRefusal({ address: ADDRESS_CA, email: 'a@b.co' })).toBeNull();
    const refusal = shippingAddressInputRefusal({ address: { ...ADDRESS_CA, country: 'us', city: '' }, email: 'nope' });
    expect(refusal?.type).toBe('InvalidCheckoutInputError');
    expect(refusal?.message).toMatch(/city.*country.*email/);
    expect(shippingAddressInputRefusal(undefined)).not.toBeNull();
  });

  it('accept a card token and refuse anything else', () => {
    expect(paymentMethodInputRefusal({ paymentMethod: { type: 'card', token: 'tok_visa' } })).toBeNull();
    expect(paymentMethodInputRefusal({ paymentMethod: { type: 'card', token: '4242424242424242' } })?.type).toBe('InvalidCheckoutInputError');
    expect(paymentMethodInputRefusal({} as SetPaymentMethodRequest)).not.toBeNull();
  });

  it('need an integer cart version to submit', () => {
    expect(submitInputRefusal({ cartVersion: 0 })).toBeNull();
    expect(submitInputRefusal({ cartVersion: -1 })).not.toBeNull();
    expect(submitInputRefusal({ cartVersion: 1.5 })).not.toBeNull();
    expect(submitInputRefusal({} as SubmitCheckoutRequest)).not.toBeNull();
    expect(shippingAddressInputRefusal({} as SetShippingAddressRequest)).not.toBeNull();
  });
});
