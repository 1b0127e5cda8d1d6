import type { OrderSearchReader } from '@commerce/order-search';
import type { OrderSagaSettings } from '@commerce/contracts/order-saga';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The settings every order's saga gets (approval threshold and window, fulfillment mode, …). */
    orderSettings: OrderSagaSettings;
    /** The `orders` search projection OMS writes (GET /v1/admin/orders). */
    orderSearch: OrderSearchReader;
  }
}

export interface OrdersPluginOptions {
  settings: OrderSagaSettings;
  search: OrderSearchReader;
}

/** What the order routes read besides Temporal: the saga settings and the orders projection. */
export default fp<OrdersPluginOptions>(
  (app, options, done) => {
    app.decorate('orderSettings', Object.freeze({ ...options.settings }));
    app.decorate('orderSearch', options.search);
    done();
  },
  { name: 'orders' },
);
