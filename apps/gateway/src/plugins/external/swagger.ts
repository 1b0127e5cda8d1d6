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
            'stable `code` (and a `requestId`); mutating routes accept an `Idempotency-Key`; every response carries ' +
            '`x-request-id`.\n\n' +
            'Answers of any path, besides those listed per operation: 404 `route_not_found` (no such path); ' +
            '405 `method_not_allowed` with `Allow` (a known path with another method, e.g. `QUERY`); ' +
            '`OPTIONS` without CORS preflight headers answers 204 with `Allow` on a known path (404 otherwise), ' +
            'a CORS preflight (`Origin` + `Access-Control-Request-Method`) answers 204 with the CORS headers; ' +
            '414 `uri_too_long` (a path parameter over 256 characters); 431 `request_header_fields_too_large` ' +
            '(request line and headers over 16 KiB, e.g. a very long URL); 400 `bad_request` (an unparsable ' +
            'request), 501 `method_not_implemented` (a method HTTP does not know), 408 `request_timeout`. The ' +
            'last four are written before a request exists: they carry a fresh `requestId` and close the connection.',
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
