#!/usr/bin/env bash
# Runs a real Apache Kafka broker (KRaft mode, no ZooKeeper) for local development and CI,
# using Apache Kafka's own jars from Maven Central: one node, or a cluster of three combined
# broker+controller nodes (`start --nodes 3`) with replicated topics.
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
# Three JVMs share a small machine: smaller heaps than the single node's.
CLUSTER_HEAP_OPTS="-Xms128m -Xmx320m"

NAME="${KAFKA_INSTANCE:-dev}"
PORT="${KAFKA_PORT:-9092}"
NODES="" # start --nodes; unset: the instance's existing layout, else 1
NODE=""  # kill --node
PORT_GIVEN=no

usage() {
  cat <<EOF
Usage: $(basename "$0") <command> [options]

Runs Apache Kafka $KAFKA_VERSION (KRaft) on 127.0.0.1: one node, or a three-node cluster.

Commands:
  install                 fetch the Kafka jars into $LIBS_DIR (once)
  start  [--name N] [--port P] [--nodes 1|3]
                          start instance N (installs first if needed); waits until every
                          node is ready. Starts only the nodes that are not running, so it
                          also brings back a node that was killed.
  stop   [--name N]       stop instance N (SIGTERM, SIGKILL after ${STOP_TIMEOUT}s)
  kill   [--name N] --node I
                          SIGKILL node I of instance N (a crash, for failover tests)
  status [--name N]       print running/stopped per node; exit 0 if all run, 3 if not
  clean  [--name N]       stop instance N and delete its state (topics, data, logs)

Options:
  --name N   instance name (default: \$KAFKA_INSTANCE or "dev")
  --port P   client port of node 1 (default: \$KAFKA_PORT or 9092); node I listens for
             clients on P+2(I-1) and for its controller on the port after that
  --nodes K  1 (default for a new instance) or 3: a cluster of three broker+controller
             nodes, topics replicated 3 times with min.insync.replicas=2. An existing
             instance keeps its layout (clean it to change it).

Environment:
  KAFKA_INSTANCE       default instance name
  KAFKA_PORT           default client port
  KAFKA_CACHE_DIR      jar cache root (default: \$HOME/.cache/kafka-commerce)
  KAFKA_STATE_DIR      instance state root (default: <repo>/.stack/kafka)
  KAFKA_HEAP_OPTS      JVM heap flags per node (default: -Xms256m -Xmx512m for one node,
                       $CLUSTER_HEAP_OPTS for each of three)
  KAFKA_START_TIMEOUT  seconds to wait for readiness (default: 60)
  KAFKA_STOP_TIMEOUT   seconds to wait for a clean shutdown (default: 30)

Instance state lives in \$KAFKA_STATE_DIR/<name>: server.properties, data/, broker.log,
broker.pid; for a cluster the same per node in node-1/, node-2/, node-3/.
EOF
}

die() {
  echo "kafka: $*" >&2
  exit 1
}

# --- options ----------------------------------------------------------------

parse_opts() {
  local cmd=$1
  shift
  while (($#)); do
    case "$1" in
      --name | --port | --nodes | --node)
        (($# >= 2)) || die "$1 needs a value"
        case "$cmd:$1" in
          *:--name) NAME=$2 ;;
          start:--port) PORT=$2 PORT_GIVEN=yes ;;
          start:--nodes) NODES=$2 ;;
          kill:--node) NODE=$2 ;;
          *) die "$1 is not an option of $cmd" ;;
        esac
        shift 2
        ;;
      -h | --help) usage; exit 0 ;;
      *) die "unknown option: $1 (see --help)" ;;
    esac
  done
  # The name becomes a directory that `clean` deletes, so keep it boring.
  [[ $NAME =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "invalid instance name: '$NAME'"
  [[ -z $NODES || $NODES == 1 || $NODES == 3 ]] || die "--nodes must be 1 or 3, not '$NODES'"
  if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1024 || PORT > 65530)); then
    die "invalid port: '$PORT' (1024-65530; a cluster takes P to P+5)"
  fi
  [[ $START_TIMEOUT =~ ^[0-9]+$ && $STOP_TIMEOUT =~ ^[0-9]+$ ]] ||
    die "KAFKA_START_TIMEOUT and KAFKA_STOP_TIMEOUT must be whole seconds"
  STATE="$STATE_ROOT/$NAME"
}

# --- nodes ------------------------------------------------------------------
# A single node keeps its state in $STATE itself (the layout from before clusters existed);
# node I of a cluster in $STATE/node-I. Every per-node function takes that directory.

# How many nodes the instance's state holds (0: no state yet).
state_nodes() {
  if [[ -d $STATE/node-1 ]]; then
    find "$STATE" -maxdepth 1 -name 'node-*' -type d | wc -l
  elif [[ -e $STATE/server.properties || -d $STATE/data ]]; then
    echo 1
  else
    echo 0
  fi
}

node_dirs() {
  local count i
  count=$(state_nodes)
  if ((count == 1)); then
    echo "$STATE"
  else
    for ((i = 1; i <= count; i++)); do echo "$STATE/node-$i"; done
  fi
}

node_dir() { # <node count> <node id>
  if (($1 == 1)); then echo "$STATE"; else echo "$STATE/node-$2"; fi
}

client_port() { echo $((PORT + 2 * ($1 - 1))); }

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

# Prints the pid of the node in directory $1 if it is alive. Checking the
# command line (not just `kill -0`) guards against a stale pid file whose pid
# has since been reused by an unrelated process.
running_pid() {
  local dir=$1 pid args
  [[ -f $dir/broker.pid ]] || return 1
  pid=$(<"$dir/broker.pid")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *kafka.Kafka*"$dir/server.properties"* ]] || return 1
  echo "$pid"
}

configured_port() {
  sed -n 's#^listeners=PLAINTEXT://[^:]*:\([0-9]*\),.*#\1#p' "$1/server.properties" 2>/dev/null
}

# Runs a one-shot Kafka tool; its logging goes to stderr so stdout is its result.
kafka_tool() {
  java -cp "$LIBS_DIR/*" -Dlog4j.configuration="file:$SCRIPT_DIR/log4j.properties" \
    -Dkafka.root.logger=WARN,stderr "$@"
}

# Serialises start/stop/clean/kill per instance: two parallel `start`s (say, from
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

write_config() { # <dir> <node id> <node count>
  local dir=$1 id=$2 count=$3 client voters="" replicas=1 min_isr=1 i
  client=$(client_port "$id")
  for ((i = 1; i <= count; i++)); do
    voters+="${voters:+,}$i@127.0.0.1:$(($(client_port "$i") + 1))"
  done
  # Three nodes: every partition on all three, and a write needs two of them, so one node
  # may fail without losing an acknowledged write or stopping producers (acks=all).
  if ((count == 3)); then replicas=3 min_isr=2; fi
  cat >"$dir/server.properties" <<EOF
# Generated by tools/kafka/kafka.sh on each start; edits are overwritten.
process.roles=broker,controller
node.id=$id
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$client,CONTROLLER://127.0.0.1:$((client + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$client
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
# Internal topics and the project's own topics are replicated alike.
offsets.topic.replication.factor=$replicas
default.replication.factor=$replicas
min.insync.replicas=$min_isr
transaction.state.log.replication.factor=$replicas
transaction.state.log.min.isr=$min_isr
# Fewer __consumer_offsets partitions keep group-coordinator startup quick.
offsets.topic.num.partitions=10
group.initial.rebalance.delay.ms=0
# Topics are created explicitly by the project, so typos fail loudly.
auto.create.topics.enable=false
num.partitions=3
log.retention.hours=168
EOF
}

# Formats a node's storage once: the cluster id lives in data/meta.properties, and
# reformatting would wipe every topic. All nodes of a cluster share one id.
format_storage() { # <dir>
  local dir=$1
  [[ ! -f $dir/data/meta.properties ]] || return 0
  [[ -s $STATE/cluster.id ]] || kafka_tool kafka.tools.StorageTool random-uuid >"$STATE/cluster.id"
  kafka_tool kafka.tools.StorageTool format -t "$(<"$STATE/cluster.id")" \
    -c "$dir/server.properties" >/dev/null || die "formatting storage in $dir/data failed"
}

launch_node() { # <dir> <heap options>
  local dir=$1 heap_opts
  read -r -a heap_opts <<<"$2"
  rm -f "$dir/broker.pid"
  # Start each run with a fresh log so the readiness check cannot match a
  # line from a previous run.
  [[ ! -f $dir/broker.log ]] || mv -f "$dir/broker.log" "$dir/broker.log.prev"
  # setsid + nohup + </dev/null: the broker must outlive the shell (and
  # terminal) that started it. Both exec in place, so $! is the JVM's pid.
  # 9>&-: the broker must not inherit (and so hold forever) the instance lock.
  setsid nohup java "${heap_opts[@]}" -cp "$LIBS_DIR/*" \
    -Dlog4j.configuration="file:$SCRIPT_DIR/log4j.properties" \
    kafka.Kafka "$dir/server.properties" </dev/null >"$dir/broker.log" 2>&1 9>&- &
  echo "$!" >"$dir/broker.pid"
}

# "Kafka Server started" is logged once the node's broker is registered with the
# controller quorum and unfenced (so, for a cluster, once every node logged it, all of
# them are live brokers); the port check makes sure clients can actually connect.
node_ready() { # <dir>
  grep -q "$READY_LINE" "$1/broker.log" 2>/dev/null && port_open "$(configured_port "$1")"
}

cmd_start() {
  local existing
  existing=$(state_nodes)
  ((existing == 0)) || NODES=${NODES:-$existing}
  NODES=${NODES:-1}
  if ((existing != 0 && existing != NODES)); then
    die "instance $NAME has $existing node(s), not $NODES: start it with --nodes $existing, or delete it first (clean --name $NAME)"
  fi
  keep_cluster_port "$existing"
  local id dir launched=() p
  for ((id = 1; id <= NODES; id++)); do
    dir=$(node_dir "$NODES" "$id")
    running_pid "$dir" >/dev/null || launched+=("$id")
  done
  if ((${#launched[@]} == 0)); then
    echo "kafka $NAME already running: $(describe_nodes)"
    return 0
  fi
  cmd_install
  for id in "${launched[@]}"; do
    for p in "$(client_port "$id")" $(($(client_port "$id") + 1)); do
      ! port_open "$p" || die "port $p on 127.0.0.1 is already in use (pick another with --port)"
    done
  done

  local heap=$CLUSTER_HEAP_OPTS
  ((NODES == 3)) || heap="-Xms256m -Xmx512m"
  mkdir -p "$STATE"
  for id in "${launched[@]}"; do
    dir=$(node_dir "$NODES" "$id")
    mkdir -p "$dir"
    write_config "$dir" "$id" "$NODES"
    format_storage "$dir"
  done
  # All at once: a cluster's controllers elect a leader only once a majority runs.
  for id in "${launched[@]}"; do
    launch_node "$(node_dir "$NODES" "$id")" "${KAFKA_HEAP_OPTS:-$heap}"
  done
  await_ready "${launched[@]}"
  echo "kafka $NAME ready: $(describe_nodes)"
}

# The nodes of a cluster know each other by port: a node brought back must use the ports
# its peers were started with. (A single node may move: its config is rewritten.)
keep_cluster_port() { # <existing node count>
  (($1 > 1)) || return 0
  local used
  used=$(configured_port "$STATE/node-1")
  [[ -n $used ]] || return 0
  [[ $PORT_GIVEN == no || $PORT == "$used" ]] ||
    die "instance $NAME was created on port $used, not $PORT (clean it to move it)"
  PORT=$used
}

await_ready() { # <node id>...
  local ticks=$((START_TIMEOUT * 5)) waiting id dir pid # 0.2 s each
  while :; do
    waiting=()
    for id in "$@"; do
      dir=$(node_dir "$NODES" "$id")
      pid=$(<"$dir/broker.pid")
      alive "$pid" || fail_start "$dir" "instance $NAME node $id exited during startup" "$@"
      node_ready "$dir" || waiting+=("$id")
    done
    ((${#waiting[@]} > 0)) || return 0
    # Don't leave half-started nodes behind for the next attempt to trip over.
    ((ticks-- > 0)) || fail_start "$(node_dir "$NODES" "${waiting[0]}")" \
      "instance $NAME node(s) ${waiting[*]} not ready after ${START_TIMEOUT}s" "$@"
    sleep 0.2
  done
}

fail_start() { # <dir whose log to show> <message> <node ids started>
  local log=$1/broker.log message=$2 id dir
  shift 2
  for id in "$@"; do
    dir=$(node_dir "$NODES" "$id")
    [[ ! -f $dir/broker.pid ]] || kill -KILL "$(<"$dir/broker.pid")" 2>/dev/null || true
    rm -f "$dir/broker.pid"
  done
  {
    echo "kafka: $message; last 40 lines of $log:"
    tail -n 40 "$log" 2>/dev/null || true
  } >&2
  exit 1
}

# "127.0.0.1:9092 (pid 123)" per node, or "127.0.0.1:9094 (stopped)".
describe_nodes() {
  local dir pid out=""
  while read -r dir; do
    pid=$(running_pid "$dir") || pid=""
    out+="${out:+, }127.0.0.1:$(configured_port "$dir") (${pid:+pid }${pid:-stopped})"
  done < <(node_dirs)
  echo "$out"
}

cmd_stop() {
  local dir pid pids=()
  while read -r dir; do
    if pid=$(running_pid "$dir"); then pids+=("$pid"); fi
    rm -f "$dir/broker.pid"
  done < <(node_dirs)
  if ((${#pids[@]} == 0)); then
    echo "kafka $NAME not running"
    return 0
  fi
  # SIGTERM triggers Kafka's controlled shutdown (flushes logs, closes segments cleanly),
  # which makes the next start faster. A cluster's nodes stop together: stopped one by one,
  # the last would wait minutes for a controller quorum that has already left.
  kill -TERM "${pids[@]}" 2>/dev/null || true
  local ticks=$((STOP_TIMEOUT * 5)) # 0.2 s each
  while any_alive "${pids[@]}" && ((ticks-- > 0)); do
    sleep 0.2
  done
  for pid in "${pids[@]}"; do
    alive "$pid" || continue
    echo "kafka: $NAME (pid $pid) did not exit within ${STOP_TIMEOUT}s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  done
  while any_alive "${pids[@]}"; do sleep 0.1; done
  echo "kafka $NAME stopped"
}

any_alive() {
  local pid
  for pid in "$@"; do alive "$pid" && return 0; done
  return 1
}

cmd_kill() {
  [[ $NODE =~ ^[1-9]$ ]] || die "kill needs --node <id> (1 to the number of nodes)"
  local count dir pid
  count=$(state_nodes)
  ((NODE <= count)) || die "instance $NAME has no node $NODE"
  dir=$(node_dir "$count" "$NODE")
  pid=$(running_pid "$dir") || die "node $NODE of instance $NAME is not running"
  kill -KILL "$pid"
  while alive "$pid"; do sleep 0.05; done
  echo "kafka $NAME node $NODE killed (pid $pid)"
}

cmd_status() {
  local dir stopped=0
  while read -r dir; do running_pid "$dir" >/dev/null || stopped=$((stopped + 1)); done < <(node_dirs)
  if (($(state_nodes) == 0)); then
    echo "kafka $NAME stopped (no state)"
    return 3
  fi
  echo "kafka $NAME $( ((stopped == 0)) && echo running || echo stopped): $(describe_nodes)"
  ((stopped == 0)) || return 3
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
    install) parse_opts "$cmd" "$@"; cmd_install; echo "kafka $KAFKA_VERSION jars in $LIBS_DIR" ;;
    start | stop | kill | clean) parse_opts "$cmd" "$@"; lock_instance; "cmd_$cmd" ;;
    status) parse_opts "$cmd" "$@"; cmd_status ;;
    -h | --help | help) usage ;;
    *) echo "kafka: unknown command: $cmd" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
