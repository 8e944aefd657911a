#!/usr/bin/env bash
# Makes a fresh clone runnable: installs dependencies from the lockfile when they are missing
# or older than the lockfile, and builds the libraries the tools import. Every entry command
# (stack:up, test, bench, …) calls this first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "installing dependencies (pnpm install --frozen-lockfile)…"
  pnpm install --frozen-lockfile
fi

# The tools run under tsx but import the workspace libraries through their package.json
# `main` (dist/, compiled by tsc so Nest's decorator metadata is there): build them before any
# tool loads. Nx's cache makes this a few seconds when nothing changed.
mkdir -p "$root/.stack"
NX_DAEMON=false NX_NO_CLOUD=true pnpm exec nx run-many -t build \
  --projects=tag:type:contract,tag:type:messaging,tag:type:testing \
  --output-style=static >"$root/.stack/bootstrap-build.log" 2>&1 || {
  cat "$root/.stack/bootstrap-build.log" >&2
  echo "bootstrap: building the libraries failed (log above)" >&2
  exit 1
}
