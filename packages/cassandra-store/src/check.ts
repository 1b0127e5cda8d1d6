import type { Client } from 'cassandra-driver';

export type CassandraCheck =
  | { ok: true; releaseVersion: string; keyspace: string | undefined; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

/**
 * Readiness probe for /readyz: the cluster answers `system.local` within `timeoutMs` and, when the
 * client is bound to a keyspace, that keyspace exists. Never throws.
 */
export async function checkCassandra(
  client: Client,
  options: { timeoutMs?: number } = {},
): Promise<CassandraCheck> {
  const { timeoutMs = 2_000 } = options;
  const started = Date.now();
  const latency = (): number => Date.now() - started;
  try {
    const local = await client.execute('SELECT release_version FROM system.local', [], {
      prepare: true,
      readTimeout: timeoutMs,
    });
    const releaseVersion: unknown = local.first()?.get('release_version');
    if (typeof releaseVersion !== 'string') {
      return { ok: false, error: 'system.local returned no release_version', latencyMs: latency() };
    }
    const keyspace =
      typeof client.keyspace === 'string' && client.keyspace !== '' ? client.keyspace : undefined;
    if (keyspace !== undefined) {
      const found = await client.execute(
        'SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?',
        [keyspace],
        { prepare: true, readTimeout: timeoutMs },
      );
      if (found.rowLength === 0) {
        return {
          ok: false,
          error: `keyspace ${keyspace} does not exist (migrations not run?)`,
          latencyMs: latency(),
        };
      }
    }
    return { ok: true, releaseVersion, keyspace, latencyMs: latency() };
  } catch (err) {
    return {
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      latencyMs: latency(),
    };
  }
}
