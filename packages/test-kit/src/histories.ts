import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import {
  historyFromJSON,
  historyToJSON,
  type History,
} from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { readHistoriesTestConfig } from './histories/config.js';
import { installQuietTemporalRuntime } from './worker/quiet-runtime.js';
import { workflowBundle } from './worker/workflow-bundle.js';

// @commerce/test-kit/histories — the committed workflow histories that an app's replay test replays.

export interface WorkflowHistories {
  /** The histories folder, ending in a path separator (`${dir}${file}` is a file of it). */
  dir: string;
  /** Whether `record` writes: RECORD_HISTORIES=1 (unless `recording` was given). */
  recording: boolean;
  /** Saves the history of a workflow run as `<dir>/<name>.json` when recording; else does nothing. */
  record: (client: Client, name: string, workflowId: string, runId?: string) => Promise<void>;
  /** The committed histories' file names (`*.json`), sorted. */
  files: () => string[];
  /** A committed history (`<name>.json` of the folder), parsed. */
  load: (file: string) => History;
  /**
   * Replays a committed history with the workflows of `workflowsPath` (bundled once per path) and
   * answers it; a non-deterministic change of the code makes it throw.
   */
  replay: (file: string, workflowsPath: string) => Promise<History>;
}

export interface WorkflowHistoriesOptions {
  /** Default: the environment's RECORD_HISTORIES is `1`. */
  recording?: boolean;
}

/**
 * The histories of an app's workflows in `dir` (e.g. `new URL('../workflows/histories/',
 * import.meta.url)`). Workflow tests call `record(...)` after a run worth replaying; set
 * RECORD_HISTORIES=1 to (re)write the files, then commit them. The replay test replays every
 * one of `files()` with today's code (`replay`).
 */
export function workflowHistories(
  dir: string | URL,
  options: WorkflowHistoriesOptions = {},
): WorkflowHistories {
  const path = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const folder = path.endsWith(sep) || path.endsWith('/') ? path : `${path}${sep}`;
  const recording = options.recording ?? readHistoriesTestConfig().recordHistories;
  const load = (file: string): History =>
    historyFromJSON(JSON.parse(readFileSync(join(folder, file), 'utf8')));
  return {
    dir: folder,
    recording,
    async record(client, name, workflowId, runId) {
      if (!recording) return;
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${name}.json`), `${historyToJSON(history)}\n`);
    },
    files: () =>
      readdirSync(folder)
        .filter((file) => file.endsWith('.json'))
        .sort(),
    load,
    async replay(file, workflowsPath) {
      installQuietTemporalRuntime();
      const history = load(file);
      await Worker.runReplayHistory(
        { workflowBundle: await workflowBundle(workflowsPath) },
        history,
        file.replace(/\.json$/, ''),
      );
      return history;
    },
  };
}
