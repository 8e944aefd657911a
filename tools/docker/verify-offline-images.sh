#!/usr/bin/env bash
# Proves the offline images work with real clients from the host:
#   kafka-commerce/kafka     kafkajs (workspace node_modules): create topic, produce, consume
#   kafka-commerce/postgres  psql: password auth over TCP + an init script's database
#   kafka-commerce/node      node -v equals this machine's
#   kafka-commerce/zipkin    curl: /health, a span posted to /api/v2/spans read back as a trace
#   kafka-commerce/prometheus  curl: /-/ready with compose's config and rules, the six targets,
#                            the rules loaded, POST /-/reload
# Both with compose's healthcheck command inside the container.
# Needs dockerd.sh start + build-offline-images.sh first. Removes its containers.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
KAFKA_PORT="${VERIFY_KAFKA_PORT:-29992}"
PG_PORT="${VERIFY_PG_PORT:-25432}"
KAFKA_IMAGE="${KAFKA_IMAGE:-kafka-commerce/kafka:3.9.1}"
POSTGRES_IMAGE="${POSTGRES_IMAGE:-kafka-commerce/postgres:15}"
NODE_IMAGE="${NODE_IMAGE:-kafka-commerce/node:20}"
ZIPKIN_PORT="${VERIFY_ZIPKIN_PORT:-29412}"
PROMETHEUS_PORT="${VERIFY_PROMETHEUS_PORT:-29091}"
ZIPKIN_IMAGE="${ZIPKIN_IMAGE:-kafka-commerce/zipkin:3.6.1}"
PROMETHEUS_IMAGE="${PROMETHEUS_IMAGE:-kafka-commerce/prometheus:2.42}"
[[ -n ${DOCKER_HOST:-} ]] || eval "$("$SCRIPT_DIR/dockerd.sh" env)"

KAFKA_CTR=kc-verify-kafka
PG_CTR=kc-verify-postgres
ZIPKIN_CTR=kc-verify-zipkin
PROMETHEUS_CTR=kc-verify-prometheus
INIT_DIR=$(mktemp -d)
remove_containers() {
  docker rm -f -v "$KAFKA_CTR" "$PG_CTR" "$ZIPKIN_CTR" "$PROMETHEUS_CTR" >/dev/null 2>&1 || true
}
trap 'remove_containers; rm -rf "$INIT_DIR"' EXIT
remove_containers

log() { echo "verify: $*" >&2; }
fail() {
  log "FAILED: $*"
  exit 1
}

# Waits (bounded) until a container's log shows a line.
wait_log() {
  local ctr=$1 line=$2 secs=$3 start=$SECONDS
  until docker logs "$ctr" 2>&1 | grep -q "$line"; do
    [[ $(docker inspect -f '{{.State.Running}}' "$ctr") == true ]] ||
      { docker logs --tail 30 "$ctr" >&2; fail "$ctr exited"; }
    ((SECONDS - start < secs)) || { docker logs --tail 30 "$ctr" >&2; fail "$ctr: no '$line' after ${secs}s"; }
    sleep 0.2
  done
  log "$ctr ready in $((SECONDS - start))s"
}

# Waits (bounded) until a URL answers 2xx from the host.
wait_http() {
  local ctr=$1 url=$2 secs=$3 start=$SECONDS
  until curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null; do
    [[ $(docker inspect -f '{{.State.Running}}' "$ctr") == true ]] ||
      { docker logs --tail 30 "$ctr" >&2; fail "$ctr exited"; }
    ((SECONDS - start < secs)) || { docker logs --tail 30 "$ctr" >&2; fail "$ctr: $url not answering after ${secs}s"; }
    sleep 0.2
  done
  log "$ctr answers $url in $((SECONDS - start))s"
}

# --- node -----------------------------------------------------------------
[[ $(docker run --rm "$NODE_IMAGE" node -v) == "$(node -v)" ]] || fail "$NODE_IMAGE node -v differs from the host's"
log "$NODE_IMAGE: node $(node -v) OK"

# --- kafka ----------------------------------------------------------------
# The compose-style layout: clients on 9092 (advertised as the published host
# port), the KRaft controller on 9093 inside the container only.
docker run -d --name "$KAFKA_CTR" -p "127.0.0.1:$KAFKA_PORT:9092" \
  -e KAFKA_NODE_ID=1 \
  -e KAFKA_PROCESS_ROLES=broker,controller \
  -e KAFKA_LISTENERS=PLAINTEXT://:9092,CONTROLLER://:9093 \
  -e KAFKA_ADVERTISED_LISTENERS="PLAINTEXT://127.0.0.1:$KAFKA_PORT" \
  -e KAFKA_CONTROLLER_LISTENER_NAMES=CONTROLLER \
  -e KAFKA_LISTENER_SECURITY_PROTOCOL_MAP=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT \
  -e KAFKA_CONTROLLER_QUORUM_VOTERS=1@localhost:9093 \
  -e KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1 \
  -e KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=1 \
  -e KAFKA_TRANSACTION_STATE_LOG_MIN_ISR=1 \
  -e KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS=0 \
  "$KAFKA_IMAGE" >/dev/null
wait_log "$KAFKA_CTR" "Kafka Server started" 60
docker exec "$KAFKA_CTR" /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 >/dev/null ||
  fail "kafka-broker-api-versions.sh (the healthcheck command) failed"
log "healthcheck command OK"

start=$SECONDS
(cd "$REPO_ROOT" && KAFKA_BROKER="127.0.0.1:$KAFKA_PORT" node -e '
const { Kafka, logLevel } = require("kafkajs");
const kafka = new Kafka({ brokers: [process.env.KAFKA_BROKER], logLevel: logLevel.ERROR });
const topic = "verify-offline-images";
(async () => {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key: "k", value: "hello from the host" }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: "verify" });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const value = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no message within 30s")), 30000);
    consumer.run({ eachMessage: async ({ message }) => { clearTimeout(timer); resolve(message.value.toString()); } });
  });
  await consumer.disconnect();
  if (value !== "hello from the host") throw new Error("unexpected message: " + value);
  console.log("kafkajs: created topic, produced and consumed: " + value);
})().catch((e) => { console.error(e); process.exit(1); });
') || fail "kafkajs round trip against $KAFKA_IMAGE"
log "kafkajs round trip in $((SECONDS - start))s"
[[ $(docker exec "$KAFKA_CTR" id -un) == appuser ]] || fail "kafka does not run as appuser"
docker rm -f -v "$KAFKA_CTR" >/dev/null

# --- postgres ---------------------------------------------------------------
cat >"$INIT_DIR/10-databases.sql" <<'SQL'
CREATE DATABASE verify_second;
SQL
cat >"$INIT_DIR/20-shell.sh" <<'SH'
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname verify_second -c 'CREATE TABLE from_sh (id int)'
SH
chmod -R a+rX "$INIT_DIR"
docker run -d --name "$PG_CTR" -p "127.0.0.1:$PG_PORT:5432" \
  -e POSTGRES_PASSWORD=verify-secret -v "$INIT_DIR:/docker-entrypoint-initdb.d:ro" \
  "$POSTGRES_IMAGE" >/dev/null
start=$SECONDS
until docker exec "$PG_CTR" pg_isready -h 127.0.0.1 -U postgres >/dev/null 2>&1; do
  ((SECONDS - start < 60)) || { docker logs --tail 30 "$PG_CTR" >&2; fail "postgres not ready after 60s"; }
  sleep 0.2
done
log "$PG_CTR pg_isready in $((SECONDS - start))s"
dbs=$(PGPASSWORD=verify-secret psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc 'SELECT datname FROM pg_database ORDER BY 1')
grep -qx verify_second <<<"$dbs" || fail "init script database missing (have: $dbs)"
PGPASSWORD=verify-secret psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d verify_second -Atc 'SELECT count(*) FROM from_sh' >/dev/null ||
  fail "init .sh script did not run"
! PGPASSWORD=wrong psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc 'SELECT 1' >/dev/null 2>&1 ||
  fail "a wrong password was accepted"
log "psql from the host sees: $(tr '\n' ' ' <<<"$dbs")"
docker rm -f -v "$PG_CTR" >/dev/null

# --- zipkin -----------------------------------------------------------------
docker run -d --name "$ZIPKIN_CTR" -p "127.0.0.1:$ZIPKIN_PORT:9411" \
  -e JAVA_OPTS="-Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError" "$ZIPKIN_IMAGE" >/dev/null
wait_http "$ZIPKIN_CTR" "http://127.0.0.1:$ZIPKIN_PORT/health" 120
docker exec "$ZIPKIN_CTR" wget -q -T 3 -O /dev/null http://127.0.0.1:9411/health ||
  fail "zipkin: the compose healthcheck command failed"
trace_id=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
span="[{\"traceId\":\"$trace_id\",\"id\":\"$trace_id\",\"name\":\"verify\",\"timestamp\":$(($(date +%s) * 1000000)),\"duration\":1000,\"localEndpoint\":{\"serviceName\":\"verify-offline-images\"}}]"
curl -fsS -o /dev/null -H 'content-type: application/json' -d "$span" "http://127.0.0.1:$ZIPKIN_PORT/api/v2/spans" ||
  fail "zipkin: POST /api/v2/spans refused"
start=$SECONDS
until curl -fsS "http://127.0.0.1:$ZIPKIN_PORT/api/v2/trace/$trace_id" 2>/dev/null | grep -q '"name":"verify"'; do
  ((SECONDS - start < 10)) || fail "zipkin: trace $trace_id not found after posting it"
  sleep 0.2
done
[[ $(docker exec "$ZIPKIN_CTR" id -un) == zipkin ]] || fail "zipkin does not run as zipkin"
log "$ZIPKIN_IMAGE: span posted and read back as trace $trace_id"
docker rm -f -v "$ZIPKIN_CTR" >/dev/null

# --- prometheus -------------------------------------------------------------
# Compose's config and rules, mounted the way docker-compose.yml mounts them.
rules=(); [[ ! -d $REPO_ROOT/ops/prometheus/rules ]] || rules=(-v "$REPO_ROOT/ops/prometheus/rules:/etc/prometheus/rules:ro")
docker run -d --name "$PROMETHEUS_CTR" -p "127.0.0.1:$PROMETHEUS_PORT:9090" \
  -v "$REPO_ROOT/ops/prometheus/prometheus.compose.yml:/etc/prometheus/prometheus.yml:ro" "${rules[@]}" \
  "$PROMETHEUS_IMAGE" --config.file=/etc/prometheus/prometheus.yml --storage.tsdb.path=/prometheus \
  --web.enable-lifecycle >/dev/null
prom="http://127.0.0.1:$PROMETHEUS_PORT"
wait_http "$PROMETHEUS_CTR" "$prom/-/ready" 60
docker exec "$PROMETHEUS_CTR" wget -q -T 3 -O /dev/null http://127.0.0.1:9090/-/ready ||
  fail "prometheus: the compose healthcheck command failed"
# count <url> <pattern>: how often the pattern occurs in the answer (0 when it does not).
count() { curl -fsS "$1" | { grep -o "$2" || true; } | wc -l; }
# The scrape manager takes up the configured targets a few seconds after /-/ready.
start=$SECONDS
until (( (targets = $(count "$prom/api/v1/targets" '"scrapePool":"kafka-commerce"')) == 6 )); do
  ((SECONDS - start < 30)) || fail "prometheus: $targets kafka-commerce targets after 30s, not 6"
  sleep 0.5
done
rule_count=$(count "$prom/api/v1/rules" '"type":"\(alerting\|recording\)"')
expected=$(cat "$REPO_ROOT"/ops/prometheus/rules/*.yml 2>/dev/null | grep -cE '^\s*- (alert|record):' || true)
((rule_count == expected)) || fail "prometheus: $rule_count rules loaded, the rule files hold $expected"
curl -fsS -o /dev/null -X POST "$prom/-/reload" || fail "prometheus: POST /-/reload refused"
[[ $(docker exec "$PROMETHEUS_CTR" id -un) == nobody ]] || fail "prometheus does not run as nobody"
log "$PROMETHEUS_IMAGE: $targets targets, $rule_count rules, reload OK"
log "all checks passed"
