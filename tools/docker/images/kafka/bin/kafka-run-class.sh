#!/usr/bin/env bash
# Minimal kafka-run-class.sh: runs a Kafka main class with the image's jars.
# Only the jars of the broker are present (no kafka-tools jar), see README.
set -euo pipefail
(($#)) || { echo "usage: $0 <main-class> [args...]" >&2; exit 2; }
read -r -a heap <<<"${KAFKA_HEAP_OPTS:--Xmx256M}"
read -r -a opts <<<"${KAFKA_OPTS:-}"
exec java "${heap[@]}" "${opts[@]}" -Djava.awt.headless=true \
  -Dlog4j.configuration="file:${KAFKA_HOME:-/opt/kafka}/config/tools-log4j.properties" \
  -cp "${KAFKA_HOME:-/opt/kafka}/libs/*" "$@"
