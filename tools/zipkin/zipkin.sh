#!/usr/bin/env bash
# Runs a Zipkin server (the traces the services export) for local development and CI, from
# Zipkin's own self-contained jar on Maven Central: no Docker, no registry. Spans are kept in
# memory only (STORAGE_TYPE=mem): a stack's traces live as long as its Zipkin.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)

# The pom is the single source of truth for the version (kafka.sh does the same).
ZIPKIN_VERSION=$(sed -n 's:.*<zipkin.version>\(.*\)</zipkin.version>.*:\1:p' "$SCRIPT_DIR/pom.xml")
CACHE_DIR="${ZIPKIN_CACHE_DIR:-${KAFKA_CACHE_DIR:-$HOME/.cache/kafka-commerce}}/zipkin-$ZIPKIN_VERSION"
JAR="$CACHE_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar"
STATE_ROOT="${ZIPKIN_STATE_DIR:-$REPO_ROOT/.stack}"
START_TIMEOUT="${ZIPKIN_START_TIMEOUT:-90}"
STOP_TIMEOUT="${ZIPKIN_STOP_TIMEOUT:-20}"
# The newest 100,000 spans (about 1,900 orders' traces); the oldest are dropped beyond it.
# Each takes about 1.9 KB of Zipkin's heap (measured with spans shaped like ours): 200,000
# made it run out of its 512 MB during a saturated bench run and exit.
MAX_SPANS="${ZIPKIN_MAX_SPANS:-100000}"

NAME="${ZIPKIN_INSTANCE:-dev}"
PORT="${ZIPKIN_PORT:-9411}"

usage() {
  cat <<EOF
Usage: $(basename "$0") <command> [options]

Runs Zipkin $ZIPKIN_VERSION with in-memory storage on port P (UI at /zipkin/, spans in at
/api/v2/spans).

Commands:
  install                     fetch the server jar into $CACHE_DIR (once)
  start  [--name N] [--port P]
                              start instance N (installs first if needed) and wait until
                              GET /health answers; a running instance is left as it is
  stop   [--name N]           stop instance N (SIGTERM, SIGKILL after ${STOP_TIMEOUT}s)
  status [--name N]           print running/stopped; exit 0 if running, 3 if not

Options:
  --name N   instance name, usually the stack profile (default: \$ZIPKIN_INSTANCE or "dev")
  --port P   HTTP port (default: \$ZIPKIN_PORT or 9411)

Environment:
  ZIPKIN_CACHE_DIR      jar cache root (default: \$KAFKA_CACHE_DIR or \$HOME/.cache/kafka-commerce)
  ZIPKIN_STATE_DIR      state root (default: <repo>/.stack)
  ZIPKIN_HEAP_OPTS      JVM heap flags (default: -Xms64m -Xmx512m)
  ZIPKIN_MAX_SPANS      spans kept in memory (default: 100000)
  ZIPKIN_START_TIMEOUT  seconds to wait for /health (default: 90)
  ZIPKIN_STOP_TIMEOUT   seconds to wait for a clean shutdown (default: 20)

Like the stack's other processes, instance N writes \$ZIPKIN_STATE_DIR/N/pids/zipkin.pid and
\$ZIPKIN_STATE_DIR/N/logs/zipkin.log.
EOF
}

die() {
  echo "zipkin: $*" >&2
  exit 1
}

parse_opts() {
  local cmd=$1
  shift
  while (($#)); do
    case "$1" in
      --name | --port)
        (($# >= 2)) || die "$1 needs a value"
        case "$cmd:$1" in
          *:--name) NAME=$2 ;;
          start:--port) PORT=$2 ;;
          *) die "$1 is not an option of $cmd" ;;
        esac
        shift 2
        ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option: $1 (see --help)" ;;
    esac
  done
  [[ $NAME =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "invalid instance name: '$NAME'"
  if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1024 || PORT > 65535)); then
    die "invalid port: '$PORT' (1024-65535)"
  fi
  [[ $START_TIMEOUT =~ ^[0-9]+$ && $STOP_TIMEOUT =~ ^[0-9]+$ ]] ||
    die "ZIPKIN_START_TIMEOUT and ZIPKIN_STOP_TIMEOUT must be whole seconds"
  PID_FILE="$STATE_ROOT/$NAME/pids/zipkin.pid"
  LOG_FILE="$STATE_ROOT/$NAME/logs/zipkin.log"
}

# --- helpers ----------------------------------------------------------------

# A zombie (exited, not yet reaped) still answers kill -0.
alive() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}

# The JVM carries its instance name as a system property, so a stale pid file whose pid
# was reused by an unrelated process never matches.
running_pid() {
  local pid args
  [[ -f $PID_FILE ]] || return 1
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *"-Dkafka-commerce.zipkin=$NAME "* ]] || return 1
  echo "$pid"
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# GET http://127.0.0.1:<port><path> answers 200. Plain bash: curl is not a prerequisite.
http_ok() { # <port> <path>
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
    read -r -t 5 _ status _ <&3 || exit 1
    [[ $status == 200 ]]
  ) 2>/dev/null
}

lock_instance() {
  command -v flock >/dev/null || return 0
  mkdir -p "$STATE_ROOT/$NAME"
  exec 9>"$STATE_ROOT/$NAME/.zipkin.lock"
  flock -w $((START_TIMEOUT + STOP_TIMEOUT + 30)) 9 ||
    die "timed out waiting for another zipkin.sh working on instance $NAME"
}

need_java() {
  command -v java >/dev/null || die "java not found on PATH (Zipkin $ZIPKIN_VERSION needs Java 17+)"
}

# --- commands ---------------------------------------------------------------

cmd_install() {
  need_java
  [[ ! -s $JAR ]] || return 0
  command -v mvn >/dev/null || die "mvn not found on PATH (needed once to fetch Zipkin from Maven Central)"
  echo "zipkin: fetching zipkin-server $ZIPKIN_VERSION (exec jar, ~130 MB) into $CACHE_DIR ..." >&2
  mkdir -p "$CACHE_DIR"
  # Download next to the final location and rename, so an interrupted fetch never leaves
  # a truncated jar that later runs would trust.
  local tmp
  tmp=$(mktemp -d "$CACHE_DIR/.fetch.XXXXXX")
  # shellcheck disable=SC2064 # expand $tmp now; it is local to this function
  trap "rm -rf '$tmp' '$tmp.log'" EXIT
  if ! mvn -q -B -f "$SCRIPT_DIR/pom.xml" dependency:copy -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    die "mvn failed to fetch zipkin-server (is Maven Central reachable?)"
  fi
  [[ -s $tmp/$(basename "$JAR") ]] || die "mvn finished but $(basename "$JAR") was not fetched"
  # A concurrent install may have won the race; its jar is just as good.
  mv -n "$tmp/$(basename "$JAR")" "$JAR" 2>/dev/null || true
  rm -rf "$tmp" "$tmp.log"
  trap - EXIT
  [[ -s $JAR ]] || die "could not move the jar to $JAR"
  echo "zipkin: installed $JAR" >&2
}

cmd_start() {
  local pid
  if pid=$(running_pid); then
    echo "zipkin $NAME already running (pid $pid)"
    return 0
  fi
  cmd_install
  ! port_open "$PORT" || die "port $PORT on 127.0.0.1 is already in use (pick another with --port)"
  local heap_opts
  read -r -a heap_opts <<<"${ZIPKIN_HEAP_OPTS:--Xms64m -Xmx512m}"
  mkdir -p "$(dirname "$PID_FILE")" "$(dirname "$LOG_FILE")"
  # setsid + nohup + </dev/null: Zipkin outlives the shell that started it; 9>&-: it must
  # not hold the instance lock. The collectors Zipkin enables from the environment (Kafka,
  # RabbitMQ, ActiveMQ) are unset: spans arrive over HTTP only, and the stack's broker
  # carries the shop's events, not spans.
  env -u KAFKA_BOOTSTRAP_SERVERS -u RABBIT_ADDRESSES -u RABBIT_URI -u ACTIVEMQ_URL \
    STORAGE_TYPE=mem MEM_MAX_SPANS="$MAX_SPANS" QUERY_PORT="$PORT" \
    setsid nohup java "${heap_opts[@]}" -XX:+ExitOnOutOfMemoryError \
    "-Dkafka-commerce.zipkin=$NAME" -jar "$JAR" </dev/null >"$LOG_FILE" 2>&1 9>&- &
  echo "$!" >"$PID_FILE"
  await_healthy "$!"
  echo "zipkin $NAME ready: http://127.0.0.1:$PORT (pid $(<"$PID_FILE"))"
}

await_healthy() { # <pid>
  local pid=$1 start=$SECONDS
  until http_ok "$PORT" /health; do
    if ! alive "$pid" || ((SECONDS - start >= START_TIMEOUT)); then
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      {
        echo "zipkin: instance $NAME $(alive "$pid" && echo "not healthy after ${START_TIMEOUT}s" || echo "exited during startup"); last 40 lines of $LOG_FILE:"
        tail -n 40 "$LOG_FILE" 2>/dev/null || true
      } >&2
      exit 1
    fi
    sleep 0.2
  done
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    echo "zipkin $NAME not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local ticks=$((STOP_TIMEOUT * 5)) # 0.2 s each
  while alive "$pid" && ((ticks-- > 0)); do sleep 0.2; done
  if alive "$pid"; then
    echo "zipkin: $NAME (pid $pid) did not exit within ${STOP_TIMEOUT}s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  echo "zipkin $NAME stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "zipkin $NAME running (pid $pid)"
    return 0
  fi
  echo "zipkin $NAME stopped"
  return 3
}

main() {
  (($#)) || { usage >&2; exit 2; }
  local cmd=$1
  shift
  case "$cmd" in
    install) parse_opts "$cmd" "$@"; cmd_install; echo "zipkin $ZIPKIN_VERSION: $JAR" ;;
    start | stop) parse_opts "$cmd" "$@"; lock_instance; "cmd_$cmd" ;;
    status) parse_opts "$cmd" "$@"; cmd_status ;;
    -h | --help | help) usage ;;
    *) echo "zipkin: unknown command: $cmd" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
