import cors from '@fastify/cors';
import fp from 'fastify-plugin';

export interface CorsPluginOptions {
  /** '*' or an explicit list of allowed origins. */
  origins: '*' | readonly string[];
}

export default fp<CorsPluginOptions>(
  async (app, options) => {
    await app.register(cors, {
      origin: options.origins === '*' ? '*' : [...options.origins],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
      exposedHeaders: [
        'x-request-id',
        'idempotent-replayed',
        'www-authenticate',
        'retry-after',
        'allow',
      ],
      maxAge: 600,
    });
  },
  { name: 'cors' },
);
