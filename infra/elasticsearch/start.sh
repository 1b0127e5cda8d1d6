#!/usr/bin/env bash
# Starts a single-node, core-only Elasticsearch in the foreground.
#   start.sh <httpPort> <dataDir>
# <dataDir> becomes path.home (config/, data/, logs/, tmp/ are created inside it).
# Prints "ELASTICSEARCH_PID <pid>" first (the shell execs java, so it is the JVM's PID), then the
# node's log, then "ELASTICSEARCH_HTTP http://127.0.0.1:<port>" once HTTP is bound.
# Stop with: kill -TERM <pid>   (the node closes cleanly within a few seconds).
# Environment: ES_HEAP (default 512m), JAVA (default: java on PATH).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <httpPort> <dataDir>" >&2
  exit 2
fi
port="$1"
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -gt 65535 ]; then
  echo "start.sh: invalid http port '$port' (0 picks a free one)" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${COMMERCE_CACHE_DIR:-$repo/.cache}/elasticsearch"
if [ ! -f "$cache/classes/.sources-sha256" ] || ! ls "$cache"/lib/.installed-* >/dev/null 2>&1; then
  echo "start.sh: Elasticsearch is not installed; run $here/install.sh first" >&2
  exit 1
fi

mkdir -p "$2"
home="$(cd "$2" && pwd)"
mkdir -p "$home/tmp"
heap="${ES_HEAP:-512m}"

echo "ELASTICSEARCH_PID $$"
exec "${JAVA:-java}" \
  -Xms"$heap" -Xmx"$heap" -XX:MaxDirectMemorySize=256m \
  -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow \
  -Djava.io.tmpdir="$home/tmp" -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
  -Dlog4j2.formatMsgNoLookups=true -Dlog4j2.shutdownHookEnabled=false \
  -cp "$cache/classes:$cache/lib/*" \
  commerce.infra.elasticsearch.EmbeddedElasticsearch "$port" "$home"
