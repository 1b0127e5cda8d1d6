import { ProblemSchema } from '@commerce/contracts/common/schemas';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors/error-catalogue.js';
import { shared } from './shared-schemas.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const problemRef = shared(ProblemSchema);

/** Errors every route can answer with. */
const ALWAYS: readonly ErrorCode[] = ['internal_error'];

/**
 * Response entries for a route's error cases, grouped by status: each documents the problem+json
 * body and lists the codes the route can return with that status.
 */
export function errorResponses(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...codes, ...ALWAYS]) {
    const { status } = ERROR_CATALOGUE[code];
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  }
  const responses: Record<
    number,
    { description: string; content: Record<string, { schema: typeof problemRef }> }
  > = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: `Problem (${list.map((c) => `\`${c}\``).join(', ')})`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemRef } },
    };
  }
  return responses;
}

/** Validation and framework errors every route with parameters or a body can answer with. */
export const REQUEST_ERRORS: readonly ErrorCode[] = ['validation_failed'];
export const BODY_ERRORS: readonly ErrorCode[] = [
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
];
