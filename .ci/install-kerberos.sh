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

bash "$(dirname "$0")/apt-install.sh" install-kerberos "${packages[@]}"
