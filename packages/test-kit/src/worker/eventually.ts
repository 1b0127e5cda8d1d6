export interface EventuallyOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** What is awaited, for the timeout's message. */
  what?: string;
  /** Pause between checks (default 100 ms). */
  intervalMs?: number;
}

/**
 * Calls `check` until it returns a value other than `undefined` (a thrown error counts as "not
 * yet"), and resolves with it; fails after `timeoutMs` naming `what` and the last error.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 30_000, what = 'condition', intervalMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`, {
        cause: last,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
