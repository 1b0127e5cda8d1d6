import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem } from '../../errors/http-problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: `anonymous`, or the authenticated principal (scopes idempotency keys). */
    principal: string;
  }
  interface FastifyInstance {
    /** onRequest hook for admin routes: requires `Authorization: Bearer <admin token>`. */
    authenticateAdmin: onRequestHookHandler;
  }
}

export interface AdminAuthOptions {
  bootstrapToken: string;
}

export const ADMIN_PRINCIPAL = 'admin:bootstrap';
export const ADMIN_SECURITY = [{ bearerAuth: [] }];

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const BEARER = /^Bearer +([\x21-\x7E]+) *$/i;

/**
 * Admin authentication with the bootstrap token. Digests of equal length are compared in
 * constant time; a missing and a wrong token get the same answer, so nothing leaks.
 */
export default fp<AdminAuthOptions>(
  (app, options, done) => {
    const expected = digest(options.bootstrapToken);
    app.decorateRequest('principal', 'anonymous');
    const authenticateAdmin: onRequestHookHandler = (request, _reply, next) => {
      const header = request.headers.authorization;
      const presented = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
      const matches = timingSafeEqual(digest(presented ?? ''), expected) && presented !== undefined;
      if (!matches) {
        next(
          new HttpProblem('unauthenticated', 'A valid admin bearer token is required.', {
            headers: { 'www-authenticate': 'Bearer realm="durable-commerce-admin"' },
          }),
        );
        return;
      }
      request.principal = ADMIN_PRINCIPAL;
      next();
    };
    app.decorate('authenticateAdmin', authenticateAdmin);
    done();
  },
  { name: 'admin-auth' },
);
