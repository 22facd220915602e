#!/usr/bin/env bash
# docs/benchmarks.md, "Leontief solves on Spark": the same generated economy solved on one machine and on
# Spark's local mode, one after the other, each under /usr/bin/time -v (peak memory).
#   spark/scripts/spark-bench.sh [PRODUCTS] [MASTER] [PARTITIONS] [HEAP]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
n="${1:-1000000}"; master="${2:-local[2]}"; parts="${3:-4}"; heap="${4:-12g}"
mvn -B -q -o -pl spark -am test-compile dependency:build-classpath -Dmdep.outputFile=spark/target/test-classpath.txt \
  -Dmdep.includeScope=test >/dev/null
cp="spark/target/test-classes:spark/target/classes:$(cat spark/target/test-classpath.txt)"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)"
uptime
for mode in single spark; do
  extra=""; args=""
  if [ "$mode" = spark ]; then extra="$opens"; args="$master $parts"; fi
  # shellcheck disable=SC2086
  /usr/bin/time -v java -Xmx"$heap" -XX:+UseParallelGC $extra -cp "$cp" org.gosplan.spark.SparkBench "$mode" "$n" $args \
    2> >(grep -E 'Maximum resident|Elapsed' >&2)
done
uptime
