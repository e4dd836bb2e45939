#!/bin/bash
# Ingestion benchmark of job-api (docs/benchmarks.md): starts the built job-api against its own
# database (stagewire_bench) and consumer group (job-api-bench, so the stack's group "job-api"
# and its offsets are untouched). While job-api is down it sends a burst of external events to
# job.events (loopback), then starts job-api and reports how fast it applies the burst. Stops everything it started. Needs the built app:
#   ./mvnw -B -q -pl job-api -am package -DskipTests
# Usage: benchmarks/ingestion-benchmark.sh [--events=30000] [--jobs=300] [--timeout=120]
# Env: BENCH_PORT (HTTP port, 18080), BENCH_DB (its database, stagewire_bench: two builds with different schemas
# side by side each need their own), APP_DIR (the built app, job-api/target/quarkus-app), BENCH_JAVA_OPTS (extra JVM
# options for job-api, e.g. -XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile)
set -euo pipefail
cd "$(dirname "$0")/.."   # the repository root
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
PG=${STAGEWIRE_PG_HOSTPORT:-127.0.0.1:5432}
KAFKA=${STAGEWIRE_KAFKA_BOOTSTRAP:-127.0.0.1:9092}
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-stagewire_bench}
psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
  || psql -h "${PG%:*}" -p "${PG#*:}" -U postgres -c "create database $DB" >/dev/null
APP_DIR=${APP_DIR:-job-api/target/quarkus-app}
BENCH=(benchmarks/run ingestion --bootstrap="$KAFKA"
       --jdbc="jdbc:postgresql://$PG/$DB" --group=job-api-bench)
# 1. job-api is down: its group is set to the end of job.events and the burst is produced.
OUT=$(timeout 120 "${BENCH[@]}" --phase=produce "$@" 2>/dev/null)
echo "$OUT" | grep -v '^SOURCE'
SOURCE=$(echo "$OUT" | sed -n 's/^SOURCE //p')
# 2. job-api starts and catches up; the measure phase times it from the first applied batch.
LOG=$(mktemp /tmp/job-api-bench.XXXXXX.log)
"$JAVA_HOME/bin/java" -Xmx384m ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Dstagewire.pg.database="$DB" \
  -Dstagewire.pg.hostport="$PG" -Dkafka.bootstrap.servers="$KAFKA" \
  -Dmp.messaging.incoming.job-events.group.id=job-api-bench \
  -jar "$APP_DIR/quarkus-run.jar" >"$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
timeout 300 "${BENCH[@]}" --phase=measure --source="$SOURCE" "$@" 2>/dev/null
echo "job-api log: $LOG"
