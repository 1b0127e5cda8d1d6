import { IllegalStateError } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

/**
 * Installs the SDK Runtime for a test process with warnings and errors only (SDK and core logs),
 * once. When the process already has a Runtime (a test that ran `installTemporalRuntime` or
 * started a worker first), that one is kept.
 */
export function installQuietTemporalRuntime(): void {
  if (installed) return;
  try {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      shutdownSignals: [],
      telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
    });
  } catch (err) {
    if (!(err instanceof IllegalStateError)) throw err;
  }
  installed = true;
}
