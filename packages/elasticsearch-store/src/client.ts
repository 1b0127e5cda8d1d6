import { Client } from '@elastic/elasticsearch';

export interface ElasticsearchClientOptions {
  /** e.g. `http://127.0.0.1:9200` (ELASTICSEARCH_URL). */
  node: string;
  /** Per-request timeout (default 30 s). */
  requestTimeoutMs?: number;
  /** Retries on connection errors and 502/503/504 (default 3). */
  maxRetries?: number;
  auth?: { username: string; password: string } | { apiKey: string };
}

/**
 * An `@elastic/elasticsearch` 8.x client for one node URL. Core Elasticsearch has no `GET /`, so
 * never use `client.info()` / `client.ping()` for health: use `checkElasticsearch`.
 */
export function createElasticsearchClient(options: ElasticsearchClientOptions): Client {
  const { node, requestTimeoutMs = 30_000, maxRetries = 3, auth } = options;
  let url: URL;
  try {
    url = new URL(node);
  } catch {
    throw new RangeError(
      `invalid Elasticsearch node URL ${JSON.stringify(node)} (e.g. http://127.0.0.1:9200)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`Elasticsearch node URL must be http(s), got ${JSON.stringify(node)}`);
  }
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs <= 0) {
    throw new RangeError(
      `requestTimeoutMs must be a positive integer, got ${String(requestTimeoutMs)}`,
    );
  }
  return new Client({
    node,
    requestTimeout: requestTimeoutMs,
    maxRetries,
    compression: false,
    ...(auth === undefined ? {} : { auth }),
  });
}
