import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrderRepository } from '../../src/ports/order-repository.js';
import { orderLine, orderView, placedOrder } from '../support/fixtures.js';

/**
 * The OrderRepository contract, run against every adapter on a real store. `repository()` may
 * be shared by the tests of a file: every test uses its own order ids and customers.
 */
export function describeOrderRepositoryContract(adapter: string, repository: () => Promise<OrderRepository>): void {
  describe(`OrderRepository contract (${adapter})`, () => {
    const unique = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;

    it('stores the three views of an order and reads each', async () => {
      const repo = await repository();
      const customerId = unique('cust');
      const order = placedOrder(unique('order'), [orderLine('TEE-1', 2, 2_500, 'acme')], {
        customer: { customerId, email: 'ada@example.com', name: 'Ada' },
        confirmationNumber: `C${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      });
      const view = orderView(order, { status: 'processing', version: 3, updatedAt: '2030-01-01T10:05:00.000Z' });
      await repo.saveOrder(view);
      expect(await repo.getOrder(order.orderId)).toEqual(view);
      expect(await repo.findByConfirmationNumber(order.confirmationNumber)).toEqual(view);
      expect(await repo.listByCustomer(customerId, 10)).toEqual([
        {
          orderId: order.orderId,
          confirmationNumber: order.confirmationNumber,
          status: 'processing',
          total: view.totals.total,
          placedAt: order.placedAt,
          updatedAt: '2030-01-01T10:05:00.000Z',
          version: 3,
        },
      ]);
      expect(await repo.getOrder(unique('nope'))).toBeNull();
      expect(await repo.findByConfirmationNumber('NOPE000000')).toBeNull();
      expect(await repo.listByCustomer(unique('nobody'), 10)).toEqual([]);
    });

    it('keeps the newest version of every view, whatever order the writes arrive in', async () => {
      const repo = await repository();
      const customerId = unique('cust');
      const order = placedOrder(unique('order'), [orderLine('CAP-1', 1, 1_800, 'north')], { customer: { customerId, email: 'b@example.com', name: 'B' } });
      const v2 = orderView(order, { status: 'processing', version: 2 });
      const v5 = orderView(order, { status: 'shipped', version: 5 });
      const v4 = orderView(order, { status: 'partially_shipped', version: 4 });
      await repo.saveOrder(v2);
      await repo.saveOrder(v5);
      await repo.saveOrder(v4); // late, older: ignored
      await repo.saveOrder(v2); // a retry of an old write: ignored
      expect(await repo.getOrder(order.orderId)).toEqual(v5);
      expect(await repo.findByConfirmationNumber(order.confirmationNumber)).toEqual(v5);
      expect((await repo.listByCustomer(customerId, 10)).map((s) => [s.status, s.version])).toEqual([['shipped', 5]]);
      const v6 = orderView(order, { status: 'delivered', version: 6 });
      await Promise.all([repo.saveOrder(v6), repo.saveOrder(v5), repo.saveOrder(v4)]);
      expect(await repo.getOrder(order.orderId)).toEqual(v6);
      expect((await repo.listByCustomer(customerId, 10))[0]?.status).toBe('delivered');
    });

    it('lists a customer’s orders newest first, ties by order id, up to the limit; guests by e-mail', async () => {
      const repo = await repository();
      const customerId = unique('cust');
      const customer = { customerId, email: 'c@example.com', name: 'C' };
      const at = (h: number) => `2030-02-0${h}T08:00:00.000Z`;
      const ids = ['b', 'a', 'c', 'd'].map((x) => `${unique('order')}-${x}`);
      const placed = [at(1), at(3), at(3), at(2)];
      for (const [i, id] of ids.entries()) await repo.saveOrder(orderView(placedOrder(id, [orderLine('TEE-1', 1, 1_000, 'acme')], { customer, placedAt: placed[i] ?? at(1) })));
      const tie = [ids[1] ?? '', ids[2] ?? ''].sort();
      expect((await repo.listByCustomer(customerId, 10)).map((s) => s.orderId)).toEqual([...tie, ids[3], ids[0]]);
      expect((await repo.listByCustomer(customerId, 2)).map((s) => s.orderId)).toEqual(tie);

      const email = `${unique('guest')}@example.com`;
      const guestOrder = placedOrder(unique('order'), [orderLine('TEE-1', 1, 1_000, 'acme')], { customer: { email: email.toUpperCase(), name: 'Guest' } });
      await repo.saveOrder(orderView(guestOrder));
      expect((await repo.listByCustomer(`email:${email}`, 10)).map((s) => s.orderId)).toEqual([guestOrder.orderId]);
    });
  });
}
