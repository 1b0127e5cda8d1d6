import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { bindAndRelease, findFreePort, findFreePorts } from './free-port.js';

async function listen(port: number, host: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolveListen());
  });
  return server;
}

describe('findFreePort', () => {
  it('returns a port that can be bound at once, on loopback and on every interface', async () => {
    for (const host of ['127.0.0.1', '0.0.0.0']) {
      const port = await findFreePort(host);
      expect(port).toBeGreaterThan(0);
      const server = await listen(port, host);
      await new Promise((done) => server.close(done));
    }
  });

  it('returns distinct ports when asked for several', async () => {
    const ports = await findFreePorts(3);
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(3);
  });
});

describe('bindAndRelease', () => {
  it('rejects with EADDRINUSE for a port someone listens on, and binds it once released', async () => {
    const port = await findFreePort();
    const server = await listen(port, '127.0.0.1');
    try {
      await expect(bindAndRelease(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((done) => server.close(done));
    }
    await expect(bindAndRelease(port)).resolves.toBe(port);
  });
});
