#!/usr/bin/env bash
# Installs the given Debian packages that are not installed yet, never starting their services (the tests run
# their own servers on loopback), as root or through sudo. Usage: apt-install.sh <who is asking> <package>...
set -euo pipefail

who="$1"
shift
missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "$who: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$who: no apt-get here; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi

echo "$who: installing ${missing[*]}"
# A package's maintainer scripts would start its service (a registry on :5000, a KDC, Apache, PostgreSQL) on a host
# with an init system: service starts are refused for the duration of the install.
policy_rc=/usr/sbin/policy-rc.d
added_policy=false
if [ ! -e "$policy_rc" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy_rc" >/dev/null
  "${as_root[@]}" chmod 755 "$policy_rc"
  added_policy=true
fi
cleanup() {
  if [ "$added_policy" = true ]; then
    "${as_root[@]}" rm -f "$policy_rc"
  fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null
