import { describe, expect, it } from 'vitest';
import type { SupplierOrderStatus } from '@commerce/contracts/fulfillment';
import type { OrderStatus } from '@commerce/contracts/oms';
import { ADMIN_TRANSITIONS, adminTransitionRefusal, deriveOrderStatus, isForwardMove, isSupplierProgress, isTerminalStatus } from './order-status.js';

const orders = (...statuses: SupplierOrderStatus[]) => statuses.map((status, i) => ({ supplierOrderId: `o-1:s${i}`, status }));
const derived = (...statuses: SupplierOrderStatus[]) => deriveOrderStatus(orders(...statuses));

describe('deriveOrderStatus over all supplier orders', () => {
  it.each<[SupplierOrderStatus[], OrderStatus]>([
    [[], 'placed'],
    [['pending', 'pending'], 'placed'],
    [['pending', 'processing'], 'processing'],
    [['processing', 'processing'], 'processing'],
    [['shipped', 'processing'], 'partially_shipped'],
    [['delivered', 'pending'], 'partially_shipped'],
    [['shipped', 'shipped'], 'shipped'],
    [['shipped', 'delivered'], 'shipped'],
    [['delivered', 'delivered', 'delivered'], 'delivered'],
    [['delivered'], 'delivered'],
  ])('%j → %s', (statuses, status) => {
    expect(derived(...statuses)).toEqual({ kind: 'status', status });
  });

  it('fails the order when any supplier order is rejected or cancelled under it', () => {
    expect(derived('delivered', 'rejected', 'processing')).toEqual({ kind: 'failed', supplierOrderIds: ['o-1:s1'] });
    expect(derived('cancelled', 'rejected')).toEqual({ kind: 'failed', supplierOrderIds: ['o-1:s0', 'o-1:s1'] });
  });
});

describe('lifecycle guards', () => {
  const ok = { openReturns: 0, failing: false };

  it('lets an admin move forward, skip stages, and cancel before shipment', () => {
    expect(adminTransitionRefusal('placed', 'processing', ok)).toBeNull();
    expect(adminTransitionRefusal('placed', 'shipped', ok)).toBeNull();
    expect(adminTransitionRefusal('processing', 'cancelled', ok)).toBeNull();
    expect(adminTransitionRefusal('shipped', 'delivered', ok)).toBeNull();
    expect(adminTransitionRefusal('delivered', 'completed', ok)).toBeNull();
  });

  it('refuses going back, leaving a terminal status, forcing money outcomes and repeats', () => {
    expect(adminTransitionRefusal('delivered', 'placed', ok)).toMatch(/delivered → placed is not allowed \(from delivered: completed\)/);
    expect(adminTransitionRefusal('shipped', 'processing', ok)).toMatch(/not allowed/);
    expect(adminTransitionRefusal('shipped', 'cancelled', ok)).toMatch(/not allowed/);
    expect(adminTransitionRefusal('processing', 'refunded', ok)).toMatch(/not allowed/);
    expect(adminTransitionRefusal('delivered', 'returned', ok)).toMatch(/not allowed/);
    expect(adminTransitionRefusal('completed', 'delivered', ok)).toMatch(/completed: its status can no longer change/);
    expect(adminTransitionRefusal('processing', 'processing', ok)).toMatch(/already processing/);
    expect(adminTransitionRefusal('shipped', 'completed', ok)).toMatch(/not allowed/);
  });

  it('refuses completing with open returns, and anything while fulfillment failed', () => {
    expect(adminTransitionRefusal('delivered', 'completed', { openReturns: 2, failing: false })).toMatch(/2 return\(s\) still open/);
    expect(adminTransitionRefusal('processing', 'shipped', { openReturns: 0, failing: true })).toMatch(/being refunded/);
  });

  it('has no way out of terminal statuses, and never lists refunded or returned as a target', () => {
    for (const [from, targets] of Object.entries(ADMIN_TRANSITIONS) as [OrderStatus, readonly OrderStatus[]][]) {
      if (isTerminalStatus(from)) expect(targets).toEqual([]);
      expect(targets).not.toContain('refunded');
      expect(targets).not.toContain('returned');
    }
  });

  it('moves derived statuses only forward, supplier orders likewise', () => {
    expect(isForwardMove('placed', 'shipped')).toBe(true);
    expect(isForwardMove('shipped', 'processing')).toBe(false);
    expect(isForwardMove('cancelled', 'delivered')).toBe(false);
    expect(isSupplierProgress('pending', 'shipped')).toBe(true);
    expect(isSupplierProgress('shipped', 'processing')).toBe(false);
    expect(isSupplierProgress('rejected', 'delivered')).toBe(false);
    expect(isSupplierProgress('processing', 'cancelled')).toBe(true);
  });
});
