import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';

export interface SwaggerPluginOptions {
  version: string;
  /** Absolute base URL clients use; the document's server is relative to where it is served otherwise. */
  publicUrl?: string | undefined;
}

/** The OpenAPI 3.1 document, built from the route schemas (served at /openapi.json by a route). */
export default fp<SwaggerPluginOptions>(
  async (app, options) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Durable Commerce API',
          version: options.version,
          description:
            'The HTTP API of Durable Commerce. Errors are RFC 9457 `application/problem+json` documents with a ' +
            'stable `code`; mutating routes accept an `Idempotency-Key`; every response carries `x-request-id`.',
        },
        servers: [
          {
            url: options.publicUrl ?? '/',
            description: options.publicUrl ? 'Public gateway' : 'This gateway',
          },
        ],
        tags: [
          { name: 'catalog', description: 'Products and collections (public, read-only)' },
          {
            name: 'orders',
            description:
              'Orders placed through the API: create, status and saga progress, timeline, cancel, returns',
          },
          {
            name: 'carts',
            description:
              'Storefront carts: each cart is a workflow, created with its first item; stock is held per line',
          },
          {
            name: 'checkouts',
            description:
              'Checkout of a cart: shipping address, payment method, review and submit (places the order)',
          },
          { name: 'admin', description: 'Back-office operations (bearer token required)' },
          { name: 'operations', description: 'Health, readiness and the API description' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description:
                'An admin API token (the bootstrap token configured as ADMIN_BOOTSTRAP_TOKEN).',
            },
          },
        },
      },
      exposeHeadRoutes: false,
      // Components keep their contract names (Problem, Money, Product) instead of def-N.
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) =>
          typeof json.$id === 'string' ? json.$id : `def-${i}`,
      },
    });
  },
  { name: 'swagger' },
);
