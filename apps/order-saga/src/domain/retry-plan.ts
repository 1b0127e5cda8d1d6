/**
 * How the saga retries one operation. The saga runs each activity attempt itself (the activity's
 * own retry policy allows one attempt) so every attempt and the last error are visible in the
 * saga's query while it is still retrying.
 */
export interface RetryPlan {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  /** Attempts in all; absent = until it succeeds (compensations). */
  maximumAttempts?: number;
  /** Failure types never worth another attempt (besides failures raised as non-retryable). */
  nonRetryableTypes?: readonly string[];
}

/** The wait after failed attempt `attempt` (1-based): initial × coefficient^(attempt-1), capped. */
export function backoffMs(plan: RetryPlan, attempt: number): number {
  const raw = plan.initialIntervalMs * plan.backoffCoefficient ** Math.max(0, attempt - 1);
  return Math.min(plan.maximumIntervalMs, Math.round(raw));
}

/** True when another attempt is allowed after `attempt` attempts failed. */
export const attemptsLeft = (plan: RetryPlan, attempt: number): boolean =>
  plan.maximumAttempts === undefined || attempt < plan.maximumAttempts;

// ---- the saga's plans ------------------------------------------------------------------------

/** Payment steps (authorize, capture): 1 s, ×2, 30 s cap, 5 attempts; declines and invalid cards are final. */
export const PAYMENT_RETRY: RetryPlan = {
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 30_000,
  maximumAttempts: 5,
  nonRetryableTypes: ['PaymentDeclinedError', 'InvalidCardError'],
};

/** Other forward steps (hold, confirm, hand to OMS): 1 s, ×2, 30 s cap, 10 attempts (about 2.5 min). */
export const STEP_RETRY: RetryPlan = {
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 30_000,
  maximumAttempts: 10,
};

/**
 * Compensations: until they succeed, 1 s, ×2, capped at 5 minutes — a compensation that keeps
 * failing costs a handful of history events per attempt, so the cap keeps a days-long outage
 * well inside a workflow's history limit while the query shows every attempt and the last error.
 */
export const COMPENSATION_RETRY: RetryPlan = {
  initialIntervalMs: 1_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 300_000,
};
