import { withFileLock, type FileLockOptions } from '@commerce/process-kit';

export type InstallLockOptions = FileLockOptions;

/**
 * Runs `fn` while holding the cross-process install lock at `lockPath` (process-kit's file lock),
 * waiting up to 20 min for another holder by default: a cold Maven download takes ~1 min.
 */
export async function withInstallLock<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: InstallLockOptions = {},
): Promise<T> {
  return await withFileLock(lockPath, fn, { timeoutMs: 20 * 60_000, pollMs: 200, ...options });
}
