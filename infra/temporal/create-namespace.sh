#!/bin/sh
# One-shot job of the docker-compose stack (temporalio/admin-tools image): waits until the Temporal
# server serves, creates the namespace if it is missing, then registers the custom search
# attributes the platform uses (COMMERCE_SEARCH_ATTRIBUTES="Name=Type Name2=Type2"). Idempotent.
set -eu

: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required (e.g. temporal:7233)}"
: "${TEMPORAL_NAMESPACE:=default}"
: "${NAMESPACE_RETENTION:=72h}"
: "${COMMERCE_SEARCH_ATTRIBUTES:=}"
: "${NAMESPACE_SETUP_ATTEMPTS:=90}"

attempt=1
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" | grep -q SERVING; do
  if [ "$attempt" -ge "$NAMESPACE_SETUP_ATTEMPTS" ]; then
    echo "Temporal at $TEMPORAL_ADDRESS is not serving after $attempt attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "namespace $TEMPORAL_NAMESPACE exists"
else
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" \
    --retention "$NAMESPACE_RETENTION" --description "Durable Commerce (docker compose)"
  echo "namespace $TEMPORAL_NAMESPACE created (retention $NAMESPACE_RETENTION)"
fi

# A new namespace becomes visible to every frontend after the namespace cache refresh, so the
# attribute calls are retried.
for definition in $COMMERCE_SEARCH_ATTRIBUTES; do
  name=${definition%%=*}
  type=${definition#*=}
  attempt=1
  until temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" \
    | grep -qw "$name" \
    || temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" \
      --name "$name" --type "$type"; do
    if [ "$attempt" -ge "$NAMESPACE_SETUP_ATTEMPTS" ]; then
      echo "could not register search attribute $name ($type) in $TEMPORAL_NAMESPACE" >&2
      exit 1
    fi
    attempt=$((attempt + 1))
    sleep 2
  done
  echo "search attribute $name ($type) registered"
done
