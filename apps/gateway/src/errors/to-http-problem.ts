import type { FastifyError } from 'fastify';
import { codeForFailureType } from './failure-codes.js';
import { HttpProblem } from './http-problem.js';
import { findApplicationFailure, isTemporalUnavailable } from './temporal-errors.js';
import {
  validationErrors,
  type ValidationContext,
  type ValidationIssue,
} from './validation-errors.js';

type MaybeFastifyError = Partial<FastifyError> & {
  validation?: ValidationIssue[];
  validationContext?: ValidationContext;
};

const FASTIFY_CODES: Readonly<Record<string, ConstructorParameters<typeof HttpProblem>[0]>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

const CLIENT_SAFE_DETAIL: Partial<Record<string, string>> = {
  unsupported_media_type: 'The request body must be sent as application/json.',
  malformed_json: 'The request body is not valid JSON.',
  uri_too_long: 'A path parameter is longer than 256 characters.',
};

/**
 * Classifies any error thrown while handling a request into a client-facing problem. Only
 * HttpProblems, framework 4xx errors and known domain failures keep a detail; everything else
 * becomes a generic 500 whose message and stack stay in the log.
 */
export function toHttpProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as MaybeFastifyError;

  if (Array.isArray(e.validation)) {
    const errors = validationErrors(e.validation, e.validationContext);
    const summary = errors.map((x) => `${x.path} ${x.message}`).join('; ');
    return new HttpProblem(
      'validation_failed',
      `Invalid ${e.validationContext ?? 'request'}: ${summary}`,
      {
        errors,
        cause: error,
      },
    );
  }

  const fastifyCode = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (fastifyCode)
    return new HttpProblem(fastifyCode, CLIENT_SAFE_DETAIL[fastifyCode] ?? e.message, {
      cause: error,
    });
  if (error instanceof SyntaxError && e.statusCode === 400) {
    return new HttpProblem('malformed_json', CLIENT_SAFE_DETAIL.malformed_json, { cause: error });
  }
  if (
    typeof e.code === 'string' &&
    e.code.startsWith('FST_') &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500
  ) {
    if (e.statusCode === 413)
      return new HttpProblem('payload_too_large', e.message, { cause: error });
    if (e.statusCode === 415)
      return new HttpProblem('unsupported_media_type', e.message, { cause: error });
    return new HttpProblem('bad_request', e.message, { cause: error });
  }

  const failure = findApplicationFailure(error);
  const failureCode = codeForFailureType(failure?.type);
  if (failure && failureCode)
    return new HttpProblem(failureCode, failure.message, { cause: error });

  if (isTemporalUnavailable(error)) {
    return new HttpProblem(
      'temporal_unavailable',
      'The workflow service cannot be reached; retry later.',
      {
        headers: { 'retry-after': '5' },
        cause: error,
      },
    );
  }
  return new HttpProblem(
    'internal_error',
    'An unexpected error occurred. Quote the requestId when reporting it.',
    {
      cause: error,
    },
  );
}
