# Part of ./stagewire (sourced, not run): Postgres: STAGEWIRE_PG_URL (postgresql://user[:password]@host[:port]/database), else the server
# on 127.0.0.1:5432, else a private cluster under .stagewire/postgres.

postgres_ready() {
  local url="${STAGEWIRE_PG_URL:-postgresql://postgres@127.0.0.1:5432/stagewire}"
  [[ "$url" =~ ^postgres(ql)?://(([^:@/]+)(:([^@/]*))?@)?([^:/]+)(:([0-9]+))?/([A-Za-z0-9_]+)$ ]] \
    || die "STAGEWIRE_PG_URL must look like postgresql://user[:password]@host[:port]/database"
  PG_USER="${BASH_REMATCH[3]:-postgres}"; PG_PASSWORD="${BASH_REMATCH[5]:-}"
  PG_HOST="${BASH_REMATCH[6]}"; PG_PORT="${BASH_REMATCH[8]:-5432}"; PG_DB="${BASH_REMATCH[9]}"
  if ! pg_reachable; then
    [[ -z "${STAGEWIRE_PG_URL:-}" ]] || die "no Postgres answers at $PG_HOST:$PG_PORT (STAGEWIRE_PG_URL)"
    if [[ -d /etc/postgresql ]] && [[ $(id -u) -eq 0 ]] && [[ -n "$(ls /etc/postgresql 2>/dev/null)" ]]; then
      say "starting the machine's Postgres cluster"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start >/dev/null 2>&1 || true
      sleep 2
    fi
    pg_reachable || private_postgres
  fi
  local db
  for db in "$PG_DB" "${PG_DB}_test"; do
    local exists
    exists=$(PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
        "select 1 from pg_database where datname = '$db'") || die "cannot query databases on $PG_HOST:$PG_PORT as $PG_USER"
    if [[ "$exists" != 1 ]]; then
      PGPASSWORD="$PG_PASSWORD" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "create database $db" >/dev/null \
        || die "cannot create database $db on $PG_HOST:$PG_PORT as $PG_USER"
      say "created database $db"
    fi
  done
  export STAGEWIRE_PG_HOSTPORT="$PG_HOST:$PG_PORT" STAGEWIRE_PG_DATABASE="$PG_DB"
  export QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD="$PG_PASSWORD"
}

pg_reachable() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 2>/dev/null; }

private_postgres() {
  local bin dir="$STATE/postgres"
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$bin" ]]; then
    [[ $(id -u) -eq 0 ]] || die "no Postgres reachable and none installed: install postgresql, or set STAGEWIRE_PG_URL"
    say "installing postgresql (apt)"; apt_install postgresql
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PG_HOST=127.0.0.1; PG_PORT=5433; PG_USER=postgres; PG_PASSWORD=""
  local run=(); [[ $(id -u) -eq 0 ]] && run=(runuser -u postgres --)
  if [[ ! -f "$dir/PG_VERSION" ]]; then
    mkdir -p "$dir"; [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    "${run[@]}" "$bin/initdb" -D "$dir" -U postgres -A trust >"$LOGS/postgres-init.log" 2>&1 \
      || die "initdb failed, see $LOGS/postgres-init.log"
  fi
  say "starting a private Postgres on $PG_HOST:$PG_PORT"
  : >"$LOGS/postgres.log"; [[ $(id -u) -eq 0 ]] && chown postgres "$LOGS/postgres.log"
  launch postgres "${run[@]}" "$bin/postgres" -D "$dir" -p "$PG_PORT" -k "$dir" -c listen_addresses=127.0.0.1
  wait_for postgres 60 pg_reachable
}
