import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { readHistoriesTestConfig } from './histories/config.js';

// @commerce/test-kit/histories — the committed workflow histories that an app's replay test replays.

export interface WorkflowHistories {
  /** The histories folder, ending in a path separator (`${dir}${file}` is a file of it). */
  dir: string;
  /** Whether `record` writes: RECORD_HISTORIES=1 (unless `recording` was given). */
  recording: boolean;
  /** Saves the history of a workflow run as `<dir>/<name>.json` when recording; else does nothing. */
  record: (client: Client, name: string, workflowId: string, runId?: string) => Promise<void>;
}

export interface WorkflowHistoriesOptions {
  /** Default: the environment's RECORD_HISTORIES is `1`. */
  recording?: boolean;
}

/**
 * The histories of an app's workflows in `dir` (e.g. `new URL('../workflows/histories/',
 * import.meta.url)`). Workflow tests call `record(...)` after a run worth replaying; set
 * RECORD_HISTORIES=1 to (re)write the files, then commit them.
 */
export function workflowHistories(
  dir: string | URL,
  options: WorkflowHistoriesOptions = {},
): WorkflowHistories {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const folder = path.endsWith(sep) || path.endsWith('/') ? path : `${path}${sep}`;
  const recording = options.recording ?? readHistoriesTestConfig().recordHistories;
  return {
    dir: folder,
    recording,
    async record(client, name, workflowId, runId) {
      if (!recording) return;
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${name}.json`), `${historyToJSON(history)}\n`);
    },
  };
}
