#!/usr/bin/env bash
# The whole test suite, as `pnpm test` runs it for users and CI: formatting, lint (with
# architecture rules), typecheck, unit tests, integration tests against a real broker and
# database, then end-to-end tests against the whole stack.
# Kafka and PostgreSQL come from testcontainers when Docker answers, from this machine
# otherwise, or from KAFKA_BROKERS / POSTGRES_URL when given (TEST_BACKEND, E2E_STACK: README).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NX_DAEMON=false NX_NO_CLOUD=true
results="$root/.stack/test-results"
rm -rf "$results" && mkdir -p "$results"

# Each step says when it starts (seconds into the run), so slow steps show in any log.
step() { printf '\n\033[1m▶ %s\033[0m  [%ds]\n' "$*" "$SECONDS"; }

step "format"
pnpm exec prettier --check . --log-level warn
step "lint + typecheck"
pnpm exec nx run-many -t lint typecheck --output-style=static
step "alert rules (promtool check + unit tests)"
# promtool comes with Debian's prometheus package; the script installs it when missing.
bash tools/prometheus/prometheus.sh install
promtool check rules ops/prometheus/rules/*.yml
promtool test rules ops/prometheus/tests/*.test.yml
step "unit tests"
pnpm exec jest --config jest.config.js --json --outputFile="$results/unit.json"
step "integration tests (real Kafka, real PostgreSQL)"
pnpm exec jest --config jest.int.config.js --runInBand --json --outputFile="$results/int.json"
step "end-to-end tests (the whole stack over HTTP, Kafka and PostgreSQL)"
# The dashboard's test drives Debian's headless Chromium; the script installs it when missing.
bash tools/chromium/chromium.sh install
pnpm exec jest --config apps/stack-e2e/jest.config.js --runInBand --json --outputFile="$results/e2e.json"

step "summary"
node -e '
  const runs = process.argv.slice(1).map((file) => require(file));
  const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
  console.log(`\n${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed`);
' "$results/unit.json" "$results/int.json" "$results/e2e.json"
