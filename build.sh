#!/usr/bin/env bash
# Runs the build/ host (the Cake engine with the releng tasks) with the given arguments, e.g.
#   ./build.sh --target=all --env=sandbox
#   ./build.sh --target=test
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Kerberos (KRB5_KEYTAB, KRB5_PRINCIPAL) has to be in place before the process starts: build/krb5/with-kerberos.sh.
exec bash build/krb5/with-kerberos.sh dotnet run --project build/Build.csproj --configuration Release -v quiet -- "$@"
