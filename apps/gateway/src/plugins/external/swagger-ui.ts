import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** Swagger UI at /docs, served from the assets bundled with @fastify/swagger-ui (no CDN). */
export default fp(
  async (app) => {
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiConfig: { deepLinking: true, displayRequestDuration: true, persistAuthorization: true },
    });
  },
  { name: 'swagger-ui', dependencies: ['swagger'] },
);
