import { createServer } from 'node:net';

/** A TCP port that is free on `host` right now (the OS picks it by binding port 0). */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return await new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => {
        if (port === undefined) reject(new Error(`could not read the port bound on ${host}`));
        else resolvePort(port);
      });
    });
  });
}
