/** The processor's operations that can fail transiently. */
export type PaymentOperation = 'authorize' | 'capture' | 'void' | 'refund';

/**
 * Decides whether the simulated provider is "unavailable" for one call (a retryable
 * PaymentProviderUnavailableError; nothing is recorded). `key` is the operation's idempotency
 * key, so a policy can fail a given order a fixed number of times.
 */
export interface TransientFailures {
  shouldFail(operation: PaymentOperation, key: string): boolean;
}

export const noTransientFailures: TransientFailures = { shouldFail: () => false };

/** Fails each call with probability `rate` (0..1), drawing from `random` (Math.random by default). */
export function randomTransientFailures(
  rate: number,
  random: () => number = Math.random,
): TransientFailures {
  if (!(rate >= 0 && rate <= 1))
    throw new RangeError(`failure rate must be within 0..1, got ${rate}`);
  if (rate === 0) return noTransientFailures;
  return { shouldFail: () => random() < rate };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same failures. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Fails the first `count` calls of every (operation, key) — deterministic, for tests: "the
 * provider is down for the first N attempts of this order's authorization". Limit it to some
 * operations with `operations`.
 */
export function failFirstAttempts(
  count: number,
  operations?: readonly PaymentOperation[],
): TransientFailures {
  const calls = new Map<string, number>();
  return {
    shouldFail(operation, key) {
      if (operations !== undefined && !operations.includes(operation)) return false;
      const id = `${operation} ${key}`;
      const n = (calls.get(id) ?? 0) + 1;
      calls.set(id, n);
      return n <= count;
    },
  };
}
