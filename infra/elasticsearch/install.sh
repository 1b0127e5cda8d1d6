#!/usr/bin/env bash
# Installs the embedded Elasticsearch launcher into <repo>/.cache/elasticsearch (git-ignored):
#   lib/      runtime jars of org.elasticsearch:elasticsearch + transport-netty4 (from Maven Central)
#   classes/  the compiled launcher (infra/elasticsearch/src)
# Idempotent: jars are fetched only when lib/ lacks the marker of the pinned version, and the
# launcher is recompiled only when its sources changed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${COMMERCE_CACHE_DIR:-$repo/.cache}/elasticsearch"
lib="$cache/lib"
classes="$cache/classes"
es_version="$(sed -n 's:.*<es.version>\(.*\)</es.version>.*:\1:p' "$here/pom.xml")"

need() { command -v "$1" >/dev/null 2>&1 || { echo "install.sh: '$1' not found on PATH" >&2; exit 1; }; }
need java
need javac
need mvn

java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "install.sh: Java 17+ required, found $java_major" >&2
  exit 1
fi

marker="$lib/.installed-$es_version"
if [ -f "$marker" ]; then
  echo "elasticsearch $es_version jars: present ($lib)"
else
  echo "elasticsearch $es_version jars: resolving from Maven Central ..."
  tmp="$cache/lib.partial"
  rm -rf "$tmp"
  mkdir -p "$cache"
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tmp"
  rm -rf "$lib"
  mv "$tmp" "$lib"
  touch "$marker"
  echo "elasticsearch $es_version jars: $(ls "$lib"/*.jar | wc -l) jars in $lib"
fi

sources=()
while IFS= read -r -d '' f; do sources+=("$f"); done < <(find "$here/src/main/java" -name '*.java' -print0 | sort -z)
digest="$(cat "${sources[@]}" "$marker" | sha256sum | cut -d' ' -f1)"
stamp="$classes/.sources-sha256"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
  echo "launcher classes: up to date ($classes)"
else
  echo "launcher classes: compiling ..."
  rm -rf "$classes"
  mkdir -p "$classes"
  javac -nowarn --release 17 -encoding UTF-8 -d "$classes" -cp "$lib/*" "${sources[@]}"
  echo "$digest" > "$stamp"
  echo "launcher classes: compiled into $classes"
fi
