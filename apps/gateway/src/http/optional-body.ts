import type { preValidationHookHandler } from 'fastify';

/**
 * preValidation hook of routes whose JSON body is optional (every member optional): a request
 * without a body is validated (and handled) as `{}`. A body that is sent must still be valid.
 */
export const emptyBodyAsObject: preValidationHookHandler = (request, _reply, done) => {
  request.body ??= {};
  done();
};
