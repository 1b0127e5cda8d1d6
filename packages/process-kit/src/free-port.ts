import { createServer } from 'node:net';

/**
 * Binds `port` on `host` exclusively and closes it again; resolves with the port that was bound
 * (the OS's pick for 0). Rejects with the bind error, e.g. EADDRINUSE when the port is taken.
 */
export async function bindAndRelease(port: number, host = '127.0.0.1'): Promise<number> {
  return await new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => {
        if (bound === undefined) reject(new Error(`could not read the port bound on ${host}`));
        else resolvePort(bound);
      });
    });
  });
}

/** A TCP port that is free on `host` right now (the OS picks it by binding port 0). */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return await bindAndRelease(0, host);
}

/** `count` distinct ports free on `host` right now. */
export async function findFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort(host));
  return [...ports];
}
