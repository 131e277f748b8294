#!/usr/bin/env bash
# Installs the Kerberos packages (Debian/Ubuntu). Idempotent: installs only what is missing.
#   client  what a job needs to log in with the bot's keytab: libgssapi-krb5-2 (which .NET loads for HTTP Negotiate),
#           krb5-user (kinit, klist) and krb5-k5tls (without it the KDC proxy fails with only "Cannot contact any KDC")
#   test    the client, plus the real KDC and Apache with mod_auth_gssapi the Kerberos tests start on loopback
# Works as root, or through sudo otherwise. The packages' own services are never started.
set -euo pipefail

mode="${1:-client}"
packages=(libgssapi-krb5-2 krb5-user krb5-k5tls)
if [ "$mode" = test ]; then
  packages+=(krb5-kdc krb5-admin-server apache2 libapache2-mod-auth-gssapi)
elif [ "$mode" != client ]; then
  echo "install-kerberos: usage: install-kerberos.sh client|test" >&2
  exit 2
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
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
  echo "install-kerberos: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-kerberos: no apt-get here; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi

echo "install-kerberos: installing ${missing[*]}"
# krb5-kdc, krb5-admin-server and apache2 would start system services; the tests run their own on loopback.
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
"${as_root[@]}" apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null
