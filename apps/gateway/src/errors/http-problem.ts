import type { Problem } from '@commerce/contracts/common';
import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.js';

type FieldError = NonNullable<Problem['errors']>[number];

export interface HttpProblemOptions {
  errors?: FieldError[];
  /** Response headers that belong to the problem (e.g. `WWW-Authenticate`, `Allow`). */
  headers?: Record<string, string>;
  /** Extension members (RFC 9457 §3.2); the route's response schema must declare them. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/** An error that is meant to reach the client: a catalogue code plus a client-safe detail. */
export class HttpProblem extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, options: HttpProblemOptions = {}) {
    super(
      detail ?? ERROR_CATALOGUE[code].title,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'HttpProblem';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}
