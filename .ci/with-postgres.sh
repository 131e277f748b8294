#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster, so the clustered scheduler tests (RELENG_TEST_POSTGRES) run:
# installs Debian's postgresql when it is missing (without its default cluster), starts a cluster of its own in a
# temporary directory on a free loopback port, exports RELENG_TEST_POSTGRES, runs the command, then stops the
# cluster and removes it, also when the command fails. Exits with the command's status.
#   bash .ci/with-postgres.sh ./build.sh --target=test
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [arguments...]" >&2
  exit 2
fi

unavailable() {
  # In CI the tests must run; elsewhere a machine without PostgreSQL still runs the rest (those tests skip).
  if [ "${CI:-}" = true ]; then
    echo "with-postgres: $1" >&2
    exit 1
  fi
  echo "with-postgres: $1; the PostgreSQL tests will be skipped" >&2
  exec "$@"
}

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  as_root=(false)
fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin=$(find_bin)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  command -v apt-get >/dev/null 2>&1 || unavailable "no PostgreSQL and no apt-get to install it" "$@"
  export DEBIAN_FRONTEND=noninteractive
  # No default cluster and no service start: this script runs the only cluster, on loopback, for this run only.
  "${as_root[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | "${as_root[@]}" tee /etc/postgresql-common/createcluster.d/releng-jobs.conf >/dev/null
  installed=true
  bash "$(dirname "$0")/apt-install.sh" with-postgres postgresql || installed=false
  [ "$installed" = true ] || unavailable "installing postgresql failed" "$@"
  bin=$(find_bin)
fi

# initdb and postgres refuse to run as root: the server runs as the package's postgres account then.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as_server=(runuser -u postgres --)
else
  as_server=()
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/releng-postgres.XXXXXX")
chmod 755 "$work"
[ "$(id -u)" -ne 0 ] || chown postgres "$work"
data="$work/data"
started=false
cleanup() {
  if [ "$started" = true ]; then
    "${as_server[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"${as_server[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; unavailable "initdb failed" "$@"; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for attempt in 1 2 3 4 5; do
  port=$(( 20000 + RANDOM % 40000 ))
  port_is_free "$port" || continue
  if "${as_server[@]}" "$bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off" start >/dev/null; then
    started=true
    break
  fi
done
[ "$started" = true ] || { cat "$work/server.log" >&2 || true; unavailable "the PostgreSQL server did not start" "$@"; }

"$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres quartz
export RELENG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=quartz"
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for this run"

status=0
"$@" || status=$?
exit "$status"
