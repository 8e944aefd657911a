#!/usr/bin/env bash
# Runs a private Docker engine (Debian's docker.io) for local work and CI.
# No registry is reachable from our machines, so dockerd is started with a
# dead loopback proxy: any accidental pull fails at once instead of hanging.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
DIR="${KC_DOCKER_DIR:-$REPO_ROOT/.stack/docker}"
SOCK="$DIR/docker.sock"
PID_FILE="$DIR/docker.pid"
LOG_FILE="$DIR/dockerd.log"
START_TIMEOUT="${KC_DOCKER_START_TIMEOUT:-30}"
STOP_TIMEOUT="${KC_DOCKER_STOP_TIMEOUT:-30}"
export DOCKER_HOST="unix://$SOCK"

usage() {
  cat <<EOF
Usage: $(basename "$0") start|stop|status|env

  start   install docker.io, docker-compose, debootstrap (apt) if missing,
          start a private dockerd, wait until it answers, print the export line
  stop    stop that dockerd (SIGTERM, SIGKILL after ${STOP_TIMEOUT}s) and wait
  status  print running/stopped; exit 0 if running, 3 if not
  env     print: export DOCKER_HOST=$DOCKER_HOST

State (data-root, exec-root, socket, pid, log) lives in \$KC_DOCKER_DIR
(default: <repo>/.stack/docker). Use it with: eval "\$($0 env)"
EOF
}

die() {
  echo "dockerd: $*" >&2
  exit 1
}

# Loud on purpose: CI must fall back to the no-Docker path visibly.
fail_start() {
  {
    echo "################################################################"
    echo "## dockerd: DOCKER IS NOT AVAILABLE: $1"
    echo "################################################################"
    if [[ -f $LOG_FILE ]]; then
      echo "last 30 lines of $LOG_FILE:"
      tail -n 30 "$LOG_FILE"
    fi
  } >&2
  exit 1
}

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  ((${#missing[@]} == 0)) && return 0
  ((EUID == 0)) || die "need root to install ${missing[*]}"
  echo "dockerd: installing ${missing[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
    fail_start "apt-get install ${missing[*]} failed"
}

# A zombie (exited, not yet reaped) still answers kill -0.
alive() {
  local stat
  stat=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $stat != Z* ]]
}

# Pid of *our* dockerd, checked by command line so a reused pid never matches.
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid args
  pid=$(<"$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" || return 1
  args=$(ps -o args= -p "$pid" 2>/dev/null) || return 1
  [[ $args == *dockerd*"$PID_FILE"* ]] || return 1
  echo "$pid"
}

answers() {
  docker info >/dev/null 2>&1
}

cmd_start() {
  local pid
  if pid=$(running_pid) && answers; then
    echo "export DOCKER_HOST=$DOCKER_HOST"
    return 0
  fi
  [[ -z ${pid:-} ]] || die "dockerd pid $pid is running but not answering on $SOCK; run '$0 stop' first"
  ensure_packages
  mkdir -p "$DIR/data" "$DIR/exec" || fail_start "cannot create $DIR"
  rm -f "$PID_FILE" "$SOCK"
  # exec-root holds a unix socket path; keep it short (108-byte limit).
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY='' \
    http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy='' \
    setsid nohup dockerd \
    --iptables=false --ip6tables=false --ip-forward=false \
    --storage-driver=overlay2 \
    --data-root "$DIR/data" --exec-root "$DIR/exec" \
    -H "$DOCKER_HOST" --pidfile "$PID_FILE" \
    </dev/null >"$LOG_FILE" 2>&1 &
  pid=$!
  local ticks=$((START_TIMEOUT * 10))
  until answers; do
    alive "$pid" || fail_start "dockerd exited during startup"
    if ((ticks-- <= 0)); then
      kill -KILL "$pid" 2>/dev/null || true
      fail_start "dockerd did not answer within ${START_TIMEOUT}s"
    fi
    sleep 0.1
  done
  echo "dockerd: ready ($(docker version -f '{{.Server.Version}}')) on $SOCK" >&2
  echo "export DOCKER_HOST=$DOCKER_HOST"
}

cmd_stop() {
  local pid
  if ! pid=$(running_pid); then
    echo "dockerd not running"
    return 0
  fi
  kill -TERM "$pid"
  local ticks=$((STOP_TIMEOUT * 10))
  while alive "$pid" && ((ticks-- > 0)); do sleep 0.1; done
  if alive "$pid"; then
    echo "dockerd: did not exit within ${STOP_TIMEOUT}s, sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  echo "dockerd stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    echo "dockerd running (pid $pid) on $SOCK"
    return 0
  fi
  echo "dockerd stopped"
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) echo "export DOCKER_HOST=$DOCKER_HOST" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
