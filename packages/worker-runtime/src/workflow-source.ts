import { existsSync } from 'node:fs';
import type { WorkerOptions } from '@temporalio/worker';

export interface WorkflowSourceOptions {
  /** The workflows entry (`src/workflows/index.ts` in development, its dist twin in production). */
  workflowsPath: string;
  /** The prebuilt bundle written by `buildWorkflowBundle` in the app's build step. */
  bundlePath: string;
  /** Fail instead of bundling at start-up when the bundle is missing (production). */
  requireBundle?: boolean;
}

export type WorkflowSource = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;

/**
 * What to spread into `Worker.create`: the prebuilt bundle when its file exists, else the
 * workflows path (the SDK bundles on start — fine for development and tests).
 */
export function workflowSource(options: WorkflowSourceOptions): WorkflowSource {
  const { workflowsPath, bundlePath, requireBundle = false } = options;
  if (existsSync(bundlePath)) return { workflowBundle: { codePath: bundlePath } };
  if (requireBundle) {
    throw new Error(
      `workflow bundle ${bundlePath} is missing; build it (buildWorkflowBundle) before starting the worker`,
    );
  }
  if (!existsSync(workflowsPath)) {
    throw new Error(
      `neither the workflow bundle ${bundlePath} nor the workflows entry ${workflowsPath} exists`,
    );
  }
  return { workflowsPath };
}
