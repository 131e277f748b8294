#!/usr/bin/env bash
# Runs the build/ host (the Cake engine with the releng tasks) with the given arguments, e.g.
#   ./build.sh --target=all --env=sandbox
#   ./build.sh --target=test
# The host is built once and then started directly; it is rebuilt by itself when a source or project file changed
# (a digest of the source and project files, much cheaper than MSBuild's up-to-date check).
set -euo pipefail
cd "$(dirname "$0")"

readonly host_dir=build/bin/Release/net10.0
readonly host="$host_dir/Releng.Build"
readonly stamp="$host_dir/.releng-build.stamp"

setup_dotnet() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  # The apphost looks for the runtime in DOTNET_ROOT first; point it at the dotnet on PATH.
  if [ -z "${DOTNET_ROOT:-}" ] && command -v dotnet >/dev/null 2>&1; then
    DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
    export DOTNET_ROOT
  fi
}

# A digest of the names and contents of every file the host is built from. Contents rather than times, so a fresh
# checkout over a cached build output (as the workflows restore it) is still recognised as up to date.
host_sources_digest() {
  find build jobs Directory.Build.props \( -name bin -o -name obj \) -prune -o -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name 'packages.lock.json' \) -print0 \
    | LC_ALL=C sort -z | xargs -0 cksum | cksum
}

host_is_stale() {
  [ -x "$host" ] && [ -f "$stamp" ] || return 0
  [ "$(host_sources_digest)" != "$(cat "$stamp")" ]
}

build_host() {
  # The digest is taken before the build, so a file edited while it runs makes the next start rebuild again.
  local digest
  digest="$(host_sources_digest)"
  dotnet build build/Build.csproj --configuration Release -v quiet -nologo -clp:NoSummary >&2
  printf '%s\n' "$digest" >"$stamp"
}

setup_dotnet
if host_is_stale; then
  build_host
fi
exec "$host" "$@"
