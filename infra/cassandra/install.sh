#!/usr/bin/env bash
# Installs Apache Cassandra (server jars of org.apache.cassandra:cassandra-all from Maven Central)
# into <repo>/.cache/cassandra/lib (git-ignored). Idempotent: skipped when lib/ already holds the
# marker of the pinned version (see pom.xml).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${COMMERCE_CACHE_DIR:-$repo/.cache}/cassandra"
lib="$cache/lib"
version="$(sed -n 's:.*<cassandra.version>\(.*\)</cassandra.version>.*:\1:p' "$here/pom.xml")"

need() { command -v "$1" >/dev/null 2>&1 || { echo "install.sh: '$1' not found on PATH" >&2; exit 1; }; }
need java
need mvn

java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${java_major%%.*}" -ne 17 ]; then
  # Cassandra 5.0 supports JDK 11 and 17 only; the jvm17.options file targets 17.
  echo "install.sh: Cassandra 5.0 needs Java 17 here, found $java_major" >&2
  exit 1
fi

marker="$lib/.installed-$version"
if [ -f "$marker" ]; then
  echo "cassandra $version jars: present ($lib)"
  exit 0
fi

echo "cassandra $version jars: resolving from Maven Central ..."
tmp="$cache/lib.partial"
rm -rf "$tmp"
mkdir -p "$cache"
# The sjk-* "POM is invalid" warnings printed by Maven are harmless (profiling tool parsers).
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$tmp"
if ! ls "$tmp"/jamm-*.jar >/dev/null 2>&1; then
  echo "install.sh: jamm agent jar missing from the resolved dependencies" >&2
  exit 1
fi
rm -rf "$lib"
mv "$tmp" "$lib"
touch "$marker"
echo "cassandra $version jars: $(ls "$lib"/*.jar | wc -l) jars in $lib"
