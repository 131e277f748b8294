#!/usr/bin/env bash
# Runs a command with the bot's Kerberos set up, e.g. build.sh's `dotnet run …`.
#
# The native Kerberos library reads KRB5_CONFIG, KRB5CCNAME and KRB5_CLIENT_KTNAME from the process environment
# when the process starts, so they are set here, before it starts. When KRB5_KEYTAB and KRB5_PRINCIPAL are set:
#   - KRB5_KEYTAB is a keytab file's path, or the keytab itself base64-encoded (as a CI secret holds it), which is
#     written to a private temporary directory (mode 700) and deleted when the command ends, however it ends;
#   - KRB5_CLIENT_KTNAME names that keytab: the library gets the bot's ticket from it on first use (no kinit);
#   - KRB5CCNAME is a memory cache, private to the process (and to each child it starts), nothing on disk;
#   - KRB5_CONFIG, unless already set, is the configuration shipped here for the principal's realm
#     (FEDORAPROJECT.ORG or STG.FEDORAPROJECT.ORG, both through Fedora's KDC proxy).
# Without them the command runs unchanged. The keytab never appears on a command line or in the output.
set -euo pipefail

if [ -z "${KRB5_KEYTAB:-}" ] || [ -z "${KRB5_PRINCIPAL:-}" ]; then
  exec "$@"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
realm="${KRB5_PRINCIPAL##*@}"
if [ "$realm" = "$KRB5_PRINCIPAL" ]; then
  echo "with-kerberos: KRB5_PRINCIPAL must name its realm (name/host@FEDORAPROJECT.ORG)" >&2
  exit 2
fi

private="$(umask 077 && mktemp -d "${TMPDIR:-/tmp}/releng-krb5.XXXXXXXX")"
cleanup() { rm -rf "$private"; }
trap cleanup EXIT

if [ -f "$KRB5_KEYTAB" ]; then
  keytab="$KRB5_KEYTAB"
else
  keytab="$private/bot.keytab"
  # printf is a shell builtin: the secret is never an argument of another process.
  if ! (umask 077 && printf '%s' "$KRB5_KEYTAB" | base64 -d > "$keytab" 2>/dev/null); then
    echo "with-kerberos: KRB5_KEYTAB is neither a keytab file nor a base64-encoded keytab" >&2
    exit 2
  fi
fi
# A keytab starts with the format version 0x05 0x01 or 0x05 0x02.
if [ "$(od -An -tx1 -N2 "$keytab" | tr -d ' \n')" != 0502 ] && [ "$(od -An -tx1 -N2 "$keytab" | tr -d ' \n')" != 0501 ]; then
  echo "with-kerberos: KRB5_KEYTAB does not hold a keytab (a keytab file, or one base64-encoded: base64 -w0 bot.keytab)" >&2
  exit 2
fi

export KRB5_CLIENT_KTNAME="FILE:$keytab"
export KRB5CCNAME="MEMORY:releng-bot"
if [ -z "${KRB5_CONFIG:-}" ] && [ -f "$here/$realm.conf" ]; then
  export KRB5_CONFIG="$here/$realm.conf"
fi

# Not exec: the keytab is deleted when the command ends. SIGTERM and SIGINT are passed on, so a scheduler that is
# asked to stop lets its running job finish, and the cleanup still runs afterwards.
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' TERM INT
status=0
wait "$child" || status=$?
while kill -0 "$child" 2>/dev/null; do
  status=0
  wait "$child" || status=$?
done
exit "$status"
