export { TemporalSettingsSchema, type TemporalSettings } from './temporal-settings.js';
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
