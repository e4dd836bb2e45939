# Part of ./stagewire (sourced, not run): chaos for the system tests and for operators trying what Stagewire survives
# (docs/reliability.md). Only what this checkout started, or its own database, is ever touched.

# kafka SECONDS: the broker killed with SIGKILL (a crash: no clean shutdown, its logs recovered at start), down for
# SECONDS, started again.
outage_kafka() {
  local seconds=$1 pid
  alive kafka || die "Kafka on $KAFKA_BOOTSTRAP was not started by this checkout: not ours to kill"
  pid=$(pid_of kafka)
  say "Kafka (pid $pid) killed; back in ${seconds}s"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  rm -f "$PIDS/kafka"
  sleep "$seconds"
  kafka_start
  kafka_ready
}

# postgres SECONDS: the services' database unreachable for SECONDS — every connection to it terminated and new ones
# refused — as a restart or fail-over looks to them, without restarting a server other databases may live on.
outage_postgres() {
  local seconds=$1 db=${STAGEWIRE_SYSTEM_DB:-$PG_DB}
  pg_sql() { PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qtAc "$1" >/dev/null; }
  # Whatever happens to this script, the database accepts connections again.
  trap 'pg_sql "alter database $db allow_connections true"' EXIT
  pg_sql "alter database $db allow_connections false" || die "cannot change database $db on $PG_HOST:$PG_PORT"
  pg_sql "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$db'"
  say "database $db unreachable; back in ${seconds}s"
  sleep "$seconds"
  pg_sql "alter database $db allow_connections true"
  trap - EXIT
  say "database $db reachable again"
}

cmd_outage() {
  local name=${1:-} seconds=${2:-10}
  [[ "$seconds" =~ ^[0-9]+$ ]] || die "usage: ./stagewire outage kafka|postgres [SECONDS]"
  prepare
  case "$name" in
    kafka) outage_kafka "$seconds" ;;
    postgres) postgres_ready; outage_postgres "$seconds" ;;
    *) die "usage: ./stagewire outage kafka|postgres [SECONDS]" ;;
  esac
}
