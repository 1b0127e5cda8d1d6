#!/bin/sh
# One-shot job of the docker-compose stack (temporalio/admin-tools image): creates or upgrades the
# Temporal persistence schema in Cassandra and the visibility index in Elasticsearch. Safe to run
# on every `docker compose up`: each step is idempotent.
set -eu

: "${CASSANDRA_SEEDS:?CASSANDRA_SEEDS is required (Cassandra host names, comma-separated)}"
: "${CASSANDRA_PORT:=9042}"
: "${TEMPORAL_KEYSPACE:=temporal}"
: "${CASSANDRA_REPLICATION_FACTOR:=1}"
: "${ES_SERVER:?ES_SERVER is required (e.g. http://elasticsearch:9200)}"
: "${ES_VISIBILITY_INDEX:?ES_VISIBILITY_INDEX is required (the server reads ES_VIS_INDEX with the same value)}"
: "${SCHEMA_SETUP_ATTEMPTS:=60}"

# The tools read CASSANDRA_PORT and ES_SERVER from the environment.
export CASSANDRA_PORT ES_SERVER
cassandra_tool() {
  temporal-cassandra-tool --ep "$CASSANDRA_SEEDS" "$@"
}

attempt=1
until cassandra_tool validate-health; do
  if [ "$attempt" -ge "$SCHEMA_SETUP_ATTEMPTS" ]; then
    echo "Cassandra at $CASSANDRA_SEEDS:$CASSANDRA_PORT did not answer after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

# Keyspace (IF NOT EXISTS), version tables (kept when a newer version is recorded), then every
# versioned schema directory newer than the recorded version.
cassandra_tool create -k "$TEMPORAL_KEYSPACE" --rf "$CASSANDRA_REPLICATION_FACTOR"
cassandra_tool -k "$TEMPORAL_KEYSPACE" setup-schema -v 0.0
cassandra_tool -k "$TEMPORAL_KEYSPACE" update-schema -d /etc/temporal/schema/cassandra/temporal/versioned
echo "Temporal schema in keyspace $TEMPORAL_KEYSPACE is current"

# Visibility: cluster settings and index template (overwritten each run), then the index. On a
# re-run the index exists and create-index fails; then the existing index must accept the
# template's mappings (update-schema with --index), else the job fails.
temporal-elasticsearch-tool setup-schema
if temporal-elasticsearch-tool create-index --index "$ES_VISIBILITY_INDEX"; then
  echo "visibility index $ES_VISIBILITY_INDEX created"
else
  temporal-elasticsearch-tool update-schema --index "$ES_VISIBILITY_INDEX"
  echo "visibility index $ES_VISIBILITY_INDEX exists; mappings brought up to date"
fi
