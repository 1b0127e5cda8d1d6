/** What the stores global setup reads from the environment (the only reader in this area). */
export interface StoresTestConfig {
  /** CASSANDRA_CONTACT_POINTS (comma-separated host:port): use this Cassandra instead of starting one. */
  cassandraContactPoints: string[] | undefined;
  /** CASSANDRA_LOCAL_DATACENTER, default `datacenter1`. */
  cassandraLocalDataCenter: string;
  /** ELASTICSEARCH_URL: use this Elasticsearch instead of starting one. */
  elasticsearchUrl: string | undefined;
  /** CI=true: a run that cannot provide the stores fails instead of skipping. */
  ci: boolean;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export function readStoresTestConfig(
  env: Record<string, string | undefined> = process.env,
): StoresTestConfig {
  const points = nonEmpty(env.CASSANDRA_CONTACT_POINTS)
    ?.split(',')
    .map((point) => point.trim())
    .filter((point) => point !== '');
  return {
    cassandraContactPoints: points === undefined || points.length === 0 ? undefined : points,
    cassandraLocalDataCenter: nonEmpty(env.CASSANDRA_LOCAL_DATACENTER) ?? 'datacenter1',
    elasticsearchUrl: nonEmpty(env.ELASTICSEARCH_URL)?.replace(/\/+$/, ''),
    ci: nonEmpty(env.CI)?.toLowerCase() === 'true',
  };
}
