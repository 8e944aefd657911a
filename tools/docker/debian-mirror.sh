#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt uses (deb822 or one-line sources), so that
# images and packages come from where the machine is allowed to fetch them.
set -uo pipefail
mirror=$(grep -hsE '^(URIs:|deb ).*debian' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list |
  grep -v security | sed -nE 's#^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)([^[:space:]]+).*#\3#p' | head -n 1)
echo "${mirror:-http://deb.debian.org/debian}"
