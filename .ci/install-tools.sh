#!/usr/bin/env bash
# Installs the command-line tools the jobs and their tests run: git, skopeo and docker-registry (Debian/Ubuntu),
# and the Kerberos client, KDC and Apache the Kerberos tests use (.ci/install-kerberos.sh test).
# Idempotent: does nothing when every tool is already there. Works as root, or through sudo otherwise.
set -euo pipefail

bash "$(dirname "$0")/install-kerberos.sh" test

declare -A package_of=(
  [git]=git
  [skopeo]=skopeo
  [docker-registry]=docker-registry
)

missing=()
for tool in git skopeo docker-registry; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/bin/$tool" ]; then
    missing+=("${package_of[$tool]}")
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
  echo "install-tools: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-tools: no apt-get here; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi

echo "install-tools: installing ${missing[*]}"
# The docker-registry package would start a registry on :5000 (all interfaces) on a host with an init system;
# the tests run their own on 127.0.0.1, so service starts are refused for the duration of the install.
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
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

for tool in git skopeo docker-registry; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/bin/$tool" ]; then
    echo "install-tools: $tool is still missing after the install" >&2
    exit 1
  fi
done
