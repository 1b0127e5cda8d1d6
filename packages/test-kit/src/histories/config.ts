/** What the histories kit reads from the environment (the only reader in this area). */
export interface HistoriesTestConfig {
  /** RECORD_HISTORIES=1: workflow tests (re)write the committed histories. */
  recordHistories: boolean;
}

export function readHistoriesTestConfig(
  env: Record<string, string | undefined> = process.env,
): HistoriesTestConfig {
  return { recordHistories: env.RECORD_HISTORIES?.trim() === '1' };
}
