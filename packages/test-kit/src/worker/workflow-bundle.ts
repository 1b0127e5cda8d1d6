import {
  bundleWorkflowCode,
  DefaultLogger,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { installQuietTemporalRuntime } from './quiet-runtime.js';

const bundles = new Map<string, Promise<WorkflowBundleWithSourceMap>>();

/**
 * The workflows at `workflowsPath` (an app's `src/workflows/index.ts`) bundled once per test file
 * and path: every worker of a file reuses the bundle instead of paying webpack again.
 */
export function workflowBundle(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  installQuietTemporalRuntime();
  let bundle = bundles.get(workflowsPath);
  if (bundle === undefined) {
    bundle = bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
    // A failed bundle is not cached: the next caller sees the error afresh.
    bundle.catch(() => bundles.delete(workflowsPath));
    bundles.set(workflowsPath, bundle);
  }
  return bundle;
}
