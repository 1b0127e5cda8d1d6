import type { Problem } from '@commerce/contracts/common';

type FieldError = NonNullable<Problem['errors']>[number];

export type ValidationContext = 'body' | 'querystring' | 'params' | 'headers';

/** The subset of an Ajv error object the gateway reads. */
export interface ValidationIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Turns Ajv errors into problem `errors[]`: `path` is a JSON pointer rooted at the request part
 * (`/body/onHand`, `/querystring/limit`, `/params/sku`), `message` says what is wrong.
 */
export function validationErrors(
  issues: readonly ValidationIssue[],
  context: ValidationContext | undefined,
): FieldError[] {
  const root = `/${context ?? 'request'}`;
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    let path = `${root}${issue.instancePath}`;
    let message = issue.message ?? 'is invalid';
    if (
      issue.keyword === 'additionalProperties' &&
      typeof issue.params.additionalProperty === 'string'
    ) {
      path = `${path}/${escapePointer(issue.params.additionalProperty)}`;
      message = context === 'body' ? 'unknown field' : 'unknown parameter';
    } else if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      path = `${path}/${escapePointer(issue.params.missingProperty)}`;
      message = 'is required';
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}
