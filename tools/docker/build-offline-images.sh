#!/usr/bin/env bash
# Builds, with no registry, the local images that stand in for the official
# ones named by compose and the tests:
#   kafka-commerce/debian:bookworm   Debian bookworm minbase (debootstrap) + ca-certificates, tini
#   kafka-commerce/kafka:3.9.1       apache/kafka:3.9.1 stand-in (Maven jars, KAFKA_* env)
#   kafka-commerce/postgres:15       postgres:15 stand-in (Debian postgresql-15, POSTGRES_* env)
#   kafka-commerce/node:20           node stand-in (this machine's node, npm, corepack)
#   kafka-commerce/zipkin:3.6.1      openzipkin/zipkin:3.6.1 stand-in (Maven Central exec jar)
#   kafka-commerce/prometheus:2.42   prom/prometheus:v2.42.0 stand-in (Debian prometheus)
# Needs a running dockerd (tools/docker/dockerd.sh start) and Debian's mirror.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
IMAGES_DIR="$SCRIPT_DIR/images"
CACHE_ROOT="${KAFKA_CACHE_DIR:-$HOME/.cache/kafka-commerce}"
ROOTFS_TAR="$CACHE_ROOT/debian-bookworm-minbase.tar"
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$REPO_ROOT/tools/kafka/pom.xml")
KAFKA_LIBS="$CACHE_ROOT/kafka-$KAFKA_VERSION/libs"
ZIPKIN_VERSION=$(sed -n 's:.*<zipkin.version>\(.*\)</zipkin.version>.*:\1:p' "$REPO_ROOT/tools/zipkin/pom.xml")
ZIPKIN_JAR="$CACHE_ROOT/zipkin-$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar"

BASE=kafka-commerce/debian:bookworm
KAFKA=kafka-commerce/kafka:$KAFKA_VERSION
POSTGRES=kafka-commerce/postgres:15
NODE=kafka-commerce/node:20
ZIPKIN=kafka-commerce/zipkin:$ZIPKIN_VERSION
# Debian bookworm's prometheus package is 2.42.
PROMETHEUS=kafka-commerce/prometheus:2.42

# Default to the dockerd of tools/docker/dockerd.sh unless one is given.
if [[ -z ${DOCKER_HOST:-} ]]; then
  eval "$("$SCRIPT_DIR/dockerd.sh" env)"
fi

FORCE=no
usage() {
  echo "Usage: $(basename "$0") [--force]   (rebuild images whose tag already exists)"
}
while (($#)); do
  case "$1" in
    --force) FORCE=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

log() { echo "build-offline-images: $*" >&2; }
die() { log "$*"; exit 1; }

docker info >/dev/null 2>&1 || die "no Docker engine at $DOCKER_HOST (run tools/docker/dockerd.sh start)"

# Skips an image whose tag exists, unless --force.
wanted() {
  if [[ $FORCE == no ]] && docker image inspect "$1" >/dev/null 2>&1; then
    log "$1 exists, skipping (--force to rebuild)"
    return 1
  fi
}

timed() {
  local what=$1 start=$SECONDS
  shift
  "$@"
  log "$what done in $((SECONDS - start))s"
}

# The rootfs tarball is cached outside the repo; it is rebuilt only if missing.
make_rootfs() {
  [[ -s $ROOTFS_TAR ]] && return 0
  command -v debootstrap >/dev/null || die "debootstrap missing (tools/docker/dockerd.sh start installs it)"
  local mirror dir
  mirror=$(bash "$SCRIPT_DIR/debian-mirror.sh")
  log "debootstrap bookworm from $mirror (about 30-45s) ..."
  mkdir -p "$CACHE_ROOT"
  dir=$(mktemp -d "$CACHE_ROOT/.rootfs.XXXXXX")
  # shellcheck disable=SC2064 # expand $dir now
  trap "rm -rf '$dir'" EXIT
  debootstrap --variant=minbase --include=ca-certificates,tini bookworm "$dir/root" "$mirror" >"$dir/debootstrap.log" 2>&1 ||
    { tail -n 20 "$dir/debootstrap.log" >&2; die "debootstrap failed"; }
  # Like the official debian image: updates + security sources, no
  # recommends, and no apt caches left in layers.
  cat >"$dir/root/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb ${mirror%/debian}/debian-security bookworm-security main
SOURCES
  cat >"$dir/root/etc/apt/apt.conf.d/docker-clean" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Acquire::Languages "none";
APT
  rm -rf "$dir/root/var/lib/apt/lists/"* "$dir/root/var/cache/apt/"*.bin "$dir/root/var/cache/apt/archives/"*.deb "$dir/root/var/log/"*
  tar -C "$dir/root" --numeric-owner -cf "$dir/rootfs.tar" .
  mv -f "$dir/rootfs.tar" "$ROOTFS_TAR"
  rm -rf "$dir"
  trap - EXIT
}

build_base() {
  timed "rootfs $ROOTFS_TAR" make_rootfs
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
    --change 'CMD ["bash"]' \
    "$ROOTFS_TAR" "$BASE" >/dev/null
}

# docker build with a throw-away context: the image folder plus extra files.
# --network host: with dockerd's --iptables=false, bridge containers (and so
# RUN steps) have no route out; host networking lets apt reach the mirror.
build_image() {
  local tag=$1 folder=$2 ctx
  ctx=$(mktemp -d)
  # shellcheck disable=SC2064 # expand $ctx now
  trap "rm -rf '$ctx'" EXIT
  cp -a "$IMAGES_DIR/$folder/." "$ctx/"
  shift 2
  "$@" "$ctx" # fills in the extra files
  log "building $tag ..."
  if ! docker build --network host --build-arg BASE_IMAGE="$BASE" -t "$tag" "$ctx" >"$ctx.log" 2>&1; then
    tail -n 30 "$ctx.log" >&2
    die "docker build of $tag failed"
  fi
  rm -rf "$ctx" "$ctx.log"
  trap - EXIT
}

kafka_context() {
  compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null ||
    die "no Kafka jars in $KAFKA_LIBS (run: bash tools/kafka/kafka.sh install)"
  cp -a "$KAFKA_LIBS" "$1/libs"
}

# The jar zipkin.sh runs, fetched first if this machine has never run it.
zipkin_context() {
  [[ -s $ZIPKIN_JAR ]] || ZIPKIN_CACHE_DIR=$CACHE_ROOT bash "$REPO_ROOT/tools/zipkin/zipkin.sh" install >&2
  cp "$ZIPKIN_JAR" "$1/zipkin.jar"
}

node_context() {
  local node npm_root
  node=$(command -v node) || die "no node on this machine"
  node=$(readlink -f "$node")
  npm_root=$(npm root -g 2>/dev/null) || npm_root=$(dirname "$(dirname "$node")")/lib/node_modules
  cp "$node" "$1/node"
  mkdir -p "$1/node_modules"
  cp -a "$npm_root/npm" "$npm_root/corepack" "$1/node_modules/"
}

if wanted "$BASE"; then timed "$BASE" build_base; fi
if wanted "$KAFKA"; then timed "$KAFKA" build_image "$KAFKA" kafka kafka_context; fi
if wanted "$POSTGRES"; then timed "$POSTGRES" build_image "$POSTGRES" postgres true; fi
if wanted "$NODE"; then timed "$NODE" build_image "$NODE" node node_context; fi
if wanted "$ZIPKIN"; then timed "$ZIPKIN" build_image "$ZIPKIN" zipkin zipkin_context; fi
if wanted "$PROMETHEUS"; then timed "$PROMETHEUS" build_image "$PROMETHEUS" prometheus true; fi

docker images --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' 'kafka-commerce/*' >&2
