#!/usr/bin/env bash
# Runs the build/ host (the Cake engine with the releng tasks) with the given arguments, e.g.
#   ./build.sh --target=all --env=sandbox
#   ./build.sh --target=test
# The host is built once and then started directly; it is rebuilt by itself when a source or project file changed
# (a file list and modification-time check, much cheaper than MSBuild's up-to-date check).
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

# Every file the host is built from; a file added or removed changes the list, an edited one is newer than the stamp.
host_sources() {
  find build jobs Directory.Build.props \( -name bin -o -name obj \) -prune -o -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name 'packages.lock.json' \) -print \
    | LC_ALL=C sort
}

host_is_stale() {
  [ -x "$host" ] && [ -f "$stamp" ] || return 0
  [ "$(host_sources | cksum)" = "$(head -n 1 "$stamp")" ] || return 0
  [ -z "$(find build jobs Directory.Build.props \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print -quit)" ] || return 0
  return 1
}

build_host() {
  # The list is taken before the build, so a file edited while it runs makes the next start rebuild again.
  local listing
  listing="$(host_sources | cksum)"
  local started="$stamp.started"
  mkdir -p "$host_dir"
  : >"$started"
  dotnet build build/Build.csproj --configuration Release -v quiet -nologo -clp:NoSummary >&2
  printf '%s\n' "$listing" >"$stamp"
  touch -r "$started" "$stamp"
  rm -f "$started"
}

setup_dotnet
if host_is_stale; then
  build_host
fi
exec "$host" "$@"
