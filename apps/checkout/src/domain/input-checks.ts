import {
  CheckoutFailure,
  type SetPaymentMethodRequest,
  type SetShippingAddressRequest,
  type SubmitCheckoutRequest,
} from '@commerce/contracts/checkout';
import type { Refusal } from './steps.js';

// The workflow's validators check update arguments with these (the gateway already validated
// HTTP bodies against the contract schemas; a direct Temporal client did not).

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Z]{2}$/;
const TOKEN = /^tok_[A-Za-z0-9_]{1,60}$/;

const invalid = (message: string): Refusal => ({ type: CheckoutFailure.InvalidInput, message });
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, max: number, min = 1): boolean =>
  typeof value === 'string' && value.trim().length >= min && value.length <= max;

export function shippingAddressInputRefusal(request: SetShippingAddressRequest | undefined): Refusal | null {
  if (!isObject(request) || !isObject(request.address)) return invalid('an address is required');
  const a = request.address;
  const problems: string[] = [];
  if (!text(a.name, 120)) problems.push('name');
  if (!text(a.line1, 200)) problems.push('line1');
  if (a.line2 !== undefined && !text(a.line2, 200, 0)) problems.push('line2');
  if (!text(a.city, 100)) problems.push('city');
  if (a.region !== undefined && !text(a.region, 100, 0)) problems.push('region');
  if (!text(a.postalCode, 20)) problems.push('postalCode');
  if (typeof a.country !== 'string' || !COUNTRY.test(a.country)) problems.push('country (ISO 3166-1 alpha-2, upper-case)');
  if (a.phone !== undefined && !text(a.phone, 40, 0)) problems.push('phone');
  if (request.email !== undefined && (typeof request.email !== 'string' || request.email.length > 254 || !EMAIL.test(request.email)))
    problems.push('email');
  return problems.length === 0 ? null : invalid(`invalid shipping address: ${problems.join(', ')}`);
}

export function paymentMethodInputRefusal(request: SetPaymentMethodRequest | undefined): Refusal | null {
  if (!isObject(request) || !isObject(request.paymentMethod)) return invalid('a payment method is required');
  const { type, token } = request.paymentMethod;
  if (type !== 'card' || typeof token !== 'string' || !TOKEN.test(token))
    return invalid('invalid payment method: a card token tok_… is required');
  return null;
}

export function submitInputRefusal(request: SubmitCheckoutRequest | undefined): Refusal | null {
  if (!isObject(request) || typeof request.cartVersion !== 'number' || !Number.isInteger(request.cartVersion) || request.cartVersion < 0)
    return invalid('submit needs the cartVersion the shopper reviewed');
  return null;
}
