import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '@commerce/logging';

export interface ReachabilityOptions {
  address: string;
  /** Keep retrying this long before giving up (a worker often starts before its server). */
  readyTimeoutMs?: number;
  logger?: Logger;
  /** Stops the retries (e.g. on shutdown during start-up). */
  abortSignal?: AbortSignal;
}

/**
 * Calls `connect` until it succeeds, with back-off from 250 ms up to 2 s, logging the first
 * failure and then every tenth. Fails with the address and the last error after the timeout.
 */
export async function retryUntilReachable<T>(
  what: string,
  connect: () => Promise<T>,
  options: ReachabilityOptions,
): Promise<T> {
  const { address, readyTimeoutMs = 60_000, logger, abortSignal } = options;
  const deadline = Date.now() + readyTimeoutMs;
  let wait = 250;
  for (let attempt = 1; ; attempt++) {
    abortSignal?.throwIfAborted();
    try {
      const result = await connect();
      if (attempt > 1) logger?.info({ address, attempt }, `${what} connected`);
      return result;
    } catch (err) {
      if (Date.now() + wait > deadline) {
        throw new Error(
          `cannot reach Temporal at ${address} for ${what} within ${readyTimeoutMs} ms (${attempt} attempts): ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      if (attempt === 1 || attempt % 10 === 0) {
        logger?.warn({ address, attempt, err }, `Temporal not reachable yet for ${what}; retrying`);
      }
    }
    try {
      await delay(wait, undefined, abortSignal ? { signal: abortSignal } : {});
    } catch (err) {
      abortSignal?.throwIfAborted(); // surface the caller's reason, not a generic AbortError
      throw err;
    }
    wait = Math.min(wait * 2, 2_000);
  }
}
