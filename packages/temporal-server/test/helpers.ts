import { waitUntilProcessGone } from '@commerce/process-kit';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `commerce-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes an executable shell script (a stand-in binary for location tests). */
export function writeExecutable(
  dir: string,
  name: string,
  body = 'echo "temporal version 0.0.0-fake"',
): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Waits (briefly) for a PID to disappear; zombies are reaped by our own exit handler. */
export async function waitUntilGone(pid: number, timeoutMs = 5_000): Promise<boolean> {
  return await waitUntilProcessGone(pid, timeoutMs);
}
