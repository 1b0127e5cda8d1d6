import { mkdir } from 'node:fs/promises';
import type { ServerLogger } from './server-logger.js';
import type { BinaryKind } from './versions.js';

/**
 * Last resort: let the Temporal SDK download its default binary (from temporal.download) into
 * `downloadDir`. The SDK only downloads as part of starting a server, so a server is started
 * and torn down at once; the binary stays behind and is then run by this package like any other
 * (own readiness wait, PID, ports). A failed start after a good download is not an error here.
 */
export async function downloadWithSdk(
  kind: BinaryKind,
  downloadDir: string,
  logger: ServerLogger,
): Promise<void> {
  await mkdir(downloadDir, { recursive: true });
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const executable = { type: 'cached-download', downloadDir } as const;
  logger.warn(
    `downloading the ${kind === 'cli' ? 'Temporal CLI' : 'time-skipping test server'} with the SDK into ${downloadDir}`,
  );
  try {
    const env =
      kind === 'cli'
        ? await TestWorkflowEnvironment.createLocal({ server: { executable } })
        : await TestWorkflowEnvironment.createTimeSkipping({ server: { executable } });
    await env.teardown();
  } catch (err) {
    logger.warn(
      `the SDK's download/start failed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
