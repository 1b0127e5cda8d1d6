import { bindAndRelease } from '@commerce/process-kit';

export const LOOPBACK = '127.0.0.1';

/** A port the caller asked for is taken: said before a JVM is started for nothing. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly purpose: string,
  ) {
    super(
      `port ${port} on ${LOOPBACK} (${purpose}) is already in use — stop what listens there ` +
        `(e.g. \`pnpm infra:down\` for the developer stack) or choose another port`,
    );
    this.name = 'PortInUseError';
  }
}

/** Throws PortInUseError unless `port` can be bound on 127.0.0.1. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new RangeError(`invalid ${purpose} port ${String(port)} (1-65535)`);
  }
  try {
    await bindAndRelease(port, LOOPBACK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PortInUseError(port, purpose);
    throw err;
  }
}
