import type { CartSettings } from '@commerce/contracts/cart';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The settings every new cart's workflow gets (hold TTL, keep-alive, idle timeout, checkout, order). */
    cartSettings: CartSettings;
  }
}

export interface CartsPluginOptions {
  settings: CartSettings;
}

/** What the cart and checkout routes read besides Temporal: the cart settings (from CART_* / CHECKOUT_*). */
export default fp<CartsPluginOptions>(
  (app, options, done) => {
    app.decorate('cartSettings', Object.freeze(structuredClone(options.settings)));
    done();
  },
  { name: 'carts' },
);
