import type { Client } from '@elastic/elasticsearch';

export type ElasticsearchCheck =
  | { ok: true; status: 'green' | 'yellow'; clusterName: string; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

/**
 * Readiness probe for /readyz via `GET /_cluster/health` (core Elasticsearch has no `GET /`, so
 * not ping/info): ok when the cluster is green or yellow. Never throws.
 */
export async function checkElasticsearch(
  client: Client,
  options: { timeoutMs?: number } = {},
): Promise<ElasticsearchCheck> {
  const { timeoutMs = 2_000 } = options;
  const started = Date.now();
  try {
    const health = await client.cluster.health({}, { requestTimeout: timeoutMs, maxRetries: 0 });
    const latencyMs = Date.now() - started;
    const status = String(health.status).toLowerCase();
    if (status === 'green' || status === 'yellow') {
      return { ok: true, status, clusterName: health.cluster_name, latencyMs };
    }
    return { ok: false, error: `cluster ${health.cluster_name} is ${status}`, latencyMs };
  } catch (err) {
    return {
      ok: false,
      error: err instanceof Error ? err.message : String(err),
      latencyMs: Date.now() - started,
    };
  }
}
