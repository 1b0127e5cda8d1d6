import { findFreePort, startChildProcess } from '@commerce/process-kit';
import { retryOnPortClash } from './port-retry.js';
import { testServerProbe, waitUntilReady } from './readiness.js';
import type { RunningServer } from './running-server.js';
import { assertPort } from './validation.js';

export interface LaunchTimeSkippingOptions {
  /** Frontend port; a free one when absent. The test server binds it on every interface. */
  port?: number;
  readyTimeoutMs?: number;
  logFile?: string;
  /**
   * Pass `--enable-time-skipping`: time skips whenever the server is idle, from the start.
   * Default false — the SDK's mode (and `TestWorkflowEnvironment`'s): skipping stays locked
   * until a TimeSkippingClient awaits a result or calls `sleep`. With it on, time races ahead
   * while a worker is still starting and workflow tasks time out.
   */
  skipTimeFromStart?: boolean;
}

/** Starts `<executable> <port> [--enable-time-skipping]` and waits until it answers. */
export async function launchTimeSkippingServer(
  executable: string,
  options: LaunchTimeSkippingOptions = {},
): Promise<RunningServer> {
  const {
    port: requestedPort,
    readyTimeoutMs = 90_000,
    logFile,
    skipTimeFromStart = false,
  } = options;
  if (requestedPort !== undefined) assertPort('port', requestedPort);
  return await retryOnPortClash(async () => {
    // The Java test server listens on 0.0.0.0, so the port must be free on every interface.
    const port = requestedPort ?? (await findFreePort('0.0.0.0'));
    const address = `127.0.0.1:${port}`;
    const server = await startChildProcess({
      command: executable,
      args: [String(port), ...(skipTimeFromStart ? ['--enable-time-skipping'] : [])],
      ...(logFile !== undefined ? { logFile } : {}),
    });
    try {
      await waitUntilReady({
        server,
        address,
        probe: testServerProbe,
        timeoutMs: readyTimeoutMs,
        label: 'Temporal time-skipping test server',
      });
    } catch (err) {
      await server.stop();
      throw err;
    }
    return {
      address,
      namespace: 'default',
      pid: server.pid,
      ports: { frontend: port },
      executable,
      outputTail: server.outputTail,
      stop: () => server.stop(),
    };
  }, requestedPort === undefined);
}
