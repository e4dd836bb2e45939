# Part of ./stagewire (sourced, not run): Kafka: single-node KRaft from Maven Central jars.

kafka_libs() {
  local dir="$CACHE/kafka-$KAFKA_VERSION"
  if [[ ! -f "$dir/.complete" ]]; then
    say "fetching Kafka $KAFKA_VERSION jars from Maven Central"
    rm -rf "$dir"; mkdir -p "$dir/libs"
    mvnw -f "$ROOT/deploy/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$dir/libs" >"$LOGS/kafka-fetch.log" 2>&1 \
      || die "could not fetch the Kafka jars, see $LOGS/kafka-fetch.log"
    touch "$dir/.complete"
  fi
  echo "$dir/libs"
}

kafka_start() {
  if alive kafka || port_open "$KAFKA_BOOTSTRAP"; then return 0; fi
  local libs data conf
  libs=$(kafka_libs)
  data="$STATE/kafka/data"; conf="$STATE/kafka/server.properties"
  mkdir -p "$data"
  { cat "$ROOT/deploy/kafka/server.properties"; echo "log.dirs=$data"; } >"$conf"
  if [[ ! -f "$data/meta.properties" ]]; then
    local id
    id=$("$JAVA_HOME/bin/java" -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    "$JAVA_HOME/bin/java" -cp "$libs/*" -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" \
      kafka.tools.StorageTool format -t "$id" -c "$conf" >"$LOGS/kafka-format.log" 2>&1 \
      || die "formatting Kafka storage failed, see $LOGS/kafka-format.log"
  fi
  say "starting Kafka on $KAFKA_BOOTSTRAP"
  launch kafka "$JAVA_HOME/bin/java" -Xms128m -Xmx512m -XX:+UseG1GC -cp "$libs/*" \
    -Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" kafka.Kafka "$conf"
}

kafka_ready() {
  if alive kafka; then wait_for kafka 60 port_open "$KAFKA_BOOTSTRAP"; fi
  port_open "$KAFKA_BOOTSTRAP" || die "Kafka is not reachable at $KAFKA_BOOTSTRAP"
  local libs classes
  libs=$(kafka_libs)
  classes=$(create_topics_classes "$libs")
  "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -cp "$classes:$libs/*" CreateTopics \
    "$KAFKA_BOOTSTRAP" "$ROOT/deploy/kafka/topics.txt" 2>"$LOGS/kafka-topics.log" | sed 's/^/[stagewire] /' \
    || die "creating topics failed, see $LOGS/kafka-topics.log"
}

# CreateTopics compiled once per version of its source (running the .java file compiles it on every call: 1-2 s
# of every start, restart and outage in the system tests).
create_topics_classes() { # kafka libs
  local source="$ROOT/deploy/kafka/CreateTopics.java" dir tmp
  dir="$CACHE/create-topics-$(sha256sum "$source" | cut -c1-16)"
  if [[ ! -f "$dir/CreateTopics.class" ]]; then
    # Compiled aside and moved in whole, so that a concurrent start never runs a half-written class.
    mkdir -p "$CACHE"
    tmp=$(mktemp -d "$CACHE/create-topics.XXXXXX")
    "$JAVA_HOME/bin/javac" -d "$tmp" -cp "$1/*" "$source" >"$LOGS/kafka-topics.log" 2>&1 \
      || { rm -rf "$tmp"; die "compiling CreateTopics failed, see $LOGS/kafka-topics.log"; }
    mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"   # another start got there first
  fi
  echo "$dir"
}
