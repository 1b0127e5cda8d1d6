import { Client, Connection } from '@temporalio/client';

/**
 * The gateway's handle on Temporal. The connection is lazy: the gateway starts (and answers
 * /healthz, catalog reads and a 503 /readyz) while Temporal is still coming up or is down.
 */
export interface TemporalClientProvider {
  readonly namespace: string;
  /** The shared client; its connection is established on first use. */
  client(): Client;
  /** Runs `fn` with a gRPC deadline on every Temporal call it makes. */
  withDeadline<T>(timeoutMs: number, fn: (client: Client) => Promise<T>): Promise<T>;
  /** Runs `fn` and cancels its Temporal calls when `signal` aborts. */
  withAbortSignal<T>(signal: AbortSignal, fn: (client: Client) => Promise<T>): Promise<T>;
  /** Resolves when the frontend answers GetSystemInfo within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  /** Cancels waits for workflow results, lets pending calls reach their deadlines, then closes. */
  close(): Promise<void>;
}

export interface TemporalClientProviderOptions {
  address: string;
  namespace: string;
  /** How long establishing the connection may take (default 5 s). */
  connectTimeoutMs?: number;
}

export function createTemporalClientProvider(
  options: TemporalClientProviderOptions,
): TemporalClientProvider {
  const connection = Connection.lazy({
    address: options.address,
    connectTimeout: options.connectTimeoutMs ?? 5_000,
  });
  const client = new Client({ connection, namespace: options.namespace });
  // Calls still running (or backing off between gRPC retries) when close() is called must settle
  // first: closing the channel under a pending retry makes grpc-js throw from a timer.
  const inflight = new Set<Promise<unknown>>();
  const closing = new AbortController();
  let closed: Promise<void> | undefined;
  const track = <T>(call: Promise<T>): Promise<T> => {
    inflight.add(call);
    const forget = () => void inflight.delete(call);
    call.then(forget, forget);
    return call;
  };
  return {
    namespace: options.namespace,
    client: () => client,
    withDeadline: (timeoutMs, fn) =>
      track(connection.withDeadline(Date.now() + timeoutMs, () => fn(client))),
    withAbortSignal: (signal, fn) =>
      track(
        connection.withAbortSignal(AbortSignal.any([signal, closing.signal]), () => fn(client)),
      ),
    async ping(timeoutMs) {
      await track(
        connection.withDeadline(Date.now() + timeoutMs, () =>
          client.workflowService.getSystemInfo({}),
        ),
      );
    },
    close() {
      closed ??= (async () => {
        closing.abort();
        await Promise.allSettled([...inflight]);
        await connection.close();
      })();
      return closed;
    },
  };
}
