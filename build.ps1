# Runs the build/ host (the Cake engine with the releng tasks) with the given arguments, e.g.
#   ./build.ps1 --target=all --env=sandbox
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
# Kerberos (KRB5_KEYTAB, KRB5_PRINCIPAL) has to be in place before the process starts: build/krb5/with-kerberos.ps1.
. "$PSScriptRoot/build/krb5/with-kerberos.ps1"
Enter-Kerberos
try { dotnet run --project build/Build.csproj --configuration Release -v quiet -- $args } finally { Exit-Kerberos }
exit $LASTEXITCODE
