import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

function bind(port: number): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolvePort(bound));
    });
  });
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function findFreePort(): Promise<number> {
  return bind(0);
}

/** `count` distinct free ports. */
export async function findFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

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
    await bind(port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PortInUseError(port, purpose);
    throw err;
  }
}
