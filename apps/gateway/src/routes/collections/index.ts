import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { CollectionViewSchema } from '@commerce/contracts/inventory/schemas';
import { HttpProblem } from '../../errors/http-problem.js';
import { errorResponses } from '../../http/error-responses.js';
import { described } from '../../http/shared-schemas.js';
import { NoQuerySchema } from '../../http/no-query.js';
import { CollectionListSchema, CollectionParamsSchema } from './schemas.js';

const collectionRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get(
    '/v1/collections',
    {
      schema: {
        operationId: 'listCollections',
        tags: ['catalog'],
        summary: 'List collections with their product counts',
        querystring: NoQuerySchema,
        response: {
          200: described(CollectionListSchema, 'Every collection'),
          ...errorResponses('validation_failed'),
        },
      },
    },
    async () => ({ items: await app.readModel.listCollections() }),
  );

  app.get(
    '/v1/collections/:handle',
    {
      schema: {
        operationId: 'getCollection',
        tags: ['catalog'],
        summary: 'Get a collection by handle',
        params: CollectionParamsSchema,
        querystring: NoQuerySchema,
        response: {
          200: described(CollectionViewSchema, 'The collection'),
          ...errorResponses('validation_failed', 'collection_not_found'),
        },
      },
    },
    async (request) => {
      const collection = await app.readModel.getCollection(request.params.handle);
      if (!collection)
        throw new HttpProblem(
          'collection_not_found',
          `No collection has the handle '${request.params.handle}'.`,
        );
      return collection;
    },
  );
  done();
};

export default collectionRoutes;
