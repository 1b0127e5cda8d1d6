import { startTimeSkippingServer, type RunningServer } from '@commerce/temporal-server';
import { Client, Connection } from '@temporalio/client';
import { InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `host:port` of the run's Temporal dev server (see temporal-global-setup). */
    temporalAddress: string;
    temporalNamespace: string;
  }
}

/** What the Temporal global setup provides to every test file. */
export interface TemporalProvidedContext {
  temporalAddress: string;
  temporalNamespace: string;
}

function provided<K extends keyof TemporalProvidedContext>(key: K): string {
  const value = inject(key);
  if (typeof value !== 'string' || value === '') {
    throw new Error(
      `no Temporal server in this test run (${key} not provided): use defineCommerceVitestConfig({ temporal: true })`,
    );
  }
  return value;
}

/** Address of the run's dev server. */
export function testTemporalAddress(): string {
  return provided('temporalAddress');
}

/** Namespace of the run's dev server. */
export function testTemporalNamespace(): string {
  return provided('temporalNamespace');
}

export interface TestClient {
  client: Client;
  connection: Connection;
  close: () => Promise<void>;
}

/** A client of the run's dev server; call `close()` in afterAll. */
export async function createTestClient(): Promise<TestClient> {
  const connection = await Connection.connect({ address: testTemporalAddress() });
  const client = new Client({ connection, namespace: testTemporalNamespace() });
  return { client, connection, close: () => connection.close() };
}

/** A worker connection to the run's dev server; close it after the worker stopped. */
export async function createTestWorkerConnection(): Promise<NativeConnection> {
  return await NativeConnection.connect({ address: testTemporalAddress() });
}

/** A task queue no other test uses (tests share one server). */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * A time-skipping TestWorkflowEnvironment attached to a server we started ourselves.
 * The SDK's createTimeSkipping({ executable: existing-path }) gives the process only 5 s
 * (50 × 100 ms) to answer and inherits its stdout, and createFromExistingServer always sets
 * supportsTimeSkipping = false. So the server comes from startTimeSkippingServer (own readiness
 * wait, PID, output capture) and this subclass builds the environment through the SDK's
 * protected constructor, with connections that carry the test service — what create() does.
 */
class AttachedTimeSkippingEnvironment extends TestWorkflowEnvironment {
  private ownServer: RunningServer | undefined;

  static async attach(server: RunningServer): Promise<TestWorkflowEnvironment> {
    const address = server.address;
    const internal = { [InternalConnectionOptionsSymbol]: { supportsTestService: true } };
    const nativeConnection = await NativeConnection.connect({ address, ...internal });
    const connection = await Connection.connect({ address, ...internal }).catch(
      async (err: unknown) => {
        await nativeConnection.close();
        throw err;
      },
    );
    const env = new AttachedTimeSkippingEnvironment(
      Runtime.instance(),
      { server: { type: 'existing' }, client: {}, plugins: [] },
      true,
      'existing',
      connection,
      nativeConnection,
      server.namespace,
      address,
    );
    env.ownServer = server;
    return env;
  }

  /** Closes both connections, then stops the server by PID. */
  override async teardown(): Promise<void> {
    try {
      await super.teardown();
    } finally {
      await this.ownServer?.stop();
    }
  }
}

/**
 * Starts the time-skipping test server (the located `temporal-test-server` binary) and returns
 * a TestWorkflowEnvironment with time skipping on it. `teardown()` also stops the server.
 */
export async function startTimeSkippingTestEnv(): Promise<TestWorkflowEnvironment> {
  const server = await startTimeSkippingServer();
  try {
    return await AttachedTimeSkippingEnvironment.attach(server);
  } catch (err) {
    await server.stop();
    throw err;
  }
}
