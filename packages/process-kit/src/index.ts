export { findWorkspaceRoot } from './workspace-root.js';
export { findWorkerApps, type WorkerApp } from './worker-apps.js';
export { bindAndRelease, findFreePort, findFreePorts } from './free-port.js';
export { withFileLock, type FileLockOptions } from './file-lock.js';
export { isProcessAlive, waitUntilProcessGone } from './process-alive.js';
export { terminateProcess } from './terminate-process.js';
export { OutputTail } from './output-tail.js';
export {
  startChildProcess,
  spawnChildProcess,
  type ChildExit,
  type ChildProcessHandle,
  type ChildProcessOptions,
} from './child-process.js';
export { runCli, type CliDefinition } from './run-cli.js';
