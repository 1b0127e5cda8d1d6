import type { CatalogReadModelReader } from '@commerce/catalog-search';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** The catalog read side (products, collections, projected stock). */
    readModel: CatalogReadModelReader;
  }
}

export default fp<{ readModel: CatalogReadModelReader }>(
  (app, options, done) => {
    app.decorate('readModel', options.readModel);
    done();
  },
  { name: 'read-model' },
);
