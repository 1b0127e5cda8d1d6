import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';

export const HISTORIES_DIR = fileURLToPath(new URL('../workflows/histories/', import.meta.url));

/** Set RECORD_HISTORIES=1 to (re)write the committed histories that the replay test replays. */
export const recordingHistories = process.env.RECORD_HISTORIES === '1';

/** Saves the history of a workflow as test/workflows/histories/<name>.json (when recording). */
export async function recordHistory(
  client: Client,
  name: string,
  workflowId: string,
): Promise<void> {
  if (!recordingHistories) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(`${HISTORIES_DIR}${name}.json`, `${historyToJSON(history)}\n`);
}
