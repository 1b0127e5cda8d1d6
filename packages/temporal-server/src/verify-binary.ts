import { launchTimeSkippingServer } from './launch-test-server.js';
import { outputOf, runCommand } from './run-command.js';
import type { BinaryKind } from './versions.js';

/** `temporal --version` output, e.g. "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)". */
export async function temporalCliVersion(executable: string): Promise<string> {
  const result = await runCommand(executable, ['--version'], 60_000);
  const line = result.stdout.trim().split('\n')[0] ?? '';
  if (result.code !== 0 || !/^temporal version /.test(line)) {
    throw new Error(
      `${executable} --version did not answer like the Temporal CLI (exit ${result.code}): ${outputOf(result)}`,
    );
  }
  return line;
}

/**
 * Proves a freshly installed binary runs. The CLI answers `--version`; the test server has no
 * version flag, so it is started on a free port until it answers gRPC, then stopped.
 */
export async function verifyBinary(kind: BinaryKind, executable: string): Promise<string> {
  if (kind === 'cli') return await temporalCliVersion(executable);
  const server = await launchTimeSkippingServer(executable, { readyTimeoutMs: 60_000 });
  await server.stop();
  return `temporal-test-server answered on ${server.address}`;
}
