import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { HttpProblem } from '../../errors/http-problem.js';
import type { IdempotencyScope, IdempotencyStore } from '../../idempotency/idempotency-store.js';
import {
  canonicalJson,
  fingerprintRequest,
  sha256Hex,
} from '../../idempotency/request-fingerprint.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route accepts an `Idempotency-Key` header: retries with the same key replay the first response. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** Set when the request carries an Idempotency-Key and is the attempt that runs. */
    idempotency: IdempotencyContext | null;
  }
}

export interface IdempotencyContext {
  scope: IdempotencyScope;
  attempt: string;
  requestHash: string;
  /**
   * A stable id derived from principal, route, key and request fingerprint: use it for workflow and
   * update ids so a retried request maps onto the same execution and never applies twice.
   */
  derivedId: string;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

export const IdempotencyKeySchema = Type.String({
  minLength: 1,
  maxLength: 255,
  pattern: '^[\\x20-\\x7E]+$',
  description:
    'Client-chosen key (1-255 printable ASCII characters). Retrying with the same key and body returns the ' +
    'first response (with `idempotent-replayed: true`); the same key with a different request is refused with 422.',
});

export interface IdempotencyPluginOptions {
  store: IdempotencyStore;
  /** How often expired keys are deleted (default hourly; they are ignored once expired anyway). */
  purgeIntervalMs?: number;
}

function withIdempotencyHeader(headers: TSchema | undefined): TObject {
  const existing = (headers ?? Type.Object({})) as TObject;
  return Type.Object(
    { ...existing.properties, [IDEMPOTENCY_KEY_HEADER]: Type.Optional(IdempotencyKeySchema) },
    { additionalProperties: true },
  );
}

/**
 * Idempotency-Key support as a route option (`config: { idempotent: true }`): the header is added
 * to the route's schema (validated and documented), the first attempt runs and its response is
 * stored; a retry replays it, a different request under the same key gets 422, a retry while the
 * first still runs gets 409. 5xx outcomes are forgotten so the client may retry; 4xx are kept.
 */
export default fp<IdempotencyPluginOptions>(
  (app, options, done) => {
    const { store, purgeIntervalMs = 3600_000 } = options;
    app.decorateRequest('idempotency', null);

    app.addHook('onRoute', (route) => {
      if (route.config?.idempotent !== true) return;
      route.schema = {
        ...route.schema,
        headers: withIdempotencyHeader(route.schema?.headers as TSchema | undefined),
      };
    });

    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.config.idempotent !== true) return;
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      if (key === undefined) return;
      if (typeof key !== 'string')
        throw new HttpProblem('validation_failed', 'Send exactly one Idempotency-Key header.');
      const scope: IdempotencyScope = {
        principal: request.principal,
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        key,
      };
      const requestHash = fingerprintRequest(request);
      const begun = await store.begin(scope, requestHash);
      switch (begun.outcome) {
        case 'started':
          request.idempotency = {
            scope,
            attempt: begun.attempt,
            requestHash,
            derivedId: sha256Hex(canonicalJson({ ...scope, requestHash })).slice(0, 40),
          };
          return;
        case 'replay':
          request.log.info(
            { idempotencyKey: key, status: begun.response.status },
            'replaying stored response',
          );
          reply.code(begun.response.status).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
          if (begun.response.contentType) reply.type(begun.response.contentType);
          return reply.send(begun.response.body);
        case 'in_progress':
          throw new HttpProblem(
            'idempotency_request_in_progress',
            'The first request with this Idempotency-Key has not finished yet; retry shortly.',
            { headers: { 'retry-after': '1' } },
          );
        case 'mismatch':
          throw new HttpProblem(
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different request; use a new key for a new request.',
          );
      }
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const context = request.idempotency;
      if (!context) return payload;
      request.idempotency = null;
      if (reply.statusCode >= 500 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
        await store.release(context.scope, context.attempt);
        return payload;
      }
      const contentType = reply.getHeader('content-type');
      await store.complete(context.scope, context.attempt, {
        status: reply.statusCode,
        body: typeof payload === 'string' ? payload : payload.toString('utf8'),
        contentType: typeof contentType === 'string' ? contentType : null,
      });
      return payload;
    });

    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', (next) => {
      timer = setInterval(() => {
        store
          .purgeExpired()
          .catch((err: unknown) =>
            app.log.warn({ err }, 'purging expired idempotency keys failed'),
          );
      }, purgeIntervalMs);
      timer.unref();
      next();
    });
    app.addHook('onClose', (_instance, next) => {
      if (timer) clearInterval(timer);
      next();
    });
    done();
  },
  { name: 'idempotency', dependencies: ['admin-auth'] },
);
