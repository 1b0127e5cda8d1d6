import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../../errors/http-problem.js';
import { problemTypeUri, ERROR_CATALOGUE } from '../../errors/error-catalogue.js';
import { toHttpProblem } from '../../errors/to-http-problem.js';
import { PROBLEM_CONTENT_TYPE } from '../../http/error-responses.js';

const pathOf = (url: string): string => url.split('?', 1)[0] ?? url;

/** Writes a problem+json response for `problem`. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      ...problem.extensions,
      type: problemTypeUri(problem.code),
      title: ERROR_CATALOGUE[problem.code].title,
      status: problem.status,
      ...(problem.detail === undefined ? {} : { detail: problem.detail }),
      code: problem.code,
      instance: pathOf(request.url),
      requestId: request.id,
      ...(problem.errors === undefined ? {} : { errors: problem.errors }),
    });
}

/** A route pattern compiled to match concrete paths (for 405 detection). */
function patternToRegExp(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The one error handler and the one not-found handler: everything the gateway answers with an
 * error status is problem+json. Unknown paths are 404 `route_not_found`; a known path with
 * another method is 405 `method_not_allowed` with `Allow`.
 */
export default fp(
  (app, _options, done) => {
    const routes: { pattern: RegExp; methods: Set<string> }[] = [];
    app.addHook('onRoute', (route) => {
      if (route.url.includes('*')) return;
      const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) =>
        m.toUpperCase(),
      );
      const known = routes.find((r) => r.pattern.source === patternToRegExp(route.url).source);
      if (known) methods.forEach((m) => known.methods.add(m));
      else routes.push({ pattern: patternToRegExp(route.url), methods: new Set(methods) });
    });

    app.setErrorHandler((error, request, reply) => {
      const problem = toHttpProblem(error);
      if (problem.code === 'internal_error') {
        request.log.error({ err: error, code: problem.code }, 'request failed');
      } else if (problem.status >= 500) {
        const cause = problem.cause instanceof Error ? problem.cause.message : undefined;
        request.log.warn({ code: problem.code, cause }, problem.detail ?? problem.message);
      } else {
        request.log.info(
          { code: problem.code, status: problem.status },
          problem.detail ?? problem.message,
        );
      }
      return sendProblem(request, reply, problem);
    });

    app.setNotFoundHandler((request, reply) => {
      const path = pathOf(request.url);
      const allowed = new Set<string>();
      for (const route of routes) {
        if (route.pattern.test(path)) route.methods.forEach((m) => allowed.add(m));
      }
      allowed.delete('OPTIONS');
      if (allowed.size > 0 && !allowed.has(request.method)) {
        const allow = [...allowed].sort().join(', ');
        return sendProblem(
          request,
          reply,
          new HttpProblem(
            'method_not_allowed',
            `${request.method} is not allowed on ${path}; use ${allow}.`,
            {
              headers: { allow },
            },
          ),
        );
      }
      return sendProblem(
        request,
        reply,
        new HttpProblem('route_not_found', `No route matches ${request.method} ${path}.`),
      );
    });
    done();
  },
  { name: 'error-handler' },
);
