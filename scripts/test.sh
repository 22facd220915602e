#!/usr/bin/env bash
# Runs every test of Gosplan on a fresh machine: installs what the tests need (PostgreSQL from
# Debian's packages where missing; numpy and scipy for the auditor's script; Debian's chromium and
# chromium-driver for the server's browser tests), starts a throwaway
# PostgreSQL cluster on loopback for the ledger's PostgreSQL tests, and runs the whole Maven build
# with its tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# bench's CheckPlanScriptTest runs the auditor's script bench/scripts/check_plan.py (numpy, scipy)
if ! python3 -c 'import numpy, scipy' 2>/dev/null; then
  echo "test.sh: installing numpy and scipy for bench/scripts/check_plan.py" >&2
  python3 -m pip install --quiet numpy scipy 2>/dev/null \
    || { apt-get update -qq && apt-get install -y -qq python3-numpy python3-scipy; }
fi
# server's BrowserTest drives headless Chromium through chromedriver
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  echo "test.sh: installing chromium and chromium-driver for the server's browser tests" >&2
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver
fi
# With the browser installed, a browser test that cannot run is a failure, not a skip.
if [ -x scripts/with-postgres.sh ]; then
  exec scripts/with-postgres.sh mvn -B -ntp verify -Dgosplan.browser.required=true "$@"
else
  exec mvn -B -ntp verify -Dgosplan.browser.required=true "$@"
fi
