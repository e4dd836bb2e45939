# Part of ./stagewire (sourced, not run): Process bookkeeping: every component runs in its own session, so stopping it stops its children.

pid_of() { [[ -f "$PIDS/$1" ]] && cat "$PIDS/$1" || true; }
alive() { local pid; pid=$(pid_of "$1"); [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/${1%:*}/${1#*:}") 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }

launch() { # name, command...
  local name=$1; shift
  # The log of the previous run of the component stays as .log.1: a crash or a fault test's kill is read after the restart.
  [[ -s "$LOGS/$name.log" ]] && mv -f "$LOGS/$name.log" "$LOGS/$name.log.1"
  : >"$LOGS/$name.log"
  # Long-lived children must not inherit the caller's other descriptors: under `flock LOCK ./stagewire up`
  # Kafka would otherwise hold the build lock for as long as it runs.
  setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
  echo $! >"$PIDS/$name"
}

wait_for() { # name, seconds, check command...
  local name=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! alive "$name"; then
      tail -n 30 "$LOGS/$name.log" >&2 || true
      die "$name exited during start-up (log: $LOGS/$name.log)"
    fi
    (( SECONDS < deadline )) || die "$name not ready after ${seconds}s (log: $LOGS/$name.log)"
    # A quarter second: a restart in the chaos tests waits for readiness, and every whole second polled is lost.
    sleep 0.25
  done
}

stop_component() {
  local name=$1 pid i
  pid=$(pid_of "$name")
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; fi
    say "stopped $name (pid $pid)"
  fi
  rm -f "$PIDS/$name"
}
