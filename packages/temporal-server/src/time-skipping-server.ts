import { ensureBinary, type EnsureBinaryOptions } from './install-binaries.js';
import { launchTimeSkippingServer, type LaunchTimeSkippingOptions } from './launch-test-server.js';
import type { RunningServer } from './running-server.js';
import { assertTimeout } from './validation.js';

export type TimeSkippingServerOptions = LaunchTimeSkippingOptions & EnsureBinaryOptions;

/**
 * Starts the time-skipping test server (`temporal-test-server <port>`, found or installed like
 * the CLI) and resolves once it answers gRPC. Time skipping is driven by the SDK's
 * TimeSkippingClient (see `skipTimeFromStart` for the always-skipping mode).
 */
export async function startTimeSkippingServer(
  options: TimeSkippingServerOptions = {},
): Promise<RunningServer> {
  if (options.readyTimeoutMs !== undefined) assertTimeout('readyTimeoutMs', options.readyTimeoutMs);
  const { path } = await ensureBinary('test-server', options);
  return await launchTimeSkippingServer(path, options);
}
