#!/usr/bin/env bash
# Runs the command given as arguments with a throwaway PostgreSQL cluster (PostgreSQL 15 from
# Debian's packages, installed first where `initdb` is missing), listening on a free loopback
# port, with its data in a temporary folder. Exports GOSPLAN_TEST_PG_URL for the tests, for example
#   jdbc:postgresql://127.0.0.1:41234/gosplan_test?user=gosplan
# and stops and removes the cluster when the command ends (whatever its exit code, which it keeps).
#
#   scripts/with-postgres.sh mvn -B -o install -pl ledger
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: scripts/with-postgres.sh COMMAND [ARGS...]" >&2
  exit 2
fi

find_pgbin() {
  local d
  for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  return 1
}

if ! pgbin="$(find_pgbin)"; then
  echo "with-postgres: initdb is missing; installing the Debian package postgresql..." >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  pgbin="$(find_pgbin)" || { echo "with-postgres: PostgreSQL is still missing after the install" >&2; exit 3; }
fi

# PostgreSQL refuses to run as root: as root, run the server as the postgres user (made by the
# Debian package), or as nobody when that user is missing.
runas=()
if [ "$(id -u)" -eq 0 ]; then
  pguser=postgres
  id "$pguser" >/dev/null 2>&1 || pguser=nobody
  runas=(runuser -u "$pguser" --)
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/gosplan-pg.XXXXXX")"
chmod 0755 "$tmp"
if [ "${#runas[@]}" -gt 0 ]; then chown "$pguser" "$tmp"; fi

cleanup() {
  "${runas[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free loopback port: try random ones until nothing answers there.
port=""
for p in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port="$p"; break; fi
done
[ -n "$port" ] || { echo "with-postgres: no free port found" >&2; exit 3; }

"${runas[@]}" "$pgbin/initdb" -D "$tmp/data" -U gosplan -A trust -E UTF8 --no-locale >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 3; }
"${runas[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c max_connections=200" start >/dev/null \
  || { cat "$tmp/server.log" >&2; exit 3; }
"${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U gosplan gosplan_test

export GOSPLAN_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/gosplan_test?user=gosplan"
echo "with-postgres: PostgreSQL $("$pgbin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (data in $tmp)" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
