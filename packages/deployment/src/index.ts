export {
  checkWorkerPolling,
  type WorkerPollingCheck,
  type WorkerPollingOptions,
  type PollerSummary,
} from './worker-polling.js';
export { loadWorkerHealthConfig, type WorkerHealthConfig } from './config.js';
