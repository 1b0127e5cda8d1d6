import { Type } from '@sinclair/typebox';

/**
 * SCHEMA_SETUP: apply a Cassandra keyspace's CQL and install the Elasticsearch index templates at
 * start (local runs). Deployments set false: the one-shot migrations job owns schema there.
 * Part of both the write-store and the search settings (the same definition, so spreading both
 * into one schema is fine).
 */
export const SchemaSetupSetting = Type.Boolean({
  default: true,
  description: 'Create/migrate Cassandra keyspaces and Elasticsearch index templates at start',
});
