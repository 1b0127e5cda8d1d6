import { ApplicationFailure, isGrpcServiceError } from '@temporalio/client';

// gRPC status codes that mean "the Temporal frontend could not be reached in time".
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** The error and its `cause` chain (bounded, cycle-safe). */
function* causeChain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && seen.size < 16) {
    seen.add(current);
    yield current;
    current = current instanceof Error ? current.cause : undefined;
  }
}

/** The innermost-first ApplicationFailure with a `type` anywhere in the cause chain. */
export function findApplicationFailure(error: unknown): ApplicationFailure | undefined {
  let found: ApplicationFailure | undefined;
  for (const link of causeChain(error)) {
    if (link instanceof ApplicationFailure && link.type) found = link;
  }
  return found;
}

/** True when the error (or a cause) is a gRPC failure meaning the Temporal service is unreachable. */
export function isTemporalUnavailable(error: unknown): boolean {
  for (const link of causeChain(error)) {
    if (
      isGrpcServiceError(link) &&
      [GRPC_UNAVAILABLE, GRPC_DEADLINE_EXCEEDED].includes(Number(link.code))
    )
      return true;
  }
  return false;
}
