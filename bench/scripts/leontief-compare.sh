#!/usr/bin/env bash
# The Leontief benchmark of docs/benchmarks.md, "Leontief solves": Gosplan's solve against scipy's best
# on the same random economy, in the same run, on the same machine.
#   bench/scripts/leontief-compare.sh [products] [inputs] [repeats]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-1000000}"; k="${2:-10}"; repeats="${3:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cp="$root/bench/target/gosplan-bench-0.1.0.jar:$(cat "$root/bench/target/classpath.txt")"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== Gosplan (Java $(java -version 2>&1 | head -1 | cut -d'"' -f2))"
java -Xmx8g -XX:+UseParallelGC -cp "$cp" org.gosplan.bench.leontief.LeontiefBench "$n" "$k" "$repeats" "$dir"
echo "== scipy on the same system"
python3 "$root/bench/scripts/leontief_scipy.py" "$dir" 3
