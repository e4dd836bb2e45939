# Part of ./stagewire (sourced, not run): The services.

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

stale_modules() {
  local entry name jar stale=()
  for entry in "${SERVICES[@]}"; do
    name=${entry%%:*}; jar=$(service_jar "$name")
    if [[ ! -f "$jar" ]] || [[ -n "$(find "$ROOT/$name" "$ROOT/stage-events" "$ROOT/shared-data" "$ROOT/worker-support" "$ROOT/pom.xml" \
        -newer "$jar" -type f -not -path '*/target/*' -print -quit)" ]]; then
      stale+=("$name")
    fi
  done
  (IFS=,; echo "${stale[*]}")
}

build() {
  local stale
  stale=$(stale_modules)
  if [[ -z "$stale" ]]; then say "build is up to date"; return 0; fi
  say "building $stale"
  mvnw -DskipTests -pl "$stale" -am package >"$LOGS/build.log" 2>&1 || { tail -n 40 "$LOGS/build.log" >&2; die "build failed, see $LOGS/build.log"; }
}

service_env() {
  export STAGEWIRE_KAFKA_BOOTSTRAP="$KAFKA_BOOTSTRAP"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 OMP_THREAD_LIMIT=1
  # The SSRF guard refuses loopback addresses; the two local test shops are the allowed exceptions.
  export STAGEWIRE_CRAWLER_ALLOW_LIST="${STAGEWIRE_CRAWLER_ALLOW_LIST:-localhost:8070,127.0.0.1:8070,localhost:8071,127.0.0.1:8071}"
}

# A service this script started from a jar that was rebuilt since: stop it, so that it starts on the new one.
stop_if_rebuilt() { # name
  if alive "$1" && [[ -n "$(find "$ROOT/$1/target/quarkus-app" -name '*.jar' -newer "$PIDS/$1" -print -quit 2>/dev/null)" ]]; then
    say "$1 was rebuilt since it started: restarting it"
    stop_component "$1"
  fi
}

services_start() {
  local entry name port heap
  service_env
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port heap <<<"$entry"
    [[ -f "$(service_jar "$name")" ]] || die "$name is not built ($(service_jar "$name") missing): ./stagewire build"
    stop_if_rebuilt "$name"
    if alive "$name" || http_ok "http://127.0.0.1:$port/q/health/live"; then continue; fi
    # The worker JVMs (Tesseract, rendering) yield the CPU to job-api and the gateway, which answer people. Chromium
    # sets its own processes' priorities, so this helps less than it should on one machine (docs/reliability.md,
    # the job storm); Kubernetes isolates them by each pod's CPU requests.
    local niceness=0 jit=()
    [[ "$name" == *-worker ]] && niceness=10
    # job-api and the workers are glue around Postgres, Kafka, Chromium and Tesseract: C2's compiling cost them more
    # CPU than its code saved (the first job after up 0.86 -> 1.04 products/s, the second 1.27 -> 1.60, job-api's
    # ingestion burst no slower). The gateway keeps C2 for its fan-out loop (docs/decisions.md, JIT).
    [[ "$name" == *-worker || "$name" == job-api ]] && jit=(-XX:TieredStopAtLevel=1)
    # The gateway's heap is mostly long-lived connections and a steady trickle of short-lived frames: a small fixed
    # young generation keeps its memory near what the connections hold (docs/benchmarks.md, idle connections).
    local young=()
    [[ "$name" == progress-gateway ]] && young=(-Xmn32m)
    say "starting $name on :$port (heap $heap)"
    launch "$name" nice -n "$niceness" "$JAVA_HOME/bin/java" "-Xmx$heap" "${young[@]}" "${jit[@]}" -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m \
      -jar "$(service_jar "$name")"
  done
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name port heap <<<"$entry"
    if alive "$name"; then wait_for "$name" 120 http_ok "http://127.0.0.1:$port/q/health/ready"; fi
  done
}
