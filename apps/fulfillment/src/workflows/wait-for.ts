import { condition } from '@temporalio/workflow';

/** Waits up to `ms` for `fn` to hold; true when it did (a zero wait just looks). */
export async function waitFor(fn: () => boolean, ms: number): Promise<boolean> {
  if (ms <= 0) return fn();
  return await condition(fn, ms);
}
