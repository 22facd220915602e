#!/usr/bin/env bash
# A real spark-submit without a Spark download: the class path of a Spark distribution (Spark 4.0.1 and
# its dependencies, as Maven resolved them for this module into spark/target/classpath.txt, without the
# gosplan modules and EJML, which the job jar carries) and Spark's own launcher class,
# org.apache.spark.deploy.SparkSubmit, which is what $SPARK_HOME/bin/spark-submit runs. docs/spark.md.
#   spark/scripts/spark-submit.sh [SPARK-SUBMIT OPTIONS] spark/target/gosplan-spark.jar COMMAND INPUT OUTPUT ...
# Environment: SPARK_DRIVER_HEAP (default 4g: in local mode the driver JVM is the executors too).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ ! -f "$root/spark/target/gosplan-spark.jar" ] || [ ! -f "$root/spark/target/classpath.txt" ]; then
  (cd "$root" && mvn -B -q -o -pl spark -am package -DskipTests >/dev/null)
fi
cp="$(tr ':' '\n' < "$root/spark/target/classpath.txt" | grep -v -e '/gosplan-' -e '/org/ejml/' | paste -sd:)"
opens="$(sed -n 's:.*<spark.opens>\(.*\)</spark.opens>.*:\1:p' "$root/pom.xml")"
# shellcheck disable=SC2086
exec java -Xmx"${SPARK_DRIVER_HEAP:-4g}" -XX:+UseParallelGC $opens -cp "$cp" org.apache.spark.deploy.SparkSubmit "$@"
