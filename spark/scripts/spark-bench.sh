#!/usr/bin/env bash
# docs/benchmarks.md, "Leontief solves on Spark": the same generated economy solved on one machine and on
# Spark's local mode, one after the other, each in its own JVM under /usr/bin/time -v (peak memory).
# The economy is written first as a CSV folder by a streaming generator (EconomyGenerator.writeFolder:
# nothing held); Spark's executors read that folder straight into column blocks; the single machine
# solves the generator's own arrays ('single') or reads the folder as 'gosplan leontief' does
# ('single-read', SINGLE_READ=1).
#   spark/scripts/spark-bench.sh [PRODUCTS] [MASTER] [PARTITIONS] [HEAP] [FOLDER]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
n="${1:-1000000}"; master="${2:-local[2]}"; parts="${3:-4}"; heap="${4:-12g}"; folder="${5:-/tmp/gosplan-economy-$n}"
# package: spark/target/classpath.txt (Spark, Scala, EJML: the module's compile and provided scopes)
mvn -B -q -o -pl spark -am package -DskipTests >/dev/null
# a copy of the classes, so that a build during a long run cannot change them under it
snap="$(mktemp -d)"
for m in spark/target/test-classes spark/target/classes planner/target/classes economy/target/classes; do
  mkdir -p "$snap/$m"; cp -r "$m/." "$snap/$m/"
done
cp="$snap/spark/target/test-classes:$snap/spark/target/classes:$snap/planner/target/classes:$snap/economy/target/classes"
cp="$cp:$(tr ':' '\n' < spark/target/classpath.txt | grep -v '/org/gosplan/' | paste -sd:)"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' pom.xml)"
if [ ! -f "$folder/flows.csv" ]; then
  mkdir -p "$folder"
  cat > "$folder/.Gen.java" <<JAVA
public class Gen { public static void main(String[] a) throws Exception {
  new org.gosplan.planner.EconomyGenerator(Integer.parseInt(a[0]), 10, 42).writeFolder(java.nio.file.Path.of(a[1])); } }
JAVA
  /usr/bin/time -f 'generator: %e s, %M KB' java -Xmx1g -cp "$cp" "$folder/.Gen.java" "$n" "$folder"
fi
free -g | sed -n 2p
uptime
modes="${MODES:-single spark}"
if [ "${SINGLE_READ:-0}" = 1 ]; then modes="single single-read spark"; fi
for mode in $modes; do
  extra=""; args="$n"
  if [ "$mode" = single-read ]; then args="$folder"; fi
  if [ "$mode" = spark ]; then extra="$opens"; args="$folder $master $parts"; fi
  # shellcheck disable=SC2086
  /usr/bin/time -v java -Xmx"$heap" -XX:+UseParallelGC $extra -Djava.io.tmpdir="${TMPDIR:-/tmp}" -cp "$cp" \
    org.gosplan.spark.SparkBench "$mode" $args 2> >(grep -E 'Maximum resident|Elapsed|User time|System time|Exception|Error|flows read|coefficients cut' >&2)
  uptime
done
