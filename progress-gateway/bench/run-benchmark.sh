#!/usr/bin/env bash
# Runs one benchmark measurement (see README.md). All arguments go to Bench (the coordinator).
#   flock /tmp/stagewire-build.lock progress-gateway/bench/run-benchmark.sh --target gateway --pid PID ...
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
M2="${M2_REPO:-$HOME/.m2/repository}"
KAFKA_LIBS="${KAFKA_LIBS:-$HOME/.cache/stagewire/kafka-4.1.1/libs}"
NETTY=4.1.132.Final
CP="$M2/io/vertx/vertx-core/4.5.26/vertx-core-4.5.26.jar"
for m in buffer codec codec-http codec-http2 codec-socks codec-dns common handler handler-proxy resolver resolver-dns transport transport-native-unix-common; do
  CP="$CP:$M2/io/netty/netty-$m/$NETTY/netty-$m-$NETTY.jar"
done
CP="$CP:$M2/com/fasterxml/jackson/core/jackson-core/2.21.2/jackson-core-2.21.2.jar"
CP="$CP:$KAFKA_LIBS/kafka-clients-4.1.1.jar:$KAFKA_LIBS/HdrHistogram-2.2.2.jar:$KAFKA_LIBS/slf4j-api-1.7.36.jar"
CP="$CP:$KAFKA_LIBS/lz4-java-1.8.0.jar:$KAFKA_LIBS/snappy-java-1.1.10.7.jar:$KAFKA_LIBS/zstd-jni-1.5.6-10.jar"
CLASSES="$HERE/target/classes"
if [[ ! -f "$CLASSES/Bench.class" || "$HERE/Bench.java" -nt "$CLASSES/Bench.class" ]]; then
  mkdir -p "$CLASSES"
  "$JAVA_HOME/bin/javac" -nowarn -cp "$CP" -d "$CLASSES" "$HERE/Bench.java"
fi
# Sockets are files: take the hard limit (20000 on the reference box; workers hold <= 9000 each).
ulimit -n "$(ulimit -Hn)"
# Hard stop: no measurement outlives 10 minutes.
exec timeout --kill-after=10 600 "$JAVA_HOME/bin/java" -Xmx1g -cp "$CLASSES:$CP" Bench "$@"
