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

bash "$(dirname "$0")/apt-install.sh" install-tools "${missing[@]}"

for tool in git skopeo docker-registry; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/bin/$tool" ]; then
    echo "install-tools: $tool is still missing after the install" >&2
    exit 1
  fi
done
