import { waitUntilProcessGone } from '@commerce/process-kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { javaStatus } from '../src/java.js';

/** These suites need a JDK 17: without one they skip with the reason, except under CI=true. */
export async function javaSkipReason(): Promise<string | undefined> {
  const status = await javaStatus();
  if (status.ok) return undefined;
  if (process.env.CI === 'true') throw new Error(`CI=true and no usable Java: ${status.reason}`);
  return status.reason;
}

export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `commerce-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Waits for a PID to disappear. */
export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  return await waitUntilProcessGone(pid, timeoutMs, 100);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
