#!/usr/bin/env bash
# Compose smoke test on the offline images: build, up, all healthchecks green, one order
# through the saga over REST (register, login, admin creates a product, order → CONFIRMED,
# confirmation email in the mail catcher), Zipkin holding that order's spans and Prometheus
# scraping every service, then `down -v`. Prints the time of each stage.
#
#   bash tools/docker/compose-smoke.sh          # starts dockerd (tools/docker/dockerd.sh) if needed
#
# Host ports (override when they are taken): KAFKA_PORT (29892 here), POSTGRES_PORT (25433),
# USER_SERVICE_PORT … ANALYTICS_SERVICE_PORT (23001–23006), MAIL_SMTP_PORT (21025),
# MAIL_HTTP_PORT (28025), SMS_HTTP_PORT (28026), ZIPKIN_PORT (29411), PROMETHEUS_PORT (29090). SMOKE_HEALTH_TIMEOUT
# (s, 240), SMOKE_SAGA_TIMEOUT (s, 90).
# COMPOSE="docker compose" uses Compose v2 (default: docker-compose 1.29 when installed).
# SMOKE_KEEP=1 leaves the stack up. Exits non-zero, after `docker-compose logs --tail 50`,
# on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

export KAFKA_PORT="${KAFKA_PORT:-29892}" POSTGRES_PORT="${POSTGRES_PORT:-25433}"
export USER_SERVICE_PORT="${USER_SERVICE_PORT:-23001}" ORDER_SERVICE_PORT="${ORDER_SERVICE_PORT:-23002}"
export PAYMENT_SERVICE_PORT="${PAYMENT_SERVICE_PORT:-23003}" INVENTORY_SERVICE_PORT="${INVENTORY_SERVICE_PORT:-23004}"
export NOTIFICATION_SERVICE_PORT="${NOTIFICATION_SERVICE_PORT:-23005}" ANALYTICS_SERVICE_PORT="${ANALYTICS_SERVICE_PORT:-23006}"
export MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-21025}" MAIL_HTTP_PORT="${MAIL_HTTP_PORT:-28025}"
export SMS_HTTP_PORT="${SMS_HTTP_PORT:-28026}"
export ZIPKIN_PORT="${ZIPKIN_PORT:-29411}" PROMETHEUS_PORT="${PROMETHEUS_PORT:-29090}"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-kc-smoke}"
health_timeout="${SMOKE_HEALTH_TIMEOUT:-240}"
saga_timeout="${SMOKE_SAGA_TIMEOUT:-90}"

# A TLS-intercepting network (custom CAs installed on the host) must be trusted by the
# build stages for `pnpm install`; harmless when there are none.
if [ -z "${EXTRA_CA_CERTS:-}" ] && ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  EXTRA_CA_CERTS="$(cat /usr/local/share/ca-certificates/*.crt)"
  export EXTRA_CA_CERTS
fi

if [ -z "${DOCKER_HOST:-}" ]; then
  eval "$(bash tools/docker/dockerd.sh start | grep '^export DOCKER_HOST=')"
fi
# COMPOSE picks the implementation: "docker-compose" (1.29) or "docker compose" (v2).
if [ -z "${COMPOSE:-}" ]; then
  COMPOSE=docker-compose
  command -v docker-compose >/dev/null 2>&1 || COMPOSE="docker compose"
fi
read -r -a compose <<<"$COMPOSE"
compose+=(-f docker-compose.yml -f docker-compose.offline.yml)
echo "compose: $("${compose[@]}" version 2>/dev/null | head -n 1)"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
timings=()
stage() { timings+=("$(printf '%-44s %8s s' "$1" "$2")"); echo "== $1: $2 s"; }

up=0
finish() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "COMPOSE SMOKE FAILED (exit $rc)" >&2
    if [ "$up" = 1 ]; then
      "${compose[@]}" ps >&2 || true
      "${compose[@]}" logs --no-color --tail 50 >&2 || true
    fi
  fi
  if [ "$up" = 1 ] && [ "${SMOKE_KEEP:-0}" != 1 ]; then
    local t; t=$(now)
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
    stage "down -v" "$(since "$t")"
  fi
  echo "---- timings"; printf '%s\n' "${timings[@]}"
  exit "$rc"
}
trap finish EXIT

total=$(now)
t=$(now); bash tools/docker/build-offline-images.sh; stage "offline base images" "$(since "$t")"

t=$(now); "${compose[@]}" build; stage "service + tools image builds" "$(since "$t")"

up=1
t=$(now); "${compose[@]}" up -d; stage "up -d (jobs run, containers created)" "$(since "$t")"

# Every container that has a healthcheck must be healthy; one-shot jobs must have exited 0.
deadline=$(( $(date +%s) + health_timeout ))
while :; do
  pending=()
  for id in $("${compose[@]}" ps -q); do
    state=$(docker inspect -f '{{.Name}} {{.State.Status}} {{.State.ExitCode}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id")
    read -r name status code health <<<"$state"
    case "$status:$health" in
      running:healthy) ;;
      exited:none) [ "$code" = 0 ] || { echo "job ${name#/} exited with $code" >&2; exit 1; } ;;
      *) pending+=("${name#/}($status/$health)") ;;
    esac
  done
  [ ${#pending[@]} -eq 0 ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "not healthy after ${health_timeout}s: ${pending[*]}" >&2; exit 1; fi
  sleep 2
done
stage "up -d -> all healthy (incl. above)" "$(since "$t")"

t=$(now)
SAGA_TIMEOUT_MS=$(( saga_timeout * 1000 )) node - <<'NODE'
const env = process.env;
const url = (port, path) => `http://127.0.0.1:${port}${path}`;
const json = { 'content-type': 'application/json' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function call(method, port, path, { body, token, headers = {} } = {}) {
  const response = await fetch(url(port, path), {
    method,
    headers: { ...json, ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data; try { data = JSON.parse(text); } catch { data = text; }
  return { status: response.status, data };
}
function expect(result, statuses, what) {
  if (!statuses.includes(result.status)) {
    throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.data)}`);
  }
  return result.data;
}
(async () => {
  const deadline = Date.now() + Number(env.SAGA_TIMEOUT_MS);
  const stamp = Date.now().toString(36);
  const email = `smoke-${stamp}@example.com`, password = 'correct horse battery';
  expect(await call('POST', env.USER_SERVICE_PORT, '/users', { body: { email, username: `smoke${stamp}`, password } }), [201], 'register');
  const { accessToken: token } = expect(await call('POST', env.USER_SERVICE_PORT, '/auth/login', { body: { email, password } }), [200, 201], 'login');
  const { accessToken: admin } = expect(await call('POST', env.USER_SERVICE_PORT, '/auth/login',
    { body: { email: 'admin@kafka-commerce.local', password: 'admin-password' } }), [200, 201], 'admin login');
  const product = expect(await call('POST', env.INVENTORY_SERVICE_PORT, '/products', { token: admin,
    body: { sku: `MUG-${stamp}`, name: 'Mug', price: '12.50', stock: 10, lowStockThreshold: 2 } }), [201], 'create product');
  console.log(`user ${email}, product ${product.id}`);
  const orderBody = { items: [{ productId: product.id, quantity: 2 }], paymentMethod: 'card',
    shippingAddress: { street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' } };
  let order, attempts = 0;
  for (;;) {
    attempts += 1;
    const placed = await call('POST', env.ORDER_SERVICE_PORT, '/orders',
      { token, body: orderBody, headers: { 'idempotency-key': `smoke-${stamp}` } });
    if (placed.status === 422 && Date.now() < deadline) { await sleep(250); continue; } // catalog not caught up yet
    order = expect(placed, [202, 201], 'place order');
    break;
  }
  console.log(`order ${order.id} placed after ${attempts} attempt(s): ${order.status}`);
  let status;
  for (;;) {
    const got = expect(await call('GET', env.ORDER_SERVICE_PORT, `/orders/${order.id}`, { token }), [200], 'get order');
    status = got.status;
    if (status === 'CONFIRMED') break;
    if (status === 'CANCELLED') throw new Error(`order cancelled: ${JSON.stringify(got)}`);
    if (Date.now() > deadline) throw new Error(`order still ${status} after ${env.SAGA_TIMEOUT_MS} ms`);
    await sleep(250);
  }
  console.log(`order ${order.id}: CONFIRMED`);
  for (;;) {
    const mail = expect(await call('GET', env.MAIL_HTTP_PORT, `/api/messages?to=${encodeURIComponent(email)}`), [200], 'mail api');
    const hit = mail.find((m) => /is confirmed/.test(m.subject));
    if (hit) { console.log(`email: "${hit.subject}" (${mail.length} message(s) to ${email})`); break; }
    if (Date.now() > deadline) throw new Error(`no confirmation email; got ${JSON.stringify(mail.map((m) => m.subject))}`);
    await sleep(250);
  }
})().catch((error) => { console.error(`REST flow failed: ${error.message}`); process.exit(1); });
NODE
stage "REST flow (register → CONFIRMED → email)" "$(since "$t")"

# Prometheus scrapes every 15 s: each service's first good scrape may still be ahead.
t=$(now)
node - <<'NODE'
const env = process.env;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const get = async (port, path) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  if (!response.ok) throw new Error(`GET :${port}${path}: HTTP ${response.status}`);
  return response;
};
(async () => {
  await get(env.ZIPKIN_PORT, '/health');
  await get(env.PROMETHEUS_PORT, '/-/ready');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { data } = await (await get(env.PROMETHEUS_PORT, '/api/v1/targets')).json();
    const ours = data.activeTargets.filter((t) => t.labels.job === 'kafka-commerce');
    const down = ours.filter((t) => t.health !== 'up').map((t) => `${t.labels.service}: ${t.lastError || t.health}`);
    if (ours.length === 6 && down.length === 0) break;
    if (Date.now() > deadline) throw new Error(`${ours.length} targets, not up: ${down.join('; ')}`);
    await sleep(1000);
  }
  // The order above was traced: every service on its path has reported spans to Zipkin.
  const saga = ['order-service', 'inventory-service', 'payment-service', 'notification-service', 'analytics-service'];
  for (;;) {
    const services = await (await get(env.ZIPKIN_PORT, '/api/v2/services')).json();
    const missing = saga.filter((service) => !services.includes(service));
    if (missing.length === 0) break;
    if (Date.now() > deadline) throw new Error(`no spans in Zipkin from ${missing.join(', ')}`);
    await sleep(1000);
  }
  console.log('zipkin has spans of the saga services; prometheus ready, the six services scraped (up)');
})().catch((error) => { console.error(`zipkin/prometheus check failed: ${error.message}`); process.exit(1); });
NODE
stage "zipkin + prometheus (6 targets up)" "$(since "$t")"
stage "total (before down)" "$(since "$total")"
