#!/bin/bash
# Gosplan's plan against scipy's HiGHS (linprog) on the same random economy, in one run.
#   bench/scripts/plan-compare.sh PRODUCTS [labour|hard] [gosplan-methods] [scipy-method] [scipy-time-limit]
# Builds nothing: run `mvn -q -B -o install -pl economy,planner -DskipTests && mvn -q -B -o package -pl bench -DskipTests` first.
set -e
cd "$(dirname "$0")/../.."
N=${1:-1500}; KIND=${2:-labour}; METHODS=${3:-auto}; SCIPY=${4:-highs-ds}; LIMIT=${5:-600}
DIR=$(mktemp -d)/economy
CP=bench/target/classes:planner/target/classes:$(cat bench/target/classpath.txt)
OUT=$(java -Xmx16g -cp "$CP" org.gosplan.bench.plan.PlanBench "$N" "$KIND" "$METHODS" 1 "$DIR" 2>/dev/null)
echo "$OUT"
VALUE=$(echo "$OUT" | grep -m1 -o 'value [0-9.e+-]*' | cut -d' ' -f2)
python3 bench/scripts/plan_linprog.py "$DIR" --method "$SCIPY" --time-limit "$LIMIT" --gosplan-value "$VALUE"
rm -rf "$(dirname "$DIR")"
