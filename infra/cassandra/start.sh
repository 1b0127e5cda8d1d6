#!/usr/bin/env bash
# Starts a single-node Cassandra 5.0 on 127.0.0.1 in the foreground.
#   start.sh <nativePort> <storagePort> <dataDir>
# Renders cassandra.yaml into <dataDir>/conf, keeps data/commitlog/hints/... under <dataDir>.
# Prints "CASSANDRA_PID <pid>" first (the shell execs java, so it is the JVM's PID), then the log.
# Ready when the log shows "Startup complete" and `SELECT release_version FROM system.local` answers.
# Stop with: kill -TERM <pid>.
# Environment: JAVA (default: java on PATH), CASSANDRA_CLUSTER_NAME (default commerce-local).
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 <nativePort> <storagePort> <dataDir>" >&2
  exit 2
fi
native_port="$1"
storage_port="$2"
for p in "$native_port" "$storage_port"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || [ "$p" -lt 1 ] || [ "$p" -gt 65535 ]; then
    echo "start.sh: invalid port '$p' (1-65535)" >&2
    exit 2
  fi
done
if [ "$native_port" = "$storage_port" ]; then
  echo "start.sh: native and storage ports must differ" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
lib="${COMMERCE_CACHE_DIR:-$repo/.cache}/cassandra/lib"
if ! ls "$lib"/.installed-* >/dev/null 2>&1; then
  echo "start.sh: Cassandra is not installed; run $here/install.sh first" >&2
  exit 1
fi
jamm="$(ls "$lib"/jamm-*.jar | head -n 1)"

mkdir -p "$3"
dir="$(cd "$3" && pwd)"
mkdir -p "$dir/conf" "$dir/data" "$dir/commitlog" "$dir/hints" "$dir/saved_caches" "$dir/cdc_raw" "$dir/tmp"
cluster="${CASSANDRA_CLUSTER_NAME:-commerce-local}"
if ! [[ "$cluster" =~ ^[A-Za-z0-9_.-]+$ ]]; then
  echo "start.sh: CASSANDRA_CLUSTER_NAME may only hold letters, digits, '_', '.', '-'" >&2
  exit 2
fi
sed -e "s|@@DATA_DIR@@|$dir|g" \
    -e "s|@@NATIVE_PORT@@|$native_port|g" \
    -e "s|@@STORAGE_PORT@@|$storage_port|g" \
    -e "s|@@CLUSTER_NAME@@|$cluster|g" \
    "$here/cassandra.yaml" > "$dir/conf/cassandra.yaml"

echo "CASSANDRA_PID $$"
exec "${JAVA:-java}" \
  @"$here/jvm17.options" \
  -javaagent:"$jamm" \
  -Djava.io.tmpdir="$dir/tmp" \
  -Dlogback.configurationFile="$here/logback.xml" \
  -Dcassandra.config="file://$dir/conf/cassandra.yaml" \
  -Dcassandra.storagedir="$dir" \
  -Dcassandra.logdir="$dir/logs" \
  -Dcassandra-foreground=yes \
  -Dcassandra.skip_wait_for_gossip_to_settle=0 \
  -cp "$dir/conf:$lib/*" \
  org.apache.cassandra.service.CassandraDaemon
