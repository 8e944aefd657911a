#!/usr/bin/env bash
# Installs headless Chromium from Debian's `chromium` package: the browser that the
# dashboard's end-to-end test drives and that `pnpm trace --screenshot` uses. No registry,
# no browser download from the web (Puppeteer's and Playwright's downloads are not reachable
# here).
set -euo pipefail

PACKAGE=chromium
BINARY=${CHROMIUM:-/usr/bin/chromium}

usage() {
  cat <<USAGE
Usage: $(basename "$0") <command>

Commands:
  install   apt-get install --no-install-recommends $PACKAGE, unless $BINARY exists
            (CHROMIUM names another binary)
  version   print the installed version
USAGE
}

die() {
  echo "chromium: $*" >&2
  exit 1
}

cmd_install() {
  [[ -x $BINARY ]] && return 0
  command -v apt-get >/dev/null || die "$BINARY missing and no apt-get: install Chromium yourself"
  ((EUID == 0)) ||
    die "need root to install Debian's $PACKAGE (or run: sudo apt-get install --no-install-recommends $PACKAGE)"
  echo "chromium: installing Debian's $PACKAGE (apt-get, no recommends) ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # The lock timeout lets a concurrent apt-get (another install step) finish first.
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$PACKAGE" >&2 ||
    die "apt-get install $PACKAGE failed"
  [[ -x $BINARY ]] || die "$PACKAGE is installed but $BINARY is not"
  echo "chromium: installed $("$BINARY" --version 2>/dev/null)" >&2
}

case "${1:-}" in
  install) cmd_install ;;
  version) "$BINARY" --version ;;
  -h | --help | help | '') usage ;;
  *) usage >&2; exit 2 ;;
esac
