import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  ProductSearchQuerySchema,
  ProductSearchResultSchema,
  ProductViewSchema,
} from '@commerce/contracts/inventory/schemas';
import { HttpProblem } from '../../errors/http-problem.js';
import { errorResponses } from '../../http/error-responses.js';
import { described, shared } from '../../http/shared-schemas.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { ProductParamsSchema } from './schemas.js';

const productRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get(
    '/v1/products',
    {
      schema: {
        operationId: 'searchProducts',
        tags: ['catalog'],
        summary: 'Search products',
        description:
          'Full-text search (`q`) with filters. Repeat a facet parameter to OR its values ' +
          '(`?color=red&color=blue`); different facets AND together. Facet counts are disjunctive. ' +
          '`minPrice` must not exceed `maxPrice` (a 400 `validation_failed` whose error points at ' +
          '`/querystring/minPrice`).',
        querystring: ProductSearchQuerySchema,
        response: {
          200: described(
            shared(ProductSearchResultSchema),
            'One page of matching products, with facet counts',
          ),
          ...errorResponses('validation_failed'),
          400: {
            ...errorResponses('validation_failed')[400]!,
            description:
              'Problem (`validation_failed`): a parameter breaks its schema, or `minPrice` > `maxPrice`',
          },
        },
      },
    },
    async (request) => {
      const { minPrice, maxPrice } = request.query;
      if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
        throw new HttpProblem(
          'validation_failed',
          'Invalid querystring: minPrice must not exceed maxPrice.',
          {
            errors: [{ path: '/querystring/minPrice', message: 'must be <= maxPrice' }],
          },
        );
      }
      return app.readModel.searchProducts(request.query);
    },
  );

  app.get(
    '/v1/products/:productId',
    {
      schema: {
        operationId: 'getProduct',
        tags: ['catalog'],
        summary: 'Get a product by id or handle',
        params: ProductParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(shared(ProductViewSchema), 'The product with current availability'),
          ...errorResponses('validation_failed', 'product_not_found'),
        },
      },
    },
    async (request) => {
      const product = await app.readModel.getProduct(request.params.productId);
      if (!product)
        throw new HttpProblem(
          'product_not_found',
          `No product has the id or handle '${request.params.productId}'.`,
        );
      return product;
    },
  );
  done();
};

export default productRoutes;
