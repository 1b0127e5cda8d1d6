import { TemporalServerStartError } from './running-server.js';

const PORT_TAKEN = /address already in use|failed to bind/i;

/**
 * Free ports are picked before the server binds them, so another process can take one in
 * between. When the ports were picked by us (not given by the caller) and the server died on a
 * bind error, start again with new ports.
 */
export async function retryOnPortClash<T>(
  start: () => Promise<T>,
  portsArePicked: boolean,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      const clash = err instanceof TemporalServerStartError && PORT_TAKEN.test(err.outputTail);
      if (!clash || !portsArePicked || attempt >= attempts) throw err;
    }
  }
}
