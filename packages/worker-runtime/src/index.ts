export { TemporalSettingsSchema, type TemporalSettings } from '@commerce/config';
export { WorkerSettingsSchema, type WorkerSettings } from './worker-settings.js';
export {
  CONFIG_ERROR_EXIT_CODE,
  defaultBundlePath,
  resolveWorkflowsPath,
  runWorkerProcess,
  type Closer,
  type TunableWorkerOptions,
  type WorkerProcessSpec,
  type WorkerSetup,
  type WorkerSetupContext,
} from './run-worker-process.js';
export {
  connectWorkerConnection,
  connectClient,
  type ConnectWorkerOptions,
  type ConnectClientOptions,
} from './connect.js';
export type { ReachabilityOptions } from './wait-until-reachable.js';
export {
  workflowSource,
  type WorkflowSource,
  type WorkflowSourceOptions,
} from './workflow-source.js';
export {
  createTemporalLogger,
  installTemporalRuntime,
  type InstallTemporalRuntimeOptions,
} from './temporal-logger.js';
export { runWorkerUntilSignal, type RunWorkerOptions } from './run-worker.js';
