#!/usr/bin/env bash
# Generates the Prisma client of each named service schema (default: all) into
# apps/<service>-service/src/generated. Works offline: generation needs no schema engine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PRISMA_SCHEMA_ENGINE_BINARY="$root/tools/db/schema-engine-unavailable.sh"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
schemas=("$@")
if [ ${#schemas[@]} -eq 0 ]; then
  for dir in "$root"/prisma/*/; do schemas+=("$(basename "$dir")"); done
fi
for schema in "${schemas[@]}"; do
  # Quiet on success; the whole output on failure.
  if ! output=$(cd "$root/prisma/$schema" && "$root/node_modules/.bin/prisma" generate --config prisma.config.ts 2>&1); then
    echo "$output" >&2
    exit 1
  fi
  echo "generated prisma client: $schema"
done
