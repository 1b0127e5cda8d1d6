import fp from 'fastify-plugin';
import { HttpProblem } from '../../errors/http-problem.js';
import { sendProblem } from './error-handler.js';

const pathOf = (url: string): string => url.split('?', 1)[0] ?? url;

/**
 * `OPTIONS` that is not a CORS preflight (no `Origin` or no `Access-Control-Request-Method`):
 * RFC 9110 §9.3.7 — 204 with `Allow` listing the methods of a known path, 404 problem+json
 * (`route_not_found`) for an unknown one. Without this, the CORS plugin's strict preflight check
 * answers such a request 400 text/plain. Registered before the CORS plugin so it runs first;
 * real preflights go on to the CORS plugin.
 */
export default fp(
  (app, _options, done) => {
    app.addHook('onRequest', (request, reply, next) => {
      if (
        request.method !== 'OPTIONS' ||
        (request.headers.origin !== undefined &&
          request.headers['access-control-request-method'] !== undefined)
      ) {
        next();
        return;
      }
      const path = pathOf(request.url);
      const allowed = app.allowedMethods(path);
      if (allowed.length === 0) {
        void sendProblem(
          request,
          reply,
          new HttpProblem('route_not_found', `No route matches OPTIONS ${path}.`),
        );
        return;
      }
      void reply.code(204).header('allow', allowed.join(', ')).send();
    });
    done();
  },
  { name: 'options-requests', dependencies: ['error-handler', 'request-id'] },
);
