import type { CartLine } from '@commerce/contracts/cart';
import type { CartSnapshot, CheckoutSettings, CheckoutWorkflowInput } from '@commerce/contracts/checkout';
import type { Address } from '@commerce/contracts/common';

export const usd = (amount: number) => ({ amount, currency: 'USD' });

export function cartLine(lineId: string, sku: string, quantity: number, unitPrice: number, title = 'Classic Tee'): CartLine {
  return {
    lineId,
    sku,
    quantity,
    product: {
      sku,
      productId: 'prod-0001',
      handle: 'classic-tee',
      title,
      options: { color: 'Black', size: 'M' },
      image: null,
      unitPrice: usd(unitPrice),
      weightGrams: 200,
      supplier: { id: 'acme', name: 'Acme', type: 'simulated' },
    },
    lineTotal: usd(unitPrice * quantity),
    stockHeld: true,
    addedAt: '2025-01-01T00:00:00.000Z',
  };
}

/** 2 × 1500 + 1 × 2500 = 5500, no coupon. */
export function snapshot(cartId: string, version: number, patch: Partial<CartSnapshot> = {}): CartSnapshot {
  const lines = patch.lines ?? [cartLine('l1', 'TEE-0001-BLK-M', 2, 1_500), cartLine('l2', 'MUG-0001-WHT-OS', 1, 2_500, 'Mug')];
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal.amount, 0);
  return {
    cartId,
    version,
    currency: 'USD',
    lines,
    coupon: null,
    subtotal: usd(subtotal),
    discount: usd(0),
    shopper: { email: 'ada@example.com', customerId: 'cust-1' },
    ...patch,
  };
}

export const ADDRESS_CA: Address = {
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
};
export const ADDRESS_GB: Address = { name: 'Ada Lovelace', line1: '1 Analytical Way', city: 'London', postalCode: 'N1 1AA', country: 'GB' };

export function settings(patch: Partial<CheckoutSettings> = {}): CheckoutSettings {
  return {
    timeoutMs: 3_600_000,
    holdMarginSeconds: 300,
    order: {
      approvalThreshold: 500_000,
      approvalWindowMs: 120_000,
      holdTtlSeconds: 900,
      returnWindowMs: 7 * 86_400_000,
      fulfillmentMode: 'auto',
      simulatedStageMs: 1_000,
      dropshipPollMs: 1_000,
    },
    ...patch,
  };
}

export function checkoutInput(cartId: string, checkoutId: string, patch: Partial<CheckoutWorkflowInput> = {}): CheckoutWorkflowInput {
  return {
    checkoutId,
    cartWorkflowId: `cart:${cartId}`,
    holdId: `cart:${cartId}`,
    cart: snapshot(cartId, 3),
    settings: settings(),
    ...patch,
  };
}
