import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../../errors/http-problem.js';
import { problemTypeUri, ERROR_CATALOGUE } from '../../errors/error-catalogue.js';
import { toHttpProblem } from '../../errors/to-http-problem.js';
import { PROBLEM_CONTENT_TYPE } from '../../http/error-responses.js';
import { REQUEST_ID_HEADER } from './request-id.js';

const pathOf = (url: string): string => url.split('?', 1)[0] ?? url;

/** Writes a problem+json response for `problem`. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: HttpProblem,
): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  // Also here: framework errors (a bad URL, an over-long path parameter) skip the onRequest hooks.
  reply.header(REQUEST_ID_HEADER, request.id);
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

/** Node's parser errors (before any request exists) → the problem the client gets. */
function clientErrorProblem(code: string | undefined): HttpProblem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new HttpProblem(
        'request_header_fields_too_large',
        'The request line (URL) and headers together exceed 16 KiB.',
      );
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new HttpProblem('request_timeout', 'The request was not received in time.');
    case 'HPE_INVALID_METHOD':
      return new HttpProblem('method_not_implemented', 'The request method is not recognised.');
    default:
      return new HttpProblem('bad_request', 'The HTTP request could not be parsed.');
  }
}

/**
 * Fastify's `clientErrorHandler`: answers what Node's HTTP parser refuses before Fastify sees a
 * request (e.g. a URL that makes the request head exceed `maxHeaderSize`, 16 KiB → 431) with a
 * problem+json document carrying a fresh request id (also in `x-request-id` and the log line),
 * then closes the connection.
 */
export function clientErrorHandler(
  this: { log: FastifyBaseLogger },
  error: Error & { code?: string },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = clientErrorProblem(error.code);
  const requestId = randomUUID();
  this.log.info(
    { requestId, code: problem.code, status: problem.status, parserError: error.code },
    problem.detail ?? problem.message,
  );
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const body = JSON.stringify({
    type: problemTypeUri(problem.code),
    title: ERROR_CATALOGUE[problem.code].title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    requestId,
  });
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
      `content-type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
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

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods the gateway's routes answer on `path` (HEAD and OPTIONS included), sorted. */
    allowedMethods(path: string): string[];
  }
}

/**
 * The 404 / 405 answer of a request no route took. A known path with another method (also a
 * method Fastify parses but no route uses, e.g. `QUERY`, `PROPFIND`) is 405 `method_not_allowed`
 * with `Allow`; anything else is 404 `route_not_found`.
 */
function notFoundProblem(app: FastifyInstance, request: FastifyRequest): HttpProblem {
  const path = pathOf(request.url);
  const allowed = app.allowedMethods(path);
  if (allowed.length > 0 && !allowed.includes(request.method)) {
    const allow = allowed.join(', ');
    return new HttpProblem(
      'method_not_allowed',
      `${request.method} is not allowed on ${path}; use ${allow}.`,
      { headers: { allow } },
    );
  }
  return new HttpProblem('route_not_found', `No route matches ${request.method} ${path}.`);
}

/**
 * The one error handler and the one not-found handler: everything the gateway answers with an
 * error status is problem+json. Unknown paths are 404 `route_not_found`; a known path with
 * another method is 405 `method_not_allowed` with `Allow`. The not-found answer is given in a
 * `preParsing` hook, i.e. before Fastify looks at the body of a request no route takes (so a
 * `QUERY` without Content-Type is a 405, not Fastify's 400 "missing content type").
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

    app.decorate('allowedMethods', (path: string): string[] => {
      const allowed = new Set<string>();
      for (const route of routes) {
        if (route.pattern.test(path)) route.methods.forEach((m) => allowed.add(m));
      }
      if (allowed.size === 0) return [];
      if (allowed.has('GET')) allowed.add('HEAD');
      allowed.add('OPTIONS');
      return [...allowed].sort();
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

    // Requests no route takes are answered before their body is looked at.
    app.addHook('preParsing', (request, reply, payload, next) => {
      if (!request.is404) {
        next(null, payload);
        return;
      }
      void sendProblem(request, reply, notFoundProblem(app, request));
    });

    app.setNotFoundHandler((request, reply) => sendProblem(request, reply, notFoundProblem(app, request)));
    done();
  },
  { name: 'error-handler' },
);
