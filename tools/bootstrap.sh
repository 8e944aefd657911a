#!/usr/bin/env bash
# Makes a fresh clone runnable: installs dependencies from the lockfile when they are missing
# or older than the lockfile. Every entry command (stack:up, test, …) calls this first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "installing dependencies (pnpm install --frozen-lockfile)…"
  pnpm install --frozen-lockfile
fi
