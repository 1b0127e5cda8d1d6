import { Type } from '@sinclair/typebox';
import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { NoQuerySchema } from '../../http/no-query.js';
import { errorResponses } from '../../http/error-responses.js';

const OpenApiDocumentSchema = Type.Object(
  { openapi: Type.String() },
  { additionalProperties: true, description: 'The OpenAPI 3.1 document of this API' },
);

const openApiRoutes: FastifyPluginCallbackTypebox = (app, _options, done) => {
  app.get(
    '/openapi.json',
    {
      schema: {
        operationId: 'getOpenApiDocument',
        tags: ['operations'],
        querystring: NoQuerySchema,
        summary: 'The OpenAPI 3.1 description of this API',
        response: { 200: OpenApiDocumentSchema, ...errorResponses() },
      },
    },
    () => app.swagger() as { openapi: string },
  );
  done();
};

export default openApiRoutes;
