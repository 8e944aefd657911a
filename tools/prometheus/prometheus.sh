#!/usr/bin/env bash
# Installs Prometheus (and promtool) from Debian's `prometheus` package, for the stacks that
# tools/stack starts: each runs its own `prometheus` on its own port, config and data under
# .stack/<profile>/prometheus/. No Docker, no registry, no tarball download.
set -euo pipefail

PACKAGE=prometheus
# The dev stack's Prometheus port, which a system-wide Prometheus would take.
SYSTEM_PORT=9090

usage() {
  cat <<EOF
Usage: $(basename "$0") <command>

Commands:
  install   apt-get install --no-install-recommends $PACKAGE, unless prometheus and promtool
            are already on PATH. Debian's package would run a system-wide Prometheus on
            :$SYSTEM_PORT (the dev stack's port): it is kept from starting, or stopped and
            disabled if it started anyway.
  version   print the installed versions
EOF
}

die() {
  echo "prometheus: $*" >&2
  exit 1
}

installed() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null
}

cmd_install() {
  installed && return 0
  command -v apt-get >/dev/null ||
    die "prometheus/promtool not on PATH and no apt-get: install Prometheus 2.x yourself"
  ((EUID == 0)) ||
    die "need root to install Debian's $PACKAGE (or run: sudo apt-get install --no-install-recommends $PACKAGE)"
  echo "prometheus: installing Debian's $PACKAGE (apt-get, no recommends) ..." >&2
  deny_service_starts
  export DEBIAN_FRONTEND=noninteractive
  # The lock timeout lets a concurrent apt-get (another install step) finish first.
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$PACKAGE" >&2 ||
    die "apt-get install $PACKAGE failed"
  allow_service_starts
  stop_system_service
  installed || die "$PACKAGE is installed but prometheus/promtool are not on PATH"
  echo "prometheus: installed $(prometheus --version 2>&1 | head -n 1)" >&2
}

# invoke-rc.d and deb-systemd-invoke ask policy-rc.d whether a package's postinst may start
# its service; 101 means no. An existing policy (containers often have one) is left alone.
POLICY=/usr/sbin/policy-rc.d
OWN_POLICY=no
deny_service_starts() {
  [[ ! -e $POLICY ]] || return 0
  printf '#!/bin/sh\n# Temporary, from tools/prometheus/prometheus.sh install\nexit 101\n' >"$POLICY"
  chmod 755 "$POLICY"
  OWN_POLICY=yes
  trap allow_service_starts EXIT
}

allow_service_starts() {
  [[ $OWN_POLICY == yes ]] || return 0
  rm -f "$POLICY"
  OWN_POLICY=no
  trap - EXIT
}

# In case a policy allowed the start anyway: a system-wide Prometheus on :9090 would keep the
# dev stack's from starting (and scrape nothing of ours), so it is stopped and not started at
# boot either.
stop_system_service() {
  if [[ -d /run/systemd/system ]]; then
    systemctl disable --now "$PACKAGE.service" >/dev/null 2>&1 || true
  elif [[ -x /etc/init.d/$PACKAGE ]] && /etc/init.d/"$PACKAGE" status >/dev/null 2>&1; then
    /etc/init.d/"$PACKAGE" stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  install) cmd_install; prometheus --version 2>&1 | head -n 1 ;;
  version)
    installed || die "not installed (run: $0 install)"
    prometheus --version 2>&1 | head -n 1
    promtool --version 2>&1 | head -n 1
    ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
