# Runs the build/ host (the Cake engine with the releng tasks) with the given arguments, e.g.
#   ./build.ps1 --target=all --env=sandbox
# The host is built once and then started directly; it is rebuilt by itself when a source or project file changed
# (a digest of the source and project files, much cheaper than MSBuild's up-to-date check), like build.sh.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$hostDir = Join-Path 'build' (Join-Path 'bin' (Join-Path 'Release' 'net10.0'))
$hostDll = Join-Path $hostDir 'Releng.Build.dll'
$stamp = Join-Path $hostDir '.releng-build.stamp'
$sourcePattern = '\.(cs|csproj|props|targets)$|^packages\.lock\.json$'

function Get-HostSources {
    $files = @(Get-Item 'Directory.Build.props')
    foreach ($root in 'build', 'jobs') {
        $files += Get-ChildItem -Path $root -Recurse -File |
            Where-Object { $_.Name -match $sourcePattern -and $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
    }
    $files | Sort-Object FullName
}

# A digest of the names and contents of every file the host is built from. Contents rather than times, so a fresh
# checkout over a cached build output (as the workflows restore it) is still recognised as up to date.
function Get-SourcesDigest {
    $lines = Get-HostSources | ForEach-Object {
        "$(Resolve-Path -Relative $_.FullName) $((Get-FileHash -Algorithm SHA256 -LiteralPath $_.FullName).Hash)"
    }
    $bytes = [System.Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    [System.Convert]::ToHexString([System.Security.Cryptography.SHA256]::HashData($bytes))
}

function Test-HostStale {
    if (-not (Test-Path $hostDll) -or -not (Test-Path $stamp)) { return $true }
    return (Get-SourcesDigest) -ne (Get-Content $stamp -TotalCount 1)
}

if (Test-HostStale) {
    # The digest is taken before the build, so a file edited while it runs makes the next start rebuild again.
    $digest = Get-SourcesDigest
    dotnet build build/Build.csproj --configuration Release -v quiet -nologo -clp:NoSummary
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
    Set-Content -Path $stamp -Value $digest
}

dotnet exec $hostDll @args
exit $LASTEXITCODE
