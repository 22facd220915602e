#!/usr/bin/env bash
# Runs every test of Gosplan on a fresh machine: installs what the tests need (PostgreSQL from
# Debian's packages where missing), starts a throwaway PostgreSQL cluster on loopback for the
# ledger's PostgreSQL tests, and runs the whole Maven build with its tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -x scripts/with-postgres.sh ]; then
  exec scripts/with-postgres.sh mvn -B -ntp verify "$@"
else
  exec mvn -B -ntp verify "$@"
fi
