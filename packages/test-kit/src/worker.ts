// @commerce/test-kit/worker — the worker test harness of every domain app.
export { installQuietTemporalRuntime } from './worker/quiet-runtime.js';
export { workflowBundle } from './worker/workflow-bundle.js';
export {
  startTestWorker,
  type StartTestWorkerOptions,
  type TestWorker,
} from './worker/test-worker.js';
export { createTestNamespace } from './worker/test-namespace.js';
export { eventually, type EventuallyOptions } from './worker/eventually.js';
export { acceptedUpdates } from './worker/updates.js';
export {
  checkWorkflowExports,
  expectWorkflowBundle,
  NODE_ONLY_IN_BUNDLE,
} from './worker/workflow-exports.js';
