import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { retryUntilReachable, type ReachabilityOptions } from './wait-until-reachable.js';

export type ConnectWorkerOptions = ReachabilityOptions;

/** A worker's NativeConnection, retried until the server answers or `readyTimeoutMs` passes. */
export async function connectWorkerConnection(
  options: ConnectWorkerOptions,
): Promise<NativeConnection> {
  return await retryUntilReachable(
    'worker connection',
    () => NativeConnection.connect({ address: options.address }),
    options,
  );
}

export interface ConnectClientOptions extends ReachabilityOptions {
  namespace: string;
}

/** A Client (its Connection is `client.connection`; close that on shutdown), retried like the worker connection. */
export async function connectClient(options: ConnectClientOptions): Promise<Client> {
  // One attempt never outlasts the whole budget (grpc-js waits for the channel up to connectTimeout).
  const connectTimeout = Math.min(5_000, options.readyTimeoutMs ?? 5_000);
  const connection = await retryUntilReachable(
    'client connection',
    () => Connection.connect({ address: options.address, connectTimeout }),
    options,
  );
  return new Client({ connection, namespace: options.namespace });
}
