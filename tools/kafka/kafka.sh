#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft mode, no ZooKeeper) for
# local development and CI, using Apache Kafka's own jars from Maven Central.
# Only needs java + mvn: no Docker, no Kafka tarball download.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

# The pom is the single source of truth for the version, so the jar cache
# and the pom can never disagree.
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$SCRIPT_DIR/pom.xml")
CACHE_DIR="${KAFKA_CACHE_DIR:-$HOME/.cache/kafka-commerce}/kafka-$KAFKA_VERSION"
LIBS_DIR="$CACHE_DIR/libs"
STATE_ROOT="${KAFKA_STATE_DIR:-$REPO_ROOT/.stack/kafka}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
READY_LINE="Kafka Server started"

NAME="${KAFKA_INSTANCE:-dev}"
PORT="${KAFKA_PORT:-9092}"

usage() {
  cat <<EOF
Usage: $(basename "$0") <command> [options]

Runs a single-node Apache Kafka $KAFKA_VERSION broker (KRaft) on 127.0.0.1.

Commands:
  install                 fetch the Kafka jars into $LIBS_DIR (once)
  start  [--name N] [--port P]
                          start instance N (installs first if needed); waits until ready
  stop   [--name N]       stop instance N (SIGTERM, SIGKILL after ${STOP_TIMEOUT}s)
  status [--name N]       print running/stopped; exit 0 if running, 3 if not
  clean  [--name N]       stop instance N and delete its state (topics, data, logs)

Options:
  --name N   instance name (default: \$KAFKA_INSTANCE or "dev")
  --port P   client port (default: \$KAFKA_PORT or 9092); the controller listens on P+1

Environment:
  KAFKA_INSTANCE       default instance name
  KAFKA_PORT           default client port
  KAFKA_CACHE_DIR      jar cache root (default: \$HOME/.cache/kafka-commerce)
  KAFKA_STATE_DIR      instance state root (default: <repo>/.stack/kafka)
  KAFKA_HEAP_OPTS      JVM heap flags (default: -Xms256m -Xmx512m)
  KAFKA_START_TIMEOUT  seconds to wait for readiness (default: 60)
  KAFKA_STOP_TIMEOUT   seconds to wait for a clean shutdown (default: 30)

Instance state lives in \$KAFKA_STATE_DIR/<name>: server.properties, data/, broker.log, broker.pid.
EOF
}

die() {
  echo "kafka: $*" >&2
  exit 1
}

# --- options ----------------------------------------------------------------

parse_opts() {
  local allow_port=$1
  shift
  while (($#)); do
    case "$1" in
      --name) (($# >= 2)) || die "--name needs a value"; NAME=$2; shift 2 ;;
      --port)
        [[ $allow_port == yes ]] || die "--port is only valid for start"
        (($# >= 2)) || die "--port needs a value"
        PORT=$2
        shift 2
        ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option: $1 (see --help)" ;;
    esac
  done
  # The name becomes a directory that `clean` deletes, so keep it boring.
  [[ $NAME =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "invalid instance name: '$NAME'"
  if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1024 || PORT > 65534)); then
    die "invalid port: '$PORT' (1024-65534; the controller uses port+1)"
  fi
  [[ $START_TIMEOUT =~ ^[0-9]+$ && $STOP_TIMEOUT =~ ^[0-9]+$ ]] ||
    die "KAFKA_START_TIMEOUT and KAFKA_STOP_TIMEOUT must be whole seconds"
  STATE="$STATE_ROOT/$NAME"
  PID_FILE="$STATE/broker.pid"
  LOG_FILE="$STATE/broker.log"
}

# --- helpers ----------------------------------------------------------------

port_open() {
  # bash's /dev/tcp avoids depending on nc being installed.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A killed process whose parent is gone can linger as a zombie if PID 1 does
# not reap it; kill -0 alone would then report it alive forever.
alive() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}

# Prints the pid of this instance's broker if it is alive. Checking the
# command line (not just `kill -0`) guards against a stale pid file whose pid
# has since been reused by an unrelated process.
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid args
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *kafka.Kafka*"$STATE/server.properties"* ]] || return 1
  echo "$pid"
}

configured_port() {
  sed -n 's#^listeners=PLAINTEXT://[^:]*:\([0-9]*\),.*#\1#p' "$STATE/server.properties" 2>/dev/null
}

# Runs a one-shot Kafka tool; its logging goes to stderr so stdout is its result.
kafka_tool() {
  java -cp "$LIBS_DIR/*" -Dlog4j.configuration="file:$SCRIPT_DIR/log4j.properties" \
    -Dkafka.root.logger=WARN,stderr "$@"
}

# Serialises start/stop/clean per instance: two parallel `start`s (say, from
# parallel test targets) would otherwise both format storage and launch a JVM.
lock_instance() {
  command -v flock >/dev/null || return 0
  mkdir -p "$STATE_ROOT"
  exec 9>"$STATE_ROOT/.$NAME.lock"
  flock -w $((START_TIMEOUT + STOP_TIMEOUT + 30)) 9 ||
    die "timed out waiting for another kafka.sh working on instance $NAME"
}

# --- commands ---------------------------------------------------------------

need_java() {
  command -v java >/dev/null || die "java not found on PATH (Kafka $KAFKA_VERSION needs Java 11+, 17 recommended)"
}

cmd_install() {
  need_java
  if compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found on PATH (needed once to fetch the Kafka jars from Maven Central)"

  echo "kafka: fetching Apache Kafka $KAFKA_VERSION jars into $LIBS_DIR ..." >&2
  mkdir -p "$CACHE_DIR"
  # Download next to the final location and rename, so an interrupted fetch
  # never leaves a half-filled cache that later runs would trust.
  local tmp
  tmp=$(mktemp -d "$CACHE_DIR/.libs.XXXXXX")
  # shellcheck disable=SC2064 # expand $tmp now; it is local to this function
  trap "rm -rf '$tmp' '$tmp.log'" EXIT
  # Maven's output only matters when it fails.
  if ! mvn -q -B -f "$SCRIPT_DIR/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    die "mvn failed to fetch the Kafka jars (is Maven Central reachable?)"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "mvn finished but no kafka_2.13 jar was fetched"
  # A concurrent install may have won the race; its result is just as good.
  mv -T "$tmp" "$LIBS_DIR" 2>/dev/null || true
  rm -rf "$tmp" "$tmp.log"
  trap - EXIT
  compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null || die "could not move the jars into $LIBS_DIR"
  echo "kafka: installed $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars" >&2
}

write_config() {
  local controller_port=$((PORT + 1))
  cat >"$STATE/server.properties" <<EOF
# Generated by tools/kafka/kafka.sh on each start; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$STATE/data
# Single node: every internal topic must live with one replica.
offsets.topic.replication.factor=1
# Fewer __consumer_offsets partitions keep group-coordinator startup quick.
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are created explicitly by the project, so typos fail loudly.
auto.create.topics.enable=false
num.partitions=3
log.retention.hours=168
EOF
}

cmd_start() {
  local pid
  if pid=$(running_pid); then
    echo "kafka $NAME already running (pid $pid) on 127.0.0.1:$(configured_port)"
    return 0
  fi
  cmd_install

  local controller_port=$((PORT + 1)) p
  for p in "$PORT" "$controller_port"; do
    ! port_open "$p" || die "port $p on 127.0.0.1 is already in use (pick another with --port)"
  done

  mkdir -p "$STATE"
  rm -f "$PID_FILE"
  write_config

  # Format only once: the cluster id lives in data/meta.properties, and
  # reformatting would wipe every topic.
  if [[ ! -f $STATE/data/meta.properties ]]; then
    local cluster_id
    cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid)
    kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$STATE/server.properties" >/dev/null ||
      die "formatting storage in $STATE/data failed"
  fi

  # Start each run with a fresh log so the readiness check cannot match a
  # line from a previous run.
  [[ ! -f $LOG_FILE ]] || mv -f "$LOG_FILE" "$LOG_FILE.prev"

  local heap_opts
  read -r -a heap_opts <<<"${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
  # setsid + nohup + </dev/null: the broker must outlive the shell (and
  # terminal) that started it. Both exec in place, so $! is the JVM's pid.
  # 9>&-: the broker must not inherit (and so hold forever) the instance lock.
  setsid nohup java "${heap_opts[@]}" -cp "$LIBS_DIR/*" \
    -Dlog4j.configuration="file:$SCRIPT_DIR/log4j.properties" \
    kafka.Kafka "$STATE/server.properties" </dev/null >"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"

  # "Kafka Server started" is logged after the broker and controller are
  # up; the port check makes sure clients can actually connect.
  local ticks=$((START_TIMEOUT * 5)) # 0.2 s each
  until grep -q "$READY_LINE" "$LOG_FILE" 2>/dev/null && port_open "$PORT"; do
    if ! alive "$pid"; then
      fail_start "instance $NAME exited during startup"
    fi
    if ((ticks-- <= 0)); then
      # Don't leave a half-started broker behind for the next attempt to trip over.
      kill -KILL "$pid" 2>/dev/null || true
      fail_start "instance $NAME not ready after ${START_TIMEOUT}s"
    fi
    sleep 0.2
  done
  echo "kafka $NAME ready on 127.0.0.1:$PORT"
}

fail_start() {
  rm -f "$PID_FILE"
  {
    echo "kafka: $1; last 40 lines of $LOG_FILE:"
    tail -n 40 "$LOG_FILE" 2>/dev/null || true
  } >&2
  exit 1
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    echo "kafka $NAME not running"
    return 0
  fi
  # SIGTERM triggers Kafka's controlled shutdown (flushes logs, closes
  # segments cleanly), which makes the next start faster.
  kill -TERM "$pid" 2>/dev/null || true
  local ticks=$((STOP_TIMEOUT * 5)) # 0.2 s each
  while alive "$pid" && ((ticks-- > 0)); do
    sleep 0.2
  done
  if alive "$pid"; then
    echo "kafka: $NAME did not exit within ${STOP_TIMEOUT}s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  echo "kafka $NAME stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "kafka $NAME running (pid $pid) on 127.0.0.1:$(configured_port)"
    return 0
  fi
  echo "kafka $NAME stopped"
  return 3
}

cmd_clean() {
  cmd_stop
  rm -rf -- "$STATE"
  echo "kafka $NAME state removed ($STATE)"
}

main() {
  (($#)) || { usage >&2; exit 2; }
  local cmd=$1
  shift
  case "$cmd" in
    install) parse_opts no "$@"; cmd_install; echo "kafka $KAFKA_VERSION jars in $LIBS_DIR" ;;
    start) parse_opts yes "$@"; lock_instance; cmd_start ;;
    stop) parse_opts no "$@"; lock_instance; cmd_stop ;;
    status) parse_opts no "$@"; cmd_status ;;
    clean) parse_opts no "$@"; lock_instance; cmd_clean ;;
    -h | --help | help) usage ;;
    *) echo "kafka: unknown command: $cmd" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
