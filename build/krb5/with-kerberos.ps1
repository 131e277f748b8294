# build.ps1's counterpart of with-kerberos.sh (read that file for why): dot-sourced, it defines Enter-Kerberos, which
# sets the Kerberos environment for the commands started afterwards, and Exit-Kerberos, which deletes the private
# keytab. With KRB5_KEYTAB (a keytab path, or the keytab base64-encoded) and KRB5_PRINCIPAL set: a base64 keytab is
# written to a private temporary directory; KRB5_CLIENT_KTNAME, KRB5CCNAME (memory) and, unless set, KRB5_CONFIG
# (the shipped file for the principal's realm) are set. Without them both do nothing.
$script:KerberosPrivate = $null

function Enter-Kerberos {
    if (-not $env:KRB5_KEYTAB -or -not $env:KRB5_PRINCIPAL) { return }
    $realm = ($env:KRB5_PRINCIPAL -split '@')[-1]
    if ($realm -eq $env:KRB5_PRINCIPAL) {
        [Console]::Error.WriteLine('with-kerberos: KRB5_PRINCIPAL must name its realm (name/host@FEDORAPROJECT.ORG)')
        exit 2
    }
    if (Test-Path -LiteralPath $env:KRB5_KEYTAB -PathType Leaf) {
        $keytab = $env:KRB5_KEYTAB
    } else {
        $script:KerberosPrivate = Join-Path ([IO.Path]::GetTempPath()) ("releng-krb5." + [Guid]::NewGuid().ToString('N'))
        [void][IO.Directory]::CreateDirectory($script:KerberosPrivate)
        if (-not $IsWindows) { [IO.File]::SetUnixFileMode($script:KerberosPrivate, [IO.UnixFileMode]'UserRead, UserWrite, UserExecute') }
        $keytab = Join-Path $script:KerberosPrivate 'bot.keytab'
        try { $bytes = [Convert]::FromBase64String(($env:KRB5_KEYTAB -replace '\s', '')) }
        catch { Exit-Kerberos; [Console]::Error.WriteLine('with-kerberos: KRB5_KEYTAB is neither a keytab file nor a base64-encoded keytab'); exit 2 }
        [IO.File]::WriteAllBytes($keytab, $bytes)
    }
    $head = [IO.File]::ReadAllBytes($keytab) | Select-Object -First 2
    if ($head.Count -lt 2 -or $head[0] -ne 5 -or ($head[1] -ne 1 -and $head[1] -ne 2)) {
        Exit-Kerberos
        [Console]::Error.WriteLine('with-kerberos: KRB5_KEYTAB does not hold a keytab (a keytab file, or one base64-encoded)')
        exit 2
    }
    $env:KRB5_CLIENT_KTNAME = "FILE:$keytab"
    $env:KRB5CCNAME = 'MEMORY:releng-bot'
    $shipped = Join-Path $PSScriptRoot "$realm.conf"
    if (-not $env:KRB5_CONFIG -and (Test-Path -LiteralPath $shipped)) { $env:KRB5_CONFIG = $shipped }
}

function Exit-Kerberos {
    if ($script:KerberosPrivate) {
        Remove-Item -LiteralPath $script:KerberosPrivate -Recurse -Force -ErrorAction SilentlyContinue
        $script:KerberosPrivate = $null
    }
}
