#!/usr/bin/env bash
# The README's run command: builds Gosplan, runs its demo (the UK 2010 table planned and put on a
# signed record in demo-data/), then serves that record on the web and prints its address.
# GOSPLAN_LISTEN chooses where (default 127.0.0.1:8080). Stop the server with Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/gosplan" demo
echo
exec "$root/gosplan" serve demo-data/record --listen "${GOSPLAN_LISTEN:-127.0.0.1:8080}"
