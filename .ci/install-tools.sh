#!/usr/bin/env bash
# Installs the tools the tests use (real git, skopeo and docker-registry) when they are missing. Idempotent.
set -euo pipefail
missing=()
command -v git >/dev/null || missing+=(git)
command -v skopeo >/dev/null || missing+=(skopeo)
[ -x /usr/bin/docker-registry ] || missing+=(docker-registry)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
