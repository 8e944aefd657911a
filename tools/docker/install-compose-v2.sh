#!/usr/bin/env bash
# Installs Compose v2 (`docker compose`) as a Docker CLI plugin for this user, from Debian's
# own archive: bookworm ships only docker-compose 1.29, trixie ships Compose 2.x. Uses a
# private apt state under the cache directory, so the system's sources stay untouched.
#   bash tools/docker/install-compose-v2.sh     # no-op when `docker compose version` works
set -euo pipefail

CACHE_ROOT="${KAFKA_CACHE_DIR:-$HOME/.cache/kafka-commerce}"
APT_DIR="$CACHE_ROOT/apt-trixie"
PLUGIN_DIR="${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins"

if docker compose version >/dev/null 2>&1; then
  docker compose version
  exit 0
fi

mirror=$(bash "$(dirname "${BASH_SOURCE[0]}")/debian-mirror.sh")

mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/archives/partial" "$PLUGIN_DIR"
echo "deb $mirror trixie main" >"$APT_DIR/sources.list"
apt_opts=(
  -o "Dir::Etc::sourcelist=$APT_DIR/sources.list" -o Dir::Etc::sourceparts=-
  -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache::archives=$APT_DIR/archives"
  -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root
)
echo "install-compose-v2: docker-compose from Debian trixie ($mirror) ..." >&2
apt-get "${apt_opts[@]}" update -qq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get "${apt_opts[@]}" download -qq docker-compose)
dpkg-deb -x "$work"/docker-compose_*.deb "$work/x"
install -m 0755 "$work/x/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGIN_DIR/docker-compose"
docker compose version
